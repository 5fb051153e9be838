// Where the process itself is the point: output that cannot be written
// (a full device, a file over its size limit, stderr on a full device), a
// named pipe given as a post, and names whose line feeds would split a
// one-line message. Each is exit 2 and at most one line on stderr, never a
// stack trace, and never a hang.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, CACHE_HOME, POSTS, ROOT, runCli } from './run-cli.js';

const SAMPLE = `${POSTS}2016-05-17-aws-summit-seoul-2016.md`;

/** Runs postview under sh, so the test can redirect and limit it. */
function runSh(script: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync('sh', ['-c', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', XDG_CACHE_HOME: CACHE_HOME, LANG: 'C.UTF-8', PV: `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}` },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const oneLine = (stderr: string): string[] => stderr.split('\n').filter(Boolean);

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'postview-hostile-output-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('output that cannot be written', () => {
  const haveDevFull = existsSync('/dev/full');

  (haveDevFull ? it.each([['show', SAMPLE, '--no-pager'], ['list'], ['tracks', SAMPLE, '--json']]) : it.skip.each([['x']]))(
    '%s > /dev/full is one line and exit 2',
    (...args: string[]) => {
      const run = runSh(`eval "$PV ${args.join(' ')}" > /dev/full`);
      expect(oneLine(run.stderr)).toEqual([expect.stringMatching(/^postview: cannot write the output: no space left on device \(ENOSPC\)$/)]);
      expect(run.code).toBe(2);
    },
  );

  it('a file over its size limit (EFBIG) is one line and exit 2', () => {
    const run = runSh(`trap '' XFSZ; ulimit -f 1; eval "$PV show ${SAMPLE} --no-pager" > ${join(work, 'out.txt')}`);
    expect(oneLine(run.stderr)).toEqual([expect.stringMatching(/^postview: cannot write the output: .*\(EFBIG\)$/)]);
    expect(run.code).toBe(2);
  });

  (haveDevFull ? it : it.skip)('2>/dev/full keeps the exit code of the error it could not tell', () => {
    expect(runSh('eval "$PV show /no/such/post.md" 2>/dev/full').code).toBe(2);
    expect(runSh('eval "$PV --width abc" 2>/dev/full').code).toBe(2);
  });
});

describe('a named pipe as a post', () => {
  it('is refused at once: exit 2 and one line', () => {
    const fifo = join(work, 'f.md');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const run = runCli(['show', fifo]);
    expect(oneLine(run.stderr)).toEqual([`postview: ${fifo}: is a named pipe (mkfifo); expected a post file, or - to read standard input`]);
    expect(run.code).toBe(2);
  });

  it('<(…) and /dev/stdin are still read', () => {
    const run = runSh(`cat ${SAMPLE} | eval "$PV show /dev/stdin --no-pager --color never" | head -1`);
    expect(run.stdout).toBe('AWS Summit Seoul 2016 오후 세션 정리\n');
  });
});

describe('names and arguments in messages stay on one line', () => {
  it.each([
    [['evil\npostview: warning: all posts are fine.md']],
    [['show', '--dir', '/nope\npostview: ok', 'x']],
    [['--bogus\npostview: ok']],
    [['--lang', 'e\nn']],
  ])('%j', (args) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('⏎');
  });
});

describe('a pager that exits 127 after showing the text', () => {
  const hasScript = spawnSync('script', ['--version']).status === 0;
  (hasScript ? it : it.skip)('does not make postview print the text a second time', () => {
    const pager = join(work, 'pager-127.sh');
    writeFileSync(pager, '#!/bin/sh\ncat\nexit 127\n', { mode: 0o755 });
    const command = `stty rows 20 cols 100; ${process.execPath} ${BIN} show ${SAMPLE}`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), LANG: 'C.UTF-8', TERM: 'xterm-256color', PAGER: pager, XDG_CACHE_HOME: CACHE_HOME },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const shown = run.stdout.split('AWS Summit Seoul 2016 오후 세션 정리').length - 1;
    expect(shown).toBe(1);
    expect(run.stdout).not.toContain('could not be started');
  });
});
