export * from './lib/meetings.module';
export * from './lib/events/live-publisher';
export * from './lib/events/meeting-events';
export * from './lib/gateway/live-io-adapter';
export { LiveGateway, meetingRoom, organisationRoom, waitingRoom } from './lib/gateway/live.gateway';
export * from './lib/live/action-dto';
export * from './lib/live/live.service';
export * from './lib/live/meeting-projector';
export * from './lib/meetings/meetings.service';
