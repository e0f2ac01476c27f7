module.exports = require('./jest-hooks.cjs').sequencer;
