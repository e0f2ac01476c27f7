/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';

// ESM-only packages that jest (CommonJS) must transpile before requiring them.
const esmPackages = ['@apidevtools/json-schema-ref-parser', 'json-schema-faker'];

const tsJest: Config['transform'] = {
  '^.+\\.[cm]?[tj]s$': [
    'ts-jest',
    // Type checking is its own CI step (tsc --noEmit); here ts-jest only transpiles.
    { tsconfig: { allowJs: true, isolatedModules: true } },
  ],
};

const config: Config = {
  testEnvironment: 'node',
  transform: tsJest,
  transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  moduleNameMapper: {
    '^json-schema-faker$': '<rootDir>/node_modules/json-schema-faker/dist/index.js',
  },
};

export default config;
