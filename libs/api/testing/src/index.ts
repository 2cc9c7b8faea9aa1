export * from './lib/factories/identity-factory';
export * from './lib/http/test-agent';
export * from './lib/http/test-app';
export * from './lib/postgres/test-postgres';
