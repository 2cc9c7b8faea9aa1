export * from './lib/auth-routes';
export * from './lib/flow/login-flow';
