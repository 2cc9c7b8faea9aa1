import { Global, Module } from '@nestjs/common';
import { DatabaseService } from './database.service';
import { PgNotifications } from './pg-notifications';
import { TransactionRunner } from './transaction-runner';

/** PostgreSQL through TypeORM; schema only through migrations (ADR 0005). */
@Global()
@Module({
  providers: [DatabaseService, TransactionRunner, PgNotifications],
  exports: [DatabaseService, TransactionRunner, PgNotifications],
})
export class DatabaseModule {}
