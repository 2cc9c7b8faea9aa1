export * from './lib/app-shell/app-shell';
export * from './lib/shell-routes';
