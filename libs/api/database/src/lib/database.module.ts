import { Global, Module } from '@nestjs/common';
import { DatabaseService } from './database.service';

/** PostgreSQL through TypeORM; schema only through migrations (ADR 0005). */
@Global()
@Module({
  providers: [DatabaseService],
  exports: [DatabaseService],
})
export class DatabaseModule {}
