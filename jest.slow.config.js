// `npm run test:slow`: the tests in test/slow/, each taking seconds by design.
import { base } from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  roots: ['<rootDir>/test/slow'],
  // base leaves test/slow out of `npm test`; here it is all there is.
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 600000,
};
