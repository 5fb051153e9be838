// A cache of `list` summaries for big folders, kept the way git keeps its
// index: a post whose size, times and inode are unchanged since it was read
// is not read again; only its stat is. Listing 10,000 posts then costs about
// what listing their names costs.
//
// One file per folder in $XDG_CACHE_HOME/postview (else ~/.cache), only
// for folders of at least MIN_POSTS_TO_CACHE posts (small ones are read in
// milliseconds anyway). The file is tied to the build of postview that wrote
// it: another build (new parsing rules) starts afresh. It is data only (a line
// of JSON, then numbers: see StoredCache), checked field by field when read: a
// file whose frame is not as written is ignored, and a post whose fields are
// not is read again. How
// the file is read and written (a private folder, a checksum, no links, no
// pipes, a size bound, a random temporary name) is cache-file.ts's job. A
// post that fails to read is never cached, so its warning shows every time.
// A post changed within the last seconds is not cached either, so that a file
// system with coarse timestamps cannot hide a second change in the same tick.
import { statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { PostSummaryJson } from '../render/json.js';
import { readCacheBytes, writeCacheFile } from './cache-file.js';
import { fsPath, readPostBytesSync } from './read-post.js';
import { summarizePostBytes } from './summary.js';
import { decodeSessions, encodeSessions, isStringTable, MAX_CELLS, MAX_TEXT, type CachedSessions } from './session-cache.js';

/** Folders with fewer posts are read in full every time. */
export const MIN_POSTS_TO_CACHE = 500;
/** Changes this recent may share a timestamp with a later one. */
const SETTLE_MS = 3000;
const FORMAT = 4;
/** More categories or tags than this in one post are not from postview. */
const MAX_LABELS = 1_000;
/** The byte order the numbers are written in: this machine's (a file from another reads as no cache). */
const ORDER = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'le' : 'be';

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
  /** The post's sessions, once a command that covers a folder has read them. */
  sessions?: CachedSessions;
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

/**
 * The posts of a cache file as it holds them: numbers, few objects (one
 * JSON.parse of the texts, the numbers not parsed at all), each post checked
 * only when it is asked for.
 *
 * The file (after cache-file.ts's checksum line): one line of JSON,
 * {format, build, order, strings, posts, ints}, then the numbers as bytes in
 * this machine's order: `posts` stamps of four float64 (size, mtimeMs,
 * ctimeMs, ino), then `ints` int32. Per post, in the ints: name, title, date
 * (-1 for none), category (-1), session count, category count, categories...,
 * tag count, tags..., cell count (-1: sessions not kept), then the cells of
 * its sessions (session-cache.ts). A text is its place in `strings`, where
 * each is written once.
 */
export class StoredCache {
  private constructor(
    private readonly strings: readonly string[],
    private readonly stamps: Float64Array,
    private readonly ints: Int32Array,
    /** Where each post starts in `ints`. */
    private readonly starts: Int32Array,
  ) {}

  /** Each post's number by its name, made when first needed (posts are mostly asked for in the order they were written). */
  private byName: Map<string, number> | null = null;

  get names(): ReadonlyMap<string, number> {
    if (this.byName === null) {
      this.byName = new Map();
      for (let k = 0; k < this.starts.length; k++) this.byName.set(this.nameOf(k), k);
    }
    return this.byName;
  }

  /** The name of post `k`. */
  nameOf(k: number): string {
    return this.strings[this.ints[this.starts[k]!]!]!;
  }

  /** The number of the post named `name`, looked for first at `hint`; undefined when there is none. */
  find(name: string, hint: number): number | undefined {
    return hint < this.starts.length && this.nameOf(hint) === name ? hint : this.names.get(name);
  }

  /** The posts of a cache file's body written by `build`; null when it is not one (then there is no cache). */
  static parse(bytes: Uint8Array, build: string): StoredCache | null {
    const line = bytes.indexOf(0x0a);
    if (line === -1) return null;
    let head: Partial<Record<'format' | 'build' | 'order' | 'strings' | 'posts' | 'ints', unknown>> | null;
    try {
      head = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, line).toString('utf8')) as typeof head;
    } catch {
      return null;
    }
    if (!head || head.format !== FORMAT || head.build !== build || head.order !== ORDER || !isStringTable(head.strings)) return null;
    const { strings, posts, ints: count } = head;
    if (!isCount(posts) || !isCount(count) || bytes.length - line - 1 !== posts * 32 + count * 4) return null;
    // Copied into arrays of their own: the bytes after the line need not be aligned.
    const stamps = new Float64Array(posts * 4);
    const ints = new Int32Array(count);
    new Uint8Array(stamps.buffer).set(bytes.subarray(line + 1, line + 1 + posts * 32));
    new Uint8Array(ints.buffer).set(bytes.subarray(line + 1 + posts * 32));
    const starts = new Int32Array(posts);
    // Where each post starts, and that its name is a text: the rest of a post is checked when asked for.
    let at = 0;
    for (let k = 0; k < posts; k++) {
      starts[k] = at;
      const name = ints[at];
      const categories = ints[at + 5];
      if (name === undefined || name < 0 || name >= strings.length || categories === undefined || categories < 0 || categories > MAX_LABELS) return null;
      const tags = ints[at + 6 + categories];
      if (tags === undefined || tags < 0 || tags > MAX_LABELS) return null;
      const cells = ints[at + 7 + categories + tags];
      if (cells === undefined || cells < -1 || cells > MAX_CELLS) return null;
      at += 8 + categories + tags + Math.max(0, cells);
      if (at > count) return null;
    }
    return at === count ? new StoredCache(strings, stamps, ints, starts) : null;
  }

  get size(): number {
    return this.starts.length;
  }

  /** Whether post `k` was written with the stamp `stamp`. */
  hasStamp(k: number, stamp: FileStamp): boolean {
    const at = k * 4;
    return this.stamps[at] === stamp.size && this.stamps[at + 1] === stamp.mtimeMs && this.stamps[at + 2] === stamp.ctimeMs && this.stamps[at + 3] === stamp.ino;
  }

  /**
   * Post `k`'s summary, or null when its numbers are not as written. Without
   * `labels`, its categories and tags are left out (the commands that read
   * sessions never show them: 20,000 lists fewer for 10,000 posts).
   */
  summary(k: number, labels = true): CachedSummary | null {
    const { ints } = this;
    const at = this.starts[k]!;
    const title = this.text(ints[at + 1]!);
    const date = this.textOrNull(ints[at + 2]!);
    const category = this.textOrNull(ints[at + 3]!);
    const sessions = ints[at + 4]!;
    if (title === null || date === undefined || category === undefined || sessions < 0) return null;
    if (!labels) return { title, date, category, sessions };
    const categories = this.texts(at + 5);
    const tags = categories && this.texts(at + 6 + categories.length);
    return categories && tags ? { title, date, category, sessions, categories, tags } : null;
  }

  /** Post `k`'s sessions (a post of `count` of them): undefined when none were kept, null when their numbers are not as written. */
  sessions(k: number, count: number): CachedSessions | null | undefined {
    const { ints } = this;
    const start = this.starts[k]!;
    const at = start + 7 + ints[start + 5]! + ints[start + 6 + ints[start + 5]!]!;
    const cells = ints[at]!;
    return cells === -1 ? undefined : decodeSessions({ cells: ints, from: at + 1, to: at + 1 + cells, strings: this.strings }, count);
  }

  /** Post `k` whole, or null. */
  entry(k: number): CacheEntry | null {
    const summary = this.summary(k);
    const sessions = summary && this.sessions(k, summary.sessions);
    if (!summary || sessions === null) return null;
    const at = k * 4;
    const entry: CacheEntry = { stamp: { size: this.stamps[at]!, mtimeMs: this.stamps[at + 1]!, ctimeMs: this.stamps[at + 2]!, ino: this.stamps[at + 3]! }, summary };
    if (sessions) entry.sessions = sessions;
    return entry;
  }

  private text(n: number): string | null {
    return n >= 0 && n < this.strings.length ? this.strings[n]! : null;
  }

  /** A text, null for -1, undefined when `n` is neither. */
  private textOrNull(n: number): string | null | undefined {
    return n === -1 ? null : (this.text(n) ?? undefined);
  }

  /** The texts counted at `at` (a count, then places), or null. */
  private texts(at: number): string[] | null {
    const count = this.ints[at]!;
    const texts: string[] = [];
    for (let i = 1; i <= count; i++) {
      const text = this.text(this.ints[at + i]!);
      if (text === null) return null;
      texts.push(text);
    }
    return texts;
  }
}

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 0x7fffffff;

