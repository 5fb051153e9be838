// Drives the real CLI in a tmux pane, as a person at a terminal would: keys
// in with send-keys, the screen out with capture-pane. Each test gets its own
// tmux server (its own socket), so nothing outside the test is touched.
// TmuxShell does the same for an interactive shell (completion on TAB).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, CACHE_HOME } from './run-cli.js';

export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export class Pane {
  readonly socket = `postview-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  readonly dir = mkdtempSync(join(tmpdir(), 'postview-tmux-'));

  /**
   * Runs `postview args` in a new width x height pane with a clean
   * environment. The terminal's modes are written to stty-before and
   * stty-after around the run, and the exit code to the pane as "exit=N".
   */
  constructor(args: string[], options: { env?: Record<string, string>; width?: number; height?: number; cwd?: string } = {}) {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', XDG_CACHE_HOME: CACHE_HOME, LANG: 'C.UTF-8', TERM: 'xterm-256color', ...options.env };
    const assignments = Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`).join(' ');
    const command = [
      // The shell outlives a Ctrl-C sent to the program (its children get the default).
      "trap ':' INT",
      `cd ${quote(options.cwd ?? process.cwd())}`,
      `stty -a > ${quote(join(this.dir, 'stty-before'))}`,
      `env -i ${assignments} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}`,
      `echo "exit=$?"`,
      `stty -a > ${quote(join(this.dir, 'stty-after'))}`,
      'exec sleep 600',
    ].join('; ');
    this.tmux('new-session', '-d', '-s', 'test', '-x', String(options.width ?? 100), '-y', String(options.height ?? 30), 'sh', '-c', command);
  }

  tmux(...args: string[]): string {
    // The socket goes under the run's temporary folder (TMUX_TMPDIR), not /tmp/tmux-UID.
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8', env: { ...process.env, TMUX_TMPDIR: tmpdir() } });
  }

  /** Keys as tmux names them ("Enter", "Escape", "C-c") or literal text with `-l`. */
  send(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'test', ...keys);
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', 'test', '-l', text);
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'test');
  }

  /** The screen with its styles, as SGR sequences. */
  styledScreen(): string {
    return this.tmux('capture-pane', '-p', '-e', '-t', 'test');
  }

  lines(): string[] {
    return this.screen().replace(/\n$/, '').split('\n');
  }

  alternateOn(): boolean {
    return this.tmux('display', '-p', '-t', 'test', '#{alternate_on}').trim() === '1';
  }

  /** The process running in the pane's shell (postview itself), by its parent's id. */
  programPid(): number {
    const shell = this.tmux('display', '-p', '-t', 'test', '#{pane_pid}').trim();
    return Number(execFileSync('ps', ['-o', 'pid=', '--ppid', shell], { encoding: 'utf8' }).trim().split('\n')[0]);
  }

  /** Waits until the screen passes `test` (text it holds, or a function); fails with the screen after `ms`. */
  async waitFor(test: string | RegExp | ((screen: string) => boolean), ms = 8000): Promise<string> {
    const passes = typeof test === 'function' ? test : (s: string) => (typeof test === 'string' ? s.includes(test) : test.test(s));
    const until = Date.now() + ms;
    let screen = '';
    for (;;) {
      try {
        screen = this.screen();
      } catch (error) {
        // The server may not answer the first moments after it starts.
        screen = String(error);
      }
      if (passes(screen)) return screen;
      if (Date.now() > until) throw new Error(`timed out waiting for ${String(test)}; the screen:\n${screen}`);
      await sleep(50);
    }
  }

  sttyBefore(): string {
    return readFileSync(join(this.dir, 'stty-before'), 'utf8');
  }

  sttyAfter(): string {
    return readFileSync(join(this.dir, 'stty-after'), 'utf8');
  }

  /** Stops this test's tmux server and removes its socket file. */
  kill(): void {
    let socketPath = '';
    try {
      socketPath = this.tmux('display', '-p', '#{socket_path}').trim();
      this.tmux('kill-server');
    } catch {
      // already gone
    }
    if (socketPath.endsWith(this.socket)) rmSync(socketPath, { force: true });
  }
}

/**
 * An interactive shell (not postview itself) in a 200×50 pane on a private
 * socket under `work`: for what only a shell at a terminal does, such as
 * completion on TAB. `command` runs through `env -i` with exactly `env`.
 */
export class TmuxShell {
  private readonly socket: string;

  constructor(work: string, name: string, command: string[], env: Record<string, string>, cwd: string) {
    this.socket = join(work, `tmux-${name}.sock`);
    const vars = Object.entries({ TERM: 'xterm-256color', ...env }).map(([k, v]) => `${k}=${v}`);
    this.tmux(['-f', '/dev/null', 'new-session', '-d', '-x', '200', '-y', '50', '-c', cwd, 'env', '-i', ...vars, ...command]);
  }

  private tmux(args: string[]): string {
    const run = spawnSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8', timeout: 10_000 });
    if (run.status !== 0) throw new Error(`tmux ${args[0]}: ${run.stderr}`);
    return run.stdout;
  }

  /** Types `text` literally, then the named keys (Tab, Enter, C-u…). */
  type(text: string, ...keys: string[]): void {
    if (text) this.tmux(['send-keys', '-l', text]);
    if (keys.length) this.tmux(['send-keys', ...keys]);
  }

  /** The whole screen and its history, wrapped lines joined. */
  screen(): string {
    return this.tmux(['capture-pane', '-p', '-J', '-S', '-1000']);
  }

  /** Waits until `test` holds for the screen; returns the screen (throws after `ms`). */
  async waitFor(test: (screen: string) => boolean, ms = 20_000): Promise<string> {
    const end = Date.now() + ms;
    for (;;) {
      const text = this.screen();
      if (test(text)) return text;
      if (Date.now() > end) throw new Error(`timed out; the screen was:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  close(): void {
    spawnSync('tmux', ['-S', this.socket, 'kill-server'], { encoding: 'utf8' });
  }
}
