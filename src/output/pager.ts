// Paging like git and bat: only at a terminal, only when the text is taller
// than the screen, through $PAGER or `less -FRX`. A missing pager falls back
// to plain output with a warning; quitting the pager early is not an error.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Terminal } from '../env.js';
import { writeStdout, writeWarning } from './write.js';

export async function writePaged(text: string, pager: string, term: Terminal): Promise<void> {
  const rows = term.rows ?? 24;
  if (countLines(text, rows) < rows) return writeStdout(text);
  const env = { ...term.env };
  // less needs -R to keep colours and links; honour a LESS the user set.
  if (env.LESS === undefined) env.LESS = 'FRX';
  if (env.LV === undefined) env.LV = '-c';
  // Loaded only when paging: child_process costs start-up time on every run.
  const { spawn } = await import('node:child_process');
  const started = await new Promise<boolean>((resolve) => {
    const child = spawn(pager, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env });
    let spawned = false;
    child.on('spawn', () => {
      spawned = true;
    });
    child.on('error', () => resolve(spawned));
    child.stdin.on('error', () => {
      // The reader quit early (q in less): nothing more to write.
    });
    child.on('close', (code) => {
      // The shell says 127 when it cannot find the pager command; a pager
      // that was found and says 127 itself has shown the text already.
      resolve(code !== 127 || commandExists(pager, env));
    });
    child.stdin.end(text);
  });
  if (!started) {
    writeWarning(`pager '${pager}' could not be started; printing instead (set PAGER, or use --no-pager)`);
    await writeStdout(text);
  }
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
