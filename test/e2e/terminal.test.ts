// postview at a real terminal: paging, colour, width and links, run inside a
// pseudo-terminal made by script(1). A stand-in $PAGER records that it ran.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, POSTS, runCli } from './run-cli.js';

const AWS = `${POSTS}2016-05-17-aws-summit-seoul-2016.md`;
const hasScript = spawnSync('script', ['--version']).status === 0;
const describeTty = hasScript ? describe : describe.skip;

function atTerminal(args: string, env: Record<string, string> = {}, size = { rows: 40, cols: 100 }) {
  const command = `stty rows ${size.rows} cols ${size.cols}; ${process.execPath} ${BIN} ${args}`;
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), LANG: 'C.UTF-8', TERM: 'xterm-256color', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, output: result.stdout.replace(/\r\n/g, '\n') };
}

function standInPager() {
  const dir = mkdtempSync(join(tmpdir(), 'postview-pager-'));
  const pager = join(dir, 'pager.sh');
  writeFileSync(pager, `#!/bin/sh\necho called > "${dir}/called"\ncat > "${dir}/input"\n`);
  chmodSync(pager, 0o755);
  return { pager, called: () => existsSync(join(dir, 'called')), input: () => readFileSync(join(dir, 'input'), 'utf8') };
}

describeTty('at a terminal', () => {
  it('pages output taller than the screen through $PAGER, keeping colour', () => {
    const stand = standInPager();
    atTerminal(`show ${AWS}`, { PAGER: stand.pager });
    expect(stand.called()).toBe(true);
    expect(stand.input()).toContain('\x1b[1m');
  });

  it('does not page what fits, --no-pager, or --json', () => {
    for (const args of [`tracks ${AWS}`, `show ${AWS} --no-pager`, `show ${AWS} --json`]) {
      const stand = standInPager();
      const run = atTerminal(args, { PAGER: stand.pager });
      expect(stand.called()).toBe(false);
      expect(run.output.length).toBeGreaterThan(0);
    }
  });

  it('falls back to plain output with a warning when the pager is missing', () => {
    const run = atTerminal(`show ${AWS}`, { PAGER: 'no-such-pager-here' });
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/warning: pager 'no-such-pager-here' could not be started/);
    expect(run.output).toContain('AWS 클라우드로 천만명');
  });

  it('colours at a terminal; NO_COLOR and TERM=dumb turn it off; --color always wins', () => {
    expect(atTerminal(`tracks ${AWS}`).output).toContain('\x1b[');
    expect(atTerminal(`tracks ${AWS}`, { NO_COLOR: '1' }).output).not.toContain('\x1b[');
    expect(atTerminal(`tracks ${AWS}`, { TERM: 'dumb' }).output).not.toContain('\x1b[');
    expect(atTerminal(`tracks ${AWS} --color always`, { NO_COLOR: '1' }).output).toContain('\x1b[');
  });

  it('takes its width from the terminal', () => {
    const narrow = atTerminal(`tracks ${AWS} --color never`, {}, { rows: 40, cols: 60 }).output;
    const wide = atTerminal(`tracks ${AWS} --color never`, {}, { rows: 40, cols: 140 }).output;
    expect(narrow).toContain('…');
    expect(wide).toContain('스폰서 강연 - AWS를 활용한 Big Data 실전 배치 사례');
  });
});

describe('in a pipe', () => {
  it('has no colour unless FORCE_COLOR or --color always', () => {
    expect(runCli(['tracks', AWS]).stdout).not.toContain('\x1b[');
    expect(runCli(['tracks', AWS], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\x1b[');
    expect(runCli(['tracks', AWS], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).toContain('\x1b[');
  });

  it('uses $COLUMNS, else 80, and --width wins', async () => {
    const { default: stringWidth } = await import('string-width');
    const lines = (env: Record<string, string>, extra: string[] = []) =>
      runCli(['show', AWS, '--color', 'never', ...extra], { env }).stdout.split('\n').filter((l) => !l.startsWith('    '));
    // Code blocks (indented four columns) are never wrapped; everything else is.
    const longest = (ls: string[]) => Math.max(...ls.map((l) => stringWidth(l)));
    expect(longest(lines({}))).toBeLessThanOrEqual(80);
    expect(longest(lines({ COLUMNS: '50' }))).toBeLessThanOrEqual(50);
    expect(longest(lines({ COLUMNS: '50' }, ['--width', '40']))).toBeLessThanOrEqual(40);
  });

  it('writes OSC 8 links only when FORCE_HYPERLINK is set, else the URL after the text', () => {
    const forced = runCli(['section', '참고자료', AWS, '--color', 'always'], { env: { FORCE_HYPERLINK: '1' } }).stdout;
    expect(forced).toContain('\x1b]8;;https://');
    const plain = runCli(['section', '참고자료', AWS, '--color', 'never']).stdout;
    expect(plain).not.toContain('\x1b]8;;');
    expect(plain).toMatch(/\(https:\/\/[^)]+\)/);
    // --color never promises no escape sequence at all, links included.
    expect(runCli(['section', '참고자료', AWS, '--color', 'never'], { env: { FORCE_HYPERLINK: '1' } }).stdout).not.toContain('\x1b');
  });

  // A parent that hands postview a non-blocking pipe and reads it late
  // (python3: node's own spawn makes a child's stdio blocking).
  const SLOW_READER = [
    'import os, subprocess, sys, time',
    'r, w = os.pipe()',
    'os.set_blocking(w, False)',
    'child = subprocess.Popen(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)',
    'os.close(w)',
    'time.sleep(0.3)',
    'data = b"".join(iter(lambda: os.read(r, 65536), b""))',
    'err = child.stderr.read()',
    'sys.stdout.buffer.write(data)',
    'sys.stderr.buffer.write(err)',
    'sys.exit(child.wait())',
  ].join('\n');
  const hasPython = spawnSync('python3', ['-c', 'import os; os.set_blocking'], { encoding: 'utf8' }).status === 0;

  (hasPython ? it : it.skip)('writes all of a long output into a non-blocking pipe that a slow reader leaves full', () => {
    // stdout is written with write(2); a full non-blocking pipe answers EAGAIN,
    // and the rest must still arrive, in order.
    const dir = mkdtempSync(join(tmpdir(), 'postview-slow-'));
    const post = join(dir, 'long.md');
    writeFileSync(post, `# Long\n\n${'- 한국어 문장 하나, and a few English words\n'.repeat(20_000)}`);
    const args = ['show', post, '--color', 'never', '--width', '80'];
    const run = spawnSync('python3', ['-c', SLOW_READER, process.execPath, BIN, ...args], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(1 << 18); // many times a pipe's buffer
    expect(run.stdout).toBe(runCli(args).stdout);
  });

  it('stops quietly when the reader closes the pipe', () => {
    const run = spawnSync('bash', ['-c', `${process.execPath} ${BIN} show ${AWS} --color always | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('0');
    expect(run.stderr).toBe('');
  });
});
