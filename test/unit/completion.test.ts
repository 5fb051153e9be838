// Completion scripts: generated from the commander program, valid in each
// shell, and completing what they should. Behaviour is checked against a
// stand-in `postview` on PATH (only its `__posts` matters), so these tests
// need neither the build nor the real CLI; test/e2e/completion.test.ts runs
// them against the real one.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Argument, type Command } from 'commander';
import { buildProgram, COMMANDS } from '../../src/cli.js';
import { describeProgram, isShell, renderCompletion, SHELLS, type Shell } from '../../src/completion/index.js';
import { bashCompletionHarness, shellEnv } from '../shell-env.js';

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}
const HAVE = { bash: hasCommand('bash'), zsh: hasCommand('zsh'), fish: hasCommand('fish') };
const withShell = (shell: Shell): jest.It => (HAVE[shell] ? it : it.skip);

/** The real program, plus `completion <shell>` and the hidden `__posts` when cli.ts does not have them yet. */
function program(): Command {
  const p = buildProgram(() => {});
  const has = (name: string): boolean => p.commands.some((c) => c.name() === name);
  if (!has('completion')) {
    p.command('completion').description('print a completion script for a shell').addArgument(new Argument('<shell>').choices(['bash', 'zsh', 'fish']));
  }
  if (!has('__posts')) p.command('__posts', { hidden: true }).option('-d, --dir <folder>');
  return p;
}

const spec = describeProgram(program());
const scripts = Object.fromEntries(SHELLS.map((shell) => [shell, renderCompletion(shell, program())])) as Record<Shell, string>;

