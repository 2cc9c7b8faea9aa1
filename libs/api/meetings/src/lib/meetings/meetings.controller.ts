import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext } from '@casustafel/api/platform';
import type { MeetingDetailDto, MeetingStaffDto, MeetingSummaryDto } from '@casustafel/shared/contracts';
import {
  CreateMeetingDto,
  ListMeetingsQueryDto,
  MeetingTransitionDto,
  UpdateMeetingDto,
} from './meetings.dto';
import { MeetingsService } from './meetings.service';

/** Meetings of a table: planning, the lifecycle, each read projected for the actor's organisation (ADR 0023). */
@ApiTags('meetings')
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly context: RequestContext,
  ) {}

  @Get('meetings')
  @Authenticated({ permission: 'meetings.attend' })
  list(@Query() query: ListMeetingsQueryDto): Promise<MeetingSummaryDto[]> {
    return this.meetings.list(this.context.actor, query.tableId);
  }

  @Post('meetings')
  @Authenticated({ permission: 'meetings.plan' })
  create(@Body() body: CreateMeetingDto): Promise<MeetingDetailDto> {
    return this.meetings.create(this.context.actor, body);
  }

  @Get('meetings/:id')
  @Authenticated({ permission: 'meetings.attend' })
  one(@IdParam() id: string): Promise<MeetingDetailDto> {
    return this.meetings.get(this.context.actor, id);
  }

  @Put('meetings/:id')
  @Authenticated({ permission: 'meetings.plan' })
  update(@IdParam() id: string, @Body() body: UpdateMeetingDto): Promise<MeetingDetailDto> {
    return this.meetings.update(this.context.actor, id, body);
  }

  /** Sending the agenda (planner or chair), starting and ending (the chair); a refused chair action is audited. */
  @Post('meetings/:id/transitions')
  @Authenticated({ permission: 'meetings.attend' })
  @HttpCode(HttpStatus.OK)
  transition(@IdParam() id: string, @Body() body: MeetingTransitionDto): Promise<MeetingDetailDto> {
    return this.meetings.transition(this.context.actor, id, body);
  }

  @Get('tables/:tableId/meeting-staff')
  @Authenticated({ permission: 'meetings.plan' })
  staff(@IdParam('tableId') tableId: string): Promise<MeetingStaffDto> {
    return this.meetings.staff(this.context.actor, tableId);
  }
}
