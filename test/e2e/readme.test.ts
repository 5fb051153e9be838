// The README's examples are true: every `$ postview …` line of a ```console
// block is run (through bash, with postview as the built CLI, in an empty
// folder with the sample posts as POSTVIEW_DIR) and what it prints is
// compared with the lines under it. A last line of just "…" stands for
// output that goes on: the lines above it must begin the output. The full
// screen UI (`browse`, `show --watch`) needs a terminal: its examples are
// screens, checked by the browse tests in tmux, and are left out here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, POSTS, ROOT } from './run-cli.js';

interface Example {
  command: string;
  expected: string[];
}

/** The console examples: each "$ " line and the lines under it, up to the next "$ " line or a blank line before one. */
export function readExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  for (const block of markdown.matchAll(/^```console\n([\s\S]*?)^```$/gm)) {
    let current: Example | undefined;
    for (const line of block[1]!.replace(/\n$/, '').split('\n')) {
      if (line.startsWith('$ ')) examples.push((current = { command: line.slice(2), expected: [] }));
      else current?.expected.push(line);
    }
  }
  for (const example of examples) while (example.expected.at(-1) === '') example.expected.pop();
  return examples;
}

const README = readFileSync(`${ROOT}README.md`, 'utf8');
const INTERACTIVE = /postview (browse|.*--watch)/;
const EXAMPLES = readExamples(README).filter((e) => !INTERACTIVE.test(e.command));
const WORK = mkdtempSync(join(tmpdir(), 'postview-readme-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

it('has console examples, each running postview', () => {
  expect(EXAMPLES.length).toBeGreaterThanOrEqual(10);
  for (const { command } of EXAMPLES) expect(command).toMatch(/postview |^grep /);
});

// In order: an example may read what an earlier one wrote (talks.ics).
it.each(EXAMPLES.map((e, i) => [i + 1, e.command, e] as const))('example %i: $ %s', (_i, _command, example) => {
  const run = spawnSync('bash', ['-c', `postview() { "${process.execPath}" "${BIN}" "$@"; }\n${example.command}`], {
    cwd: WORK,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: WORK, XDG_CACHE_HOME: WORK, LANG: 'C.UTF-8', POSTVIEW_DIR: POSTS },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(run.stderr).toBe('');
  const actual = run.stdout.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const { expected } = example;
  if (expected.at(-1) === '…') {
    expect(actual.slice(0, expected.length - 1)).toEqual(expected.slice(0, -1));
    expect(actual.length).toBeGreaterThan(expected.length - 1);
  } else {
    expect(actual).toEqual(expected.length === 0 ? [''] : expected);
  }
});
