// `npm test`: unit, property and end-to-end tests, fast enough to run often.
// `npm run test:slow` (jest.slow.config.js) runs test/slow/: checks that must
// take seconds each (full-size hostile posts, scaling), also run by .ci/run.
/** @type {import('jest').Config} */
export const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  testMatch: ['**/*.test.ts'],
  // test/slow runs through `npm run test:slow` (jest.slow.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/slow/'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true }],
  },
  // Everything a run writes stays in the project or in one temporary folder
  // that the teardown removes (test/global-setup.js).
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  testTimeout: 30000,
};

export default {
  ...base,
  roots: ['<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/slow/'],
};
