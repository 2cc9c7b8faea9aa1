import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  DatabaseService,
  PgNotifications,
  SessionEndReason,
  SessionStage,
  queryRows,
} from '@casustafel/api/database';
import { Actor, APP_CONFIG, AppConfig, Clock } from '@casustafel/api/platform';
import { permissionsOf, type PartnerType, type TableRole } from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Notifications on this channel make every instance forget cached sessions (and the live room
 * close the sockets of ended sessions). Sent inside the transaction that ends them: heard at commit.
 */
export const SESSION_CHANNEL = 'cst_sessions';
const CHANNEL = SESSION_CHANNEL;

/** The payload on SESSION_CHANNEL (JSON). */
export interface SessionNotification {
  /** These sessions ended. */
  sessions?: string[];
  /** Every session of these users ended, except `except`. */
  users?: string[];
  except?: string | null;
  /** These users' name, organisation or roles changed: reload their actors. */
  refresh?: string[];
}
/** A cached session is re-read from the database at least this often (safety net for a missed NOTIFY). */
const CACHE_TTL_MS = 10_000;
/** `last_seen_at` is written at most this often per session; idle timeouts are minutes, not seconds. */
const TOUCH_INTERVAL_MS = 60_000;
const MAX_CACHED = 50_000;
/** A half-finished login (password right, further steps due) must be completed within this time. */
export const PENDING_SESSION_MS = 10 * 60_000;

export interface IssuedSession {
  sessionId: string;
  /** For the cookie; only its hash is stored. */
  token: string;
  csrfToken: string;
}

export interface SessionInfo {
  id: string;
  userId: string;
  stage: SessionStage;
  secondFactorVerified: boolean;
  csrfToken: string;
  createdAtMs: number;
  absoluteExpiresAtMs: number;
  lastSeenMs: number;
}

interface CachedSession extends SessionInfo {
  dbLastSeenMs: number;
  cachedAtMs: number;
  actor: Omit<Actor, 'idleExpiresAt' | 'absoluteExpiresAt' | 'stage' | 'csrfToken' | 'sessionId'>;
}

interface SessionRow {
  session_id: string;
  user_id: string;
  stage: SessionStage;
  second_factor_verified: boolean;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  absolute_expires_at: Date;
  display_name: string;
  email: string;
  is_demo: boolean;
  organisation_id: string;
  organisation_name: string;
  partner_type: PartnerType;
  region_id: string | null;
  roles: Array<{ tableId: string; tableName: string; role: TableRole }>;
}

/**
 * Server-side sessions (ADR 0012). The cookie carries a random token; the database keeps its hash,
 * the user, the stage of the login, timestamps and how the session ended. Sessions are cached per
 * instance for speed; ending a session (logout, revocation, deactivation) takes effect on this
 * instance at once and on every other instance as soon as PostgreSQL delivers the NOTIFY sent in
 * the same transaction (milliseconds), with a 10 s cache lifetime as the safety net.
 */
