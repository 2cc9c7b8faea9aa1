import type { SessionResponse, TableRole } from '@casustafel/shared/contracts';

/** The table roles that compose and decide extracts (the managers of a case's table). */
export const EXTRACT_COMPOSER_ROLES: readonly TableRole[] = ['VOORZITTER', 'PROCESREGISSEUR'];

/**
 * Whether the signed-in user may compose extracts for cases of this table: the permission, and a
 * composing role at this very table (the server decides per case; this only hides the panel).
 */
export function mayComposeExtracts(session: SessionResponse | null, tableId: string): boolean {
  return (
    !!session &&
    session.permissions.includes('extracts.compose') &&
    session.roles.some((r) => r.tableId === tableId && EXTRACT_COMPOSER_ROLES.includes(r.role))
  );
}
