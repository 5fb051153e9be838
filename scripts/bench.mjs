// `npm run bench [-- --rounds N] [--quick] [--json]`: times postview against bare
// `node -e 0` (and other references) in interleaved rounds, measures peak
// memory, and prints a table of ratios against the performance targets.
// It is a report: it exits 0 even when targets are missed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { ensureInputs } from './bench/inputs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const here = (p) => join(root, p);
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => { const i = argv.indexOf(name); return i >= 0 ? Number(argv[i + 1]) : undefined; };
if (flag('--help') || flag('-h')) {
  console.log('usage: node scripts/bench.mjs [--rounds N] [--quick] [--json] [--only ID,...]\n' +
    '  --rounds N  rounds for every case (default 15 fast, 10 for the big and hostile posts)\n' +
    '  --quick     smoke run: 3 rounds (1 for the big and hostile posts), one memory sample\n  --json      also print the results as JSON\n' +
    '  --memory time|python|preload|none  how to read peak RSS (default: the first that works, in that order)\n' +
    '  --only ID,...  only the cases whose id starts with one of these (and those they are measured against),\n' +
    '                 e.g. --only tracksDir,timelineDir,nowDir');
  process.exit(0);
}
const quick = flag('--quick');
const roundsOpt = option('--rounds');
if (roundsOpt !== undefined && !(roundsOpt >= 1)) { console.error('--rounds needs a number ≥ 1'); process.exit(2); }
const rounds = { fast: roundsOpt ?? (quick ? 3 : 15), big: roundsOpt ?? (quick ? 1 : 10) };
const memRuns = quick ? 1 : 3;
const memPick = argv.includes('--memory') ? argv[argv.indexOf('--memory') + 1] : null; // time|python|preload|none
if (memPick && !['time', 'python', 'preload', 'none'].includes(memPick)) { console.error('--memory takes time, python, preload or none'); process.exit(2); }
const say = (s) => process.stderr.write(s + '\n');

// ---- inputs ------------------------------------------------------------------
const inputs = ensureInputs(here('.bench'), say);
const postsDir = here('posts');
const named = join(postsDir, '2016-05-17-aws-summit-seoul-2016.md');
const awsPost = existsSync(postsDir) && readdirSync(postsDir).sort().find((f) => /aws/i.test(f) && f.endsWith('.md'));
const sample = existsSync(named) ? named : awsPost ? join(postsDir, awsPost) : inputs.sample;
// list keeps a summary cache of big folders: a private one for this run
// (warmed by the sanity pass below), and none at all for listCold. Posts
// changed in the last 3 s are not cached, so freshly generated ones wait.
process.env.XDG_CACHE_HOME = mkdtempSync(join(tmpdir(), 'pv-bench-cache-'));
const youngest = Math.max(...readdirSync(inputs.folder).slice(0, 50).map((f) => statSync(join(inputs.folder, f)).ctimeMs));
if (Date.now() - youngest < 3500) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3500 - (Date.now() - youngest));
if (!existsSync(here('dist/postview.cjs'))) say('note: dist/postview.cjs is missing; run `npm run build` first');
if (sample === inputs.sample) say(`note: no AWS sample in posts/ yet; using generated ${inputs.sample}`);

// The floor: marked loaded and run on the sample through the loader postview
// uses (see scripts/bench/floor.mjs), bundled afresh for this run.
const floorBundle = join(inputs.dir, 'floor.cjs');
await esbuild({ entryPoints: [here('scripts/bench/floor.mjs')], outfile: floorBundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, logLevel: 'warning' });
rmSync(`${floorBundle}.cache`, { force: true });

