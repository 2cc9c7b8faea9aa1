import type { Actor } from '@casustafel/api/platform';
import { ROLE_PERMISSIONS, type Permission, type TableRole } from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';

/** The tables where the actor holds a role that grants `permission` (as the session counts roles). */
export function tablesGranting(actor: Actor, permission: Permission): string[] {
  return [
    ...new Set(
      actor.tableRoles
        .filter((r) => (ROLE_PERMISSIONS[r.role as TableRole] ?? []).includes(permission))
        .map((r) => r.tableId),
    ),
  ];
}

async function regionsOf(em: EntityManager, tableIds: string[]): Promise<string[]> {
  if (tableIds.length === 0) {
    return [];
  }
  const rows: Array<{ region_id: string }> = await em.query(
    'select distinct region_id from case_table where id = any($1::uuid[])',
    [tableIds],
  );
  return rows.map((r) => r.region_id);
}

/** Regions where the actor is the contactpunt: requests exist for it there only. */
export function contactpuntRegions(em: EntityManager, actor: Actor): Promise<string[]> {
  return regionsOf(em, tablesGranting(actor, 'rights.manage'));
}

/** Regions where the actor answers tasks for its organisation. */
export function taskRegions(em: EntityManager, actor: Actor): Promise<string[]> {
  return regionsOf(em, tablesGranting(actor, 'rights.tasks'));
}
