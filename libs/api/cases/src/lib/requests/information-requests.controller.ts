import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { RequestContext } from '@casustafel/api/platform';
import type { InformationRequestOverviewDto } from '@casustafel/shared/contracts';
import { InformationRequestsService } from './information-requests.service';

/** The information requests across cases, for the dashboard. Per case they live under /api/cases/:id. */
@ApiTags('cases')
@Controller('information-requests')
export class InformationRequestsController {
  constructor(
    private readonly requests: InformationRequestsService,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @Authenticated({ permission: 'cases.read' })
  overview(): Promise<InformationRequestOverviewDto[]> {
    return this.requests.overview(this.context.actor);
  }
}
