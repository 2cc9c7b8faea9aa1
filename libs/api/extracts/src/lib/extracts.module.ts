import { Module } from '@nestjs/common';
import { AuthModule } from '@casustafel/api/auth';
import { CasesModule } from '@casustafel/api/cases';
import { ExtractDocuments } from './extract-documents';
import { ExtractsController } from './extracts.controller';
import { ExtractsService } from './extracts.service';

/** Need-to-know extracts (uittreksels): compose, approve, issue, recall, receive (issue 7, ADR 0024). */
@Module({
  imports: [AuthModule, CasesModule],
  controllers: [ExtractsController],
  providers: [ExtractsService, ExtractDocuments],
})
export class ExtractsModule {}
