import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { TransactionRunner, queryRows } from '@casustafel/api/database';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  Clock,
  ConflictError,
  KeyedHasher,
  RequestValidationError,
  SecretBox,
  UnauthenticatedError,
} from '@casustafel/api/platform';
import type { LoginNextStep, SecondFactorEnrolmentResponse } from '@casustafel/shared/contracts';
import { toString as qrToString } from 'qrcode';
import type { EntityManager } from 'typeorm';
import { InvalidCredentialsError } from '../auth.errors';
import { checkPassword } from '../password/password-policy';
import { PasswordHasher } from '../password/password-hasher';
import { base32Encode, otpauthUri, verifyTotp } from '../second-factor/totp';
import { IssuedSession, SessionService } from '../session/session.service';

const ISSUER = 'Casustafel';
const RECOVERY_CODE_COUNT = 10;
/** Wrong second-factor codes in one login before that login is ended. */
const MAX_SECOND_FACTOR_FAILURES = 5;
const MAX_LOCK_MS = 24 * 3_600_000;

export interface LoginStepResult {
  next: LoginNextStep;
  /** A new session whose cookies the controller must set (login started or finished). */
  issued?: IssuedSession;
}

interface LoginUser {
  id: string;
  organisation_id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  active: boolean;
  is_demo: boolean;
  failed_login_count: number;
  locked_until: Date | null;
  lockout_count: number;
  totp_enrolled_at: Date | null;
  password_must_change: boolean;
}

const USER_COLUMNS = `id, organisation_id, email, display_name, password_hash, active, is_demo, failed_login_count,
  locked_until, lockout_count, totp_enrolled_at, password_must_change`;

/**
 * The login steps: password, then the second factor (or its enrolment), then a forced password
 * change when a beheerder set a temporary one. Each step is one transaction with its audit
 * record. Every failure looks the same to the client; the audit log records the real reason.
 */