// The sample with its Markdown written as HTML, as Jekyll posts often do
// (headings, bold, line breaks, a centred paragraph, a video): the same
// content, but showing it loads the HTML parser, which the sample never does.
// No image: an image's label (🖼, also for Markdown images) needs the
// grapheme segmenter, ~30 ms of start-up that is not the HTML's doing.
const sampleHtml = join(inputs.dir, 'sample-with-html.md');
writeFileSync(sampleHtml, readFileSync(sample, 'utf8')
  .replace(/^(#{2,3}) (.+)$/gm, (_, hashes, text) => `<h${hashes.length}>${text}</h${hashes.length}>`)
  .replace(/\*\*([^*\n]+)\*\*/g, '<b>$1</b>')
  .replace(/^(- .+)$/m, '$1<br>두 번째 줄')
  .replace(/^(<h2>.+)$/m, '$1\n\n<p align="center">\n  <b>AWS Summit Seoul 2016</b><br>코엑스\n</p>\n\n<iframe width="560" height="315" src="https://www.youtube.com/embed/aBcDeFgHiJk" frameborder="0" allowfullscreen></iframe>\n'));

// ---- cases -------------------------------------------------------------------
const node = process.execPath;
let pvFlags = ['--color', 'never', '--width', '80', '--no-pager'];
const pv = (...a) => () => [node, here('bin/postview.cjs'), ...a, ...pvFlags];
const script = (s, file) => () => [node, here(`scripts/bench/${s}`), file];
const rel = (p) => p.replace(root, '');
const cases = [
  { id: 'node', label: 'bare node (node -e 0)', groups: ['fast', 'big'], cmd: () => [node, '-e', '0'] },
  { id: 'show', label: `show ${rel(sample)}`, pv: true, cmd: pv('show', sample), time: [{ ref: 'node', max: 1.3 }], mem: { ref: 'node', max: 1.6 } },
  { id: 'showHtml', label: 'show the same post written with HTML', pv: true, cmd: pv('show', sampleHtml), time: [{ ref: 'show', max: 1.2 }], mem: { ref: 'node' } },
  { id: 'tracks', label: 'tracks (same post)', pv: true, cmd: pv('tracks', sample), time: [{ ref: 'node', max: 1.3 }], mem: { ref: 'node', max: 1.6 } },
  { id: 'floor', label: 'marked alone: load + lex (same loader)', cmd: () => [node, here('scripts/bench/floor-run.cjs'), floorBundle, sample], time: [{ ref: 'node' }], mem: { ref: 'node' } },
  { id: 'plain', label: 'plain matter+marked+marked-terminal', cmd: script('plain.mjs', sample), time: [{ ref: 'node' }], mem: { ref: 'node' } },
  { id: 'list', label: 'list 10,000 posts (its cache warm)', pv: true, cmd: pv('list', inputs.folder), time: [{ ref: 'node', max: 6 }], mem: { ref: 'node' } },
  { id: 'listCold', label: 'list 10,000 posts, no cache', pv: true, env: { POSTVIEW_CACHE: 'off' }, cmd: pv('list', inputs.folder),
    time: [{ ref: 'node', max: 6 }], mem: { ref: 'node' } },
  // A whole blog (issue 12): cold is without a cache, warm after the sanity pass filled it.
  ...[
    ['tracksDir', 'tracks 10,000 posts --speaker 양승도', ['tracks', inputs.folder, '--speaker', '양승도']],
    ['timelineDir', 'timeline 10,000 posts', ['timeline', inputs.folder]],
    ['nowDir', 'now 10,000 posts --time 10:00', ['now', inputs.folder, '--time', '10:00']],
    ['searchDir', 'search 10,000 posts for DynamoDB 설계', ['search', 'DynamoDB', '설계', inputs.folder]],
  ].flatMap(([id, label, args]) => [
    { id: `${id}Cold`, label: `${label}, no cache`, pv: true, env: { POSTVIEW_CACHE: 'off' }, cmd: pv(...args),
      time: [{ ref: 'node', max: 15 }], mem: { ref: 'node', maxMB: 150 } },
    { id: `${id}Warm`, label: `${label}, cache warm`, pv: true, cmd: pv(...args), time: [{ ref: 'node', max: 5 }], mem: { ref: 'node', maxMB: 150 } },
  ]),
  { id: 'show1m', label: 'show 1 MB post', pv: true, groups: ['big'], cmd: pv('show', inputs.post1m), time: [{ ref: 'node' }, { maxS: 2 }], mem: { ref: 'node', maxMB: 300 } },
  { id: 'show300k', label: 'show 0.3 MB post', pv: true, groups: ['big'], cmd: pv('show', inputs.post300k), time: [{ ref: 'node' }], mem: { ref: 'node' } },
  { id: 'showMax', label: 'show 3 MB post (the size limit)', pv: true, groups: ['big'], cmd: pv('show', inputs.postMax),
    time: [{ ref: 'show300k', max: 12 }, { ref: 'lexerMax', max: 3 }], mem: { ref: 'node', maxMB: 1024 } },
  { id: 'lexerMax', label: 'marked.lexer on 3 MB (whole process)', groups: ['big'], cmd: script('lexer.mjs', inputs.postMax), time: [{ ref: 'node' }], mem: { ref: 'node' } },
  // Hostile shapes (issue 15): each took 7-87 s before; a post up to 1 MB has 2 s and 300 MB.
  { id: 'stars', label: "show '*a' x 100,000 (one line)", pv: true, groups: ['big'], cmd: pv('show', inputs.hostile.stars), time: [{ maxS: 2 }], mem: { ref: 'node', maxMB: 300 } },
  { id: 'underscores', label: "show 'a_b' x 40,000 (one line)", pv: true, groups: ['big'], cmd: pv('show', inputs.hostile.underscores), time: [{ maxS: 2 }], mem: { ref: 'node', maxMB: 300 } },
  { id: 'bangs', label: "tracks: a speaker line of 98,000 '!'", pv: true, groups: ['big'], cmd: pv('tracks', inputs.hostile.bangs), time: [{ maxS: 2 }], mem: { ref: 'node', maxMB: 300 } },
  { id: 'frontMatter', label: 'show: 98 KB of spaces in front matter', pv: true, groups: ['big'], cmd: pv('show', inputs.hostile.frontMatter), time: [{ maxS: 2 }], mem: { ref: 'node', maxMB: 300 } },
  { id: 'heading', label: "list: a 195 KB '# …  #' heading", pv: true, groups: ['big'], env: { POSTVIEW_CACHE: 'off' }, cmd: pv('list', inputs.hostileHeadingFolder), time: [{ maxS: 2 }], mem: { ref: 'node', maxMB: 300 } },
  { id: 'list1m', label: "show 1 MB of '- a' items (densest tokens)", pv: true, groups: ['big'], cmd: pv('show', inputs.hostile.list1m), time: [{ maxS: 2 }], mem: { ref: 'node', maxMB: 300 } },
  { id: 'listMax', label: "show 3 MB of '- a' items (at the limit)", pv: true, groups: ['big'], cmd: pv('show', inputs.hostile.listAtLimit), time: [{ ref: 'list1m' }], mem: { ref: 'node', maxMB: 1024 } },
  { id: 'denseStars', label: "show 1 MB of '#**a' (one paragraph)", pv: true, groups: ['big'], cmd: pv('show', inputs.hostile.denseStars), time: [{ maxS: 2 }], mem: { ref: 'node', maxMB: 300 } },
  { id: 'denseFar', label: "show 1 MB of '#**a' x 24 + 'a**#'", pv: true, groups: ['big'], cmd: pv('show', inputs.hostile.denseFar), time: [{ maxS: 2 }], mem: { ref: 'node', maxMB: 300 } },
  { id: 'wide', label: 'timeline with COLUMNS=100000', pv: true, env: { COLUMNS: '100000' }, cmd: () => [node, here('bin/postview.cjs'), 'timeline', sample, '--color', 'never', '--no-pager'],
    time: [{ ref: 'tracks', max: 2 }], mem: { ref: 'node' } },
];
// --only: the cases asked for, and the ones their targets refer to.
const only = argv.includes('--only') ? String(argv[argv.indexOf('--only') + 1] ?? '').split(',').filter(Boolean) : null;
if (only) {
  const wanted = new Set(cases.filter((c) => only.some((prefix) => c.id.startsWith(prefix))).map((c) => c.id));
  if (wanted.size === 0) { console.error(`--only: no case id starts with ${only.join(' or ')}`); process.exit(2); }
  for (const c of cases) if (wanted.has(c.id)) for (const t of [...(c.time ?? []), c.mem ?? {}]) if (t.ref) wanted.add(t.ref);
  cases.splice(0, cases.length, ...cases.filter((c) => wanted.has(c.id)));
}
for (const c of cases) { c.groups ??= ['fast']; c.samples = []; c.rss = []; }
const byId = Object.fromEntries(cases.map((c) => [c.id, c]));

// The most telling stderr line: the first that names an error, else the first.
function errorLine(text) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /error/i.test(l)) ?? lines[0] ?? '(no stderr)';
}

