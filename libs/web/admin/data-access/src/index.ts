export * from './lib/admin-api';
export * from './lib/register-api';
export * from './lib/audit-log-api';
