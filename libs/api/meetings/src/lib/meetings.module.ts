import { Module } from '@nestjs/common';
import { AuthModule } from '@casustafel/api/auth';
import { CasesModule } from '@casustafel/api/cases';
import { ActionsController } from './actions/actions.controller';
import { ActionsService } from './actions/actions.service';
import { AgendaController } from './agenda/agenda.controller';
import { AgendaService } from './agenda/agenda.service';
import { LivePublisher } from './events/live-publisher';
import { JobRunner } from './jobs/job-runner';
import { LiveGateway } from './gateway/live.gateway';
import { LiveController } from './live/live.controller';
import { LiveService } from './live/live.service';
import { MeetingProjector } from './live/meeting-projector';
import { MailOutbox } from './mail/mail-outbox';
import { MailSender } from './mail/mail-sender';
import { MeetingsController } from './meetings/meetings.controller';
import { MeetingsService } from './meetings/meetings.service';
import { MinutesController } from './minutes/minutes.controller';
import { MinutesService } from './minutes/minutes.service';
import { ActionReminders } from './notifications/action-reminders';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsService } from './notifications/notifications.service';

/** The case conference: meetings, agenda, the live room, minutes, actions and notifications (ADR 0023). */
@Module({
  imports: [AuthModule, CasesModule],
  controllers: [
    MeetingsController,
    AgendaController,
    LiveController,
    ActionsController,
    NotificationsController,
    MinutesController,
  ],
  providers: [
    LivePublisher,
    MeetingsService,
    AgendaService,
    LiveService,
    MeetingProjector,
    JobRunner,
    MailOutbox,
    MailSender,
    ActionReminders,
    ActionsService,
    NotificationsService,
    MinutesService,
    LiveGateway,
  ],
  exports: [
    LivePublisher,
    MeetingsService,
    LiveService,
    MeetingProjector,
    JobRunner,
    MailOutbox,
    MailSender,
    ActionReminders,
    ActionsService,
    MinutesService,
  ],
})
export class MeetingsModule {}
