import { Module } from '@nestjs/common';
import { AuthModule } from '@casustafel/api/auth';
import { CasesModule } from '@casustafel/api/cases';
import { LivePublisher } from './events/live-publisher';

/** The case conference: meetings, agenda, the live room, minutes, actions and notifications (ADR 0023). */
@Module({
  imports: [AuthModule, CasesModule],
  controllers: [],
  providers: [LivePublisher],
  exports: [LivePublisher],
})
export class MeetingsModule {}