@Injectable()
export class SessionService implements OnModuleInit {
  private readonly cache = new Map<string, CachedSession>();
  private listeningPromise: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: DatabaseService,
    private readonly notifications: PgNotifications,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.notifications.onReset(() => this.cache.clear());
    // Subscribing waits for the database; do not hold up start-up (health must answer meanwhile).
    this.listeningPromise = this.notifications
      .subscribe(CHANNEL, (payload) => this.onNotification(payload))
      .catch(() => this.cache.clear());
  }

  /** Resolves once this instance hears about sessions ended elsewhere. */
  listening(): Promise<void> {
    return this.listeningPromise;
  }

  get idleMs(): number {
    return this.config.auth.sessionIdleMs;
  }

  /** Starts a session for a user whose password was just verified (PENDING) or who is done (FULL). */
  async create(
    em: EntityManager,
    userId: string,
    stage: SessionStage,
    device: string,
    secondFactorVerified = stage === 'FULL',
  ): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const lifetime = stage === 'FULL' ? this.config.auth.sessionAbsoluteMs : PENDING_SESSION_MS;
    const rows = await queryRows<{ id: string }>(
      em,
      `insert into user_session (token_hash, user_id, stage, second_factor_verified, csrf_token, created_at,
         last_seen_at, absolute_expires_at, device)
       values ($1, $2, $3, $4, $5, $6, $6, $7, $8) returning id`,
      [
        hashToken(token),
        userId,
        stage,
        secondFactorVerified,
        csrfToken,
        now,
        new Date(now.getTime() + lifetime),
        device.slice(0, 120),
      ],
    );
    return { sessionId: rows[0].id, token, csrfToken };
  }

  /**
   * The actor behind a session token, or undefined when the session does not exist, has ended,
   * sat idle too long, passed its absolute lifetime, or its user was deactivated. Refreshes the
   * idle timer, unless `touch` is false (a check that is not the user's own activity, e.g. the live
   * room sweeping its open sockets).
   */
  async resolve(token: string | undefined, options: { touch?: boolean } = {}): Promise<Actor | undefined> {
    if (!token || token.length > 100) {
      return undefined;
    }
    // The cache is keyed by the token itself (the process holds it anyway while serving the
    // request); only a miss hashes it to look the session up.
    const now = this.clock.nowMs();
    let entry = this.cache.get(token);
    if (!entry || now - entry.cachedAtMs > CACHE_TTL_MS || now < entry.cachedAtMs) {
      entry = await this.load(hashToken(token), now, entry);
      if (!entry) {
        this.cache.delete(token);
        return undefined;
      }
      if (this.cache.size >= MAX_CACHED) {
        this.cache.clear();
      }
      this.cache.set(token, entry);
    }
    if (now >= entry.absoluteExpiresAtMs || now - entry.lastSeenMs >= this.idleMs) {
      this.cache.delete(token);
      return undefined;
    }
    const touch = options.touch ?? true;
    if (touch) {
      entry.lastSeenMs = now;
    }
    if (touch && now - entry.dbLastSeenMs >= TOUCH_INTERVAL_MS) {
      entry.dbLastSeenMs = now;
      await this.database.dataSource.query(
        'update user_session set last_seen_at = $2 where id = $1 and ended_at is null',
        [entry.id, new Date(now)],
      );
    }
    return {
      ...entry.actor,
      sessionId: entry.id,
      stage: entry.stage,
      csrfToken: entry.csrfToken,
      idleExpiresAt: new Date(Math.min(entry.lastSeenMs + this.idleMs, entry.absoluteExpiresAtMs)),
      absoluteExpiresAt: new Date(entry.absoluteExpiresAtMs),
    };
  }

  /** The login state of a pending session (second factor done yet?), read fresh from the database. */
  async info(em: EntityManager, sessionId: string): Promise<SessionInfo | undefined> {
    const rows = await queryRows<{
      id: string;
      user_id: string;
      stage: SessionStage;
      second_factor_verified: boolean;
      csrf_token: string;
      created_at: Date;
      last_seen_at: Date;
      absolute_expires_at: Date;
    }>(
      em,
      `select id, user_id, stage, second_factor_verified, csrf_token, created_at, last_seen_at, absolute_expires_at
       from user_session where id = $1 and ended_at is null`,
      [sessionId],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          userId: row.user_id,
          stage: row.stage,
          secondFactorVerified: row.second_factor_verified,
          csrfToken: row.csrf_token,
          createdAtMs: row.created_at.getTime(),
          absoluteExpiresAtMs: row.absolute_expires_at.getTime(),
          lastSeenMs: row.last_seen_at.getTime(),
        }
      : undefined;
  }

  async markSecondFactorVerified(em: EntityManager, sessionId: string): Promise<void> {
    await em.query(
      'update user_session set second_factor_verified = true where id = $1 and ended_at is null',
      [sessionId],
    );
    this.forgetSession(sessionId);
  }

  /** Counts a wrong second-factor code in this session; returns the count so far. */
  async countSecondFactorFailure(em: EntityManager, sessionId: string): Promise<number> {
    const rows = await queryRows<{ second_factor_failures: number }>(
      em,
      `update user_session set second_factor_failures = second_factor_failures + 1 where id = $1
       returning second_factor_failures`,
      [sessionId],
    );
    return rows[0]?.second_factor_failures ?? 0;
  }

  /** Ends the given sessions; effective here at once and elsewhere when the transaction commits. */
  async end(em: EntityManager, sessionIds: string[], reason: SessionEndReason): Promise<string[]> {
    if (sessionIds.length === 0) {
      return [];
    }
    const rows = await queryRows<{ id: string }>(
      em,
      `update user_session set ended_at = $2, end_reason = $3 where id = any($1::uuid[]) and ended_at is null returning id`,
      [sessionIds, this.clock.now(), reason],
    );
    await this.announce(em, { sessions: rows.map((r) => r.id) });
    return rows.map((r) => r.id);
  }

  /** Ends every open session of a user, except (optionally) one. */
  async endAllOfUser(
    em: EntityManager,
    userId: string,
    reason: SessionEndReason,
    except?: string,
  ): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      em,
      `update user_session set ended_at = $2, end_reason = $3
       where user_id = $1 and ended_at is null and ($4::uuid is null or id <> $4::uuid) returning id`,
      [userId, this.clock.now(), reason, except ?? null],
    );
    await this.announce(em, { users: [userId], except: except ?? null });
    return rows.length;
  }

  /**
   * A user's name, organisation or roles changed: cached actors of that user are reloaded on their
   * next request, on every instance.
   */
  async userChanged(em: EntityManager, userIds: string[]): Promise<void> {
    await this.announce(em, { refresh: userIds });
  }

  async listOpen(
    em: EntityManager,
    userId: string,
  ): Promise<Array<{ id: string; createdAt: Date; lastSeenAt: Date; device: string }>> {
    const now = this.clock.now();
    const rows = await queryRows<{ id: string; created_at: Date; last_seen_at: Date; device: string }>(
      em,
      `select id, created_at, last_seen_at, device from user_session
       where user_id = $1 and ended_at is null and stage = 'FULL' and absolute_expires_at > $2 and last_seen_at > $3
       order by last_seen_at desc`,
      [userId, now, new Date(now.getTime() - this.idleMs)],
    );
    return rows.map((r) => {
      // The cache knows a more recent "last seen" than the database (written once a minute).
      const cached = [...this.cache.values()].find((c) => c.id === r.id);
      return {
        id: r.id,
        createdAt: r.created_at,
        lastSeenAt: cached ? new Date(Math.max(cached.lastSeenMs, r.last_seen_at.getTime())) : r.last_seen_at,
        device: r.device,
      };
    });
  }

  private async load(
    hash: Buffer,
    now: number,
    previous?: CachedSession,
  ): Promise<CachedSession | undefined> {
    const rows: SessionRow[] = await this.database.dataSource.query(
      `select s.id as session_id, s.user_id, s.stage, s.second_factor_verified, s.csrf_token, s.created_at,
              s.last_seen_at, s.absolute_expires_at,
              u.display_name, u.email, u.is_demo, u.organisation_id,
              o.name as organisation_name, o.partner_type, o.region_id,
              coalesce((
                select json_agg(json_build_object('tableId', r.table_id, 'tableName', t.name, 'role', r.role)
                                order by t.name, r.role)
                from user_table_role r
                join case_table t on t.id = r.table_id and t.active
                -- A role counts only while the organisation takes part in the table's covenant.
                join table_membership m on m.table_id = r.table_id and m.organisation_id = u.organisation_id
                     and m.status in ('SIGNATORY', 'GUEST') and m.since <= $2::date
                     and (m.until is null or m.until >= $2::date)
                where r.user_id = u.id), '[]'::json) as roles
       from user_session s
       join app_user u on u.id = s.user_id and u.active
       join organisation o on o.id = u.organisation_id and o.active
       where s.token_hash = $1 and s.ended_at is null`,
      [hash, new Date(now).toISOString().slice(0, 10)],
    );
    const row = rows[0];
    if (!row) {
      return undefined;
    }
    const dbLastSeenMs = row.last_seen_at.getTime();
    const roles = row.roles.map((r) => r.role);
    return {
      id: row.session_id,
      userId: row.user_id,
      stage: row.stage,
      secondFactorVerified: row.second_factor_verified,
      csrfToken: row.csrf_token,
      createdAtMs: row.created_at.getTime(),
      absoluteExpiresAtMs: row.absolute_expires_at.getTime(),
      // Keep this instance's fresher idea of "last seen" across reloads of the same session.
      lastSeenMs: Math.max(dbLastSeenMs, previous?.id === row.session_id ? previous.lastSeenMs : 0),
      dbLastSeenMs: Math.max(dbLastSeenMs, previous?.dbLastSeenMs ?? 0),
      cachedAtMs: now,
      actor: {
        userId: row.user_id,
        displayName: row.display_name,
        email: row.email,
        isDemo: row.is_demo,
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
        partnerType: row.partner_type,
        regionId: row.region_id,
        tableRoles: row.roles,
        permissions: new Set(row.stage === 'FULL' ? permissionsOf(roles) : []),
      },
    };
  }

  private async announce(em: EntityManager, message: SessionNotification): Promise<void> {
    // Forget locally now; other instances when the NOTIFY arrives (at commit).
    this.onNotification(JSON.stringify(message));
    await em.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(message)]);
  }

  private onNotification(payload: string): void {
    let message: SessionNotification;
    try {
      message = JSON.parse(payload) as SessionNotification;
    } catch {
      this.cache.clear();
      return;
    }
    const sessions = new Set(message.sessions ?? []);
    const users = new Set([...(message.users ?? []), ...(message.refresh ?? [])]);
    for (const [key, entry] of this.cache) {
      if (sessions.has(entry.id) || users.has(entry.userId)) {
        this.cache.delete(key);
      }
    }
  }

  private forgetSession(sessionId: string): void {
    for (const [key, entry] of this.cache) {
      if (entry.id === sessionId) {
        this.cache.delete(key);
      }
    }
  }
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
