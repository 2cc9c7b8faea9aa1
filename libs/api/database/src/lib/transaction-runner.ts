import { Injectable } from '@nestjs/common';
import { RequestContext } from '@casustafel/api/platform';
import { ClsService } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';
import { DatabaseService } from './database.service';

const TX_KEY = 'transaction';

/**
 * One request, one transaction, one security context (DESIGN-NOTES §1). The first statement sets
 * the actor's user, organisation and session transaction-locally; row-level security policies
 * read them. Nested calls (a service calling another, the audit writer) join the open transaction,
 * so a change and its audit record commit or roll back together.
 */
@Injectable()
export class TransactionRunner {
  constructor(
    private readonly database: DatabaseService,
    private readonly context: RequestContext,
    private readonly cls: ClsService,
  ) {}

  async run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const open = this.cls.isActive() ? this.cls.get<EntityManager | undefined>(TX_KEY) : undefined;
    if (open) {
      return work(open);
    }
    const start = async () =>
      this.database.dataSource.transaction(async (em) => {
        const actor = this.context.actorOrUndefined;
        await em.query(
          `select set_config('app.user_id', $1, true), set_config('app.organisation_id', $2, true),
                  set_config('app.session_id', $3, true)`,
          [actor?.userId ?? '', actor?.organisationId ?? '', actor?.sessionId ?? ''],
        );
        this.cls.set(TX_KEY, em);
        try {
          return await work(em);
        } finally {
          this.cls.set(TX_KEY, undefined);
        }
      });
    // Outside a request (jobs, start-up) give the work a context of its own to carry the transaction.
    return this.cls.isActive() ? start() : this.cls.run(start);
  }
}