@Injectable()
export class LoginService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly box: SecretBox,
    private readonly keyed: KeyedHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, device: string): Promise<LoginStepResult> {
    const outcome = await this.tx.run(async (em) => {
      const users: LoginUser[] = await em.query(
        `select ${USER_COLUMNS} from app_user where email = $1 for update`,
        [email.trim().toLowerCase()],
      );
      const user = users[0];
      // Always verify, also for unknown, locked or inactive accounts: the same work, the same time.
      const passwordOk = await this.hasher.verify(user?.password_hash, password);
      if (!user) {
        await this.audit.record(em, {
          action: 'auth.login',
          outcome: 'DENIED',
          details: { reason: 'unknown_account' },
        });
        return undefined;
      }
      const actor = { userId: user.id, organisationId: user.organisation_id };
      const now = this.clock.now();
      if (!user.active) {
        await this.audit.record(em, {
          action: 'auth.login',
          outcome: 'DENIED',
          actor,
          details: { reason: 'inactive' },
        });
        return undefined;
      }
      if (user.locked_until && user.locked_until > now) {
        await this.audit.record(em, {
          action: 'auth.login',
          outcome: 'DENIED',
          actor,
          details: { reason: 'locked' },
        });
        return undefined;
      }
      if (!passwordOk) {
        await this.countFailure(em, user, 'wrong_password');
        return undefined;
      }
      await em.query('update app_user set failed_login_count = 0 where id = $1', [user.id]);
      await this.audit.record(em, {
        action: 'auth.login',
        outcome: 'OK',
        actor,
        details: { step: 'password' },
      });
      return this.advance(
        em,
        user,
        { sessionId: undefined, secondFactorVerified: false, secondFactor: 'none' },
        device,
      );
    });
    if (!outcome) {
      throw new InvalidCredentialsError();
    }
    return outcome;
  }

  async verifySecondFactor(
    actor: Actor,
    input: { code?: string; recoveryCode?: string },
    device: string,
  ): Promise<LoginStepResult> {
    const field = input.code !== undefined ? 'code' : 'recoveryCode';
    const outcome = await this.tx.run(async (em) => {
      const user = await this.lockUser(em, actor.userId);
      const secret = await queryRows<{ totp_secret_enc: Buffer | null; totp_last_step: string | null }>(
        em,
        'select totp_secret_enc, totp_last_step from app_user where id = $1',
        [actor.userId],
      );
      const row = secret[0];
      if (!user.totp_enrolled_at || !row?.totp_secret_enc) {
        return { kind: 'not-enrolled' as const };
      }
      let ok = false;
      if (input.code !== undefined) {
        const key = this.box.open(row.totp_secret_enc, totpContext(user.id));
        const lastStep = row.totp_last_step === null ? null : Number(row.totp_last_step);
        const step = verifyTotp(key, input.code.trim(), this.clock.nowMs(), lastStep);
        if (step !== null) {
          await em.query('update app_user set totp_last_step = $2 where id = $1', [user.id, step]);
          ok = true;
        }
      } else if (input.recoveryCode !== undefined) {
        const used = await queryRows(
          em,
          `update user_recovery_code set used_at = $3 where user_id = $1 and code_hash = $2 and used_at is null returning id`,
          [user.id, this.recoveryHash(input.recoveryCode), this.clock.now()],
        );
        ok = used.length === 1;
      }
      if (!ok) {
        const failures = await this.sessions.countSecondFactorFailure(em, actor.sessionId);
        const locked = await this.countFailure(em, user, 'wrong_second_factor');
        if (failures >= MAX_SECOND_FACTOR_FAILURES || locked) {
          await this.sessions.end(em, [actor.sessionId], 'SECOND_FACTOR_FAILED');
          return { kind: 'ended' as const };
        }
        return { kind: 'wrong' as const };
      }
      await this.sessions.markSecondFactorVerified(em, actor.sessionId);
      await this.audit.record(em, {
        action: 'auth.second_factor',
        outcome: 'OK',
        details: { method: input.code !== undefined ? 'totp' : 'recovery_code' },
      });
      const result = await this.advance(
        em,
        user,
        { sessionId: actor.sessionId, secondFactorVerified: true, secondFactor: 'totp' },
        device,
      );
      return { kind: 'ok' as const, result };
    });
    switch (outcome.kind) {
      case 'ok':
        return outcome.result;
      case 'not-enrolled':
        throw new ConflictError('No second factor is set up for this account; set one up first.');
      case 'ended':
        throw new UnauthenticatedError('Too many wrong codes; sign in again.');
      case 'wrong':
        throw new RequestValidationError([
          { field, code: 'invalidCode', message: 'the code is not valid (any more)' },
        ]);
    }
  }

  async startEnrolment(actor: Actor): Promise<SecondFactorEnrolmentResponse> {
    const secret = randomBytes(20);
    const encoded = base32Encode(secret);
    await this.tx.run(async (em) => {
      const user = await this.lockUser(em, actor.userId);
      if (user.totp_enrolled_at) {
        throw new ConflictError('A second factor is already set up for this account.');
      }
      await em.query('update app_user set totp_pending_secret_enc = $2 where id = $1', [
        user.id,
        this.box.seal(secret, totpContext(user.id)),
      ]);
      await this.audit.record(em, {
        action: 'auth.second_factor.enrolment_started',
        objectType: 'user',
        objectId: user.id,
      });
    });
    const uri = otpauthUri(ISSUER, actor.email, encoded);
    const svg = await qrToString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return {
      secret: encoded.replace(/(.{4})(?=.)/g, '$1 '),
      otpauthUri: uri,
      qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    };
  }

  async confirmEnrolment(
    actor: Actor,
    code: string,
    device: string,
  ): Promise<{ recoveryCodes: string[]; result: LoginStepResult }> {
    const outcome = await this.tx.run(async (em) => {
      const user = await this.lockUser(em, actor.userId);
      const rows = await queryRows<{ totp_pending_secret_enc: Buffer | null }>(
        em,
        'select totp_pending_secret_enc from app_user where id = $1',
        [user.id],
      );
      const pending = rows[0]?.totp_pending_secret_enc;
      if (user.totp_enrolled_at || !pending) {
        return undefined;
      }
      const key = this.box.open(pending, totpContext(user.id));
      const step = verifyTotp(key, code.trim(), this.clock.nowMs(), null);
      if (step === null) {
        return { wrong: true as const };
      }
      await em.query(
        `update app_user set totp_secret_enc = totp_pending_secret_enc, totp_pending_secret_enc = null,
           totp_enrolled_at = $2, totp_last_step = $3 where id = $1`,
        [user.id, this.clock.now(), step],
      );
      const recoveryCodes = await this.replaceRecoveryCodes(em, user.id);
      await this.sessions.markSecondFactorVerified(em, actor.sessionId);
      await this.audit.record(em, {
        action: 'auth.second_factor.enrolled',
        objectType: 'user',
        objectId: user.id,
      });
      const result = await this.advance(
        em,
        { ...user, totp_enrolled_at: this.clock.now() },
        { sessionId: actor.sessionId, secondFactorVerified: true, secondFactor: 'totp' },
        device,
      );
      return { recoveryCodes, result };
    });
    if (!outcome) {
      throw new ConflictError('Start the set-up first: no second factor is waiting for confirmation.');
    }
    if ('wrong' in outcome) {
      throw new RequestValidationError([
        {
          field: 'code',
          code: 'invalidCode',
          message: 'the code is not valid; check the time on your device',
        },
      ]);
    }
    return outcome;
  }

  /** The forced change of a temporary password, as a login step. */
  async changeTemporaryPassword(
    actor: Actor,
    currentPassword: string,
    newPassword: string,
    device: string,
  ): Promise<LoginStepResult> {
    const outcome = await this.tx.run(async (em) => {
      const user = await this.lockUser(em, actor.userId);
      const session = await this.sessions.info(em, actor.sessionId);
      if (!user.password_must_change || !session?.secondFactorVerified) {
        return { kind: 'not-due' as const };
      }
      if (!(await this.hasher.verify(user.password_hash, currentPassword))) {
        await this.countFailure(em, user, 'wrong_password');
        return { kind: 'wrong' as const };
      }
      const problems = checkPassword(newPassword, {
        email: user.email,
        displayName: user.display_name,
        currentPassword,
      });
      if (problems.length > 0) {
        return { kind: 'weak' as const, problems };
      }
      await em.query('update app_user set password_hash = $2, password_must_change = false where id = $1', [
        user.id,
        await this.hasher.hash(newPassword),
      ]);
      await this.audit.record(em, {
        action: 'auth.password.changed',
        objectType: 'user',
        objectId: user.id,
        details: { temporary: true },
      });
      const result = await this.advance(
        em,
        { ...user, password_must_change: false },
        { sessionId: actor.sessionId, secondFactorVerified: true, secondFactor: 'totp' },
        device,
      );
      return { kind: 'ok' as const, result };
    });
    switch (outcome.kind) {
      case 'ok':
        return outcome.result;
      case 'not-due':
        throw new ConflictError('No password change is due in this login.');
      case 'wrong':
        throw new RequestValidationError([
          { field: 'currentPassword', code: 'passwordIncorrect', message: 'is not your current password' },
        ]);
      case 'weak':
        throw new RequestValidationError(outcome.problems);
    }
  }

  /** Where the login stands; finishes it (a new, full session) when nothing is due any more. */
  async currentStep(actor: Actor): Promise<LoginNextStep> {
    return this.tx.run(async (em) => {
      const users: LoginUser[] = await em.query(`select ${USER_COLUMNS} from app_user where id = $1`, [
        actor.userId,
      ]);
      const session = await this.sessions.info(em, actor.sessionId);
      return this.nextStep(users[0], session?.secondFactorVerified ?? false);
    });
  }

  private nextStep(user: LoginUser, secondFactorVerified: boolean): LoginNextStep {
    if (!secondFactorVerified) {
      if (user.totp_enrolled_at) {
        return 'SECOND_FACTOR';
      }
      if (!(user.is_demo && this.config.auth.demoMode)) {
        return 'ENROL_SECOND_FACTOR';
      }
    }
    return user.password_must_change ? 'CHANGE_PASSWORD' : 'DONE';
  }

  /**
   * Decides the next step. When none is due, the login is finished: a new session (new id and
   * token, ASVS 7.2.4) replaces the pending one.
   */
  private async advance(
    em: EntityManager,
    user: LoginUser,
    state: { sessionId: string | undefined; secondFactorVerified: boolean; secondFactor: 'none' | 'totp' },
    device: string,
  ): Promise<LoginStepResult> {
    const next = this.nextStep(user, state.secondFactorVerified);
    if (next !== 'DONE') {
      if (state.sessionId) {
        return { next };
      }
      return { next, issued: await this.sessions.create(em, user.id, 'PENDING', device) };
    }
    const issued = await this.sessions.create(em, user.id, 'FULL', device);
    if (state.sessionId) {
      await this.sessions.end(em, [state.sessionId], 'ROTATED');
    }
    await em.query(
      'update app_user set last_login_at = $2, failed_login_count = 0, lockout_count = 0 where id = $1',
      [user.id, this.clock.now()],
    );
    const secondFactor = state.secondFactorVerified ? state.secondFactor : 'demo_mode_skipped';
    await this.audit.record(em, {
      action: 'auth.login.completed',
      actor: { userId: user.id, organisationId: user.organisation_id, sessionId: issued.sessionId },
      details: { secondFactor },
    });
    return { next, issued };
  }

  /** One more failed attempt; locks the account (longer each time) at the threshold. Returns whether it locked. */
  private async countFailure(em: EntityManager, user: LoginUser, reason: string): Promise<boolean> {
    const actor = { userId: user.id, organisationId: user.organisation_id };
    const failures = user.failed_login_count + 1;
    const action = reason === 'wrong_second_factor' ? 'auth.second_factor' : 'auth.login';
    await this.audit.record(em, { action, outcome: 'DENIED', actor, details: { reason, failures } });
    if (failures < this.config.auth.lockoutThreshold) {
      await em.query('update app_user set failed_login_count = $2 where id = $1', [user.id, failures]);
      return false;
    }
    const duration = Math.min(this.config.auth.lockoutMs * 2 ** user.lockout_count, MAX_LOCK_MS);
    const until = new Date(this.clock.nowMs() + duration);
    await em.query(
      'update app_user set failed_login_count = 0, locked_until = $2, lockout_count = lockout_count + 1 where id = $1',
      [user.id, until],
    );
    // Open sessions stay: a lock caused by someone guessing must not log the real user out.
    await this.audit.record(em, {
      action: 'auth.lockout',
      outcome: 'OK',
      actor,
      objectType: 'user',
      objectId: user.id,
      details: { minutes: Math.round(duration / 60_000), lockouts: user.lockout_count + 1 },
    });
    return true;
  }

  private async lockUser(em: EntityManager, userId: string): Promise<LoginUser> {
    const users: LoginUser[] = await em.query(
      `select ${USER_COLUMNS} from app_user where id = $1 for update`,
      [userId],
    );
    if (!users[0]) {
      throw new UnauthenticatedError();
    }
    return users[0];
  }

  async replaceRecoveryCodes(em: EntityManager, userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const raw = base32Encode(randomBytes(7)).slice(0, 10).toLowerCase();
      return `${raw.slice(0, 5)}-${raw.slice(5)}`;
    });
    await em.query('delete from user_recovery_code where user_id = $1', [userId]);
    await em.query(`insert into user_recovery_code (user_id, code_hash) select $1, unnest($2::bytea[])`, [
      userId,
      codes.map((c) => this.recoveryHash(c)),
    ]);
    return codes;
  }

  private recoveryHash(code: string): Buffer {
    return this.keyed.digest('recovery-code', code.toUpperCase().replace(/[^A-Z2-7]/g, ''));
  }
}

export function totpContext(userId: string): string {
  return `app_user.totp:${userId}`;
}
