import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext } from '@casustafel/api/platform';
import type { CaseConsentsDto } from '@casustafel/shared/contracts';
import { CreateConsentDto, WithdrawConsentDto } from '../dto/consent.dto';
import { ConsentsService } from './consents.service';

/** The consent register of a case. Reading follows the case; recording is for its managers. */
@ApiTags('cases')
@Controller('cases')
export class ConsentsController {
  constructor(
    private readonly consents: ConsentsService,
    private readonly context: RequestContext,
  ) {}

  @Get(':id/consents')
  @Authenticated({ permission: 'cases.read' })
  list(@IdParam() id: string): Promise<CaseConsentsDto> {
    return this.consents.list(this.context.actor, id);
  }

  @Post(':id/consents')
  @Authenticated({ permission: 'cases.manage' })
  record(@IdParam() id: string, @Body() body: CreateConsentDto): Promise<{ id: string }> {
    return this.consents.record(this.context.actor, id, body);
  }

  /** Takes effect now; the body cannot name another moment. */
  @Post(':id/consents/:consentId/withdraw')
  @Authenticated({ permission: 'cases.write' })
  @HttpCode(HttpStatus.NO_CONTENT)
  withdraw(
    @IdParam() id: string,
    @IdParam('consentId') consentId: string,
    @Body() body: WithdrawConsentDto,
  ): Promise<void> {
    return this.consents.withdraw(this.context.actor, id, consentId, body);
  }
}
