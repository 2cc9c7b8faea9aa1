export * from './lib/admin-routes';
export * from './lib/register/register-routes';
export * from './lib/audit-log/audit-log-routes';
