import { Injectable } from '@nestjs/common';
import { ServiceUnavailableError } from '@casustafel/api/platform';
import { LiveRoomCommands, LiveRoomProjection } from './live-ports';

/**
 * TEMPORARY (branch i6-gw only): stands in for LiveService and MeetingProjector (branch i6-meet)
 * until they are merged; the module then binds the ports to them and this file goes.
 */
@Injectable()
export class PendingLiveRoom implements LiveRoomCommands, LiveRoomProjection {
  private unavailable(): never {
    throw new ServiceUnavailableError('The live room service is not wired yet.');
  }
  join = async () => this.unavailable();
  state = async () => this.unavailable();
  resync = async () => this.unavailable();
  setCurrentItem = async () => this.unavailable();
  timer = async () => this.unavailable();
  setAttendance = async () => this.unavailable();
  addNote = async () => this.unavailable();
  addDecision = async () => this.unavailable();
  addAction = async () => this.unavailable();
  audience = async () => [];
  project = async () => [];
  mayBeInRoom = async () => false;
}
