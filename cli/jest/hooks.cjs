// jest loads reporters and sequencers without its transform: the commands' TypeScript loader
// loads them (transpile only; tsc checks types in CI).
require('../load-typescript.cjs');
module.exports = {
  reporter: require('./reporter.ts').default,
  sequencer: require('./sequencer.ts').default,
};
