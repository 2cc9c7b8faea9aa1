export * from './lib/meetings.module';
export * from './lib/events/live-publisher';
export * from './lib/events/meeting-events';
