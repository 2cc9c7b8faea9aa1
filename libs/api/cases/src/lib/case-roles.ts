import type { Actor } from '@casustafel/api/platform';
import { CASE_ROLES, type TableRole } from '@casustafel/shared/contracts';

/** The actor's roles at one table. */
export function rolesAt(actor: Actor, tableId: string): TableRole[] {
  return actor.tableRoles.filter((r) => r.tableId === tableId).map((r) => r.role);
}

export function hasRoleAt(actor: Actor, tableId: string, ...roles: TableRole[]): boolean {
  return actor.tableRoles.some((r) => r.tableId === tableId && roles.includes(r.role));
}

/** Tables where the actor works with case content. */
export function caseTables(actor: Actor): string[] {
  return [...new Set(actor.tableRoles.filter((r) => CASE_ROLES.includes(r.role)).map((r) => r.tableId))];
}

export const TRIAGE_ROLES: TableRole[] = ['TRIAGIST', 'PROCESREGISSEUR'];
export const MANAGER_ROLES: TableRole[] = ['PROCESREGISSEUR', 'VOORZITTER'];
export const REGISTRANT_ROLES: TableRole[] = [
  'PROCESREGISSEUR',
  'CASUSREGISSEUR',
  'DEELNEMER',
  'ZORGCOORDINATOR',
  'TRIAGIST',
];
export const WRITER_ROLES: TableRole[] = [
  'PROCESREGISSEUR',
  'VOORZITTER',
  'CASUSREGISSEUR',
  'DEELNEMER',
  'ZORGCOORDINATOR',
];