let work: string;
let cwd: string;
let shim: string;
let env: Record<string, string>;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'postview-completion-'));
  shim = join(work, 'bin');
  cwd = join(work, 'cwd');
  mkdirSync(shim);
  mkdirSync(join(cwd, 'sub'), { recursive: true });
  mkdirSync(join(work, 'home'));
  for (const name of ['notes.md', 'draft.markdown', 'readme.txt', 'image.png', '.hidden.md', 'sub/inner.md']) writeFileSync(join(cwd, name), '# x\n');
  // A stand-in for `postview __posts [--dir X] [-- WORD]`: fixed names, one
  // that shows which folder it was asked about, and beta-post whose title
  // (as the CLI would match it) says "gamma"; and for `postview __speakers`.
  writeFileSync(
    join(shim, 'postview'),
    [
      '#!/bin/sh',
      'sub=$1; shift; dir=; word=',
      'while [ $# -gt 0 ]; do case $1 in --dir) dir=$2; shift 2 ;; --) word=$2; shift 2 ;; *) shift ;; esac; done',
      'if [ "$sub" = __posts ]; then',
      '  {',
      '    if [ -n "$dir" ]; then echo "from-dir-$(basename "$dir")"; fi',
      '    if [ -n "$POSTVIEW_DIR" ]; then echo "from-env-$(basename "$POSTVIEW_DIR")"; fi',
      '    echo alpha-post',
      '    echo beta-post',
      '  } | if [ -z "$word" ]; then cat; elif [ -z "$(printf %s "$word" | tr -cd "[:alnum:]")" ]; then :; elif [ "$word" = gamma ]; then grep -x beta-post; else grep -F -- "$word"; fi',
      '  exit 0',
      'fi',
      'if [ "$sub" = __speakers ]; then',
      '  printf "%s\\n" "Ada Lindgren" "김기완" | grep -iF -- "$word"',
      '  exit 0',
      'fi',
      'exit 1',
      '',
    ].join('\n'),
  );
  chmodSync(join(shim, 'postview'), 0o755);
  for (const shell of SHELLS) writeFileSync(join(work, `postview.${shell}`), scripts[shell]);
  writeFileSync(join(work, 'capture.zsh'), ZSH_CAPTURE);
  env = shellEnv(shim, join(work, 'home'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

// ------------------------------------------------------------- the model

describe('describeProgram', () => {
  it('has every command of cli.ts and no hidden one', () => {
    const names = spec.commands.map((c) => c.name);
    for (const name of COMMANDS) expect(names).toContain(name);
    expect(names).toContain('completion');
    expect(names.some((n) => n.startsWith('__'))).toBe(false);
    expect(spec.defaultCommand?.name).toBe('show');
  });

  it('knows which values options and arguments take', () => {
    const tracks = spec.commands.find((c) => c.name === 'tracks')!;
    expect(tracks.options.find((o) => o.long === '--color')?.values).toEqual({ kind: 'words', words: ['auto', 'always', 'never'] });
    expect(tracks.options.find((o) => o.long === '--dir')?.values).toEqual({ kind: 'dirs' });
    expect(tracks.options.find((o) => o.long === '--json')?.takes).toBe('none');
    expect(tracks.args.map((a) => a.values.kind)).toEqual(['posts']);
    expect(spec.commands.find((c) => c.name === 'list')!.args[0]!.values).toEqual({ kind: 'dirs' });
    expect(spec.commands.find((c) => c.name === 'section')!.args.map((a) => a.values.kind)).toEqual(['none', 'posts']);
    expect(spec.commands.find((c) => c.name === 'completion')!.args[0]!.values).toEqual({ kind: 'words', words: ['bash', 'zsh', 'fish'] });
  });

  it('isShell accepts the three shells only', () => {
    expect(SHELLS.every(isShell)).toBe(true);
    expect(isShell('powershell')).toBe(false);
  });
});

// ------------------------------------------------------------ the scripts

describe.each(SHELLS)('%s script', (shell) => {
  const script = (): string => scripts[shell];
  const longMention = (flag: string): RegExp =>
    shell === 'fish' ? new RegExp(`-l ${flag.slice(2)}( |$)`, 'm') : new RegExp(`${flag}(?![\\w-])`);

  it('mentions every command and each of its long options', () => {
    for (const command of spec.commands) {
      expect(script()).toMatch(new RegExp(`\\b${command.name}\\b`));
      for (const option of command.options) if (option.long) expect(script()).toMatch(longMention(option.long));
    }
  });

  it('offers auto, always and never for --color', () => {
    const line = script().split('\n').find((l) => (shell === 'fish' ? l.includes('-l color') : l.includes('--color')) && l.includes('always'));
    expect(line).toBeDefined();
    expect(line).toMatch(/auto.*always.*never/);
  });

  it('asks `postview __posts` for post names, and is the same every time', () => {
    expect(script()).toContain('postview __posts');
    expect(script()).toContain('--dir');
    expect(renderCompletion(shell, program())).toBe(script());
    expect(script().endsWith('\n')).toBe(true);
  });

  it('does not offer hidden commands', () => {
    const p = program();
    p.command('__secret', { hidden: true });
    p.command('quietly', { hidden: true });
    const text = renderCompletion(shell, p);
    expect(text).not.toContain('__secret');
    expect(text).not.toMatch(/\bquietly\b/);
  });
});

describe('syntax', () => {
  withShell('bash')('bash -n accepts the bash script', () => {
    const run = spawnSync('bash', ['-n', join(work, 'postview.bash')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  withShell('zsh')('zsh -n accepts the zsh script', () => {
    const run = spawnSync('zsh', ['-n', join(work, 'postview.zsh')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  withShell('fish')('fish --no-execute accepts the fish script', () => {
    const run = spawnSync('fish', ['--no-execute', join(work, 'postview.fish')], { encoding: 'utf8', env });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

// ---------------------------------------------------------- the behaviour

const BASH_HARNESS = bashCompletionHarness('source "$SCRIPT"');

function bashComplete(words: string[], extraEnv: Record<string, string> = {}): string[] {
  const run = spawnSync('bash', ['-c', BASH_HARNESS, 'bash', ...words], {
    cwd,
    env: { ...env, ...extraEnv, SCRIPT: join(work, 'postview.bash') },
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (run.status !== 0) throw new Error(`bash: ${run.status} ${run.stderr}`);
  return run.stdout.split('\n').filter(Boolean);
}

function fishComplete(line: string): string[] {
  const run = spawnSync('fish', ['-c', 'source $argv[1]; complete -C $argv[2]', join(work, 'postview.fish'), line], { cwd, env, encoding: 'utf8', timeout: 20_000 });
  if (run.status !== 0) throw new Error(`fish: ${run.status} ${run.stderr}`);
  return run.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]!);
}

/**
 * Drives an interactive zsh through zsh/zpty: compinit, source the script,
 * type the line and TAB; a wrapped compadd prints each match it is given.
 */
const ZSH_CAPTURE = String.raw`
zmodload zsh/zpty || exit 3
script=$1 input=$2
init=$(mktemp)
cat > $init <<'EOF'
PROMPT=
RPROMPT=
autoload -U compinit
# The dump (a cache of the system's completion functions, written by the
# first run) spares each run compinit's scan of every function.
compinit -u -d $POSTVIEW_TEST_ZCOMPDUMP
bindkey '^I' complete-word
null-line () { echo -E - $'\0' }
compprefuncs=( null-line )
comppostfuncs=( null-line exit )
zstyle ':completion:*' insert-tab false
compadd () {
  if [[ ${"$"}{@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "$@"
    return $?
  fi
  typeset -a __hits
  builtin compadd -A __hits "$@"
  local h
  for h in $__hits; do echo -E - "HIT:$h"; done
  builtin compadd "$@"
}
EOF
print -r -- "source ${"$"}{(q)script}" >> $init
print -r -- 'echo ready' >> $init
zpty z zsh -f -i
zpty -w z "source $init"
repeat 20; do
  zpty -r -t z line 2>/dev/null || sleep 0.1
  [[ $line == ready* ]] && break
done
zpty -w z "$input"$'\t'
integer nulls=0 waits=0
while (( nulls < 2 && waits < 100 )); do
  if zpty -r -t z line 2>/dev/null; then
    [[ $line == *HIT:* ]] && print -r -- "${"$"}{${"$"}{line#*HIT:}%%$'\r'*}"
    [[ $line == *$'\0'* ]] && (( nulls++ ))
  else
    (( waits++ ))
    sleep 0.05
  fi
done
zpty -d z
rm -f $init
`;

function zshComplete(line: string): string[] {
  const run = spawnSync('zsh', ['-f', join(work, 'capture.zsh'), join(work, 'postview.zsh'), line], { cwd, env: { ...env, POSTVIEW_TEST_ZCOMPDUMP: join(work, 'zcompdump') }, encoding: 'utf8', timeout: 30_000 });
  if (run.status !== 0) throw new Error(`zsh: ${run.status} ${run.stderr}`);
  return [...new Set(run.stdout.split('\n').filter(Boolean))];
}

const ALL_COMMANDS = (): string[] => spec.commands.map((c) => c.name);
const POSTS_HERE = ['alpha-post', 'beta-post', 'draft.markdown', 'notes.md', 'readme.txt', 'sub'];
/** bash gets folders with their slash (it adds none itself: see bash.ts). */
const BASH_POSTS_HERE = POSTS_HERE.map((name) => (name === 'sub' ? 'sub/' : name));

describe('bash completes', () => {
  const it_ = withShell('bash');
  const sorted = (list: string[]): string[] => [...list].sort();

  it_('command names', () => {
    expect(sorted(bashComplete(['postview', 'tr']))).toEqual(['track', 'tracks']);
    const all = bashComplete(['postview', '']);
    for (const name of ALL_COMMANDS()) expect(all).toContain(name);
    expect(all.some((w) => w.startsWith('__'))).toBe(false);
    // show is the default command: its post names are offered too
    expect(all).toContain('alpha-post');
  });

  it_('options of the command, and of the default command before any', () => {
    expect(bashComplete(['postview', 'tracks', '--co'])).toEqual(['--color']);
    expect(bashComplete(['postview', 'tracks', '--sp'])).toEqual(['--speaker']);
    expect(bashComplete(['postview', 'list', '--sp'])).toEqual([]);
    expect(bashComplete(['postview', '--co'])).toEqual(['--color']);
    expect(bashComplete(['postview', 'aws', '--sp'])).toEqual(['--speaker']);
    expect(bashComplete(['postview', '--ver'])).toEqual(['--version']);
  });

  it_('option values: --color, also as --color=… (split at = or not), and none for free text', () => {
    expect(bashComplete(['postview', 'tracks', '--color', ''])).toEqual(['auto', 'always', 'never']);
    expect(bashComplete(['postview', 'tracks', '--color', '=', 'a'])).toEqual(['auto', 'always']);
    expect(bashComplete(['postview', 'tracks', '--color', '='])).toEqual(['auto', 'always', 'never']);
    expect(bashComplete(['postview', 'tracks', '--color=n'])).toEqual(['--color=never']);
    expect(bashComplete(['postview', 'tracks', '--width', ''])).toEqual([]);
    expect(bashComplete(['postview', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
  });

  it_('folders for --dir and list', () => {
    expect(bashComplete(['postview', 'show', '--dir', ''])).toEqual(['sub/']);
    expect(bashComplete(['postview', 'list', ''])).toEqual(['sub/']);
  });

  it_('post names from `postview __posts`, and post files and folders here', () => {
    expect(sorted(bashComplete(['postview', 'show', '']))).toEqual(BASH_POSTS_HERE);
    expect(bashComplete(['postview', 'show', 'al'])).toEqual(['alpha-post']);
    expect(bashComplete(['postview', 'show', 'sub/'])).toEqual(['sub/inner.md']);
    expect(bashComplete(['postview', 'show', '.'])).toContain('.hidden.md');
    expect(sorted(bashComplete(['postview', 'tracks', '--json', '']))).toEqual(BASH_POSTS_HERE);
  });

  it_('posts by the words the CLI takes: a name that starts with the word, else one whose name or title holds it', () => {
    expect(bashComplete(['postview', 'show', 'gamma'])).toEqual(['beta-post']);
    expect(bashComplete(['postview', 'tracks', 'post'])).toEqual(['alpha-post', 'beta-post']);
    expect(bashComplete(['postview', 'tracks', 'beta'])).toEqual(['beta-post']);
  });

  it_('speakers of the posts folder for --speaker, quoted', () => {
    expect(bashComplete(['postview', 'tracks', '--speaker', ''])).toEqual(['Ada\\ Lindgren', '김기완']);
    expect(bashComplete(['postview', 'tracks', '--speaker', 'A'])).toEqual(['Ada\\ Lindgren']);
    expect(bashComplete(['postview', 'tracks', '--speaker', 'lind'])).toEqual(['Ada\\ Lindgren']);
    expect(bashComplete(['postview', 'now', '--speaker', '김'])).toEqual(['김기완']);
  });

  // readline replaces only what follows a quote left open, but the whole
  // word when its quotes are closed (TAB pressed again on a completed word).
  it_('a word in an open quote gets the rest inside it; a word whose quotes are closed, the whole name escaped', () => {
    expect(bashComplete(['postview', 'tracks', '--speaker', "'Ada"])).toEqual(["Ada Lindgren'"]);
    expect(bashComplete(['postview', 'tracks', '--speaker', '"Ada'])).toEqual(['Ada Lindgren"']);
    expect(bashComplete(['postview', 'tracks', '--speaker', "'Ada Lindgren'"])).toEqual(['Ada\\ Lindgren']);
    expect(bashComplete(['postview', 'tracks', '--speaker', '"Ada Lindgren"'])).toEqual(['Ada\\ Lindgren']);
    expect(bashComplete(['postview', 'show', "'alpha-post'"])).toEqual(['alpha-post']);
  });

  it_('post names in the right argument only', () => {
    expect(bashComplete(['postview', 'section', ''])).toEqual([]);
    expect(bashComplete(['postview', 'section', 'intro', 'al'])).toEqual(['alpha-post']);
    expect(bashComplete(['postview', 'track', '--width', '80', ''])).toEqual([]);
    expect(bashComplete(['postview', 'track', '2', 'al'])).toEqual(['alpha-post']);
    expect(bashComplete(['postview', 'show', 'x', ''])).toEqual([]);
    expect(bashComplete(['postview', 'show', '--', '-'])).toEqual([]);
  });

  it_('passes --dir (any spelling) and POSTVIEW_DIR on to `postview __posts`', () => {
    expect(bashComplete(['postview', 'show', '--dir', '/x/blog', 'from'])).toEqual(['from-dir-blog']);
    expect(bashComplete(['postview', 'show', '-d', '/x/blog', 'from'])).toEqual(['from-dir-blog']);
    expect(bashComplete(['postview', 'show', '--dir=/x/blog', 'from'])).toEqual(['from-dir-blog']);
    expect(bashComplete(['postview', 'show', '--dir', '=', '/x/blog', 'from'])).toEqual(['from-dir-blog']);
    expect(bashComplete(['postview', '--dir', '/x/blog', 'from'])).toEqual(['from-dir-blog']);
    expect(bashComplete(['postview', 'show', 'from'], { POSTVIEW_DIR: '/y/notes' })).toEqual(['from-env-notes']);
  });

  it_('command aliases as their command', () => {
    const p = program();
    p.commands.find((c) => c.name() === 'list')!.alias('ls');
    writeFileSync(join(work, 'aliased.bash'), renderCompletion('bash', p));
    const complete = (words: string[]): string[] =>
      spawnSync('bash', ['-c', BASH_HARNESS, 'bash', ...words], { cwd, env: { ...env, SCRIPT: join(work, 'aliased.bash') }, encoding: 'utf8' })
        .stdout.split('\n')
        .filter(Boolean);
    expect(complete(['postview', 'l'])).toEqual(['list', 'ls']);
    expect(complete(['postview', 'ls', ''])).toEqual(['sub/']);
    expect(complete(['postview', 'ls', '--js'])).toEqual(['--json']);
  });

  it_('command names for help', () => {
    expect(sorted(bashComplete(['postview', 'help', 'tr']))).toEqual(['track', 'tracks']);
  });
});

describe('fish completes', () => {
  const it_ = withShell('fish');

  it_('command names, options and --color values', () => {
    expect(fishComplete('postview tr').sort()).toEqual(['track', 'tracks']);
    const all = fishComplete('postview ');
    for (const name of ALL_COMMANDS()) expect(all).toContain(name);
    expect(all.some((w) => w.startsWith('__'))).toBe(false);
    expect(fishComplete('postview tracks --co')).toEqual(['--color']);
    expect(fishComplete('postview tracks --color ').sort()).toEqual(['always', 'auto', 'never']);
    expect(fishComplete('postview aws --sp')).toEqual(['--speaker']);
    expect(fishComplete('postview completion ').sort()).toEqual(['bash', 'fish', 'zsh']);
  });

  it_('post names and post files, in the right argument, with --dir', () => {
    expect(fishComplete('postview show ').sort()).toEqual(['alpha-post', 'beta-post', 'draft.markdown', 'notes.md', 'readme.txt', 'sub/']);
    expect(fishComplete('postview section ')).toEqual([]);
    expect(fishComplete('postview section intro al')).toEqual(['alpha-post']);
    expect(fishComplete('postview show --dir /x/blog from')).toEqual(['from-dir-blog']);
    expect(fishComplete('postview show --dir=/x/blog from')).toEqual(['from-dir-blog']);
    expect(fishComplete('postview list ')).toEqual(['sub/']);
  });

  it_('speakers for --speaker, and posts by the words the CLI takes', () => {
    expect(fishComplete('postview tracks --speaker ').sort()).toEqual(['Ada Lindgren', '김기완']);
    expect(fishComplete('postview tracks --speaker 김')).toEqual(['김기완']);
    // fish matches candidates itself (prefix, then substring): words of a
    // file name work, words found only in a title do not.
    expect(fishComplete('postview show post').sort()).toEqual(['alpha-post', 'beta-post']);
  });
});

describe('zsh completes', () => {
  const it_ = withShell('zsh');

  it_('command names, options and --color values', () => {
    expect(zshComplete('postview tr').sort()).toEqual(['track', 'tracks']);
    expect(zshComplete('postview tracks --co')).toEqual(['--color']);
    expect(zshComplete('postview tracks --color ')).toEqual(['auto', 'always', 'never']);
    expect(zshComplete('postview tracks --color=')).toEqual(['auto', 'always', 'never']);
    expect(zshComplete('postview aws --sp')).toEqual(['--speaker']);
    expect(zshComplete('postview completion ').sort()).toEqual(['bash', 'fish', 'zsh']);
  });

  it_('post names and post files, in the right argument, with --dir', () => {
    const here = zshComplete('postview show ');
    for (const name of POSTS_HERE) expect(here).toContain(name);
    expect(here).not.toContain('image.png');
    expect(zshComplete('postview section intro al')).toEqual(['alpha-post']);
    expect(zshComplete('postview show --dir /x/blog from')).toEqual(['from-dir-blog']);
    expect(zshComplete('postview --dir /x/blog from')).toEqual(['from-dir-blog']);
  });

  it_('speakers for --speaker, and posts by the words the CLI takes', () => {
    expect(zshComplete('postview tracks --speaker ')).toEqual(expect.arrayContaining(['Ada\\ Lindgren', '김기완']));
    expect(zshComplete('postview tracks --speaker lind')).toEqual(['Ada\\ Lindgren']);
    expect(zshComplete('postview show gamma')).toEqual(['beta-post']);
  });
});
