'use strict';
// What a build of postview is made from: a hash of the sources, the build
// scripts and the locked dependencies. The build bakes it into the bundle (a
// cache written by another build is not trusted) and writes it to
// dist/source-id, which bin/postview.cjs compares in a git clone after git
// has changed the working tree (`git pull`), so that a clone never runs a
// dist/ older than its sources.
const { createHash } = require('node:crypto');
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

/** The id of the sources under `root` (16 hex digits). */
function readSourceId(root) {
  const hash = createHash('sha256');
  const sources = (dir) =>
    readdirSync(join(root, dir), { recursive: true })
      .filter((f) => /\.[cm]?[jt]s$/.test(f))
      .sort()
      .map((f) => `${dir}/${f.split('\\').join('/')}`);
  for (const file of [...sources('src'), ...sources('scripts/build'), 'scripts/build.mjs', 'package-lock.json']) {
    hash.update(file).update('\0');
    try {
      hash.update(readFileSync(join(root, file)));
    } catch {
      // no lock file: the sources alone
    }
  }
  return hash.digest('hex').slice(0, 16);
}

module.exports = { readSourceId };