function run(cmd, env = undefined) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30, cwd: root, env: env && { ...process.env, ...env } });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const bad = r.error ? String(r.error.message) : r.signal ? `killed by ${r.signal}`
    : r.status !== 0 ? `exit ${r.status}: ${errorLine(String(r.stderr))}` : null;
  return { secs, bad, stderr: String(r.stderr ?? ''), out: r.stdout };
}

// Sanity and warm-up pass: a failing case is reported, not timed.
for (const c of cases) {
  let r = run(c.cmd(), c.env);
  if (c.pv && r.bad && /no-pager/.test(r.stderr) && pvFlags.includes('--no-pager')) {
    say('note: the CLI rejects --no-pager; running without it (stdout is not a TTY anyway)');
    pvFlags = pvFlags.filter((f) => f !== '--no-pager');
    r = run(c.cmd(), c.env);
  }
  if (!r.bad && !['node', 'lexerMax', 'floor'].includes(c.id) && (!r.out || r.out.length === 0)) r.bad = 'printed nothing';
  if (r.bad) { c.error = r.bad; say(`not timed: ${c.id}: ${r.bad}`); }
}

// ---- timing: interleaved rounds, baseline first in each --------------------------
for (const group of ['fast', 'big']) {
  const members = cases.filter((c) => c.groups.includes(group) && !c.error);
  say(`timing ${members.map((c) => c.id).join(', ')}: ${rounds[group]} rounds`);
  for (let i = 1; i <= rounds[group]; i++) {
    if (process.stderr.isTTY) process.stderr.write(`\r${group} cases: round ${i}/${rounds[group]} `);
    for (const c of members) {
      const r = run(c.cmd(), c.env);
      if (r.bad) { c.error = `failed during timing: ${r.bad}`; members.splice(members.indexOf(c), 1); break; }
      c.samples.push(r.secs);
    }
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
}

// ---- peak memory: the child's own max RSS, from outside when possible ----------
const tmp = mkdtempSync(join(tmpdir(), 'pv-bench-'));
const PY = 'import os,subprocess,sys\np=subprocess.Popen(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\n' +
  '_,st,ru=os.wait4(p.pid,0);p.returncode=0\nprint(ru.ru_maxrss//(1024 if sys.platform=="darwin" else 1))\n' +
  'sys.exit(0 if os.WIFEXITED(st) and os.WEXITSTATUS(st)==0 else 1)';
const kb = (s) => (/^\d+$/.test(String(s).trim()) ? Number(String(s).trim()) : null);
const readKb = (f) => { try { return kb(readFileSync(f, 'utf8')); } catch { return null; } };
const memTools = [
  { name: 'GNU time (/usr/bin/time -f %M)', measure(cmd, env) {
    const f = join(tmp, 'time.out');
    const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', f, ...cmd], { stdio: 'ignore', cwd: root, env: env && { ...process.env, ...env } });
    return r.status === 0 ? readKb(f) : null;
  } },
  { name: 'python3 os.wait4 ru_maxrss', measure(cmd, env) {
    const r = spawnSync('python3', ['-c', PY, ...cmd], { stdio: ['ignore', 'pipe', 'ignore'], cwd: root, env: env && { ...process.env, ...env } });
    return r.status === 0 ? kb(r.stdout) : null;
  } },
  { name: 'preload: node --require (process.resourceUsage at exit)', measure(cmd, env) {
    const f = join(tmp, 'rss.out');
    rmSync(f, { force: true });
    const r = spawnSync(cmd[0], ['--require', here('scripts/bench/rss-preload.cjs'), ...cmd.slice(1)],
      { stdio: 'ignore', cwd: root, env: { ...process.env, ...env, PV_BENCH_RSS_FILE: f } });
    return r.status === 0 ? readKb(f) : null;
  } },
];
const memTool = memPick === 'none' ? null
  : memTools.filter((t) => !memPick || t.name.startsWith(memPick === 'time' ? 'GNU' : memPick)).find((t) => t.measure([node, '-e', '0']) > 0);
if (memTool) {
  say(`peak memory: ${memRuns} run(s) per case with ${memTool.name}`);
  for (let i = 0; i < memRuns; i++) {
    for (const c of cases.filter((x) => !x.error)) { const v = memTool.measure(c.cmd(), c.env); if (v) c.rss.push(v); }
  }
}
rmSync(tmp, { recursive: true, force: true });
rmSync(process.env.XDG_CACHE_HOME, { recursive: true, force: true });

// ---- results ----------------------------------------------------------------
const median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
for (const c of cases) { c.median = median(c.samples); c.peakKB = median(c.rss); }
const nodePeak = byId.node.peakKB;
const checks = [];
const rows = [];
const fmt = (x, d = 3) => (x == null ? 'n/a' : x.toFixed(d));
const mark = (pass, failed) => (failed ? 'NOT RUN' : pass == null ? '' : pass ? 'ok' : 'MISSED');
for (const c of cases) {
  const peakMB = c.peakKB == null ? null : c.peakKB / 1024;
  const memRatio = c.mem && peakMB != null && nodePeak ? c.peakKB / nodePeak : null;
  const memTarget = c.mem?.maxMB ? `≤${c.mem.maxMB} MB` : c.mem?.max ? `≤${c.mem.max}×` : '';
  const memPass = peakMB == null ? null : c.mem?.maxMB ? peakMB <= c.mem.maxMB
    : c.mem?.max ? (memRatio == null ? null : memRatio <= c.mem.max) : null;
  if (memTarget) {
    checks.push({ case: c.id, kind: 'memory', value: peakMB, ratio: memRatio, target: memTarget, pass: memPass === true,
      error: c.error ?? (memPass == null ? 'no memory figure' : undefined) });
  }
  const memCols = [peakMB == null ? 'n/a' : peakMB.toFixed(1), c.mem ? fmt(memRatio, 2) : '', memTarget,
    memTarget ? (memPass == null && !c.error ? 'n/a' : mark(memPass, c.error)) : ''];
  const timeChecks = c.time ?? [{}];
  timeChecks.forEach((t, i) => {
    const ref = t.ref ? byId[t.ref] : null;
    const ratio = c.median != null && ref?.median ? c.median / ref.median : null;
    // maxS: an absolute bound in seconds (the hostile posts' "≤ 2 s"), the others ratios.
    const pass = t.maxS ? (c.median == null ? false : c.median <= t.maxS) : t.max ? (ratio == null ? false : ratio <= t.max) : null;
    if (t.max) checks.push({ case: c.id, kind: `time vs ${t.ref}`, value: c.median, ratio, target: `≤${t.max}×`, pass,
      error: c.error ?? (ratio == null ? `no timing for ${c.median == null ? c.id : t.ref}` : undefined) });
    if (t.maxS) checks.push({ case: c.id, kind: 'time', value: c.median, ratio: null, target: `≤${t.maxS} s`, pass,
      error: c.error ?? (c.median == null ? `no timing for ${c.id}` : undefined) });
    rows.push([i ? '' : c.label, i ? '' : fmt(c.median), t.ref ?? '', ref ? fmt(ref.median) : '', ref ? fmt(ratio, 2) : '',
      t.max ? `≤${t.max}×` : t.maxS ? `≤${t.maxS} s` : '', t.max || t.maxS ? mark(pass, c.error) : '', ...(i ? ['', '', '', ''] : memCols)]);
  });
  if (c.error) rows.push([`  ↳ not timed: ${c.error.slice(0, 100)}`]);
}

const head = ['case', 'median s', 'vs', 'ref s', 'ratio', 'target', 'time', 'peak MB', '×node', 'mem target', 'mem'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.filter((r) => r.length > 1).map((r) => String(r[i]).length)));
const line = (r) => (r.length === 1 ? r[0] : r.map((v, i) => (i === 0 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]))).join('  '));
console.log(`postview bench — node ${process.version}, ${cpus().length} CPUs, ${rounds.fast} rounds (big and hostile posts: ${rounds.big}), ` +
  `median wall time of interleaved runs; peak RSS: ${memTool ? `${memTool.name}, median of ${memRuns}` : 'n/a'}`);
