import { Global, Module } from '@nestjs/common';
import { AuditWriter } from './audit-writer';
import { AuditCheckpointService } from './checkpoint/audit-checkpoint.service';

@Global()
@Module({
  providers: [AuditWriter, AuditCheckpointService],
  exports: [AuditWriter, AuditCheckpointService],
})
export class AuditModule {}
