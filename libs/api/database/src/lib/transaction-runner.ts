import { Injectable } from '@nestjs/common';
import { Clock, RequestContext } from '@casustafel/api/platform';
import type { EntityManager } from 'typeorm';
import { DatabaseService } from './database.service';

/**
 * One request, one transaction, one security context (DESIGN-NOTES §1). The first statement sets
 * the actor's user, organisation and session transaction-locally; row-level security policies
 * read them. It also sets the application's time (`app.now`, read by `cst_now()`), so SQL that
 * asks "still valid?" (break-glass expiry) follows the same clock as the code. Nested calls (a service calling another, the audit writer) join the open transaction,
 * so a change and its audit record commit or roll back together.
 */
@Injectable()
export class TransactionRunner {
  constructor(
    private readonly database: DatabaseService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  async run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const open = this.context.transaction as EntityManager | undefined;
    if (open) {
      return work(open);
    }
    const start = async () =>
      this.database.dataSource.transaction(async (em) => {
        const actor = this.context.actorOrUndefined;
        await em.query(
          `select set_config('app.user_id', $1, true), set_config('app.organisation_id', $2, true),
                  set_config('app.session_id', $3, true), set_config('app.now', $4, true)`,
          [
            actor?.userId ?? '',
            actor?.organisationId ?? '',
            actor?.sessionId ?? '',
            this.clock.now().toISOString(),
          ],
        );
        this.context.setTransaction(em);
        try {
          return await work(em);
        } finally {
          this.context.setTransaction(undefined);
        }
      });
    // Outside a request (jobs, start-up) give the work a context of its own to carry the transaction.
    return this.context.isActive() ? start() : this.context.run(start);
  }
}
