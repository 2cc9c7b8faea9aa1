import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DatabaseService, queryRows, TransactionRunner } from '@casustafel/api/database';
import { APP_CONFIG, AppConfig, Clock, RequestContext } from '@casustafel/api/platform';
import type { EntityManager } from 'typeorm';

/** What a job's handler gets: its row's payload and how often it was tried before. */
export interface JobRun {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempt: number;
}

export type JobHandler = (run: JobRun) => Promise<void>;

interface Registration {
  handler: JobHandler;
  /** Recurring: the one pending row (singleton_key = kind) is moved this far ahead after each run. */
  everySeconds?: number;
  maxAttempts: number;
}

interface JobRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  singleton_key: string | null;
}

/** How long a claimed job stays ours; after that (a crashed instance) another instance may take it. */
const LEASE_MS = 5 * 60_000;
/** Jobs claimed per round trip; a pass keeps claiming until nothing is due. */
const BATCH = 10;
/** A pass never runs longer than this many jobs (a job that re-queues itself cannot spin). */
const MAX_PER_PASS = 500;

/** Back-off after a failed attempt: 30 s, 1 min, 2 min, … at most one hour. */
export function backoffMs(attempt: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempt - 1));
}

/**
 * Durable jobs in PostgreSQL (ADR 0023): rows of `scheduled_job`, claimed with
 * `FOR UPDATE SKIP LOCKED` so any number of instances share them and none runs a job twice at the
 * same time. A claim is a lease (`locked_until`): a job of a crashed instance is taken again once
 * its lease ran out, so a restart loses nothing. Failed attempts back off exponentially; a one-off
 * job gives up after its maximum attempts (kept with `last_error`, never deleted). A recurring job
 * is one row per `singleton_key`, moved ahead after each run.
 *
 * Jobs run as the system: a context without a user (row-level security lets the app role claim jobs
 * only then). Every instance polls every JOBS_POLL_SECONDS (0 = never: tests call `runDueJobs()`).
 * The runner starts with the application, never in the `migrate` or `audit:verify` commands (they do
 * not create the application), and stops (waiting for the running pass) on shutdown.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly handlers = new Map<string, Registration>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
    private readonly tx: TransactionRunner,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  /** A kind of one-off job. */
  register(kind: string, handler: JobHandler, options: { maxAttempts?: number } = {}): void {
    this.handlers.set(kind, { handler, maxAttempts: options.maxAttempts ?? 10 });
  }

  /** A recurring job: one row (singleton_key = kind), due again `everySeconds` after each run. */
  registerRecurring(kind: string, everySeconds: number, handler: JobHandler): void {
    this.handlers.set(kind, { handler, everySeconds, maxAttempts: Number.POSITIVE_INFINITY });
  }

  /**
   * Queues a one-off job in the caller's transaction (it exists only if that transaction commits).
   * With a `singletonKey`, a job already pending under that key is kept and nothing is added.
   */
  async enqueue(
    em: EntityManager,
    kind: string,
    payload: Record<string, unknown> = {},
    options: { runAt?: Date; singletonKey?: string } = {},
  ): Promise<void> {
    const now = this.clock.now();
    await em.query(
      `insert into scheduled_job (kind, run_at, payload, singleton_key, created_at) values ($1, $2, $3, $4, $5)
       on conflict (singleton_key) do nothing`,
      [kind, options.runAt ?? now, JSON.stringify(payload), options.singletonKey ?? null, now],
    );
  }

  onApplicationBootstrap(): void {
    const seconds = this.config.jobs.pollSeconds;
    if (seconds === 0) {
      return;
    }
    this.timer = setInterval(() => void this.runSafely(), seconds * 1000);
    this.timer.unref();
    this.logger.log(`Durable jobs are polled every ${seconds} s`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /**
   * Runs every job that is due now (by the application's clock), one pass at a time per instance;
   * returns how many ran. Tests call it directly.
   */
  runDueJobs(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runSafely(): Promise<void> {
    try {
      await this.runDueJobs();
    } catch (error) {
      this.logger.warn(`Job pass failed (${describe(error)}); retrying at the next interval`);
    }
  }

  private async pass(): Promise<number> {
    await this.database.ready();
    await this.system(() => this.ensureRecurring());
    let ran = 0;
    while (!this.stopped && ran < MAX_PER_PASS) {
      const claimed = await this.system(() => this.claim());
      if (claimed.length === 0) {
        break;
      }
      for (const job of claimed) {
        await this.execute(job);
        ran += 1;
      }
    }
    return ran;
  }

  /** Work as the system: a context of its own without a user, whatever the caller's context. */
  private system<T>(work: () => Promise<T>): Promise<T> {
    return this.context.run(() => this.tx.run(() => work()));
  }

  private async ensureRecurring(): Promise<void> {
    const kinds = [...this.handlers].filter(([, r]) => r.everySeconds !== undefined).map(([kind]) => kind);
    if (kinds.length === 0) {
      return;
    }
    const now = this.clock.now();
    await this.tx.run((em) =>
      em.query(
        `insert into scheduled_job (kind, run_at, singleton_key, created_at)
         select k, $2, k, $2 from unnest($1::text[]) as k
         on conflict (singleton_key) do nothing`,
        [kinds, now],
      ),
    );
  }

  private claim(): Promise<JobRow[]> {
    const now = this.clock.now();
    const kinds = [...this.handlers.keys()];
    return this.tx.run((em) =>
      queryRows<JobRow>(
        em,
        `update scheduled_job j set locked_until = $2, attempts = j.attempts + 1
         where j.id in (select id from scheduled_job
                        where done_at is null and run_at <= $1 and (locked_until is null or locked_until <= $1)
                          and kind = any ($3::text[])
                        order by run_at limit $4 for update skip locked)
         returning j.id, j.kind, j.payload, j.attempts, j.singleton_key`,
        [now, new Date(now.getTime() + LEASE_MS), kinds, BATCH],
      ),
    );
  }

  private async execute(job: JobRow): Promise<void> {
    const registration = this.handlers.get(job.kind);
    if (!registration) {
      return;
    }
    try {
      await this.context.run(() =>
        registration.handler({ id: job.id, kind: job.kind, payload: job.payload, attempt: job.attempts }),
      );
    } catch (error) {
      await this.failed(job, registration, error);
      return;
    }
    const now = this.clock.now();
    await this.system(() =>
      this.tx.run((em) =>
        registration.everySeconds !== undefined
          ? em.query(
              `update scheduled_job set run_at = $2, attempts = 0, locked_until = null, last_error = null where id = $1`,
              [job.id, new Date(now.getTime() + registration.everySeconds * 1000)],
            )
          : em.query(`update scheduled_job set done_at = $2, locked_until = null where id = $1`, [
              job.id,
              now,
            ]),
      ),
    );
  }

  private async failed(job: JobRow, registration: Registration, error: unknown): Promise<void> {
    const reason = describe(error);
    // The kind and a code, never the payload or a message that might quote data.
    this.logger.warn(`Job ${job.kind} attempt ${job.attempts} failed (${reason})`);
    const now = this.clock.now();
    const giveUp = job.attempts >= registration.maxAttempts;
    let delay = backoffMs(job.attempts);
    if (registration.everySeconds !== undefined) {
      delay = Math.min(delay, registration.everySeconds * 1000);
    }
    await this.system(() =>
      this.tx.run((em) =>
        em.query(
          `update scheduled_job set locked_until = null, last_error = $2, run_at = $3, done_at = $4 where id = $1`,
          [job.id, reason, new Date(now.getTime() + delay), giveUp ? now : null],
        ),
      ),
    );
  }
}

/** An error's code or class name: safe to log and store (no message text, which may quote data). */
export function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const name = error instanceof Error ? error.name : typeof error;
  return typeof code === 'string' || typeof code === 'number' ? `${name} ${code}` : name;
}
