import { Module } from '@nestjs/common';
import { AuthModule } from '@casustafel/api/auth';
import { CasesModule } from '@casustafel/api/cases';
import { InzageReportService } from './report/inzage-report.service';
import { JointControllers } from './requests/joint-controllers';
import { RightsRequestsController } from './requests/rights-requests.controller';
import { RightsRequestsService } from './requests/rights-requests.service';
import { RightsTasksController } from './tasks/rights-tasks.controller';
import { RightsTasksService } from './tasks/rights-tasks.service';

/** Data-subject rights through the BGS contactpunt: requests, fan-out to the joint controllers, tasks. */
@Module({
  imports: [AuthModule, CasesModule],
  controllers: [RightsRequestsController, RightsTasksController],
  providers: [InzageReportService, RightsRequestsService, RightsTasksService, JointControllers],
})
export class RightsModule {}
