export * from './lib/admin-api';
export * from './lib/register-api';
