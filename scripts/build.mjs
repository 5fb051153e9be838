// Bundles the CLI into one CommonJS file, dist/postview.cjs, so start-up
// reads one file instead of resolving hundreds of modules, then runs it once
// on a sample post to record V8's code cache (dist/postview.cache): the
// functions a run needs then arrive compiled; and writes the man page,
// dist/postview.1. Run by `prepack`, `npm test` and a clone's first run.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { asciiOnly } from './build/ascii-only.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

/** Changes with the sources, this build script or the locked dependencies: caches from another build are not trusted. */
const sourceId = createRequire(import.meta.url)('./build/source-id.cjs').readSourceId(root);

/**
 * Rewrites a bundle as 7-bit ASCII (see build/ascii-only.mjs: V8 then reads it
 * as a one-byte string). Not the unminified build for profiling
 * (POSTVIEW_NO_MINIFY=1), whose comments keep their Korean examples.
 */
const makeAscii = (file) => {
  if (process.env.POSTVIEW_NO_MINIFY !== '1') writeFileSync(file, asciiOnly(readFileSync(file, 'utf8'), file));
};

/** Module swaps that keep work out of start-up (see the files for why). */
const startup = {
  name: 'postview-startup',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: `${root}scripts/build/no-color-probe.js` }));
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes(`${'/'}commander${'/'}`) ? { path: `${root}scripts/build/lazy-child-process.cjs` } : undefined,
    );
  },
};

