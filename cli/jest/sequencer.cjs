module.exports = require('./hooks.cjs').sequencer;
