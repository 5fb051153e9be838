// Peak memory of the densest post shape found (one-word list items, about 260
// tokens' worth of objects per byte): a post of up to 1 MB stays within 300 MB
// (README, "Time and memory per post size"). Measured on the built CLI, as the
// user runs it, with its own max RSS (scripts/bench/rss-preload.cjs), and in
// process as the heap the parsed post keeps. `npm run test:slow`.
// POSTVIEW_BIN runs another build (to see a check fail before a fix).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { BIN, CACHE_HOME, ROOT } from '../e2e/run-cli.js';
import { parsePost } from '../../src/parse/post.js';
import { extractSessions } from '../../src/parse/sessions.js';

const TMP = mkdtempSync(join(tmpdir(), 'postview-slow-memory-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const HEAD = '---\ntitle: dense\ndate: 2024-01-01\n---\n\n';
const listPost = (bytes: number) => HEAD + '- a\n'.repeat(Math.floor((bytes - HEAD.length) / 4));

/** Peak RSS of one run of the CLI, in MB. */
function peakMb(args: string[]): number {
  const report = join(TMP, 'rss');
  const bin = process.env.POSTVIEW_BIN ?? BIN;
  const run = spawnSync(process.execPath, ['--require', join(ROOT, 'scripts/bench/rss-preload.cjs'), bin, ...args], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: TMP, XDG_CACHE_HOME: CACHE_HOME, LANG: 'C.UTF-8', PV_BENCH_RSS_FILE: report },
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 60_000,
  });
  expect(run.status === 0 || run.status === 1).toBe(true);
  return Number(readFileSync(report, 'utf8')) / 1024;
}

describe('1 MB of one-word list items', () => {
  const post = join(TMP, 'list-1mb.md');
  beforeAll(() => writeFileSync(post, listPost(1 << 20)));

  // Was 377 MB for show (a copy of the list token per item in session finding,
  // and arrays with room for 17 tokens holding one); now about 230 MB.
  it.each([
    [['show', '--color', 'never', '--no-pager']],
    [['show', '--color', 'always', '--no-pager']],
    [['show', '--json']],
    [['tracks']],
  ])('%j peaks under 270 MB', (args) => {
    expect(peakMb([...args, post])).toBeLessThan(270);
  });
});

describe('in process', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const live = () => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  const text = listPost(256 << 10);

  it('a parsed list keeps under 110 bytes of heap per byte of post (was 160)', () => {
    const before = live();
    const post = parsePost(text, 'list.md');
    const kept = live() - before;
    expect(post.tokens.length).toBeGreaterThan(0);
    expect(kept / text.length).toBeLessThan(110);
  });

  it('finding sessions in a long list makes no copy of it per item (was 87 MB for 1 MB)', () => {
    // Warm up on a small list first: patterns built on first use are not the search's copies.
    extractSessions(parsePost(listPost(4 << 10), 'warm.md').tokens);
    const post = parsePost(text, 'list.md');
    live();
    const before = process.memoryUsage().heapUsed;
    const sessions = extractSessions(post.tokens);
    // Measured without a collection in between: what the search made and dropped is still counted.
    const made = process.memoryUsage().heapUsed - before;
    expect(sessions).toEqual([]);
    // 28-37 bytes per byte as measured after the merges of 2026-11-29 (the
    // run's own garbage counts too); a copy per item made 87.
    expect(made / text.length).toBeLessThan(50);
  });
});
