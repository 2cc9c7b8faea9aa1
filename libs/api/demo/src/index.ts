export * from './lib/api-demo.module';
