// Runs the built CLI (dist/ through bin/) as a user would, with a clean
// environment: no colour or pager settings leak in from the machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = `${ROOT}bin/postview.cjs`;
export const FIXTURES = `${ROOT}test/fixtures/`;
export const POSTS = `${ROOT}posts/`;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Caches the CLI keeps go here during the tests, not into the user's home. */
export const CACHE_HOME = mkdtempSync(join(tmpdir(), 'postview-test-cache-'));

export function runCli(args: string[], options: { env?: Record<string, string>; input?: string | Buffer; cwd?: string } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', XDG_CACHE_HOME: CACHE_HOME, LANG: 'C.UTF-8', ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runJson<T = unknown>(args: string[], options?: Parameters<typeof runCli>[1]): { code: number | null; json: T; stderr: string } {
  const run = runCli([...args, '--json'], options);
  return { code: run.code, json: JSON.parse(run.stdout) as T, stderr: run.stderr };
}

export const ANSI = /\x1b\[[0-9;]*m|\x1b\]8;;[^\x1b\x07]*(?:\x1b\\|\x07)/g;
export const stripAnsi = (text: string): string => text.replace(ANSI, '');
