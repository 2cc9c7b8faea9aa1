import { Body, Controller, Get, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext } from '@casustafel/api/platform';
import type {
  RightsLookupResponse,
  RightsRequestDetailDto,
  RightsRequestSummaryDto,
} from '@casustafel/shared/contracts';
import {
  CloseRightsRequestDto,
  CreateRightsRequestDto,
  ExtendRightsRequestDto,
  FanOutRightsRequestDto,
  RightsLookupDto,
} from '../dto/rights.dto';
import type { FastifyReply } from 'fastify';
import { InzageReportService } from '../report/inzage-report.service';
import { RightsRequestsService } from './rights-requests.service';

/** The BGS contactpunt's data-subject requests (ADR 0021). Outside its region a request does not exist (404). */
@ApiTags('rights')
@Controller('rights-requests')
export class RightsRequestsController {
  constructor(
    private readonly requests: RightsRequestsService,
    private readonly reports: InzageReportService,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @Authenticated({ permission: 'rights.manage' })
  list(): Promise<RightsRequestSummaryDto[]> {
    return this.requests.list(this.context.actor);
  }

  /** A POST, so that a BSN never appears in a URL or an access log. */
  @Post('lookup')
  @Authenticated({ permission: 'rights.manage' })
  @HttpCode(HttpStatus.OK)
  lookup(@Body() body: RightsLookupDto): Promise<RightsLookupResponse> {
    return this.requests.lookup(this.context.actor, body);
  }

  @Post()
  @Authenticated({ permission: 'rights.manage' })
  create(@Body() body: CreateRightsRequestDto): Promise<RightsRequestDetailDto> {
    return this.requests.create(this.context.actor, body);
  }

  @Get(':id')
  @Authenticated({ permission: 'rights.manage' })
  one(@IdParam() id: string): Promise<RightsRequestDetailDto> {
    return this.requests.get(this.context.actor, id);
  }

  /** The inzage report (PDF) of an INZAGE request that has gone out; no name in the file name. */
  @Get(':id/report.pdf')
  @Authenticated({ permission: 'rights.manage' })
  async report(@IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const { number, pdf } = await this.reports.report(this.context.actor, id);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="inzage-${number}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  }

  @Post(':id/fan-out')
  @Authenticated({ permission: 'rights.manage' })
  @HttpCode(HttpStatus.OK)
  fanOut(@IdParam() id: string, @Body() body: FanOutRightsRequestDto): Promise<RightsRequestDetailDto> {
    return this.requests.fanOut(this.context.actor, id, body);
  }

  @Post(':id/extension')
  @Authenticated({ permission: 'rights.manage' })
  @HttpCode(HttpStatus.OK)
  extend(@IdParam() id: string, @Body() body: ExtendRightsRequestDto): Promise<RightsRequestDetailDto> {
    return this.requests.extend(this.context.actor, id, body);
  }

  @Post(':id/close')
  @Authenticated({ permission: 'rights.manage' })
  @HttpCode(HttpStatus.OK)
  close(@IdParam() id: string, @Body() body: CloseRightsRequestDto): Promise<RightsRequestDetailDto> {
    return this.requests.close(this.context.actor, id, body);
  }
}
