// Stands in for node:child_process inside commander, which requires it at
// import for executable subcommands postview does not have. Loading it (and
// net, dgram and stream with it) only when used saves start-up time.
'use strict';
let real;
module.exports = new Proxy({}, { get: (_target, key) => (real ??= require('node:child_process'))[key] });
