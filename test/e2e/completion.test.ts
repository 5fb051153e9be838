// Completion against the built CLI: `postview completion <shell>` prints the
// script, `postview __posts` feeds it post names, and bash, sourcing the
// script the way the README says, completes commands, options, values and
// the sample posts. `postview` resolves through a shim on PATH.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../../src/cli.js';
import { renderCompletion, SHELLS } from '../../src/completion/index.js';
import { BIN, FIXTURES, ROOT, runCli } from './run-cli.js';
import { bashCompletionHarness, shellEnv } from '../shell-env.js';

const SAMPLES = ['2016-05-17-aws-summit-seoul-2016', '2023-03-04-conference-notes-habit', '2024-10-12-jsconf-recap'];

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}
const HAVE = { bash: hasCommand('bash'), zsh: hasCommand('zsh'), fish: hasCommand('fish') };

let work: string;
let empty: string;
let env: Record<string, string>;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'postview-completion-e2e-'));
  const bin = join(work, 'bin');
  empty = join(work, 'empty');
  mkdirSync(bin);
  mkdirSync(empty);
  mkdirSync(join(work, 'home'));
  writeFileSync(join(bin, 'postview'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
  chmodSync(join(bin, 'postview'), 0o755);
  env = shellEnv(bin, join(work, 'home'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const BASH_HARNESS = bashCompletionHarness('source <(postview completion bash)');

function bashComplete(words: string[], options: { cwd?: string; env?: Record<string, string> } = {}): string[] {
  const run = spawnSync('bash', ['-c', BASH_HARNESS, 'bash', ...words], {
    cwd: options.cwd ?? ROOT,
    env: { ...env, ...options.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (run.status !== 0) throw new Error(`bash exited ${run.status}: ${run.stderr}`);
  return run.stdout.split('\n').filter(Boolean);
}

describe('postview completion', () => {
  it.each(SHELLS)('%s prints the script made from the program', (shell) => {
    const run = runCli(['completion', shell]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(renderCompletion(shell, buildProgram(() => {})));
  });

  it('refuses an unknown shell with a usage error', () => {
    const run = runCli(['completion', 'powershell']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bash/);
    expect(run.stdout).toBe('');
  });

  it('is listed in help; __posts is not', () => {
    const run = runCli(['--help']);
    expect(run.stdout).toMatch(/\bcompletion\b/);
    expect(run.stdout).not.toContain('__posts');
  });
});

describe('postview __posts', () => {
  it('prints the names of the posts folder, one a line, without extension', () => {
    const run = runCli(['__posts']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean).sort()).toEqual(SAMPLES);
  });

  it('uses the bundled samples outside a folder with posts/', () => {
    const run = runCli(['__posts'], { cwd: empty });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean).sort()).toEqual(SAMPLES);
  });

  it('honours --dir, -d and POSTVIEW_DIR', () => {
    for (const args of [['--dir', FIXTURES], ['-d', FIXTURES]]) {
      const names = runCli(['__posts', ...args]).stdout.split('\n');
      expect(names).toContain('days-ko');
      expect(names).not.toContain(SAMPLES[0]);
    }
    expect(runCli(['__posts'], { env: { POSTVIEW_DIR: FIXTURES } }).stdout.split('\n')).toContain('days-ko');
  });

  it('prints nothing, and says nothing, for a folder that does not exist', () => {
    const run = runCli(['__posts', '--dir', join(tmpdir(), 'no-such-postview-folder')]);
    expect(run.stdout).toBe('');
  });
});

describe('postview __posts WORD and __speakers', () => {
  it('__posts WORD gives the posts the CLI takes WORD for (file name or title)', () => {
    expect(runCli(['__posts', 'aws']).stdout).toBe(`${SAMPLES[0]}\n`);
    expect(runCli(['__posts', '오후']).stdout).toBe(`${SAMPLES[0]}\n`);
    expect(runCli(['__posts', '--', '-']).stdout).toBe('');
    expect(runCli(['__posts', 'no-such-words-anywhere']).stdout).toBe('');
  });

  it('__speakers gives the speakers of the posts folder, and those --speaker WORD matches', () => {
    const all = runCli(['__speakers']).stdout.split('\n').filter(Boolean);
    expect(all).toContain('김기완');
    expect(new Set(all).size).toBe(all.length);
    expect(runCli(['__speakers', '김기']).stdout).toBe('김기완\n');
  });
});

(HAVE.bash ? describe : describe.skip)('bash, sourcing `postview completion bash`', () => {
  it('postview tr<TAB> offers track and tracks', () => {
    const offered = bashComplete(['postview', 'tr']);
    expect(offered).toContain('track');
    expect(offered).toContain('tracks');
  });

  it('postview tracks --co<TAB> offers --color', () => {
    expect(bashComplete(['postview', 'tracks', '--co'])).toEqual(['--color']);
  });

  it('postview tracks --color <TAB> offers auto, always and never', () => {
    expect(bashComplete(['postview', 'tracks', '--color', ''])).toEqual(['auto', 'always', 'never']);
  });

  it('postview show <TAB> offers the sample posts', () => {
    const offered = bashComplete(['postview', 'show', '']);
    for (const name of SAMPLES) expect(offered).toContain(name);
    expect(offered).toContain('posts/');
    expect(bashComplete(['postview', 'show', '2016'])).toEqual([SAMPLES[0]]);
  });

  it('postview tracks aws<TAB> offers the AWS post (words of a name or title, as the CLI takes them)', () => {
    expect(bashComplete(['postview', 'tracks', 'aws'])).toEqual([SAMPLES[0]]);
    expect(bashComplete(['postview', 'tracks', 'a'])).toContain(SAMPLES[0]);
  });

  it('postview tracks --speaker 김<TAB> offers the speakers of the posts folder', () => {
    expect(bashComplete(['postview', 'tracks', '--speaker', '김기'])).toEqual(['김기완']);
  });

  it('outside the repository, offers the bundled samples', () => {
    const offered = bashComplete(['postview', 'tracks', ''], { cwd: empty });
    expect([...offered].sort()).toEqual(SAMPLES);
  });

  it('with --dir or POSTVIEW_DIR, offers that folder\'s posts', () => {
    expect(bashComplete(['postview', 'tracks', '--dir', FIXTURES, 'days'])).toEqual(expect.arrayContaining(['days', 'days-ko']));
    expect(bashComplete(['postview', 'tracks', 'days'], { env: { POSTVIEW_DIR: FIXTURES } })).toEqual(expect.arrayContaining(['days', 'days-ko']));
  });
});

(HAVE.zsh ? describe : describe.skip)('zsh', () => {
  it('`postview completion zsh` passes zsh -n', () => {
    const file = join(work, '_postview');
    writeFileSync(file, runCli(['completion', 'zsh']).stdout);
    const run = spawnSync('zsh', ['-n', file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('sourced after compinit, registers _postview for postview', () => {
    const run = spawnSync('zsh', ['-f', '-c', 'autoload -U compinit && compinit -u -D && source <(postview completion zsh) && print -r -- $_comps[postview]'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('_postview');
  });
});

(HAVE.fish ? describe : describe.skip)('fish, sourcing `postview completion fish`', () => {
  const fishComplete = (line: string, cwd = ROOT): string[] => {
    const run = spawnSync('fish', ['-c', 'postview completion fish | source; complete -C $argv[1]', line], { cwd, env, encoding: 'utf8', timeout: 30_000 });
    if (run.status !== 0) throw new Error(`fish exited ${run.status}: ${run.stderr}`);
    return run.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]!);
  };

  it('completes commands, --color values and the sample posts', () => {
    expect(fishComplete('postview tr').sort()).toEqual(['track', 'tracks']);
    expect(fishComplete('postview tracks --color ').sort()).toEqual(['always', 'auto', 'never']);
    expect(fishComplete('postview tracks ', empty).sort()).toEqual(SAMPLES);
  });
});
