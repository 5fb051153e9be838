// Bundles the CLI into one ESM file, dist/postview.js, so start-up reads one
// file instead of resolving hundreds of modules. Run by `prepare` and `npm test`.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

await build({
  entryPoints: [`${root}src/main.ts`],
  outfile: `${root}dist/postview.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: process.env.POSTVIEW_NO_MINIFY !== "1",
  legalComments: 'none',
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(version) },
  // Bundled CommonJS (gray-matter, js-yaml) still calls require() for node's
  // own modules; give the ESM bundle one. js-yaml 3 asks for esprima at import
  // (through a variable, so the bundler cannot see it) only to support the
  // !!js/function type, which runs code and which postview never enables:
  // refuse it, which also saves loading 300 kB at every start.
  banner: {
    js: [
      "import { createRequire as __pvCreateRequire } from 'node:module';",
      'const __pvRequire = __pvCreateRequire(import.meta.url);',
      "const require = (id) => { if (id === 'esprima') throw new Error('esprima is not loaded'); return __pvRequire(id); };",
    ].join(' '),
  },
});
