export * from './lib/app-shell/app-shell';
export * from './lib/auth/auth-api';
export * from './lib/session/session-store';
export * from './lib/shell-routes';
