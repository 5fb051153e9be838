// Turns the tests' TypeScript into JavaScript for jest with esbuild (already
// used by the build): type-stripping only, as ts-jest does with
// isolatedModules, at a fraction of its cost. Types are checked by
// `npm run typecheck` (tsc), not here.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync, version } = require('esbuild');

const self = createHash('sha256').update(readFileSync(join(__dirname, 'esbuild-transform.cjs'))).update(version).digest('hex');
const tsconfigRaw = { compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: false } };

module.exports = {
  getCacheKey(source, path, options) {
    return createHash('sha256').update(self).update('\0').update(path).update('\0').update(String(options.supportsStaticESM)).update('\0').update(source).digest('hex');
  },
  process(source, path, options) {
    const { code, map } = transformSync(source, {
      loader: 'ts',
      format: options.supportsStaticESM ? 'esm' : 'cjs',
      target: 'node20',
      sourcemap: true,
      sourcefile: path,
      tsconfigRaw,
    });
    return { code, map };
  },
};
