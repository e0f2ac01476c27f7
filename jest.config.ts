/** @jest-config-loader-options {"transpileOnly": true} */
import path from 'node:path';
import type { Config } from 'jest';

// ESM-only packages that jest (CommonJS) must transpile before requiring them.
const esmPackages = ['@apidevtools/json-schema-ref-parser', 'json-schema-faker'];

// The options the commands' TypeScript loader uses too (plain JavaScript, shared by both).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { swcOptions } = require('./cli/swc-options.cjs') as {
  swcOptions: (syntax: 'typescript' | 'ecmascript') => Record<string, unknown>;
};

/** swc transpiles (tsc --noEmit checks the types in CI): a tenth of ts-jest's start-up per process. */
export const swc = (syntax: 'typescript' | 'ecmascript'): [string, unknown] => [
  '@swc/jest',
  swcOptions(syntax),
];

const shared = {
  transform: {
    '^.+\\.ts$': swc('typescript'),
    '^.+\\.[cm]?js$': swc('ecmascript'),
  },
  transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^json-schema-faker$': '<rootDir>/node_modules/json-schema-faker/dist/index.js',
  },
} satisfies Config;

/**
 * The conformance suites: the engine runs once, in the global setup; the suites present its
 * summary as tests, and allure-jest turns each into an Allure result. The CLI hands this same
 * project to jest as JSON (cli/conformance.ts): no TypeScript loader is needed for it there.
 */
export function conformanceProject(
  reportDir = process.env.CONFORMANCE_REPORT_DIR ?? 'reports',
): Config {
  return {
    ...shared,
    displayName: 'conformance',
    testEnvironment: 'allure-jest/node',
    testEnvironmentOptions: { resultsDir: path.join(reportDir, 'allure-results') },
    testMatch: ['<rootDir>/suites/**/*.suite.ts'],
    globalSetup: '<rootDir>/cli/jest/global-setup.ts',
  };
}

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
    conformanceProject(),
  ],
  // jest's default is one worker less than the cores: one, on a 2-core CI machine. Two keep both
  // cores busy; a third measured slower (npm test 187 s against 177 s, 10% more CPU time).
  maxWorkers: 2,
  testSequencer: '<rootDir>/cli/jest/sequencer.cjs',
  reporters: ['default', '<rootDir>/cli/jest/reporter.cjs'],
};

export default config;
