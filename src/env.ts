// Terminal facts, read once at start-up and handed down as plain values
// (like bat's Config and ripgrep's HiArgs): colour, width, links, paging.
import { isAbsolute, join } from 'node:path';
import { UsageError } from './errors.js';
import { messages, type Lang } from './i18n.js';
import { isPlainOutput } from './output/write.js';
import type { ColorMode, RenderOptions } from './types.js';

/** Running text stays readable on very wide terminals; tables may use the full width. */
export const READING_WIDTH = 100;
export const DEFAULT_WIDTH = 80;
/** The widest output postview draws (--width, $COLUMNS and the terminal alike): work and output grow with it. */
export const MAX_WIDTH = 1000;
const MIN_WIDTH = 20;

export interface Terminal {
  isTTY: boolean;
  columns: number | undefined;
  rows: number | undefined;
  env: NodeJS.ProcessEnv;
  /** Standard input is a terminal (someone would type a post for `show -`); asked only then, see detectStdinTerminal. */
  stdinTTY?: boolean;
}

export function detectTerminal(): Terminal {
  // A pipe or a file is no terminal, and asking process.stdout would cost
  // ~3 ms of start-up to create it (see output/write.ts).
  if (isPlainOutput(1)) return { isTTY: false, columns: undefined, rows: undefined, env: process.env };
  const out = process.stdout;
  return { isTTY: Boolean(out.isTTY), columns: out.isTTY ? out.columns : undefined, rows: out.isTTY ? out.rows : undefined, env: process.env };
}

/** Whether standard input is a terminal; loads node:tty (and net), so only asked for `-`. */
export async function detectStdinTerminal(): Promise<boolean> {
  const { isatty } = await import('node:tty');
  return isatty(0);
}

/** The screen help is laid out for: the terminal's size, else $COLUMNS and 24 rows. */
export function detectScreen(term: Terminal): { columns: number; rows: number } {
  const fromEnv = Number(term.env.COLUMNS);
  const columns = term.columns ?? (Number.isInteger(fromEnv) && fromEnv >= 20 ? fromEnv : DEFAULT_WIDTH);
  return { columns: Math.max(20, Math.min(columns, 1000)), rows: term.rows ?? 24 };
}

/**
 * Where postview keeps caches: $XDG_CACHE_HOME/postview, else ~/.cache/postview
 * (%LOCALAPPDATA%\\postview on Windows); none with POSTVIEW_CACHE=off.
 */
export function resolveCacheDir(env: NodeJS.ProcessEnv): string | null {
  if (env.POSTVIEW_CACHE === 'off') return null;
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : env.HOME && isAbsolute(env.HOME) ? join(env.HOME, '.cache') : env.LOCALAPPDATA || null;
  return base ? join(base, 'postview') : null;
}

export interface OutputChoices {
  color?: string;
  width?: string;
  pager?: boolean;
  json?: boolean;
}

export interface Resolved {
  render: RenderOptions;
  /** The pager command to page through, or null to write straight out. */
  pager: string | null;
}

export function parseColorMode(value: string | undefined, lang: Lang = 'en'): ColorMode {
  if (value === undefined) return 'auto';
  if (value === 'auto' || value === 'always' || value === 'never') return value;
  throw new UsageError(messages(lang).badColor(value));
}

export function parseWidth(value: string | undefined, lang: Lang = 'en'): number | null {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value.trim()) || Number(value) < MIN_WIDTH || Number(value) > MAX_WIDTH) {
    throw new UsageError(messages(lang).badWidth(value));
  }
  return Number(value);
}

function detectColorLevel(mode: ColorMode, term: Terminal): 0 | 1 | 2 | 3 {
  const { env } = term;
  if (mode === 'never') return 0;
  const depth = (): 1 | 2 | 3 =>
    env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit' ? 3 : /256/.test(env.TERM ?? '') ? 2 : 1;
  if (mode === 'always') return depth();
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return 0;
    return force === '2' ? 2 : force === '3' ? 3 : depth();
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!term.isTTY || env.TERM === 'dumb') return 0;
  return depth();
}

/**
 * OSC 8 links: never with --color never (it promises no escape at all),
 * forced by FORCE_HYPERLINK, else only at terminals known to show them.
 */
function detectHyperlinks(term: Terminal, mode: ColorMode, colorLevel: number): boolean {
  const { env } = term;
  if (mode === 'never') return false;
  if (env.FORCE_HYPERLINK !== undefined && env.FORCE_HYPERLINK !== '') return env.FORCE_HYPERLINK !== '0';
  if (!term.isTTY || colorLevel === 0 || env.TERM === 'dumb') return false;
  if (env.TERM_PROGRAM === 'iTerm.app' || env.TERM_PROGRAM === 'WezTerm' || env.TERM_PROGRAM === 'vscode' || env.TERM_PROGRAM === 'ghostty') return true;
  if (env.WT_SESSION || env.KITTY_WINDOW_ID || env.KONSOLE_VERSION || env.DOMTERM) return true;
  return Number(env.VTE_VERSION ?? 0) >= 5000;
}

export function resolveOutput(choices: OutputChoices, term: Terminal, lang: Lang = 'en'): Resolved {
  const mode = parseColorMode(choices.color, lang);
  const asked = parseWidth(choices.width, lang);
  const fromEnv = Number(term.env.COLUMNS);
  // $COLUMNS (and a terminal) wider than --width allows are drawn at MAX_WIDTH:
  // COLUMNS=100000 made `timeline` take 9.5 s.
  const width = asked ?? Math.min(term.columns ?? (Number.isInteger(fromEnv) && fromEnv >= MIN_WIDTH ? fromEnv : DEFAULT_WIDTH), MAX_WIDTH);
  const json = Boolean(choices.json);
  const colorLevel = json ? 0 : detectColorLevel(mode, term);
  const hyperlinks = json ? false : detectHyperlinks(term, mode, colorLevel);
  const pager = !json && choices.pager !== false && term.isTTY ? (term.env.PAGER?.trim() || 'less -FRX') : null;
  return {
    render: { width, textWidth: Math.min(width, READING_WIDTH), colorLevel, hyperlinks, lang },
    pager: pager === 'cat' ? null : pager,
  };
}
