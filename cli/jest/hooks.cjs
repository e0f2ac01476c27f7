// jest loads reporters and sequencers without its transform: register a TypeScript loader
// for them (transpile only; tsc checks types in CI).
require('tsx/cjs/api').register();
module.exports = {
  reporter: require('./reporter.ts').default,
  sequencer: require('./sequencer.ts').default,
};
