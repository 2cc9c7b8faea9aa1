import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext } from '@casustafel/api/platform';
import type { MyRightsTaskDto } from '@casustafel/shared/contracts';
import { AnswerRightsTaskDto } from '../dto/rights.dto';
import { RightsTasksService } from './rights-tasks.service';

/** A joint controller's tasks for data-subject requests; another organisation's task does not exist (404). */
@ApiTags('rights')
@Controller('rights-tasks')
export class RightsTasksController {
  constructor(
    private readonly tasks: RightsTasksService,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @Authenticated({ permission: 'rights.tasks' })
  mine(): Promise<MyRightsTaskDto[]> {
    return this.tasks.mine(this.context.actor);
  }

  @Post(':id/answer')
  @Authenticated({ permission: 'rights.tasks' })
  @HttpCode(HttpStatus.OK)
  answer(@IdParam() id: string, @Body() body: AnswerRightsTaskDto): Promise<MyRightsTaskDto> {
    return this.tasks.answer(this.context.actor, id, body);
  }
}
