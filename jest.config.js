// `npm test`: unit, property and end-to-end tests, fast enough to run often.
// `npm run test:slow` (jest.slow.config.js) runs test/slow/: checks that must
// take seconds each (full-size hostile posts, scaling, big pipes, completion in
// real shells at a terminal), also run by .ci/run. README, "Development".
/** @type {import('jest').Config} */
export const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  testMatch: ['**/*.test.ts'],
  // test/slow runs through `npm run test:slow` (jest.slow.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/slow/'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // ts-jest, as the project chose. tsconfig.json sets isolatedModules, so
  // ts-jest only strips types (transpileModule, ~4.8 s of CPU on an empty
  // jest cache, nothing after); types are checked by `npm run typecheck`.
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
  // One worker per core: jest's own default is one less (a single worker on
  // a 2-core machine), and much of a run waits on the processes tests start.
  maxWorkers: '100%',
  roots: ['<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/slow/'],
};
