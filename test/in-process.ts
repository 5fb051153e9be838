// Runs a postview command line in this process, through the same main() as
// the CLI, with a clean environment and output captured as strings. For tests
// where the input is the point rather than the process: no node start-up, no
// bundle to load, so hostile posts cost only their own work.
import { main, type Io } from '../src/main.js';
import type { Terminal } from '../src/env.js';
import { CACHE_HOME, type Run } from './e2e/run-cli.js';

export async function runInProcess(args: string[], options: { env?: Record<string, string> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: async (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    paged: async (text) => {
      stdout += text;
      return 0;
    },
  };
  const term: Terminal = { isTTY: false, stdinTTY: false, columns: undefined, rows: undefined, env: { HOME: process.env.HOME ?? '/tmp', XDG_CACHE_HOME: CACHE_HOME, LANG: 'C.UTF-8', ...options.env } };
  try {
    const code = await main(['node', 'postview', ...args], term, io);
    return { code, stdout, stderr };
  } catch (error) {
    // What the CLI prints for its own bugs (exit 70).
    return { code: 70, stdout, stderr: `${stderr}postview: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` };
  }
}
