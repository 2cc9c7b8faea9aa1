import { Module } from '@nestjs/common';
import { AuthModule } from '@casustafel/api/auth';
import { CasesModule } from '@casustafel/api/cases';
import { AgendaController } from './agenda/agenda.controller';
import { AgendaService } from './agenda/agenda.service';
import { LivePublisher } from './events/live-publisher';
import { LiveGateway } from './gateway/live.gateway';
import { LiveController } from './live/live.controller';
import { LiveService } from './live/live.service';
import { MeetingProjector } from './live/meeting-projector';
import { MeetingsController } from './meetings/meetings.controller';
import { MeetingsService } from './meetings/meetings.service';

/** The case conference: meetings, agenda, the live room, minutes, actions and notifications (ADR 0023). */
@Module({
  imports: [AuthModule, CasesModule],
  controllers: [MeetingsController, AgendaController, LiveController],
  providers: [LivePublisher, MeetingsService, AgendaService, LiveService, MeetingProjector, LiveGateway],
  exports: [LivePublisher, MeetingsService, LiveService, MeetingProjector],
})
export class MeetingsModule {}
