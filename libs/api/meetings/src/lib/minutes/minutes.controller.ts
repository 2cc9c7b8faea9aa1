import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext, RequestValidationError } from '@casustafel/api/platform';
import type { MinutesDto } from '@casustafel/shared/contracts';
import { EstablishMinutesDto, ReviseMinutesDto, UpdateMinutesItemDto } from './minutes.dto';
import { MinutesService } from './minutes.service';

const versionPipe = new ParseIntPipe({
  exceptionFactory: () =>
    new RequestValidationError([{ field: 'n', code: 'isInt', message: 'n must be a version number' }]),
});

/** The minutes of a meeting, per organisation (issue 6 §6). Officer checks are in the service. */
@ApiTags('meetings')
@Controller('meetings/:id/minutes')
export class MinutesController {
  constructor(
    private readonly minutes: MinutesService,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @Authenticated({ permission: 'meetings.attend' })
  read(@IdParam() id: string): Promise<MinutesDto> {
    return this.minutes.read(this.context.actor, id);
  }

  @Post()
  @Authenticated({ permission: 'meetings.attend' })
  @HttpCode(HttpStatus.OK)
  generate(@IdParam() id: string): Promise<MinutesDto> {
    return this.minutes.generate(this.context.actor, id);
  }

  @Put('items/:agendaItemId')
  @Authenticated({ permission: 'meetings.attend' })
  updateItem(
    @IdParam() id: string,
    @IdParam('agendaItemId') agendaItemId: string,
    @Body() body: UpdateMinutesItemDto,
  ): Promise<MinutesDto> {
    return this.minutes.updateItem(this.context.actor, id, agendaItemId, body);
  }

  @Post('establish')
  @Authenticated({ permission: 'meetings.attend' })
  @HttpCode(HttpStatus.OK)
  establish(@IdParam() id: string, @Body() body: EstablishMinutesDto): Promise<MinutesDto> {
    return this.minutes.establish(this.context.actor, id, body);
  }

  @Post('revise')
  @Authenticated({ permission: 'meetings.attend' })
  @HttpCode(HttpStatus.OK)
  revise(@IdParam() id: string, @Body() body: ReviseMinutesDto): Promise<MinutesDto> {
    return this.minutes.revise(this.context.actor, id, body);
  }

  @Get('versions/:n')
  @Authenticated({ permission: 'meetings.attend' })
  version(@IdParam() id: string, @Param('n', versionPipe) n: number): Promise<MinutesDto> {
    return this.minutes.read(this.context.actor, id, n);
  }
}
