export * from './lib/cases-api';
export * from './lib/rights-api';
