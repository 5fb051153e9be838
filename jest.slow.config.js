// `npm run test:slow`: tests that take minutes (linear-time properties, run in process).
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default { ...base, testMatch: ['<rootDir>/test/slow/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/'], testTimeout: 600000 };
