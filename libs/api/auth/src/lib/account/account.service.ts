import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { TransactionRunner } from '@casustafel/api/database';
import { Actor, NotFoundError, RequestValidationError } from '@casustafel/api/platform';
import type { AccountSessionDto } from '@casustafel/shared/contracts';
import { checkPassword } from '../password/password-policy';
import { PasswordHasher } from '../password/password-hasher';
import { SessionService } from '../session/session.service';

/** "My account": own sessions and own password. */
@Injectable()
export class AccountService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly sessions: SessionService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditWriter,
  ) {}

  async listSessions(actor: Actor): Promise<AccountSessionDto[]> {
    const sessions = await this.tx.run((em) => this.sessions.listOpen(em, actor.userId));
    return sessions.map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      device: s.device,
      current: s.id === actor.sessionId,
    }));
  }

  async endOtherSessions(actor: Actor): Promise<void> {
    await this.tx.run(async (em) => {
      const ended = await this.sessions.endAllOfUser(em, actor.userId, 'LOGOUT_ELSEWHERE', actor.sessionId);
      await this.audit.record(em, { action: 'account.sessions.end_others', details: { ended } });
    });
  }

  /** Ends one of the user's own sessions; someone else's session id is "not found". */
  async endSession(actor: Actor, sessionId: string): Promise<void> {
    await this.tx.run(async (em) => {
      const own: unknown[] = await em.query(
        'select 1 from user_session where id = $1 and user_id = $2 and ended_at is null',
        [sessionId, actor.userId],
      );
      if (own.length === 0) {
        throw new NotFoundError('No such session.');
      }
      await this.sessions.end(em, [sessionId], sessionId === actor.sessionId ? 'LOGOUT' : 'LOGOUT_ELSEWHERE');
      await this.audit.record(em, {
        action: 'account.session.end',
        objectType: 'session',
        objectId: sessionId,
      });
    });
  }

  async logout(actor: Actor): Promise<void> {
    await this.tx.run(async (em) => {
      await this.sessions.end(em, [actor.sessionId], 'LOGOUT');
      await this.audit.record(em, { action: 'auth.logout' });
    });
  }

  /** Changes the own password; every other session ends (someone may have known the old one). */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const outcome = await this.tx.run(async (em) => {
      const rows: Array<{ password_hash: string | null; email: string; display_name: string }> =
        await em.query('select password_hash, email, display_name from app_user where id = $1 for update', [
          actor.userId,
        ]);
      const user = rows[0];
      if (!(await this.hasher.verify(user?.password_hash, currentPassword))) {
        await this.audit.record(em, {
          action: 'account.password.change',
          outcome: 'DENIED',
          details: { reason: 'wrong_password' },
        });
        return 'wrong' as const;
      }
      const problems = checkPassword(newPassword, {
        email: user.email,
        displayName: user.display_name,
        currentPassword,
      });
      if (problems.length > 0) {
        throw new RequestValidationError(problems);
      }
      await em.query('update app_user set password_hash = $2, password_must_change = false where id = $1', [
        actor.userId,
        await this.hasher.hash(newPassword),
      ]);
      const ended = await this.sessions.endAllOfUser(em, actor.userId, 'PASSWORD_CHANGED', actor.sessionId);
      await this.audit.record(em, {
        action: 'auth.password.changed',
        objectType: 'user',
        objectId: actor.userId,
        details: { endedSessions: ended },
      });
      return 'ok' as const;
    });
    if (outcome === 'wrong') {
      throw new RequestValidationError([
        { field: 'currentPassword', code: 'passwordIncorrect', message: 'is not your current password' },
      ]);
    }
  }
}
