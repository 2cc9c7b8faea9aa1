import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext } from '@casustafel/api/platform';
import type { BreakGlassGrantDto, BreakGlassReviewDto } from '@casustafel/shared/contracts';
import { OpenBreakGlassDto, ReviewBreakGlassDto } from '../dto/break-glass.dto';
import { BreakGlassService } from './break-glass.service';

/** Break-the-glass (noodknop): opening by the procesregisseur, review by the FG (ADR 0020). */
@ApiTags('cases')
@Controller()
export class BreakGlassController {
  constructor(
    private readonly breakGlass: BreakGlassService,
    private readonly context: RequestContext,
  ) {}

  @Post('cases/:id/items/:itemId/break-glass')
  @Authenticated({ permission: 'cases.break-glass' })
  open(
    @IdParam() id: string,
    @IdParam('itemId') itemId: string,
    @Body() body: OpenBreakGlassDto,
  ): Promise<BreakGlassGrantDto> {
    return this.breakGlass.open(this.context.actor, id, itemId, body.reason);
  }

  @Get('break-glass/reviews')
  @Authenticated({ permission: 'audit.review' })
  reviews(): Promise<BreakGlassReviewDto[]> {
    return this.breakGlass.reviews(this.context.actor);
  }

  @Post('break-glass/:id/review')
  @Authenticated({ permission: 'audit.review' })
  @HttpCode(HttpStatus.OK)
  review(@IdParam() id: string, @Body() body: ReviewBreakGlassDto): Promise<BreakGlassReviewDto> {
    return this.breakGlass.review(this.context.actor, id, body);
  }
}
