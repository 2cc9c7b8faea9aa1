import { Actor, tablesWithRole } from '@casustafel/api/platform';

/**
 * What a beheerder administers: organisations and users of their own region, and the tables of
 * that region at which they hold the BEHEERDER role. Anything else is "not found".
 */
export interface AdminScope {
  regionId: string;
  tableIds: string[];
}

export function adminScope(actor: Actor): AdminScope {
  return {
    regionId: actor.regionId ?? '00000000-0000-0000-0000-000000000000',
    tableIds: tablesWithRole(actor, 'BEHEERDER'),
  };
}
