import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock } from '@casustafel/api/platform';
import type { EntityManager } from 'typeorm';
import { composeMail, type MailTemplate } from './mail-templates';

/**
 * Queues notification e-mails in the caller's transaction (`mail_outbox`): a mail exists only if
 * the change that decided to send it committed; the `mail-outbox` job sends it later.
 */
@Injectable()
export class MailOutbox {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async queue(em: EntityManager, addresses: readonly string[], template: MailTemplate): Promise<number> {
    if (addresses.length === 0) {
      return 0;
    }
    const mail = composeMail(template, this.config.mail.publicBaseUrl);
    const now = this.clock.now();
    await em.query(
      `insert into mail_outbox (to_address, subject, body, created_at, next_attempt_at)
       select a, $2, $3, $4, $4 from unnest($1::text[]) as a`,
      [addresses, mail.subject, mail.body, now],
    );
    return addresses.length;
  }
}
