import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext } from '@casustafel/api/platform';
import type { LiveEventDto, LiveStateDto } from '@casustafel/shared/contracts';
import { SetAttendanceDto } from '../meetings/meetings.dto';
import {
  ActionBodyDto,
  CurrentItemBodyDto,
  DecisionBodyDto,
  EventsQueryDto,
  JoinBodyDto,
  NoteBodyDto,
  TimerBodyDto,
} from './live.dto';
import { LiveService, type WriteResult } from './live.service';

/** What a REST twin of a live command answers: the stored event's sequence number (a retry: the same one). */
export interface LiveWriteResponse {
  seq: number;
  duplicate: boolean;
}

function answer(result: WriteResult): LiveWriteResponse {
  return { seq: result.event.seq, duplicate: result.duplicate };
}

/** The REST twins of the live room's socket commands (the same service, the same rules). */
@ApiTags('meetings')
@Controller('meetings/:id')
export class LiveController {
  constructor(
    private readonly live: LiveService,
    private readonly context: RequestContext,
  ) {}

  @Post('join')
  @Authenticated({ permission: 'meetings.attend' })
  @HttpCode(HttpStatus.OK)
  join(@IdParam() id: string, @Body() body: JoinBodyDto): Promise<LiveStateDto> {
    return this.live.join(this.context.actor, id, body.confidentialityAccepted);
  }

  @Get('live')
  @Authenticated({ permission: 'meetings.attend' })
  state(@IdParam() id: string): Promise<LiveStateDto> {
    return this.live.state(this.context.actor, id);
  }

  @Get('events')
  @Authenticated({ permission: 'meetings.attend' })
  events(
    @IdParam() id: string,
    @Query() query: EventsQueryDto,
  ): Promise<{ events: LiveEventDto[]; seq: number }> {
    return this.live.resync(this.context.actor, id, query.since);
  }

  @Post('current-item')
  @Authenticated({ permission: 'meetings.attend' })
  @HttpCode(HttpStatus.OK)
  async currentItem(@IdParam() id: string, @Body() body: CurrentItemBodyDto): Promise<LiveWriteResponse> {
    return answer(await this.live.setCurrentItem(this.context.actor, { ...body, meetingId: id }));
  }

  @Post('timer')
  @Authenticated({ permission: 'meetings.attend' })
  @HttpCode(HttpStatus.OK)
  async timer(@IdParam() id: string, @Body() body: TimerBodyDto): Promise<LiveWriteResponse> {
    return answer(await this.live.timer(this.context.actor, { ...body, meetingId: id }));
  }

  /** A PUT is idempotent by itself: each call is a write of its own. */
  @Put('attendance/:organisationId')
  @Authenticated({ permission: 'meetings.attend' })
  async attendance(
    @IdParam() id: string,
    @IdParam('organisationId') organisationId: string,
    @Body() body: SetAttendanceDto,
  ): Promise<LiveWriteResponse> {
    return answer(
      await this.live.setAttendance(this.context.actor, {
        meetingId: id,
        organisationId,
        status: body.status,
        note: body.note ?? null,
        idempotencyKey: randomUUID(),
      }),
    );
  }

  @Post('notes')
  @Authenticated({ permission: 'meetings.attend' })
  @HttpCode(HttpStatus.OK)
  async note(@IdParam() id: string, @Body() body: NoteBodyDto): Promise<LiveWriteResponse> {
    return answer(await this.live.addNote(this.context.actor, { ...body, meetingId: id }));
  }

  @Post('decisions')
  @Authenticated({ permission: 'meetings.attend' })
  @HttpCode(HttpStatus.OK)
  async decision(@IdParam() id: string, @Body() body: DecisionBodyDto): Promise<LiveWriteResponse> {
    return answer(await this.live.addDecision(this.context.actor, { ...body, meetingId: id }));
  }

  @Post('actions')
  @Authenticated({ permission: 'meetings.attend' })
  @HttpCode(HttpStatus.OK)
  async action(@IdParam() id: string, @Body() body: ActionBodyDto): Promise<LiveWriteResponse> {
    return answer(await this.live.addAction(this.context.actor, { ...body, meetingId: id }));
  }
}
