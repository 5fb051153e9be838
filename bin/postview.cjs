#!/usr/bin/env node
'use strict';
// Runs the bundled CLI (dist/postview.cjs) with V8's code cache made at build
// time, so the functions a run needs arrive compiled rather than parsed anew.
// A cache this Node rejects (another version) is ignored, then rewritten for
// next time when the folder is writable.
const { existsSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { wrap } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

// V8 normally compiles a regular expression twice: to bytecode for its first
// match, then to machine code for the next ones. marked runs about a hundred
// of them once or twice per post, so compiling each once, straight to machine
// code, halves the cost of lexing a post cold (about 18 -> 9 ms for the
// sample). The code cache below is recorded with the same flag, as V8 requires.
require('node:v8').setFlagsFromString('--no-regexp-tier-up');

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const buildScript = join(root, 'scripts', 'build.mjs');

/**
 * In a git clone (the package ships dist/ without the build script), whether
 * dist/ must be built: a fresh clone has none yet; after git changed the
 * working tree (its index is newer than dist/source-id: `git pull`,
 * `git checkout`), when the sources are no longer those dist/ was built from.
 * Two stats on every run; the sources are hashed only after git touched them.
 */
function needsBuild() {
  if (!existsSync(buildScript)) return null;
  const stamp = join(dist, 'source-id');
  const built = statSync(stamp, { throwIfNoEntry: false });
  if (!existsSync(join(dist, 'postview.cjs')) || built === undefined) return 'first';
  let index;
  try {
    index = statSync(join(root, '.git', 'index'));
  } catch {
    return null; // not a plain clone (.git is a file in a worktree or a submodule): dist/ is rebuilt by `npm test` and `npm run build`
  }
  if (index.mtimeMs <= built.mtimeMs) return null;
  const { readSourceId } = require('../scripts/build/source-id.cjs');
  if (readSourceId(root) !== readFileSync(stamp, 'utf8').trim()) return 'changed';
  try {
    // The same sources: not hashed again until git next changes the tree. A millisecond past the
    // index, since git writes times to the nanosecond and a Date (or a rounded float) may fall short.
    const after = index.mtimeMs / 1000 + 0.001;
    utimesSync(stamp, after, after);
  } catch {
    // a read-only clone: hashed on every run after git changed the tree, still correct
  }
  return null;
}

// A fresh clone has no dist/ yet (the package ships it, built by `prepack`):
// build it once, so `npm install && npx postview` works without an install
// script, which npm would warn about when the package is installed.
const build = needsBuild();
if (build !== null) {
  if (build === 'changed') process.stderr.write('postview: the sources changed since dist/ was built (git pull?); building it again\n');
  const built = require('node:child_process').spawnSync(process.execPath, [buildScript], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    process.stderr.write('postview: building dist/ failed; run `npm install`, then `npm run build`\n');
    process.exit(70);
  }
}

/** Runs dist/NAME.cjs through its code cache, dist/NAME.cache (written at exit when missing or rejected). */
function load(name) {
  const file = join(dist, `${name}.cjs`);
  const cacheFile = join(dist, `${name}.cache`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet: compile as usual
  }
  const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        const temporary = `${cacheFile}.${process.pid}`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      } catch {
        // a read-only install: run without a cache
      }
    });
  }
  const module_ = { exports: {} };
  script.runInThisContext()(module_.exports, require, module_, file, dist);
  return module_.exports;
}

// Bundles loaded on demand (dist/html-lib.cjs, see src/html-lib.ts) come through the same cache.
globalThis[Symbol.for('postview.loadBundle')] = load;
load('postview');
