/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';
import { swc } from './jest.config';

/**
 * `npm run test:browser`: the HTML reports of a run in Debian's chromium (tests/browser).
 * A config of its own, named with --config, so plain `jest` (`npm test`) never selects it; the
 * unit project of jest.config.ts ignores tests/browser.
 */
const config: Config = {
  displayName: 'browser',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/browser/**/*.browser.test.ts'],
  transform: { '^.+\\.ts$': swc('typescript') },
  // One browser and one run of the CLI: a worker more would only compete for the 2 cores.
  maxWorkers: 1,
};

export default config;
