// Pipes that close early, at a size that takes seconds (moved from
// test/e2e/safety.test.ts, which keeps `list … | head -1`): a 2,000-section
// post through six commands into `head -1`, and 2,000 warnings into a stderr
// whose reader has gone. The process is the point (SIGPIPE/EPIPE), so these
// run the built CLI. `npm run test:slow`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, FIXTURES, ROOT } from '../e2e/run-cli.js';

const SEED = `${FIXTURES}seed-shape.md`;
const TMP = mkdtempSync(join(tmpdir(), 'postview-slow-pipes-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** Wall time allowed for any one run. */
const QUICK_MS = 15_000;
/** Generous per-test timeout: a regression should fail on QUICK_MS, not time out. */
const SLOW_TEST = 120_000;

function tmpFolder(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(TMP, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

describe('pipes: a reader that stops early is not an error', () => {
  const big = join(TMP, 'big.md');
  beforeAll(() => {
    const section = (i: number) => `## 섹션 ${i}\n\n### 13:00 - 13:40 발표 ${i}\n- 김민준 플랫폼 엔지니어, 예시테크\n\n클라우드로 옮긴 뒤에 달라진 운영 방식과 **비용 구조**를 [하나씩](https://example.com/${i}) 정리해 보았다.\n\n> 인용 ${i}\n\n| a | b |\n|---|---|\n| ${i} | 셀 |\n`;
    writeFileSync(big, `---\ntitle: big\n---\n` + Array.from({ length: 2_000 }, (_, i) => section(i)).join('\n'));
  });

  it.each([
    ['show', '--color', 'always'],
    ['show', '--color', 'never'],
    ['show', '--json'],
    ['tracks'],
    ['tracks', '--json'],
    ['sections'],
  ])('postview %s … | head -1 exits 0 quietly', (...args) => {
    const started = Date.now();
    const result = spawnSync('bash', ['-c', `node "${BIN}" "$@" | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`, 'bash', args[0]!, big, ...args.slice(1)], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', FORCE_HYPERLINK: '1' },
      timeout: 60_000,
    });
    expect(Date.now() - started).toBeLessThan(QUICK_MS);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('0');
  }, SLOW_TEST);
});

describe('pipes on stderr too', () => {
  it('warnings into a closed pipe: the run goes on and exits with its own code', async () => {
    const files = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`bad-${i}.md`, '---\n[\n---\n']));
    const dir = tmpFolder('many-broken', { ...files, 'seed.md': readFileSync(SEED) });
    for (const [redirect, command] of [['2>&1', 'list'], ['2>&1 >/dev/null', 'list'], ['2>&1 >/dev/null', 'tracks']]) {
      const result = spawnSync('bash', ['-c', `node "${BIN}" ${command} "$1" ${redirect} | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`, 'bash', dir], { encoding: 'utf8', timeout: 60_000 });
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe('0');
    }
  }, SLOW_TEST);
});