/** The entries of a cache file's body written by `build` (those whose numbers hold); empty when it is not one. */
export function parseSummaryCache(bytes: Uint8Array, build: string): Map<string, CacheEntry> {
  const entries = new Map<string, CacheEntry>();
  const stored = StoredCache.parse(bytes, build);
  for (const [name, k] of stored?.names ?? []) {
    const entry = stored!.entry(k);
    if (entry) entries.set(name, entry);
  }
  return entries;
}

/** The body of a cache file holding `entries` (see StoredCache); an entry with a text too long to be from postview is left out. */
export function renderSummaryCache(entries: ReadonlyMap<string, CacheEntry>, build: string): Buffer {
  const strings: string[] = [];
  const places = new Map<string, number>();
  let tooLong = false;
  const intern = (text: string): number => {
    if (text.length > MAX_TEXT) {
      tooLong = true;
      return 0;
    }
    let place = places.get(text);
    if (place === undefined) places.set(text, (place = strings.push(text) - 1));
    return place;
  };
  const textOrNull = (text: string | null) => (text === null ? -1 : intern(text));
  const stamps: number[] = [];
  const ints: number[] = [];
  for (const [name, { stamp, summary, sessions }] of entries) {
    const start = ints.length;
    tooLong = false;
    const categories = (summary.categories ?? []).slice(0, MAX_LABELS).map(intern);
    const tags = (summary.tags ?? []).slice(0, MAX_LABELS).map(intern);
    ints.push(intern(name), intern(summary.title), textOrNull(summary.date), textOrNull(summary.category), summary.sessions, categories.length, ...categories, tags.length, ...tags);
    const cells = sessions ? encodeSessions(sessions, intern) : null;
    if (cells && cells.length <= MAX_CELLS) {
      ints.push(cells.length);
      for (const cell of cells) ints.push(cell);
    } else ints.push(-1);
    if (tooLong) ints.length = start;
    else stamps.push(stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino);
  }
  const head = JSON.stringify({ format: FORMAT, build, order: ORDER, strings, posts: stamps.length / 4, ints: ints.length });
  return Buffer.concat([Buffer.from(`${head}\n`), new Uint8Array(Float64Array.from(stamps).buffer), new Uint8Array(Int32Array.from(ints).buffer)]);
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
  const stats = statOf(path);
  return stats && stampOf(stats);
}

