// jest loads reporters and sequencers without its transform: register a TypeScript loader
// for them (transpile only; tsc checks types in CI).
require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
module.exports = {
  reporter: require('./jest-reporter.ts').default,
  sequencer: require('./jest-sequencer.ts').default,
};
