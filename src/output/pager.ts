// Paging like git and bat: only at a terminal, only when the text is taller
// than the screen, through $PAGER or `less -FRX`. A missing pager falls back
// to plain output with a warning; quitting the pager early is not an error.
// Like git, Ctrl-C while the pager runs is the pager's to handle (less stops
// a search with it): postview ignores SIGINT until the pager has ended, so
// the pager is never left behind the shell prompt, then exits with its status.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Terminal } from '../env.js';
import { showStrayControls } from '../sanitize.js';
import { writeStdout, writeWarning } from './write.js';

/** Writes `text`, through `pager` when taller than the screen; resolves to the pager's exit status (0 when not paged). */
export async function writePaged(text: string, pager: string, term: Terminal): Promise<number> {
  const rows = term.rows ?? 24;
  if (countLines(text, rows) < rows) {
    await writeStdout(text);
    return 0;
  }
  const env = { ...term.env };
  // less needs -R to keep colours and links; honour a LESS the user set.
  if (env.LESS === undefined) env.LESS = 'FRX';
  if (env.LV === undefined) env.LV = '-c';
  // Loaded only when paging: child_process costs start-up time on every run.
  const { spawn } = await import('node:child_process');
  const os = await import('node:os');
  const ignore = () => {
    // The pager (in the same process group) gets the same Ctrl-C and decides.
  };
  process.on('SIGINT', ignore);
  const status = await new Promise<number | null>((resolve) => {
    // Like git, a plain command (`less -FRX`) runs without a shell: a shell
    // waiting on the pager would take the Ctrl-C as its own and end with 130.
    const words = pager.trim().split(/\s+/);
    const plain = !/[|&;<>()$`\\"'*?[#~=%{}]/.test(pager);
    const child = plain ? spawn(words[0]!, words.slice(1), { stdio: ['pipe', 'inherit', 'inherit'], env }) : spawn(pager, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env });
    let spawned = false;
    child.on('spawn', () => {
      spawned = true;
    });
    child.on('error', () => resolve(spawned ? 1 : null));
    child.stdin.on('error', () => {
      // The reader quit early (q in less): nothing more to write.
    });
    child.on('close', (code, signal) => {
      // The shell says 127 when it cannot find the pager command; a pager
      // that was found and says 127 itself has shown the text already.
      if (code === 127 && !commandExists(pager, env)) resolve(null);
      else resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0));
    });
    child.stdin.end(showStrayControls(text));
  }).finally(() => process.off('SIGINT', ignore));
  if (status === null) {
    writeWarning(`pager '${pager}' could not be started; printing instead (set PAGER, or use --no-pager)`);
    await writeStdout(text);
    return 0;
  }
  return status;
}

/**
 * True when the first word of a pager command names a program (a path, or a
 * name found on PATH), or is shell syntax this cannot judge: then the text
 * is never printed a second time.
 */
function commandExists(pager: string, env: NodeJS.ProcessEnv): boolean {
  const word = pager.trim().split(/\s+/)[0] ?? '';
  if (word === '' || /["'`$\\=;&|<>(){}]/.test(word)) return true;
  const candidates = word.includes('/') ? [word] : (env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, word));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

function countLines(text: string, limit: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && count < limit; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
