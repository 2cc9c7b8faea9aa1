export * from './lib/meetings-routes';
export * from './lib/notifications/notification-bell';
