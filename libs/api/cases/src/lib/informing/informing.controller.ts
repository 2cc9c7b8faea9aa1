import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext } from '@casustafel/api/platform';
import type { CaseInformingDto, InformingReviewDto } from '@casustafel/shared/contracts';
import { PutInformingDto } from '../dto/consent.dto';
import { InformingService } from './informing.service';

/** Informing the person per case, and the reviews due on the dashboard. */
@ApiTags('cases')
@Controller()
export class InformingController {
  constructor(
    private readonly informing: InformingService,
    private readonly context: RequestContext,
  ) {}

  @Get('cases/:id/informing')
  @Authenticated({ permission: 'cases.read' })
  get(@IdParam() id: string): Promise<CaseInformingDto> {
    return this.informing.get(this.context.actor, id);
  }

  @Put('cases/:id/informing')
  @Authenticated({ permission: 'cases.manage' })
  put(@IdParam() id: string, @Body() body: PutInformingDto): Promise<CaseInformingDto> {
    return this.informing.put(this.context.actor, id, body);
  }

  /** Deferrals to review today or earlier, in the cases the signed-in user manages. */
  @Get('informing/reviews-due')
  @Authenticated({ permission: 'cases.read' })
  reviewsDue(): Promise<InformingReviewDto[]> {
    return this.informing.reviewsDue(this.context.actor);
  }
}
