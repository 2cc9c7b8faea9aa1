import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext } from '@casustafel/api/platform';
import type { ActionDto } from '@casustafel/shared/contracts';
import { ListActionsQueryDto, UpdateActionStatusDto } from './actions.dto';
import { ActionsService } from './actions.service';

/** "Mijn acties" and action status changes. */
@ApiTags('actions')
@Controller('actions')
export class ActionsController {
  constructor(
    private readonly actions: ActionsService,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @Authenticated({ permission: 'actions.work' })
  list(@Query() query: ListActionsQueryDto): Promise<ActionDto[]> {
    return this.actions.list(this.context.actor, query.scope ?? 'mine', query.status ?? []);
  }

  @Put(':id/status')
  @Authenticated({ permission: 'actions.work' })
  updateStatus(@IdParam() id: string, @Body() body: UpdateActionStatusDto): Promise<ActionDto> {
    return this.actions.updateStatus(this.context.actor, id, body);
  }
}
