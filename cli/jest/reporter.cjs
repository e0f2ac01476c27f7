module.exports = require('./hooks.cjs').reporter;
