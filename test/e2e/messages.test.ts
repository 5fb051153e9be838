// Messages a newcomer meets in the first ten minutes: each mistake says what
// was meant (exit 2), and the same situation gives the same answer whichever
// command meets it. In process, except where a terminal is the point.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess } from '../in-process.js';
import { BIN, POSTS } from './run-cli.js';

const AWS = `${POSTS}2016-05-17-aws-summit-seoul-2016.md`;
const TMP = mkdtempSync(join(tmpdir(), 'postview-messages-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

it('a mistyped command followed by an argument suggests the command', async () => {
  const run = await runInProcess(['trakcs', 'aws']);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe("postview: unknown command 'trakcs' (Did you mean `postview tracks`?)\n");
  // A real post name with a second argument is still "too many arguments".
  expect((await runInProcess(['zzzzzzzz', 'aws'])).stderr).toMatch(/too many arguments/);
});

it('list of a folder that does not exist says so', async () => {
  const run = await runInProcess(['list', join(TMP, 'no-such-folder')]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/no-such-folder: no such folder/);
  expect(run.stderr).not.toMatch(/not a folder/);
  // A file is still "not a folder", with the way to read it.
  expect((await runInProcess(['list', AWS])).stderr).toMatch(/not a folder .*postview show/);
});

it('now --at says --time is the option for the time', async () => {
  const run = await runInProcess(['now', AWS, '--at', '14:00']);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/--time 14:00/);
});

it('timeline --json says where the same sessions are as data', async () => {
  const run = await runInProcess(['timeline', AWS, '--json']);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/timeline has no --json .*postview tracks --json/);
});

it('tracks --ics --json is refused', async () => {
  const run = await runInProcess(['tracks', AWS, '--ics', '--json']);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/--ics and --json/);
});

it('an empty posts folder: the same exit code and message for postview and postview list, naming every extension read', async () => {
  const empty = mkdtempSync(join(TMP, 'empty-'));
  writeFileSync(join(empty, 'notes.doc'), 'not a post');
  const runs = [await runInProcess(['--dir', empty]), await runInProcess(['list', empty]), await runInProcess(['list', '--dir', empty]), await runInProcess(['list', empty, '--json'])];
  for (const run of runs) {
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`postview: ${empty}: no posts in this folder (expected .md, .markdown, .mdown, .mkd or .txt files)\n`);
  }
});

it('--no-color is --color never, even with FORCE_COLOR', async () => {
  const run = await runInProcess(['tracks', AWS, '--no-color'], { env: { FORCE_COLOR: '1' } });
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('AWS 클라우드로');
  expect(run.stdout).not.toContain('\x1b');
  expect((await runInProcess(['tracks', AWS], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\x1b[');
});

const hasScript = spawnSync('script', ['--version']).status === 0;
(hasScript ? it : it.skip)('show - at a terminal says how to end the input; from a pipe it says nothing', () => {
  const atTerminal = spawnSync('script', ['-qec', `${process.execPath} ${BIN} show - --no-pager`, '/dev/null'], {
    input: '',
    env: { PATH: process.env.PATH, HOME: tmpdir(), LANG: 'C.UTF-8', TERM: 'dumb' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(atTerminal.stdout).toContain('postview: reading a post from the terminal: type or paste it, then press Ctrl-D');
  const piped = spawnSync(process.execPath, [BIN, 'show', '-'], { input: '# Hi\n', encoding: 'utf8' });
  expect(piped.status).toBe(0);
  expect(piped.stderr).toBe('');
});
