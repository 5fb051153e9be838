'use strict';
// Runs a CommonJS bundle the way bin/postview.cjs runs dist/postview.cjs: the
// same V8 flag, the same code cache (BUNDLE.cache, written on first run).
// Usage: node floor-run.cjs BUNDLE ARGS...
require('node:v8').setFlagsFromString('--no-regexp-tier-up');
const { readFileSync, writeFileSync } = require('node:fs');
const { wrap } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');

const file = process.argv[2];
process.argv.splice(2, 1);
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // first run: compile, then record
}
const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, require, module_, file, dirname(file));
