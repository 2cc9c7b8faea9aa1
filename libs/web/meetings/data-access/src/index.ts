export * from './lib/actions-api';
export * from './lib/live-room';
export * from './lib/live-socket';
export * from './lib/live-store';
export * from './lib/meetings-api';
export * from './lib/notifications-api';