/**
 * node's Stats of the file at `path` (it has a FileStamp's fields), or null: compared as it is,
 * with no object of its own made for each of the 10,000 posts found unchanged; see stampOf.
 */
function statOf(path: string): Stats | null {
  try {
    return statSync(fsPath(path));
  } catch {
    return null;
  }
}

/** The four numbers of `stamp` alone, to keep (a Stats holds four Dates besides). */
const stampOf = (stamp: FileStamp): FileStamp => ({ size: stamp.size, mtimeMs: stamp.mtimeMs, ctimeMs: stamp.ctimeMs, ino: stamp.ino });

/** True when a file last changed long enough before `now` that a later change will show in its times. */
export function isSettled(stamp: FileStamp, now: number): boolean {
  return now - stamp.mtimeMs >= SETTLE_MS && now - stamp.ctimeMs >= SETTLE_MS;
}

/** Summaries of one folder's posts, from the cache when a post is unchanged. */
export class SummaryCache {
  /**
   * What the file will hold, in the order posts were asked for: a post of the
   * file kept as it was (its number there), or a post just read (a later one
   * of the same name wins). A list rather than a map: 10,000 posts kept cost
   * no hashing of their names.
   */
  private readonly visits: (number | [string, CacheEntry])[] = [];
  /** The posts of the file kept, and how many. */
  private readonly kept: Uint8Array;
  private keptCount = 0;
  /** Where the next post asked for is likely to be in the file: after the last one found. */
  private cursor = 0;
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly build: string,
    private readonly previous: StoredCache | null,
    private readonly now: number,
    /** Where the folder's own posts start ("posts/"): a post is keyed by its path from there. */
    private readonly prefix: string,
  ) {
    this.kept = new Uint8Array(previous?.size ?? 0);
  }

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
    const bytes = readCacheBytes(file);
    // The prefix listPostFiles puts before the names of the folder's posts.
    return new SummaryCache(file, build, bytes && StoredCache.parse(bytes, build), now, join(dir, 'x').slice(0, -1));
  }

  /** The number in the file of the post keyed `name`, when it is there with `stamp`. */
  private unchanged(name: string, stamp: FileStamp | null): number | undefined {
    const k = stamp ? this.previous?.find(name, this.cursor) : undefined;
    if (k === undefined) return undefined;
    this.cursor = k + 1;
    return this.previous!.hasStamp(k, stamp!) ? k : undefined;
  }

  /** Post `k` of the file is kept as it is. */
  private keep(k: number): void {
    this.visits.push(k);
    if (this.kept[k] === 0) this.keptCount++;
    this.kept[k] = 1;
  }

  /** The post keyed `name`, just read, is kept as `entry`. */
  private put(name: string, entry: CacheEntry): void {
    this.visits.push([name, entry]);
  }

  /** The summary of the post at `path` (errors are thrown as summarizePostBytes throws them). */
  summarize(path: string): PostSummaryJson {
    const name = this.keyOf(path);
    const stamp = statOf(path);
    const k = this.unchanged(name, stamp);
    const cached = k === undefined ? null : this.previous!.summary(k);
    if (cached) {
      this.keep(k!);
      return { path, title: cached.title, date: cached.date, category: cached.category, sessions: cached.sessions, categories: cached.categories, tags: cached.tags };
    }
    const summary = summarizePostBytes(readPostBytesSync(path), path);
    if (stamp && isSettled(stamp, this.now)) {
      this.put(name, {
        stamp: stampOf(stamp),
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
    const stamp = statOf(path);
    const k = this.unchanged(name, stamp);
    const summary = k === undefined ? null : this.previous!.summary(k, false);
    const sessions = summary && this.previous!.sessions(k!, summary.sessions);
    const cached = summary && sessions ? { summary, sessions } : null;
    const result = read(cached);
    if (cached && result.sessions === cached.sessions) {
      this.keep(k!);
      return result;
    }
    // The cached summary lacks categories and tags: kept with new sessions, it is taken whole from the file.
    const kept = cached && result.summary === cached.summary ? this.previous!.summary(k!) : result.summary;
    if (stamp && kept && isSettled(stamp, this.now)) this.put(name, { stamp: stampOf(stamp), summary: kept, sessions: result.sessions });
    this.changed = true;
    return result;
  }

  /** Writes the cache when it changed; a cache that cannot be written is simply not kept. */
  save(): void {
    if (!this.changed && this.keptCount === this.kept.length) return;
    const next = new Map<string, number | CacheEntry>();
    for (const visit of this.visits) {
      if (typeof visit === 'number') next.set(this.previous!.nameOf(visit), visit);
      else next.set(visit[0], visit[1]);
    }
    // Posts kept from the file are decoded (and so checked) again: the table they point into is written anew.
    const entries = new Map<string, CacheEntry>();
    for (const [name, kept] of next) {
      const entry = typeof kept === 'number' ? this.previous!.entry(kept) : kept;
      if (entry) entries.set(name, entry);
    }
    // Read-only home, full disk, a folder others can write to: list without a cache.
    writeCacheFile(this.file, renderSummaryCache(entries, this.build));
  }
}
