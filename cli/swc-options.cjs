// How TypeScript becomes JavaScript, for jest's transform (jest.config.ts) and for the commands'
// loader (cli/load-typescript.cjs) alike: a command runs the code the tests ran.
'use strict';

/** swc's options for one syntax; no .swcrc is read, so nothing outside this file changes them. */
const swcOptions = (syntax) => ({
  jsc: { parser: { syntax }, target: 'es2022' },
  module: { type: 'commonjs' },
  swcrc: false,
  configFile: false,
});

module.exports = { swcOptions };
