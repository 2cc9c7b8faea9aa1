export * from './lib/data-source-factory';
export * from './lib/database.module';
export * from './lib/database.service';
export * from './lib/embedded/embedded-postgres-server';
export * from './lib/entities';
export * from './lib/migrations';
