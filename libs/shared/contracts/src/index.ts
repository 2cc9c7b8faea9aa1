export * from './lib/health';
export * from './lib/locale';
export * from './lib/problem-details';
export * from './lib/auth';
export * from './lib/identity';
