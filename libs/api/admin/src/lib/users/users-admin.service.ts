import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { PasswordHasher, SessionService } from '@casustafel/api/auth';
import {
  PG_UNIQUE_VIOLATION,
  pgErrorCode,
  SessionEndReason,
  TransactionRunner,
  queryRows,
} from '@casustafel/api/database';
import { Actor, Clock, ConflictError, NotFoundError, RequestValidationError } from '@casustafel/api/platform';
import type {
  AdminUserDto,
  CreateUserRequest,
  TableRoleAssignment,
  TemporaryPasswordResponse,
  UpdateUserRequest,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { AdminScope, adminScope } from '../admin-scope';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  organisation_id: string;
  organisation_name: string;
  active: boolean;
  totp_enrolled_at: Date | null;
  locked_until: Date | null;
  last_login_at: Date | null;
  version: number;
  roles: TableRoleAssignment[];
}

/** Letters and digits that cannot be confused with each other when read out or typed over. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * Users of the beheerder's region: create (with a temporary password handed over out of band),
 * change name and roles, deactivate (their sessions end at once), reset the second factor or the
 * password, unlock, and end sessions.
 */
@Injectable()
export class UsersAdminService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly sessions: SessionService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor): Promise<AdminUserDto[]> {
    const scope = adminScope(actor);
    return this.tx.run(async (em) => {
      const rows = await this.select(em, scope, 'true', []);
      await this.audit.record(em, { action: 'admin.user.list', details: { count: rows.length } });
      return rows.map((r) => this.toDto(r));
    });
  }

  async create(actor: Actor, input: CreateUserRequest): Promise<TemporaryPasswordResponse> {
    const scope = adminScope(actor);
    this.assertRolesInScope(scope, input.roles);
    const temporaryPassword = newTemporaryPassword();
    const passwordHash = await this.hasher.hash(temporaryPassword);
    return this.tx.run(async (em) => {
      const org: unknown[] = await em.query(
        'select 1 from organisation where id = $1 and region_id = $2 and active',
        [input.organisationId, scope.regionId],
      );
      if (org.length === 0) {
        throw new RequestValidationError([
          {
            field: 'organisationId',
            code: 'unknownOrganisation',
            message: 'is not an active organisation of your region',
          },
        ]);
      }
      let inserted: Array<{ id: string }>;
      try {
        inserted = await em.query(
          `insert into app_user (organisation_id, email, display_name, password_hash, password_must_change)
           values ($1, $2, $3, $4, true) returning id`,
          [input.organisationId, input.email.trim().toLowerCase(), input.displayName.trim(), passwordHash],
        );
      } catch (error) {
        if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
          throw new ConflictError('An account with this e-mail address already exists.', 'user.email_taken');
        }
        throw error;
      }
      const id = inserted[0].id;
      await this.writeRoles(em, id, scope, input.roles);
      await this.audit.record(em, {
        action: 'admin.user.create',
        objectType: 'user',
        objectId: id,
        details: {
          organisationId: input.organisationId,
          roles: input.roles.map((r) => `${r.tableId}:${r.role}`),
        },
      });
      return { user: await this.one(em, scope, id), temporaryPassword };
    });
  }

  update(actor: Actor, id: string, input: UpdateUserRequest): Promise<AdminUserDto> {
    const scope = adminScope(actor);
    this.assertRolesInScope(scope, input.roles);
    return this.tx.run(async (em) => {
      const before = await this.one(em, scope, id);
      const rows = await queryRows(
        em,
        `update app_user set display_name = $2, version = version + 1, updated_at = now()
         where id = $1 and version = $3 returning id`,
        [id, input.displayName.trim(), input.version],
      );
      if (rows.length === 0) {
        throw new ConflictError('The account was changed by someone else; reload and try again.');
      }
      await this.writeRoles(em, id, scope, input.roles);
      await this.sessions.userChanged(em, [id]);
      await this.audit.record(em, {
        action: 'admin.user.update',
        objectType: 'user',
        objectId: id,
        details: {
          rolesBefore: before.roles.map((r) => `${r.tableId}:${r.role}`),
          rolesAfter: input.roles.map((r) => `${r.tableId}:${r.role}`),
        },
      });
      return this.one(em, scope, id);
    });
  }

  setActive(actor: Actor, id: string, active: boolean): Promise<AdminUserDto> {
    if (!active && id === actor.userId) {
      throw new ConflictError('You cannot deactivate your own account.', 'user.self_deactivation');
    }
    return this.change(actor, id, active ? 'admin.user.activate' : 'admin.user.deactivate', async (em) => {
      await em.query(
        'update app_user set active = $2, version = version + 1, updated_at = now() where id = $1',
        [id, active],
      );
      return active ? undefined : 'DEACTIVATED';
    });
  }

  resetSecondFactor(actor: Actor, id: string): Promise<AdminUserDto> {
    return this.change(actor, id, 'admin.user.reset_second_factor', async (em) => {
      await em.query(
        `update app_user set totp_secret_enc = null, totp_pending_secret_enc = null, totp_enrolled_at = null,
           totp_last_step = null, version = version + 1, updated_at = now() where id = $1`,
        [id],
      );
      await em.query('delete from user_recovery_code where user_id = $1', [id]);
      return 'SECOND_FACTOR_RESET';
    });
  }

  unlock(actor: Actor, id: string): Promise<AdminUserDto> {
    return this.change(actor, id, 'admin.user.unlock', async (em) => {
      await em.query(
        'update app_user set locked_until = null, failed_login_count = 0, lockout_count = 0 where id = $1',
        [id],
      );
      return undefined;
    });
  }

  endSessions(actor: Actor, id: string): Promise<AdminUserDto> {
    return this.change(actor, id, 'admin.user.end_sessions', async () => 'ADMIN');
  }

  async resetPassword(actor: Actor, id: string): Promise<TemporaryPasswordResponse> {
    const temporaryPassword = newTemporaryPassword();
    const passwordHash = await this.hasher.hash(temporaryPassword);
    const user = await this.change(actor, id, 'admin.user.reset_password', async (em) => {
      await em.query(
        `update app_user set password_hash = $2, password_must_change = true, locked_until = null, failed_login_count = 0,
           version = version + 1, updated_at = now() where id = $1`,
        [id, passwordHash],
      );
      return 'ADMIN';
    });
    return { user, temporaryPassword };
  }

  /** A change to one user of the region: 404 outside it; ends their sessions when asked; audited. */
  private change(
    actor: Actor,
    id: string,
    action: string,
    work: (em: EntityManager) => Promise<SessionEndReason | undefined>,
  ): Promise<AdminUserDto> {
    const scope = adminScope(actor);
    return this.tx.run(async (em) => {
      await this.one(em, scope, id, true);
      const endReason = await work(em);
      const ended = endReason ? await this.sessions.endAllOfUser(em, id, endReason) : 0;
      await this.sessions.userChanged(em, [id]);
      await this.audit.record(em, {
        action,
        objectType: 'user',
        objectId: id,
        details: { endedSessions: ended },
      });
      return this.one(em, scope, id);
    });
  }

  private assertRolesInScope(scope: AdminScope, roles: TableRoleAssignment[]): void {
    const problems = roles.flatMap((role, index) =>
      scope.tableIds.includes(role.tableId)
        ? []
        : [
            {
              field: `roles[${index}].tableId`,
              code: 'tableNotAdministered',
              message: 'is not a table you administer',
            },
          ],
    );
    const keys = roles.map((r) => `${r.tableId}:${r.role}`);
    if (new Set(keys).size !== keys.length) {
      problems.push({
        field: 'roles',
        code: 'duplicateRole',
        message: 'lists the same role at the same table twice',
      });
    }
    if (problems.length > 0) {
      throw new RequestValidationError(problems);
    }
  }

  /** Replaces the user's roles at the tables this beheerder administers; roles elsewhere stay. */
  private async writeRoles(
    em: EntityManager,
    userId: string,
    scope: AdminScope,
    roles: TableRoleAssignment[],
  ): Promise<void> {
    await em.query('delete from user_table_role where user_id = $1 and table_id = any($2::uuid[])', [
      userId,
      scope.tableIds,
    ]);
    if (roles.length > 0) {
      await em.query(
        `insert into user_table_role (user_id, table_id, role) select $1, t, r from unnest($2::uuid[], $3::text[]) as x(t, r)`,
        [userId, roles.map((r) => r.tableId), roles.map((r) => r.role)],
      );
    }
  }

  private async one(em: EntityManager, scope: AdminScope, id: string, lock = false): Promise<AdminUserDto> {
    const rows = await this.select(em, scope, 'u.id = $3', [id], lock);
    if (!rows[0]) {
      throw new NotFoundError('No such user.');
    }
    return this.toDto(rows[0]);
  }

  private select(
    em: EntityManager,
    scope: AdminScope,
    where: string,
    params: unknown[],
    lock = false,
  ): Promise<UserRow[]> {
    return em.query(
      `select u.id, u.email, u.display_name, u.organisation_id, o.name as organisation_name, u.active, u.totp_enrolled_at,
              u.locked_until, u.last_login_at, u.version,
              coalesce((select json_agg(json_build_object('tableId', r.table_id, 'role', r.role) order by r.table_id, r.role)
                        from user_table_role r join case_table t on t.id = r.table_id
                        where r.user_id = u.id and t.region_id = $1 and t.id = any($2::uuid[])), '[]'::json) as roles
       from app_user u join organisation o on o.id = u.organisation_id
       where o.region_id = $1 and ${where}
       order by o.name, u.display_name
       ${lock ? 'for update of u' : ''}`,
      [scope.regionId, scope.tableIds, ...params],
    );
  }

  private toDto(row: UserRow): AdminUserDto {
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      active: row.active,
      secondFactorEnrolled: row.totp_enrolled_at !== null,
      locked: row.locked_until !== null && row.locked_until.getTime() > this.clock.nowMs(),
      roles: row.roles,
      lastLoginAt: row.last_login_at?.toISOString() ?? null,
      version: row.version,
    };
  }
}

/** Four groups of four: 19 characters, about 79 bits, easy to read out over the phone. */
function newTemporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}
