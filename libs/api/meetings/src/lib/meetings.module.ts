import { Module } from '@nestjs/common';
import { AuthModule } from '@casustafel/api/auth';
import { CasesModule } from '@casustafel/api/cases';
import { LivePublisher } from './events/live-publisher';
import { LiveRoomCommands, LiveRoomProjection } from './gateway/live-ports';
import { LiveGateway } from './gateway/live.gateway';
import { PendingLiveRoom } from './gateway/live-room-pending';

/** The case conference: meetings, agenda, the live room, minutes, actions and notifications (ADR 0023). */
@Module({
  imports: [AuthModule, CasesModule],
  controllers: [],
  providers: [
    LivePublisher,
    PendingLiveRoom,
    { provide: LiveRoomCommands, useExisting: PendingLiveRoom },
    { provide: LiveRoomProjection, useExisting: PendingLiveRoom },
    LiveGateway,
  ],
  exports: [LivePublisher],
})
export class MeetingsModule {}