if (!memTool) console.log(`peak memory: n/a — ${memPick === 'none' ? 'disabled by --memory none' : `no ${memPick ?? 'tool (GNU /usr/bin/time, python3, node --require preload)'} could report max RSS here`}`);
if (Math.min(rounds.fast, rounds.big) < 10) console.log('note: fewer than 10 rounds; the targets are defined on at least 10, so treat these figures as a smoke test');
console.log(`sample post: ${rel(sample)}\n`);
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));

const missed = checks.filter((c) => !c.pass);
const notRun = missed.filter((c) => c.error);
const why = (c) => (byId[c.case].error ? 'failed to run' : c.error);
const describe = (c) => `${c.case} ${c.kind} ${c.kind === 'memory' && c.target.endsWith('MB')
  ? `${c.value.toFixed(0)} MB > ${c.target.slice(1)}` : c.ratio == null ? `${c.value.toFixed(2)} s > ${c.target.slice(1)}` : `${c.ratio.toFixed(2)}× > ${c.target.slice(1)}`}`;
const reasons = [...new Set(notRun.map(why))].map((r) =>
  `${[...new Set(notRun.filter((c) => why(c) === r).map((c) => (r === 'failed to run' ? c.case : `${c.case} ${c.kind}`)))].join(', ')}: ${r}`);
const summary = [...missed.filter((c) => !c.error).map(describe), ...(notRun.length ? [`${notRun.length} not measurable (${reasons.join('; ')})`] : [])];
console.log(`\n${missed.length ? `MISSED ${missed.length} of ${checks.length} targets: ${summary.join('; ')}`
  : `all ${checks.length} targets met`}`);

if (flag('--json')) {
  console.log(JSON.stringify({
    node: process.version, cpus: cpus().length, rounds, memoryTool: memTool?.name ?? null, memoryRuns: memRuns, sample: rel(sample),
    cases: cases.map((c) => ({ id: c.id, label: c.label, command: c.cmd().map(rel).join(' '), medianSeconds: c.median,
      samples: c.samples, peakRssKB: c.peakKB, error: c.error ?? null })),
    checks,
  }, null, 2));
}
