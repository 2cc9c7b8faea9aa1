export * from './lib/alert';
export * from './lib/skip-link';
