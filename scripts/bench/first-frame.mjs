// `node scripts/bench/first-frame.mjs [--rounds N]`: how long `browse` takes
// to put its first screen up, against `show` of the same post, both run in a
// pseudo-terminal (script(1)) and timed from the start until the text
// expected on screen has arrived. Also the first screen of the 10,000-post
// bench folder (made by `npm run bench`), with its summary cache cold and warm.
// Interleaved rounds; medians. A report: it exits 0 whatever the figures.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const argv = process.argv.slice(2);
const rounds = argv.includes('--rounds') ? Number(argv[argv.indexOf('--rounds') + 1]) : 15;
const bin = join(root, 'bin/postview.cjs');
const sample = join(root, 'posts/2016-05-17-aws-summit-seoul-2016.md');
const folder = join(root, '.bench/posts-10k');
const cache = mkdtempSync(join(tmpdir(), 'pv-frame-cache-'));
const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Milliseconds from spawning until `until` shows in the output; the run is then stopped. */
function time(args, until, env = {}) {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, bin, ...args].map(quote).join(' ');
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qec', `stty cols 100 rows 30; ${command}`, '/dev/null'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', TERM: 'xterm-256color', XDG_CACHE_HOME: cache, ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    let done = false;
    child.stdout.on('data', (data) => {
      out += data.toString('utf8');
      if (!done && out.includes(until)) {
        done = true;
        resolve(Number(process.hrtime.bigint() - start) / 1e6);
        child.stdin.write('q');
      }
    });
    child.on('exit', () => {
      if (!done) reject(new Error(`${args.join(' ')}: ended before showing ${until}:\n${out.slice(-500)}`));
    });
    setTimeout(() => child.kill('SIGTERM'), 20_000).unref();
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const cases = [
  { id: 'show', args: ['show', sample, '--no-pager'], until: '참고자료' },
  { id: 'browse post', args: ['browse', sample], until: '1-29/' },
  { id: 'show, NO_COLOR', args: ['show', sample, '--no-pager'], until: '참고자료', env: { NO_COLOR: '1' } },
  { id: 'browse post, NO_COLOR', args: ['browse', sample], until: '1-29/', env: { NO_COLOR: '1' } },
];
if (existsSync(folder)) {
  cases.push({ id: 'browse 10k, no cache', args: ['browse', folder], until: 'Sessions', env: { POSTVIEW_CACHE: 'off' } });
  cases.push({ id: 'browse 10k, all read', args: ['browse', folder], until: '10000 posts' });
} else {
  console.error('note: no .bench/posts-10k yet (run `npm run bench` once to make it); timing the sample only');
}
const times = Object.fromEntries(cases.map((c) => [c.id, []]));
for (let r = 0; r < rounds; r++) for (const c of cases) times[c.id].push(await time(c.args, c.until, c.env));
const show = median(times.show);
for (const c of cases) console.log(`${c.id.padEnd(22)} median ${median(times[c.id]).toFixed(1).padStart(7)} ms   ×${(median(times[c.id]) / show).toFixed(2)} show`);
