export * from './lib/auth-api';
export * from './lib/auth-guards';
export * from './lib/csrf.interceptor';
export * from './lib/problem';
export * from './lib/provide-auth';
export * from './lib/session-expiry.interceptor';
export * from './lib/session-store';
