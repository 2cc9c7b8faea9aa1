import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { APP_CONFIG, AppConfig, Clock } from '@casustafel/api/platform';
import { createTransport, type Transporter } from 'nodemailer';
import { backoffMs, describe, JobRunner } from '../jobs/job-runner';

/** The recurring job that sends the outbox. */
export const MAIL_OUTBOX_JOB = 'mail-outbox';
/** Mails sent per pass; the rest waits for the next one. */
const MAX_PER_PASS = 200;

interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Sends the mail outbox over SMTP (SMTP_URL, sender SMTP_FROM) with nodemailer. Each mail is taken
 * with `FOR UPDATE SKIP LOCKED` in its own transaction, sent, and marked `sent_at` in that
 * transaction, so two instances never send the same mail; a failed attempt backs off (30 s … 1 h)
 * and records the error code only. Without SMTP_URL mails stay queued and only their number is
 * logged, never an address. (An instance that dies between the SMTP answer and the commit sends
 * that one mail again on retry: at-least-once, as any SMTP client.)
 */
@Injectable()
export class MailSender implements OnModuleInit {
  private readonly logger = new Logger(MailSender.name);
  private transport?: Transporter;
  private lastReportedPending = -1;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobRunner,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const every = Math.max(this.config.jobs.pollSeconds, 10);
    this.jobs.registerRecurring(MAIL_OUTBOX_JOB, every, () => this.sendDue().then(() => undefined));
  }

  /** Sends what is due; returns how many were sent. */
  async sendDue(): Promise<number> {
    const smtpUrl = this.config.mail.smtpUrl;
    if (!smtpUrl) {
      await this.reportPending();
      return 0;
    }
    this.transport ??= createTransport(smtpUrl);
    let sent = 0;
    for (let i = 0; i < MAX_PER_PASS; i++) {
      const outcome = await this.tx.run(async (em) => {
        const now = this.clock.now();
        const rows = await queryRows<OutboxRow>(
          em,
          `select id, to_address, subject, body, attempts from mail_outbox
            where sent_at is null and next_attempt_at <= $1
            order by next_attempt_at limit 1 for update skip locked`,
          [now],
        );
        const mail = rows[0];
        if (!mail) {
          return 'empty' as const;
        }
        try {
          await this.transport?.sendMail({
            from: this.config.mail.from,
            to: mail.to_address,
            subject: mail.subject,
            text: mail.body,
          });
        } catch (error) {
          const attempts = mail.attempts + 1;
          await em.query(
            `update mail_outbox set attempts = $2, next_attempt_at = $3, last_error = $4 where id = $1`,
            [mail.id, attempts, new Date(now.getTime() + backoffMs(attempts)), describe(error).slice(0, 200)],
          );
          this.logger.warn(`An e-mail could not be sent (${describe(error)}); retrying later`);
          return 'failed' as const;
        }
        await em.query(
          `update mail_outbox set attempts = attempts + 1, sent_at = $2, last_error = null where id = $1`,
          [mail.id, this.clock.now()],
        );
        return 'sent' as const;
      });
      if (outcome === 'empty') {
        break;
      }
      if (outcome === 'sent') {
        sent += 1;
      }
    }
    return sent;
  }

  private async reportPending(): Promise<void> {
    const rows = await this.tx.run((em) =>
      queryRows<{ count: string }>(em, 'select count(*) from mail_outbox where sent_at is null'),
    );
    const pending = Number(rows[0]?.count ?? 0);
    if (pending !== this.lastReportedPending) {
      this.lastReportedPending = pending;
      this.logger.log(`SMTP_URL is not set: ${pending} e-mail(s) wait in the outbox`);
    }
  }
}
