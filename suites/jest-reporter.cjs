module.exports = require('./jest-hooks.cjs').reporter;