// marked, set up on the first lex: its module builds some 45 regular
// expressions when it runs (~9 ms), which a command that lexes nothing (`list`,
// `tracks`/`timeline`/`now` of a folder whose cache answers every post, help)
// never needs. src/parse/lexer.ts is the only module that imports marked's
// values; in the bundle, its importers get a stand-in whose exports load
// lexer.ts (and marked with it) when first used. Its exports are read from
// the source: each must be declared `export function`, `const`, `let` or `class`.
const lexerFile = `${root}src/parse/lexer.ts`;
const lazyLexer = {
  name: 'postview-lazy-lexer',
  setup(b) {
    b.onResolve({ filter: /\/lexer\.js$/ }, (args) => {
      const path = resolvePath(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return path === lexerFile && args.namespace === 'file' ? { path: 'src/parse/lexer.ts', namespace: 'postview-lazy-lexer' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'postview-lazy-lexer' }, () => {
      const source = readFileSync(lexerFile, 'utf8');
      if (/^export\s*(?:\{|\*|default)/m.test(source)) throw new Error('build: src/parse/lexer.ts: declare each export (export function NAME), for the lazy stand-in');
      const names = [...source.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([\w$]+)/gm)].map((m) => m[1]);
      const getters = names.map((name) => `get ${name}() { return load().${name}; }`).join(', ');
      return {
        contents: `let lexer;\nconst load = () => (lexer ??= require('./src/parse/lexer.ts'));\nmodule.exports = { ${getters} };\n`,
        loader: 'js',
        resolveDir: root,
      };
    });
  },
};

// The interactive UI (`browse`, `show --watch`) is a second bundle,
// dist/browse.cjs, that the CLI requires only for those commands: other
// commands neither read nor compile it. It does not carry its own copy of
// postview's core: each module of src/ outside src/browse/ that it imports is
// taken from the CLI bundle that loaded it (one instance of every module,
// built once), through an object the CLI hands over when it loads the UI.
const browseDir = `${root}src/browse/`;
const hostModules = new Set();
const hostKey = (path) => path.slice(`${root}src/`.length);
const sharedCore = {
  name: 'postview-shared-core',
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      const path = resolvePath(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      if (!path.startsWith(`${root}src/`) || path.startsWith(browseDir)) return undefined;
      hostModules.add(path);
      return { path: hostKey(path), namespace: 'postview-host' };
    });
    b.onLoad({ filter: /.*/, namespace: 'postview-host' }, (args) => ({
      contents: `module.exports = globalThis.__postviewHost[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
  },
};
/** How the bundles loaded on demand (the UI, the HTML reader) are built. */
const chunk = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: process.env.POSTVIEW_NO_MINIFY !== '1',
  legalComments: 'none',
  logLevel: 'warning',
};
await build({
  ...chunk,
  entryPoints: [`${browseDir}run.ts`],
  outfile: `${root}dist/browse.cjs`,
  plugins: [sharedCore],
});
makeAscii(`${root}dist/browse.cjs`);

/** In the CLI bundle, main.ts's import of the UI becomes: hand over the core modules, then require dist/browse.cjs. */
const browseLoader = {
  name: 'postview-browse-loader',
  setup(b) {
    b.onResolve({ filter: /\/browse\/run\.js$/ }, (args) => (args.importer.endsWith(`${'/'}main.ts`) ? { path: 'browse', namespace: 'postview-browse' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'postview-browse' }, () => {
      const modules = [...hostModules].sort();
      const imports = modules.map((path, i) => `import * as m${i} from ${JSON.stringify(path)};`).join('\n');
      const table = modules.map((path, i) => `${JSON.stringify(hostKey(path))}: m${i}`).join(', ');
      return {
        contents: `${imports}
let ui;
function load() {
  if (!ui) {
    globalThis.__postviewHost = { ${table} };
    ui = require(require('node:path').join(__dirname, 'browse.cjs'));
  }
  return ui;
}
export const runBrowse = (...args) => load().runBrowse(...args);
export const runWatch = (...args) => load().runWatch(...args);
`,
        loader: 'js',
        resolveDir: root,
      };
    });
  },
};

await build({
  entryPoints: [`${root}src/main.ts`],
  outfile: `${root}dist/postview.cjs`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // The bundle runs through vm.Script (bin/postview.cjs), where import() is not
  // available: load node's modules on demand with require() instead.
  supported: { 'dynamic-import': false },
  minify: process.env.POSTVIEW_NO_MINIFY !== '1',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [startup, browseLoader, lazyLexer],
  // Loaded at run time, only to colour code blocks (src/render/highlight.ts).
  external: ['marked-terminal'],
  define: {
    __POSTVIEW_ENTRY__: 'true',
    __VERSION__: JSON.stringify(version),
    __BUILD_ID__: JSON.stringify(sourceId),
    __HTML_LIB__: JSON.stringify('html-lib'),
    'import.meta.url': '__pvModuleUrl',
  },
  // js-yaml 3 asks for esprima at import (through a variable, so the bundler
  // cannot see it) only to support the !!js/function type, which runs code and
  // which postview never enables: refuse it, which also saves loading 300 kB.
  banner: {
    js: [
      "const __pvModuleUrl = require('node:url').pathToFileURL(__filename).href;",
      'const __pvRequire = require;',
      "require = (id) => { if (id === 'esprima') throw new Error('esprima is not loaded'); return __pvRequire(id); };",
    ].join(' '),
  },
});
makeAscii(`${root}dist/postview.cjs`);
// What this dist/ was built from, before anything runs bin/postview.cjs (which compares it in a clone).
writeFileSync(`${root}dist/source-id`, `${sourceId}\n`);

// htmlparser2 and the entities table in a bundle of their own, required by
// src/html-lib.ts only when a post holds HTML or a rare entity: the start-up
// of every other post neither reads nor compiles them.
await build({ ...chunk, entryPoints: [`${root}scripts/build/html-lib-entry.mjs`], outfile: `${root}dist/html-lib.cjs` });
makeAscii(`${root}dist/html-lib.cjs`);

// The man page, dist/postview.1, from the same commander program as the
// help (src/man.ts): bundled in memory and run once.
const man = await build({
  stdin: {
    contents: "import { buildProgram, VERSION } from './src/cli.ts'; import { renderManPage } from './src/man.ts'; process.stdout.write(renderManPage(buildProgram(() => {}), VERSION));",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  write: false,
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(version) },
});
const page = spawnSync(process.execPath, ['-'], { input: man.outputFiles[0].text, encoding: 'utf8' });
if (page.status !== 0) throw new Error(`build: the man page could not be made: ${page.stderr}`);
writeFileSync(`${root}dist/postview.1`, page.stdout);

// The code cache, dist/postview.cache: recorded by scripts/build/warm-cache.cjs
// from one process that runs `show` and `tracks` of the Korean sample (every
// stage of the pipeline runs). Without it, bin/postview.cjs writes one after
// its first run.
rmSync(`${root}dist/postview.cache`, { force: true });
const warm = spawnSync(process.execPath, [`${root}scripts/build/warm-cache.cjs`], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (warm.status !== 0) {
  console.error('build: the warm-up run failed; dist/postview.cache was not written (postview works without it, only slower)');
}

// The HTML bundle's code cache: one show of a post with HTML, entities and a table.
rmSync(`${root}dist/html-lib.cache`, { force: true });
const warmHtml = spawnSync(process.execPath, [`${root}bin/postview.cjs`, 'show', '-', '--color', 'always', '--width', '80', '--no-pager'], {
  cwd: root,
  input: '<h2>Title</h2>\n\n<p align="center"><b>bold</b> &amp; <i>it</i><br><a href="https://example.com">link</a> &frac34;</p>\n\n<table><tr><th>a</th></tr><tr><td>1</td></tr></table>\n\nText <kbd>x</kbd>.\n',
  stdio: ['pipe', 'ignore', 'inherit'],
});
if (warmHtml.status !== 0) console.error('build: the HTML warm-up run failed; dist/html-lib.cache was not written');
