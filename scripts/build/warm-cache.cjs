'use strict';
// Records dist/postview.cache, V8's code cache for the CLI bundle, from one
// process that runs the commands whose start-up matters most on the sample
// post: `show` (with and without colour) and `tracks`. A run from the cache
// then finds the functions it needs compiled; a function missing from it is
// parsed and compiled when first called (a `tracks` from a cache recorded by
// `show` alone paid ~1% more instructions for its session parsers).
// The bundle is loaded as bin/postview.cjs loads it, under the same V8 flag:
// V8 accepts a cache only under the flags it was made with.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { wrap } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

require('node:v8').setFlagsFromString('--no-regexp-tier-up');

const root = join(__dirname, '..', '..');
const dist = join(root, 'dist');
const file = join(dist, 'postview.cjs');
const sample = join(root, 'posts', '2016-05-17-aws-summit-seoul-2016.md');
const RUNS = [
  ['show', sample, '--color', 'always', '--width', '80', '--no-pager'],
  ['show', sample, '--color', 'never', '--no-pager'],
  ['tracks', sample, '--color', 'always', '--width', '80', '--no-pager'],
];

const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file });
// The bundle does not run its own command line (src/main.ts): the runs below are its commands.
globalThis[Symbol.for('postview.warmUp')] = true;
// Bundles loaded on demand, without their caches (bin/postview.cjs's loader).
globalThis[Symbol.for('postview.loadBundle')] = (name) => require(join(dist, `${name}.cjs`));
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, require, module_, file, dist);

(async () => {
  for (const args of RUNS) {
    const code = await module_.exports.main(['node', 'postview', ...args]);
    if (code !== 0) throw new Error(`postview ${args.join(' ')} exited with ${code}`);
  }
  const temporary = join(dist, `postview.cache.${process.pid}`);
  writeFileSync(temporary, script.createCachedData());
  renameSync(temporary, join(dist, 'postview.cache'));
})().catch((error) => {
  process.stderr.write(`warm-cache: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
