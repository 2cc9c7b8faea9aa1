export * from './lib/demo-region';
export * from './lib/demo-seeder';
export * from './lib/demo.module';
export * from './lib/demo-cases';
export * from './lib/demo-rights';
