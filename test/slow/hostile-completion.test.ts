// Completion treats post names as data: in a real interactive bash, zsh and
// fish (a pseudo-terminal through tmux), with the completion script loaded
// the README's way, posts and files whose names hold shell syntax are
// completed on TAB without running anything, and complete to a word that
// the shell then passes on unchanged. `postview` itself answers `__posts`
// (the built CLI, through a shim on PATH); once completion is loaded, a shell
// function of the same name stands in for running it and prints its
// arguments, one a line in brackets.
// Real shells at a real terminal wait on every keystroke and start the CLI
// twice per TAB: seconds per shell, so `npm run test:slow` runs it.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../e2e/run-cli.js';
import { HAS_TMUX, TmuxShell } from '../e2e/tmux.js';

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

/** Each completes alone from its date (the first 11 characters). */
const POST_NAMES = [
  '2024-02-01-${PATH:x[$(touch PWNED)]}',
  '2024-02-02-`touch PWNED`',
  '2024-02-03-a;touch PWNED|cat',
  `2024-02-04-it's "quoted"`,
  '2024-02-05-two words *?[x]',
  '2024-02-06-$(touch PWNED)',
  '2024-02-07-~user&$HOME\\n',
];
/** Files in the current folder (completed as post files). */
const FILE_NAMES = ['2024-03-01-${PATH:x[$(touch PWNED)]}.md', '2024-03-02-$(touch PWNED) x.md'];
/** Never offered (no line feed reaches a completion list), and nothing runs. */
const NEWLINE_NAME = '2024-04-01-a\n$(touch PWNED)';

const SHELLS = {
  bash: {
    command: ['bash', '--norc', '--noprofile'],
    setup: "PS1='$ '; source <(postview completion bash); postview() { printf '[%s]\\n' \"$@\"; printf 'done%s\\n' .; }",
  },
  zsh: {
    command: ['zsh', '-f'],
    setup: "PROMPT='%% '; autoload -U compinit && compinit -u -D; source <(postview completion zsh); postview() { printf '[%s]\\n' \"$@\"; printf 'done%s\\n' .; }",
  },
  fish: {
    command: ['fish', '--no-config'],
    setup: "postview completion fish | source; function postview; printf '[%s]\\n' $argv; printf 'done%s\\n' .; end",
  },
} as const;
type Shell = keyof typeof SHELLS;

let work: string;
let here: string;
let env: Record<string, string>;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'postview-hostile-completion-'));
  here = join(work, 'here');
  const bin = join(work, 'bin');
  for (const dir of [bin, join(here, 'posts'), join(work, 'home')]) mkdirSync(dir, { recursive: true });
  for (const name of [...POST_NAMES, NEWLINE_NAME]) writeFileSync(join(here, 'posts', `${name}.md`), '# A post\n');
  for (const name of FILE_NAMES) writeFileSync(join(here, name), '# A file\n');
  writeFileSync(join(bin, 'postview'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
  chmodSync(join(bin, 'postview'), 0o755);
  env = {
    PATH: `${bin}:/usr/local/bin:/usr/bin:/bin`,
    HOME: join(work, 'home'),
    XDG_CONFIG_HOME: join(work, 'home', '.config'),
    XDG_DATA_HOME: join(work, 'home', '.local', 'share'),
    XDG_CACHE_HOME: join(work, 'home', '.cache'),
    LANG: 'C.UTF-8',
  };
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const pwned = (): string[] => [here, join(here, 'posts'), work, join(work, 'home')].flatMap((dir) => readdirSync(dir).filter((f) => f.includes('PWNED') && !f.endsWith('.md')));
beforeEach(() => {
  for (const dir of [here, work]) for (const f of readdirSync(dir)) if (f.includes('PWNED') && !f.endsWith('.md')) rmSync(join(dir, f));
});

describe.each(Object.keys(SHELLS) as Shell[])('%s completion of hostile names', (shell) => {
  const run = HAS_TMUX && hasCommand(shell) ? it : it.skip;

  run(
    'completes each name as data and runs nothing',
    async () => {
      const term = new TmuxShell(work, shell, [...SHELLS[shell].command], env, here);
      try {
        term.type(SHELLS[shell].setup, 'Enter');
        term.type("printf 'rea%s\\n' dy", 'Enter');
        await term.waitFor((s) => /^ready$/m.test(s));
        // prefix TAB, then (after taking back the space) TAB again on the
        // quoted word the first TAB wrote, then Enter. Each attempt is
        // followed by a marker line, and is judged by what its own command
        // printed: the lines between the previous marker and its own.
        const attempts = [
          ...POST_NAMES.map((name) => ({ typed: `postview tracks ${name.slice(0, 11)}`, want: name })),
          { typed: `postview tracks '2024-02-04`, want: POST_NAMES[3]! },
          { typed: 'postview tracks "2024-02-01', want: POST_NAMES[0]! },
          ...FILE_NAMES.map((name) => ({ typed: `postview show ${name.slice(0, 11)}`, want: name })),
        ];
        let previous = /^ready$/m;
        for (const [i, { typed, want }] of attempts.entries()) {
          term.type(typed, 'Tab', 'BSpace', 'Tab', 'Enter');
          term.type(`printf 'attempt-%s\\n' ${i}`, 'Enter');
          const marker = new RegExp(`^attempt-${i}$`, 'm');
          const screen = await term.waitFor((s) => marker.test(s), 8_000).catch((error: Error) => error.message);
          expect({ typed, pwned: pwned() }).toEqual({ typed, pwned: [] });
          const from = screen.search(previous);
          const own = from < 0 ? screen : screen.slice(from).replace(previous, '');
          const end = own.search(marker);
          // The command ran, with the whole name as one argument.
          expect({ typed, printed: end < 0 ? own : own.slice(0, end) }).toEqual({ typed, printed: expect.stringContaining(`\n[${typed.split(' ')[1]}]\n[${want}]\ndone.\n`) });
          previous = marker;
        }
        term.type('postview tracks 2024-04', 'Tab', 'Tab', 'C-u');
        term.type("printf 'fin%s\\n' ished", 'Enter');
        const screen = await term.waitFor((s) => /^finished$/m.test(s));
        expect(screen).not.toContain('2024-04-01-a');
        expect(pwned()).toEqual([]);
        expect(existsSync(join(here, 'PWNED'))).toBe(false);
      } finally {
        term.close();
      }
    },
    90_000,
  );
});
