export * from './lib/alert';
export * from './lib/form-field';
export * from './lib/skip-link';
export * from './lib/utrecht-lazy-styles';
export * from './lib/badge';
export * from './lib/error-summary';
export * from './lib/notice-box';
