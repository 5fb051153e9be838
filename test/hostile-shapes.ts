// Hostile post shapes (deep nesting, 2 MB lines, huge tables...) and the
// check every command must pass on them: render, or exit 2 with a message
// naming the post; never a stack trace or a raw control character. npm test
// runs them at a tenth of their size in process (test/e2e/safety.test.ts);
// npm run test:slow runs them full size through the CLI (test/slow/).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Run } from './e2e/run-cli.js';
import { unsafe } from './safe-output.js';

const FIXTURES = new URL('fixtures/', import.meta.url).pathname;
const read = (name: string) => readFileSync(`${FIXTURES}hostile/${name}`);

/** The run wrote only safe text, no stack trace, and (with --json and exit 0) JSON that parses. */
export function expectCalm(run: Run, args: string[] = []): void {
  expect(unsafe(run.stdout)).toBeNull();
  expect(unsafe(run.stderr)).toBeNull();
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toContain('internal error');
  expect([0, 1, 2]).toContain(run.code);
  if (args.includes('--json') && run.code === 0) expect(() => JSON.parse(run.stdout)).not.toThrow();
}

/** The shapes, their counts and lengths multiplied by `scale` (1: full size). */
export function hostileShapes(scale = 1): Record<string, () => string | Buffer> {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  return {
    'alias-bomb': () => read('alias-bomb.md'),
    'quotes-20000': () => '>'.repeat(n(20_000)) + ' deep\n',
    'quotes-stairs': () => Array.from({ length: n(400) }, (_, i) => '> '.repeat(i) + 'x').join('\n'),
    'lists-3000': () => Array.from({ length: n(3000) }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
    'ordered-3000': () => Array.from({ length: n(3000) }, (_, i) => `${'   '.repeat(i)}1. level ${i}`).join('\n'),
    'tabs-2000': () => Array.from({ length: n(2000) }, (_, i) => `${'\t'.repeat(i)}- level ${i}`).join('\n'),
    'line-2mb-ascii': () => 'word '.repeat(n(400_000)),
    'line-2mb-nospace': () => 'a'.repeat(n(2 * 1024 * 1024)),
    'line-2mb-hangul': () => '클라우드'.repeat(n(180_000)),
    'line-2mb-emoji': () => '😀👩‍💻🇰🇷'.repeat(n(100_000)),
    'line-2mb-entities': () => '&#27;'.repeat(n(400_000)),
    'line-2mb-emphasis': () => '*a '.repeat(n(700_000)),
    'line-brackets': () => '['.repeat(n(1_000_000)),
    'line-links': () => '[a]('.repeat(n(30_000)),
    'wide-table': () => `|${'a|'.repeat(n(5000))}\n|${'-|'.repeat(n(5000))}\n` + `|${'b|'.repeat(n(5000))}\n`.repeat(50),
    // 200,000 sessions are in test/property/render.test.ts (in process: lexing them takes seconds).
    'sessions-20000': () => Array.from({ length: n(20_000) }, (_, i) => `### ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} - 23:59 Talk ${i}\n- Speaker ${i}\n`).join('\n'),
    'headings-30000': () => Array.from({ length: n(30_000) }, (_, i) => `${'#'.repeat((i % 6) + 1)} heading ${i}`).join('\n'),
    'html-50000': () => '<div>'.repeat(n(50_000)),
    backticks: () => '`'.repeat(n(100_000)),
  };
}

/** Every command on the shape's post, then `list` over a folder holding it and a good post. */
export async function expectShapeHandled(name: string, content: string | Buffer, tmp: string, run: (args: string[]) => Promise<Run>): Promise<void> {
  const post = join(tmp, `${name}.md`);
  writeFileSync(post, content);
  for (const args of [['show', post], ['show', post, '--json'], ['tracks', post], ['show', post, '--color', 'always', '--width', '40']]) {
    const result = await run(args);
    expectCalm(result, args);
    if (result.code === 2) expect(result.stderr).toMatch(new RegExp(`^postview: ${post.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  }
  const dir = join(tmp, `shape-${name}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(`${FIXTURES}seed-shape.md`, join(dir, 'seed.md'));
  copyFileSync(post, join(dir, `${name}.md`));
  const list = await run(['list', dir]);
  expectCalm(list);
  expect(list.code).toBe(0);
  expect(list.stdout).toContain('사내 개발자 컨퍼런스 2023 후기');
}
