// Ctrl-C while paging, in a real pseudo-terminal (tmux): postview, like git,
// ignores SIGINT while its pager runs and waits for it, so the pager is never
// left behind the shell prompt fighting the shell for keystrokes.
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { BIN, POSTS } from './run-cli.js';

const AWS = `${POSTS}2016-05-17-aws-summit-seoul-2016.md`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0 && spawnSync('less', ['--version']).status === 0;
const describeTmux = hasTmux ? describe : describe.skip;
const SOCKET = `postview-test-${process.pid}`;

// The server's socket goes in the test run's temporary folder, not /tmp/tmux-UID.
const tmux = (...args: string[]) => spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8', env: { ...process.env, TMUX_TMPDIR: tmpdir() } });
const screen = () => tmux('capture-pane', '-p', '-t', 'pv').stdout;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(test: () => boolean, ms = 10_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (test()) return true;
  return test();
}

/** Commands of the processes in the pane's session, other than its shell (whoever their parent is now). */
function sessionProcesses(shellPid: string): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,sid=,comm='], { encoding: 'utf8' }).stdout;
  return ps
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, sid]) => sid === shellPid && pid !== shellPid)
    .map(([, , comm]) => comm!);
}

describeTmux('Ctrl-C while paging', () => {
  afterAll(() => {
    tmux('kill-server');
  });

  it('leaves no pager running, exits with the pager status, and the shell gets the next line whole', async () => {
    const env = `env -i PATH="${process.env.PATH}" HOME=${tmpdir()} LESSHISTFILE=- LANG=C.UTF-8 TERM=xterm-256color PS1='$ '`;
    expect(tmux('new-session', '-d', '-s', 'pv', '-x', '100', '-y', '30', `${env} bash --norc --noprofile`).status).toBe(0);
    const shellPid = tmux('display-message', '-p', '-t', 'pv', '#{pane_pid}').stdout.trim();
    expect(await until(() => screen().includes('$'))).toBe(true);

    tmux('send-keys', '-t', 'pv', `PAGER=less ${process.execPath} ${BIN} show ${AWS} --color never; echo "exit=$?"`, 'Enter');
    // less has drawn its first screen and waits at its prompt.
    expect(await until(() => screen().includes('AWS Summit Seoul 2016') && sessionProcesses(shellPid).includes('less'))).toBe(true);

    tmux('send-keys', '-t', 'pv', 'C-c');
    await sleep(400);
    // postview is still there, waiting for its pager; nothing has returned to the shell.
    expect(sessionProcesses(shellPid)).toEqual(expect.arrayContaining(['less', 'node']));
    expect(screen()).not.toContain('exit=');

    tmux('send-keys', '-t', 'pv', 'q');
    expect(await until(() => screen().includes('exit='))).toBe(true);
    expect(await until(() => sessionProcesses(shellPid).length === 0)).toBe(true);
    expect(screen().match(/exit=\d+/)?.[0]).toBe("exit=0");

    tmux('send-keys', '-t', 'pv', 'echo "whole-$((40 + 2))"', 'Enter');
    expect(await until(() => screen().includes('whole-42'))).toBe(true);
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;
(hasScript ? it : it.skip)("exits with the pager's status when the pager fails", () => {
  const command = `stty rows 20 cols 80; PAGER='sh -c "cat >/dev/null; exit 3"' ${process.execPath} ${BIN} show ${AWS}`;
  const run = spawnSync('script', ['-qec', command, '/dev/null'], { env: { PATH: process.env.PATH, HOME: tmpdir(), LANG: 'C.UTF-8', TERM: 'xterm' }, encoding: 'utf8', timeout: 30_000 });
  expect(run.status).toBe(3);
});
