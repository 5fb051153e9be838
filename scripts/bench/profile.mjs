// Where a postview run spends its CPU time: runs the built CLI N times under
// `node --cpu-prof` and sums self time by source (each module of the bundle,
// or node's own internals), then by function.
//
//   POSTVIEW_NO_MINIFY=1 npm run build    # module names need the unminified bundle
//   node scripts/bench/profile.mjs [--runs N] [--interval µs] -- show posts/2016-05-17-aws-summit-seoul-2016.md
//
// The profiler slows a run down (more so at small intervals): read the figures
// as shares, and time with `npm run bench`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const own = split === -1 ? argv : argv.slice(0, split);
const args = split === -1 ? ['show', join(root, 'posts/2016-05-17-aws-summit-seoul-2016.md')] : argv.slice(split + 1);
const option = (name, fallback) => (own.includes(name) ? Number(own[own.indexOf(name) + 1]) : fallback);
const runs = option('--runs', 10);
const interval = option('--interval', 50);

const dir = mkdtempSync(join(tmpdir(), 'pv-profile-'));
for (let i = 0; i < runs; i++) {
  const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-interval', String(interval), '--cpu-prof-dir', dir, join(root, 'bin/postview.cjs'), ...args, '--no-pager'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    cwd: root,
  });
  if (run.status !== 0) console.error(`run ${i + 1} exited with ${run.status}`);
}

// Bundle sections: esbuild marks each module with a "// path" comment line.
const bundle = readFileSync(join(root, 'dist/postview.cjs'), 'utf8').split('\n');
const sections = [];
bundle.forEach((line, i) => {
  const m = /^\/\/ ((?:node_modules|src)\/\S+)/.exec(line);
  if (m) sections.push([i, m[1].replace(/^node_modules\/((?:@[^/]+\/)?[^/]+)\/.*/, '$1')]);
});
const sectionOf = (line) => {
  let found = '(bundle set-up)';
  for (const [start, name] of sections) if (start <= line) found = name;
  return found;
};

const bySource = new Map();
const byFunction = new Map();
const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
for (const file of files) {
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const micros = profile.timeDeltas[i] ?? 0;
    const source = url.endsWith('dist/postview.cjs') ? sectionOf(lineNumber) : url ? `node: ${url.replace(/^node:(internal\/)?/, '').split('/')[0]}` : functionName.startsWith('(') ? functionName : `(${functionName || 'vm'})`;
    const fn = `${functionName || '(anonymous)'}  ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    bySource.set(source, (bySource.get(source) ?? 0) + micros);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
  });
}
rmSync(dir, { recursive: true, force: true });

const total = [...bySource.values()].reduce((a, b) => a + b, 0);
const show = (title, map, count) => {
  console.log(`\n${title}`);
  for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`${(micros / files.length / 1000).toFixed(2).padStart(8)} ms  ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
};
console.log(`postview ${args.join(' ')}: ${files.length} profiled runs, ${(total / files.length / 1000).toFixed(1)} ms of samples per run (interval ${interval} µs)`);
if (sections.length === 0) console.log('(minified bundle: build with POSTVIEW_NO_MINIFY=1 for per-module figures)');
show('self time by source', bySource, 25);
show('self time by function', byFunction, 25);
