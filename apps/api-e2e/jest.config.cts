/**
 * Process-level tests of the built server (`node dist/apps/api/main.js`): what `npm start` does on a
 * user's machine — embedded PostgreSQL life cycle, banner, signals, port and config errors.
 * Needs `nx run-many -t build -p api web` first (the e2e target depends on it).
 */
module.exports = {
  displayName: 'api-e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    // ESM-only dependencies, see jest.preset.js.
    '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' }, isolatedModules: true }],
  },
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/../../libs/api/testing/src/lib/postgres/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/api/testing/src/lib/postgres/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/src/test-timeout.ts'],
  maxWorkers: 1,
};
