import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { APP_CONFIG, AppConfig, Clock } from '@casustafel/api/platform';
import { CASE_ROLES } from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { JobRunner } from '../jobs/job-runner';
import { MailOutbox } from '../mail/mail-outbox';

/** The recurring job that hands out action reminders. */
export const ACTION_REMINDERS_JOB = 'action-reminders';
/** Actions handled per kind per run; the rest follow in the next run. */
const BATCH = 500;

type Reminder = 'ACTION_ASSIGNED' | 'ACTION_DUE_SOON' | 'ACTION_OVERDUE';

/** Which actions are due a reminder, and the column that records it was given. */
const KINDS: ReadonlyArray<{ type: Reminder; column: string; due: string }> = [
  { type: 'ACTION_ASSIGNED', column: 'assigned_notified_at', due: 'true' },
  // Due within REMINDER_DAYS_BEFORE days (and not yet overdue).
  {
    type: 'ACTION_DUE_SOON',
    column: 'due_soon_notified_at',
    due: 'due_date >= $1::date and due_date <= $1::date + $2::int',
  },
  { type: 'ACTION_OVERDUE', column: 'overdue_notified_at', due: 'due_date < $1::date' },
];

/**
 * Reminders for open actions (OPEN, IN_UITVOERING): assigned, due within REMINDER_DAYS_BEFORE days,
 * overdue — each once. For one action and kind, ONE transaction sets the `*_notified_at` column
 * (only if still empty), adds the in-app notifications and queues the e-mails (no personal data):
 * a restart loses nothing (the state is in the database) and a retry or a second instance sends
 * nothing twice. Recipients: the owner user, or else every active user of the owner organisation
 * with a case role at the case's table. Dates follow the application's clock (Dutch calendar day).
 */
@Injectable()
export class ActionReminders implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobRunner,
    private readonly tx: TransactionRunner,
    private readonly outbox: MailOutbox,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.registerRecurring(ACTION_REMINDERS_JOB, this.config.reminders.everySeconds, () =>
      this.remind().then(() => undefined),
    );
  }

  /** Hands out every reminder that is due; returns how many actions were reminded about (per kind). */
  async remind(): Promise<Record<Reminder, number>> {
    const counts: Record<Reminder, number> = { ACTION_ASSIGNED: 0, ACTION_DUE_SOON: 0, ACTION_OVERDUE: 0 };
    const today = this.clock.today();
    for (const kind of KINDS) {
      const params: unknown[] = [today, this.config.reminders.daysBefore];
      const due = await this.tx.run((em) =>
        queryRows<{ id: string }>(
          em,
          `select id from case_action
            where status in ('OPEN','IN_UITVOERING') and ${kind.column} is null and ${kind.due}
              and $1::date is not null and $2::int >= 0
            order by due_date, id limit ${BATCH}`,
          params,
        ),
      );
      for (const action of due) {
        if (await this.tx.run((em) => this.remindOne(em, action.id, kind.type, kind.column))) {
          counts[kind.type] += 1;
        }
      }
    }
    return counts;
  }

  private async remindOne(
    em: EntityManager,
    actionId: string,
    type: Reminder,
    column: string,
  ): Promise<boolean> {
    const now = this.clock.now();
    const claimed = await queryRows<{
      case_id: string;
      owner_organisation_id: string;
      owner_user_id: string | null;
    }>(
      em,
      `update case_action set ${column} = $2
        where id = $1 and ${column} is null and status in ('OPEN','IN_UITVOERING')
        returning case_id, owner_organisation_id, owner_user_id`,
      [actionId, now],
    );
    const action = claimed[0];
    if (!action) {
      return false; // another instance (or an earlier attempt) did it
    }
    const recipients = await queryRows<{ id: string; email: string }>(
      em,
      `select u.id, u.email from app_user u
        where u.active and u.organisation_id = $2
          and (case when $3::uuid is not null then u.id = $3::uuid
                    else exists (select 1 from user_table_role r where r.user_id = u.id
                                   and r.table_id = cst_case_table($1) and r.role = any ($4::text[])) end)
        order by u.id`,
      [action.case_id, action.owner_organisation_id, action.owner_user_id, CASE_ROLES],
    );
    if (recipients.length === 0) {
      return true;
    }
    await em.query(
      `insert into notification (user_id, type, action_id, created_at)
       select u, $2, $3, $4 from unnest($1::uuid[]) as u`,
      [recipients.map((r) => r.id), type, actionId, now],
    );
    await this.outbox.queue(
      em,
      recipients.map((r) => r.email),
      type,
    );
    return true;
  }
}
