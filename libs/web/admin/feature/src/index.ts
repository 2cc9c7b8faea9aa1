export * from './lib/admin-routes';
export * from './lib/register/register-routes';
