export * from './lib/matrix';
export * from './lib/policy';
