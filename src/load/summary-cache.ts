// A cache of `list` summaries for big folders, kept the way git keeps its
// index: a post whose size, times and inode are unchanged since it was read
// is not read again; only its stat is. Listing 10,000 posts then costs about
// what listing their names costs.
//
// One JSON file per folder in $XDG_CACHE_HOME/postview (else ~/.cache), only
// for folders of at least MIN_POSTS_TO_CACHE posts (small ones are read in
// milliseconds anyway). The file is tied to the build of postview that wrote
// it: another build (new parsing rules) starts afresh. It is data only, checked
// field by field when read; anything unexpected in it and it is ignored. How
// the file is read and written (a private folder, a checksum, no links, no
// pipes, a size bound, a random temporary name) is cache-file.ts's job. A
// post that fails to read is never cached, so its warning shows every time.
// A post changed within the last seconds is not cached either, so that a file
// system with coarse timestamps cannot hide a second change in the same tick.
import { statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { PostSummaryJson } from '../render/json.js';
import { readCacheFile, writeCacheFile } from './cache-file.js';
import { fsPath, readPostBytesSync } from './read-post.js';
import { summarizePostBytes } from './summary.js';
import { decodeSessions, encodeSessions, isStringTable, MAX_CELLS, type CachedSessions, type StoredSessions } from './session-cache.js';

/** Folders with fewer posts are read in full every time. */
export const MIN_POSTS_TO_CACHE = 500;
/** Changes this recent may share a timestamp with a later one. */
const SETTLE_MS = 3000;
const FORMAT = 3;

/** What identifies one version of a file, as stat tells it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export type CachedSummary = Omit<PostSummaryJson, 'path'>;

export interface CacheEntry {
  stamp: FileStamp;
  summary: CachedSummary;
  /**
   * The post's sessions, once a command that covers a folder has read them:
   * as the file holds them (numbers, see session-cache.ts), decoded and
   * checked only when asked for; or as a command just read them.
   */
  sessions?: StoredSessions | CachedSessions;
}

/** One entry on disk: [path from the folder, size, mtimeMs, ctimeMs, ino, title, date, category, sessions, categories, tags, (sessions' cells)]. */
type Row = [string, number, number, number, number, string, string | null, string | null, number, string[], string[], unknown[]?];

/** The file: texts of all sessions in one table, each post's sessions as numbers (session-cache.ts). */
interface CacheData {
  format: number;
  build: string;
  strings: string[];
  entries: Row[];
}

/** The cache file for a folder, under a cache folder; null when there is no cache folder. */
export function summaryCacheFile(cacheDir: string | null, dir: string): string | null {
  return cacheDir === null ? null : folderCacheFile(cacheDir, dir, 'list');
}

/** A folder's cache file of one `kind` (list, search), named by the folder's absolute path. */
export function folderCacheFile(cacheDir: string, dir: string, kind: string): string {
  const crypto = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const key = crypto.createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return join(cacheDir, `${kind}-${key}.json`);
}

/** The entries of a cache file's text written by `build`; empty when it is not one. */
export function parseSummaryCache(text: string, build: string): Map<string, CacheEntry> {
  const entries = new Map<string, CacheEntry>();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return entries;
  }
  const file = data as Partial<Record<keyof CacheData, unknown>> | null;
  if (!file || file.format !== FORMAT || file.build !== build || !Array.isArray(file.entries) || !isStringTable(file.strings)) return entries;
  const strings = file.strings;
  for (const row of file.entries as unknown[]) {
    if (!isRow(row)) return new Map();
    const [name, size, mtimeMs, ctimeMs, ino, title, date, category, sessions, categories, tags, cells] = row;
    const entry: CacheEntry = { stamp: { size, mtimeMs, ctimeMs, ino }, summary: { title, date, category, sessions, categories, tags } };
    if (cells !== undefined) entry.sessions = { cells, strings };
    entries.set(name, entry);
  }
  return entries;
}

function isRow(row: unknown): row is Row {
  if (!Array.isArray(row) || (row.length !== 11 && row.length !== 12)) return false;
  const data: unknown = row[11];
  if (row.length === 12 && !(Array.isArray(data) && data.length <= MAX_CELLS)) return false;
  const sessions: unknown = row[8];
  return (
    isText(row[0]) && isNumber(row[1]) && isNumber(row[2]) && isNumber(row[3]) && isNumber(row[4]) && isText(row[5]) &&
    (row[6] === null || isText(row[6])) && (row[7] === null || isText(row[7])) && Number.isInteger(sessions) && (sessions as number) >= 0 &&
    isTexts(row[9]) && isTexts(row[10])
  );
}

const isNumber = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x);
const isText = (x: unknown): boolean => typeof x === 'string' && x.length <= 10_000;
function isTexts(x: unknown): boolean {
  if (!Array.isArray(x) || x.length > 1_000) return false;
  for (const item of x) if (!isText(item)) return false;
  return true;
}

