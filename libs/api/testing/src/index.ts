export * from './lib/postgres/test-postgres';
export * from './lib/http/test-app';
