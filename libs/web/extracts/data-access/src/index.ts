export * from './lib/extracts-api';
