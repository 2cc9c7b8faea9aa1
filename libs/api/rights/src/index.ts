export * from './lib/rights.module';
