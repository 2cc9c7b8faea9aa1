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

/**
 * The audit's authorisation rule (NEN 7513 autorisatieprotocol) for an action a table role allows:
 * `TABLE_ROLE:<role>` with the first of the actor's roles there that allows it.
 */
export function tableRoleRule(actor: Actor, tableId: string, roles: TableRole[]): string | undefined {
  const role = rolesAt(actor, tableId).find((r) => roles.includes(r));
  return role ? `TABLE_ROLE:${role}` : undefined;
}

/**
 * The audit's authorisation rule for a full read the access policy granted (`cst_access`:
 * `FULL:<why>`); a break-glass opening is `FULL:BREAK_GLASS:<id>` → `BREAK_GLASS:<id>`.
 */
export function accessRule(access: string): string | undefined {
  if (access.startsWith('FULL:BREAK_GLASS:')) {
    return access.slice('FULL:'.length);
  }
  const rules: Record<string, string> = {
    'FULL:OWN': 'OWN_ORGANISATION',
    'FULL:MATRIX': 'MATRIX',
    'FULL:DISCLOSURE': 'DISCLOSURE',
    'FULL:EMBARGO_WHITELIST': 'EMBARGO_WHITELIST',
  };
  return rules[access];
}
