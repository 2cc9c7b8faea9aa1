import type { PartnerType, Permission, TableRole } from '@casustafel/shared/contracts';

export type AuthStage = 'PENDING' | 'FULL';

/**
 * Who is acting: the signed-in user, for which organisation, in which roles at which tables.
 * Resolved once per request from the session and carried in the request context.
 */
export interface Actor {
  userId: string;
  sessionId: string;
  displayName: string;
  email: string;
  isDemo: boolean;
  organisationId: string;
  organisationName: string;
  partnerType: PartnerType;
  regionId: string | null;
  stage: AuthStage;
  tableRoles: ReadonlyArray<{ tableId: string; tableName: string; role: TableRole }>;
  permissions: ReadonlySet<Permission>;
  /** Random per session; state-changing requests must echo it (double submit, bound to the session). */
  csrfToken: string;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

/** Tables at which the actor holds one of the roles (any role when none given). */
export function tablesWithRole(actor: Actor, ...roles: TableRole[]): string[] {
  return [
    ...new Set(
      actor.tableRoles.filter((r) => roles.length === 0 || roles.includes(r.role)).map((r) => r.tableId),
    ),
  ];
}

export function rolesOf(actor: Actor): TableRole[] {
  return [...new Set(actor.tableRoles.map((r) => r.role))];
}
