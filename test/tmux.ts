// A real interactive shell in a pseudo-terminal, driven through tmux on a
// private socket: type keys, read the screen. For tests that need what only
// a terminal does (completion on TAB, line editing).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export function hasTmux(): boolean {
  return spawnSync('sh', ['-c', 'command -v tmux'], { encoding: 'utf8' }).status === 0;
}

export class TmuxShell {
  private readonly socket: string;

  /** Starts `command` (run through `env -i` with exactly `env`) in a 200×50 terminal, in `cwd`. */
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
