/** @jest-config-loader-options {"transpileOnly": true} */
import path from 'node:path';
import type { Config } from 'jest';

// ESM-only packages that jest (CommonJS) must transpile before requiring them.
const esmPackages = ['@apidevtools/json-schema-ref-parser', 'json-schema-faker'];

const shared = {
  transform: {
    // Type checking is its own CI step (tsc --noEmit); here ts-jest only transpiles.
    '^.+\\.[cm]?[tj]s$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^json-schema-faker$': '<rootDir>/node_modules/json-schema-faker/dist/index.js',
  },
} satisfies Config;

const config: Config = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      // A real browser and a whole run: only `npm run test:browser` (jest.browser.config.ts).
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/browser/'],
    },
    {
      ...shared,
      displayName: 'conformance',
      // The engine runs once, in the global setup; the suites present its summary as tests,
      // and allure-jest turns each into an Allure result.
      testEnvironment: 'allure-jest/node',
      testEnvironmentOptions: {
        resultsDir: path.join(process.env.CONFORMANCE_REPORT_DIR ?? 'reports', 'allure-results'),
      },
      testMatch: ['<rootDir>/suites/**/*.suite.ts'],
      globalSetup: '<rootDir>/cli/jest/global-setup.ts',
    },
  ],
  // jest's default is one worker less than the cores: one, on a 2-core CI machine. The end-to-end
  // tests mostly wait on child processes and servers, so a third worker overlaps that wait.
  maxWorkers: 3,
  testSequencer: '<rootDir>/cli/jest/sequencer.cjs',
  reporters: ['default', '<rootDir>/cli/jest/reporter.cjs'],
};

export default config;
