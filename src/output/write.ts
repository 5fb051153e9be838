// The one place that writes to stdout and stderr. A closed pipe
// (`postview | head -1`) ends the run quietly, as it does for cat.
import { showControls } from '../sanitize.js';

let pipeClosed = false;

export function isPipeClosed(): boolean {
  return pipeClosed;
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    pipeClosed = true;
    process.exit(process.exitCode ?? 0);
  }
  throw error;
});

// A closed stderr (`postview list 2>&1 >/dev/null | head -1`) only silences
// messages: the run goes on and ends with its own exit code.
let stderrClosed = false;

process.stderr.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    stderrClosed = true;
    return;
  }
  throw error;
});

function writeStderr(text: string): void {
  if (!stderrClosed) process.stderr.write(text);
}

/** Writes all of `text` to stdout and resolves once it has been handed to the OS. */
export function writeStdout(text: string): Promise<void> {
  if (text === '' || pipeClosed) return Promise.resolve();
  return new Promise((resolve) => {
    process.stdout.write(text, () => resolve());
  });
}

/** One message line on stderr, prefixed "postview: "; nothing in it can be a control character. */
export function writeError(message: string): void {
  const lines = showControls(message).split('\n');
  writeStderr(`postview: ${lines.join('\n')}\n`);
}

export function writeWarning(message: string): void {
  writeStderr(`postview: warning: ${showControls(message).split('\n').join('\n')}\n`);
}