/** The text of a cache file holding `entries`. */
export function renderSummaryCache(entries: ReadonlyMap<string, CacheEntry>, build: string): string {
  const rows: Row[] = [];
  const strings: string[] = [];
  const places = new Map<string, number>();
  const intern = (text: string): number => {
    let place = places.get(text);
    if (place === undefined) places.set(text, (place = strings.push(text) - 1));
    return place;
  };
  for (const [name, { stamp, summary, sessions }] of entries) {
    const row: Row = [name, stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, summary.title, summary.date, summary.category, summary.sessions, summary.categories ?? [], summary.tags ?? []];
    // Sessions kept from the file are decoded (and so checked) again: the table they point into is written anew.
    const decoded = sessions === undefined ? null : 'cells' in sessions ? decodeSessions(sessions, summary.sessions) : sessions;
    const cells = decoded && encodeSessions(decoded, intern);
    if (cells) row.push(cells);
    rows.push(row);
  }
  const data: CacheData = { format: FORMAT, build, strings, entries: rows };
  return JSON.stringify(data);
}

/** What a cache file must have been written by: this build of postview, on this Unicode version. */
export function cacheBuildOf(buildId: string): string {
  return `${buildId} unicode ${process.versions.unicode ?? '?'}`;
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** The stamp of the file at `path`, or null when it cannot be stat'ed (reading it will say what is wrong). */
export function readStamp(path: string): FileStamp | null {
  let stats: Stats;
  try {
    stats = statSync(fsPath(path));
  } catch {
    return null;
  }
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

/** True when a file last changed long enough before `now` that a later change will show in its times. */
export function isSettled(stamp: FileStamp, now: number): boolean {
  return now - stamp.mtimeMs >= SETTLE_MS && now - stamp.ctimeMs >= SETTLE_MS;
}

/** Summaries of one folder's posts, from the cache when a post is unchanged. */
export class SummaryCache {
  private readonly next = new Map<string, CacheEntry>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly build: string,
    private readonly previous: Map<string, CacheEntry>,
    private readonly now: number,
    /** Where the folder's own posts start ("posts/"): a post is keyed by its path from there. */
    private readonly prefix: string,
  ) {}

  /**
   * A post's key: its path from the folder (Hugo page bundles are all
   * "index.md", so the name alone is not enough); a path outside the folder
   * (--drafts) is keyed whole.
   */
  private keyOf(path: string): string {
    return path.startsWith(this.prefix) ? path.slice(this.prefix.length) : path;
  }

  /**
   * The cache of `dir` in `cacheDir`, as this build wrote it (empty if none).
   * Node's Unicode version is part of the build: it decides some of the
   * expressions that find sessions.
   */
  static open(cacheDir: string, dir: string, buildId: string, now: number): SummaryCache {
    const file = summaryCacheFile(cacheDir, dir)!;
    const build = cacheBuildOf(buildId);
    // No cache yet, or one not to be trusted: start afresh.
    const text = readCacheFile(file) ?? '';
    // The prefix listPostFiles puts before the names of the folder's posts.
    return new SummaryCache(file, build, parseSummaryCache(text, build), now, join(dir, 'x').slice(0, -1));
  }

  /** The summary of the post at `path` (errors are thrown as summarizePostBytes throws them). */
  summarize(path: string): PostSummaryJson {
    const name = this.keyOf(path);
    const stamp = readStamp(path);
    const cached = this.previous.get(name);
    if (stamp && cached && sameStamp(stamp, cached.stamp)) {
      this.next.set(name, cached);
      return { path, ...cached.summary };
    }
    const summary = summarizePostBytes(readPostBytesSync(path), path);
    if (stamp && isSettled(stamp, this.now)) {
      this.next.set(name, {
        stamp,
        summary: { title: summary.title, date: summary.date, category: summary.category, sessions: summary.sessions, categories: summary.categories, tags: summary.tags },
      });
    }
    this.changed = true;
    return summary;
  }

  /**
   * The sessions of the post at `path` as `read` leaves them: it gets the
   * cached ones when the post is unchanged (else null) and returns what to
   * keep, the same object when nothing changed. Errors pass through, and a
   * post that fails is not kept.
   */
  withSessions<T extends { summary: CachedSummary; sessions: CachedSessions }>(path: string, read: (cached: { summary: CachedSummary; sessions: CachedSessions } | null) => T): T {
    const name = this.keyOf(path);
    const stamp = readStamp(path);
    const previous = this.previous.get(name);
    const stored = stamp && previous?.sessions !== undefined && sameStamp(stamp, previous.stamp) ? previous.sessions : null;
    const sessions = stored === null ? null : 'cells' in stored ? decodeSessions(stored, previous!.summary.sessions) : stored;
    const cached = sessions && { summary: previous!.summary, sessions };
    const result = read(cached);
    if (cached && result.sessions === cached.sessions) {
      this.next.set(name, previous!);
      return result;
    }
    if (stamp && isSettled(stamp, this.now)) this.next.set(name, { stamp, summary: result.summary, sessions: result.sessions });
    this.changed = true;
    return result;
  }

  /** Writes the cache when it changed; a cache that cannot be written is simply not kept. */
  save(): void {
    if (!this.changed && this.next.size === this.previous.size) return;
    // Read-only home, full disk, a folder others can write to: list without a cache.
    writeCacheFile(this.file, renderSummaryCache(this.next, this.build));
  }
}
