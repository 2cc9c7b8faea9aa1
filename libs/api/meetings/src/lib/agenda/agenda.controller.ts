import { Body, Controller, Delete, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext } from '@casustafel/api/platform';
import type { MeetingDetailDto } from '@casustafel/shared/contracts';
import { AddAgendaItemDto, UpdateAgendaItemDto } from './agenda.dto';
import { AgendaService } from './agenda.service';

/** The agenda of a meeting; every change answers with the meeting as the actor's organisation sees it. */
@ApiTags('meetings')
@Controller('meetings/:id/agenda')
export class AgendaController {
  constructor(
    private readonly agenda: AgendaService,
    private readonly context: RequestContext,
  ) {}

  @Post()
  @Authenticated({ permission: 'meetings.plan' })
  add(@IdParam() id: string, @Body() body: AddAgendaItemDto): Promise<MeetingDetailDto> {
    return this.agenda.add(this.context.actor, id, body);
  }

  @Put(':itemId')
  @Authenticated({ permission: 'meetings.plan' })
  update(
    @IdParam() id: string,
    @IdParam('itemId') itemId: string,
    @Body() body: UpdateAgendaItemDto,
  ): Promise<MeetingDetailDto> {
    return this.agenda.update(this.context.actor, id, itemId, body);
  }

  @Delete(':itemId')
  @Authenticated({ permission: 'meetings.plan' })
  remove(@IdParam() id: string, @IdParam('itemId') itemId: string): Promise<MeetingDetailDto> {
    return this.agenda.remove(this.context.actor, id, itemId);
  }
}
