// The edge of `browse`: the one place that talks to the terminal. It owns
// raw mode, the alternate screen, the mouse and the cursor, writes each
// frame in one write, and puts every mode back however the run ends (q,
// Ctrl-C, an error, SIGTERM, SIGHUP), also around the editor.
import { decodeKeys, type Key } from './keys.js';

/** Alternate screen, no cursor, wheel reports (SGR), the screen cleared. */
const ENTER = '\x1b[?1049h\x1b[?25l\x1b[?1000h\x1b[?1006h\x1b[H\x1b[2J';
const LEAVE = '\x1b[?1006l\x1b[?1000l\x1b[?25h\x1b[?1049l';
/** Drawing between these shows at once where the terminal supports it (others ignore them). */
const SYNC_ON = '\x1b[?2026h';
const SYNC_OFF = '\x1b[?2026l';

/** A terminal's stdout is written synchronously (on Linux and macOS), so a frame is out when this returns. */
function write(text: string): void {
  process.stdout.write(text);
}

export interface Size {
  width: number;
  height: number;
}

export interface TerminalHandlers {
  onKeys: (keys: Key[]) => void;
  onResize: (size: Size) => void;
}

export class FullScreen {
  private active = false;
  private last: string[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- listeners of several emitters
  private readonly listeners: [NodeJS.EventEmitter, string, (...args: any[]) => void][] = [];

  constructor(private readonly handlers: TerminalHandlers) {}

  size(): Size {
    return { width: Math.max(20, process.stdout.columns || 80), height: Math.max(5, process.stdout.rows || 24) };
  }

  start(): void {
    this.on(process.stdin, 'data', (data: Buffer) => this.handlers.onKeys(decodeKeys(data.toString('utf8'))));
    this.on(process.stdout, 'resize', () => {
      this.last = [];
      this.handlers.onResize(this.size());
    });
    for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
      this.on(process, signal, () => {
        // The terminal back first, then the signal does what it would have
        // done (the shell sees 128 + its number, as for any program it ends).
        this.stop();
        process.kill(process.pid, signal);
      });
    }
    // Whatever else ends the process (an uncaught error included), the modes go back.
    this.on(process, 'exit', () => this.stop());
    this.resume();
  }

  /** Takes the terminal: raw keys, the alternate screen, no cursor. */
  resume(): void {
    if (this.active) return;
    this.active = true;
    process.stdin.setRawMode(true);
    process.stdin.resume();
    this.last = [];
    write(ENTER);
  }

  /** Gives the terminal back as it was (for the editor, and at the end). Safe to call twice. */
  suspend(): void {
    if (!this.active) return;
    this.active = false;
    write(LEAVE);
    try {
      process.stdin.setRawMode(false);
    } catch {
      // stdin already closed
    }
    process.stdin.pause();
  }

  stop(): void {
    this.suspend();
    for (const [emitter, event, listener] of this.listeners.splice(0)) emitter.removeListener(event, listener);
  }

  /** Writes the lines that changed since the last frame, all in one write. */
  draw(lines: readonly string[]): void {
    if (!this.active) return;
    let out = '';
    lines.forEach((line, i) => {
      if (this.last[i] !== line) out += `\x1b[${i + 1};1H\x1b[2K${line}`;
    });
    this.last = [...lines];
    if (out !== '') write(SYNC_ON + out + SYNC_OFF);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private on(emitter: NodeJS.EventEmitter, event: string, listener: (...args: any[]) => void): void {
    emitter.on(event, listener);
    this.listeners.push([emitter, event, listener]);
  }
}
