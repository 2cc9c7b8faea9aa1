export * from './lib/audit-writer';
export * from './lib/audit.module';
