import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext } from '@casustafel/api/platform';
import type { RegistrationDto } from '@casustafel/shared/contracts';
import { CreateRegistrationDto, TriageDecisionDto, UpdateRegistrationDto } from '../dto/cases.dto';
import { RegistrationsService } from './registrations.service';

@ApiTags('registrations')
@Controller()
export class RegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly context: RequestContext,
  ) {}

  /** A registration (aanmelding): a draft, or submitted at once. */
  @Post('registrations')
  @Authenticated({ permission: 'registrations.create' })
  create(@Body() body: CreateRegistrationDto): Promise<RegistrationDto> {
    return this.registrations.create(this.context.actor, body);
  }

  @Put('registrations/:id')
  @Authenticated({ permission: 'registrations.create' })
  update(@IdParam() id: string, @Body() body: UpdateRegistrationDto): Promise<RegistrationDto> {
    return this.registrations.update(this.context.actor, id, body);
  }

  /** My organisation's registrations, with the triage outcome and advice. */
  @Get('registrations')
  @Authenticated({ permission: 'registrations.create' })
  mine(): Promise<RegistrationDto[]> {
    return this.registrations.list(this.context.actor, 'mine');
  }

  @Get('registrations/:id')
  @Authenticated({ permission: 'registrations.create' })
  one(@IdParam() id: string): Promise<RegistrationDto> {
    return this.registrations.get(this.context.actor, id);
  }

  /** The triage board: submitted registrations at the tables where I triage. */
  @Get('triage/registrations')
  @Authenticated({ permission: 'registrations.triage' })
  triage(): Promise<RegistrationDto[]> {
    return this.registrations.list(this.context.actor, 'triage');
  }

  @Post('triage/registrations/:id/start')
  @Authenticated({ permission: 'registrations.triage' })
  @HttpCode(HttpStatus.OK)
  start(@IdParam() id: string): Promise<RegistrationDto> {
    return this.registrations.startTriage(this.context.actor, id);
  }

  @Post('triage/registrations/:id/decision')
  @Authenticated({ permission: 'registrations.triage' })
  @HttpCode(HttpStatus.OK)
  decide(@IdParam() id: string, @Body() body: TriageDecisionDto): Promise<RegistrationDto> {
    return this.registrations.decide(this.context.actor, id, body);
  }
}
