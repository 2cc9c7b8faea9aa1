export * from './lib/cases-api';
