// `npm run test:slow`: the tests in test/slow/, each taking seconds by design.
import { base } from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  roots: ['<rootDir>/test/slow'],
  // base leaves test/slow out of `npm test`; here it is all there is.
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 600000,
  // Most of these time one size of input against another in the same process: a second
  // worker on the other core of a 2-core machine skews those ratios (with base's one worker
  // per core, two failed a CI try at 12.03x and 12.06x against 12x, and passed alone).
  // One file at a time, unlike `npm test`.
  maxWorkers: 1,
};
