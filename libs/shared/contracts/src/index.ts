export * from './lib/health';
export * from './lib/locale';
export * from './lib/problem-details';
export * from './lib/auth';
export * from './lib/identity';
export * from './lib/cases';
export * from './lib/default-matrix';
export * from './lib/rights';
