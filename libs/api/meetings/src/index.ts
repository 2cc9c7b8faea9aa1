export * from './lib/meetings.module';
export * from './lib/events/live-publisher';
export * from './lib/events/meeting-events';
export * from './lib/gateway/live-io-adapter';
export * from './lib/gateway/live-ports';
export { LiveGateway, meetingRoom, organisationRoom } from './lib/gateway/live.gateway';
