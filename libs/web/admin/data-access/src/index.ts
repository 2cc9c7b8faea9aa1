export * from './lib/admin-api';
