export * from './lib/extracts-routes';
export * from './lib/panel/case-extracts';
export * from './lib/shared/may-compose';
