/**
 * Integration tests: `*.int-spec.ts` of the API and its libraries, against real PostgreSQL
 * (DATABASE_URL when set, else an embedded throwaway server). See libs/api/testing and ADR 0011.
 */
module.exports = {
  displayName: 'api-integration',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src', '<rootDir>/../../libs/api'],
  testMatch: ['**/*.int-spec.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    // A few dependencies ship ESM only (Node 24 can require() them; jest's runtime cannot).
    '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' }, isolatedModules: true }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  globalSetup: '<rootDir>/../../libs/api/testing/src/lib/postgres/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/api/testing/src/lib/postgres/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/src/integration/test-timeout.jest-setup.ts'],
  coverageDirectory: '../../coverage/apps/api-integration',
};
