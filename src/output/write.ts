// The one place that writes to stdout and stderr. A closed pipe
// (`postview | head -1`) ends the run quietly, as it does for cat.
//
// A pipe, a file or a socket is written with write(2) directly: creating
// process.stdout for a pipe loads node's stream and net modules, ~3 ms of a
// run that takes ~30. A terminal (or anything else) goes through node's
// streams, and so does what a non-blocking pipe will not take at once.
import { fstatSync, writeSync } from 'node:fs';
import { showControls, showStrayControls } from '../sanitize.js';

const plainFds = new Map<number, boolean>();

/** True when `fd` is surely not a terminal: a pipe, a regular file or a socket. */
export function isPlainOutput(fd: 1 | 2): boolean {
  let plain = plainFds.get(fd);
  if (plain === undefined) {
    try {
      const info = fstatSync(fd);
      plain = info.isFIFO() || info.isFile() || info.isSocket();
    } catch {
      plain = false;
    }
    plainFds.set(fd, plain);
  }
  return plain;
}

let pipeClosed = false;

export function isPipeClosed(): boolean {
  return pipeClosed;
}

function onStdoutClosed(): never {
  pipeClosed = true;
  process.exit(process.exitCode ?? 0);
}

/**
 * stdout cannot take the output (a full disk, /dev/full, a broken device):
 * one line on stderr, when stderr works, and exit 2. Never a stack trace.
 */
function onStdoutFailed(error: NodeJS.ErrnoException): never {
  pipeClosed = true;
  writeError(`cannot write the output: ${describeWriteError(error)}`);
  process.exit(2);
}

export function describeWriteError(error: NodeJS.ErrnoException): string {
  const code = error.code ?? 'unknown error';
  const reason = code === 'ENOSPC' ? 'no space left on device' : code === 'EDQUOT' ? 'disk quota exceeded' : code === 'EIO' ? 'input/output error' : code === 'EFBIG' ? 'file too large' : 'write failed';
  return `${reason} (${code})`;
}

// A closed stderr (`postview list 2>&1 >/dev/null | head -1`) only silences
// messages: the run goes on and ends with its own exit code.
let stderrClosed = false;

const watched = new Set<number>();

function stream(fd: 1 | 2): NodeJS.WriteStream {
  const out = fd === 1 ? process.stdout : process.stderr;
  if (!watched.has(fd)) {
    watched.add(fd);
    out.on('error', (error: NodeJS.ErrnoException) => {
      // Whatever goes wrong with stderr only silences messages.
      if (fd === 2) stderrClosed = true;
      else if (error.code === 'EPIPE') onStdoutClosed();
      else onStdoutFailed(error);
    });
  }
  return out;
}

/**
 * Writes `bytes` to a plain fd; returns what is left when the fd would block
 * (a non-blocking pipe that is full), null when all is written. A closed
 * pipe ends the run (stdout) or silences messages (stderr).
 */
function writeDirect(fd: 1 | 2, bytes: Buffer): Buffer | null {
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') return bytes.subarray(offset);
    if (fd === 2) {
      stderrClosed = true;
      return null;
    }
    if (code === 'EPIPE') onStdoutClosed();
    onStdoutFailed(error as NodeJS.ErrnoException);
  }
}

/** Stream writes not yet handed to the OS. */
const pending = new Set<Promise<void>>();

function writeStream(fd: 1 | 2, bytes: Buffer): Promise<void> {
  const written = new Promise<void>((resolve) => {
    stream(fd).write(bytes, () => resolve());
  });
  pending.add(written);
  void written.then(() => pending.delete(written));
  return written;
}

/** Resolves once everything written so far has been handed to the OS (so the process may exit). */
export async function whenWritten(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}

function writeStderr(text: string): void {
  if (stderrClosed) return;
  const rest = isPlainOutput(2) ? writeDirect(2, Buffer.from(text)) : Buffer.from(text);
  if (rest && !stderrClosed) void writeStream(2, rest);
}

/**
 * Writes all of `text` to stdout and resolves once it has been handed to the
 * OS. A control character that a renderer let through is shown on the way
 * (showStrayControls); postview's own styles and links pass.
 */
export function writeStdout(text: string): Promise<void> {
  if (text === '' || pipeClosed) return Promise.resolve();
  const bytes = utf8Of(showStrayControls(text));
  const rest = isPlainOutput(1) ? writeDirect(1, bytes) : bytes;
  if (rest === null || pipeClosed) return Promise.resolve();
  return writeStream(1, rest);
}

/** Texts longer than this are encoded by Buffer.from (utf8Of would reserve three bytes a character). */
const MAX_ONE_PASS = 1 << 24;

/**
 * `text` as UTF-8 bytes, what Buffer.from(text) gives (a lone surrogate as U+FFFD), in one pass
 * over it: Buffer.from measures the text first, then writes it (a warm folder timeline is 5.3 MB:
 * 7.8 -> 4.8 ms). No character takes more than three bytes a UTF-16 unit; pages never written are
 * never touched.
 */
export function utf8Of(text: string): Buffer {
  if (text.length > MAX_ONE_PASS) return Buffer.from(text);
  const bytes = Buffer.allocUnsafe(text.length * 3);
  return bytes.subarray(0, bytes.write(text));
}

/** The line writeError writes: "postview: " and the message, no control character in it but line feeds. */
export function formatError(message: string): string {
  return `postview: ${showControls(message)}\n`;
}

/** The line writeWarning writes. */
export function formatWarning(message: string): string {
  return `postview: warning: ${showControls(message)}\n`;
}

/** One message line on stderr, prefixed "postview: "; nothing in it can be a control character. */
export function writeError(message: string): void {
  writeStderr(formatError(message));
}

export function writeWarning(message: string): void {
  writeStderr(formatWarning(message));
}

/** Text already formatted (formatError, formatWarning) to stderr. */
export { writeStderr };
