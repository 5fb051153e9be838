// A cache for `search` over a big folder: each post's search index (its
// plain text as lines, tagged by section; see query/search.ts), so that
// searching again reads no post that has not changed, only its stat.
//
// The same rules as the summary cache (summary-cache.ts): one file per
// folder in the cache folder (search-<hash>.json), written and read by
// cache-file.ts (a private folder, no links, a checksum, a size bound),
// tied to the build of postview that wrote it, checked field by field when
// read (anything unexpected: no cache), a post keyed by its path in the
// folder and trusted only while its size, times and inode are those it had
// when read, and only when it had not changed in the last seconds.
import { basename, join } from 'node:path';
import type { SearchIndex } from '../query/search.js';
import { MAX_CACHE_BYTES, readCacheFile, writeCacheFile } from './cache-file.js';
import { cacheBuildOf, folderCacheFile, isSettled, readStamp, sameStamp, type FileStamp } from './summary-cache.js';

const FORMAT = 1;

/** One post on disk: [path from the folder, size, mtimeMs, ctimeMs, ino, title, date, section paths, lines, parts]. */
type Row = [string, number, number, number, number, string, string | null, string[][], string[], number[]];

interface Entry {
  stamp: FileStamp;
  index: SearchIndex;
}

/** The entries of a search cache file's text written by `build`; empty when it is not one. */
export function parseSearchCache(text: string, build: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return entries;
  }
  const file = data as { format?: unknown; build?: unknown; entries?: unknown } | null;
  if (!file || file.format !== FORMAT || file.build !== build || !Array.isArray(file.entries)) return entries;
  for (const row of file.entries as unknown[]) {
    if (!isRow(row)) return new Map();
    const [key, size, mtimeMs, ctimeMs, ino, title, date, sections, lines, parts] = row;
    entries.set(key, { stamp: { size, mtimeMs, ctimeMs, ino }, index: { title, date, sections, lines, parts } });
  }
  return entries;
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every(isString);

function isRow(row: unknown): row is Row {
  if (!Array.isArray(row) || row.length !== 10) return false;
  const [key, size, mtimeMs, ctimeMs, ino, title, date, sections, lines, parts] = row as unknown[];
  if (!isString(key) || !isNumber(size) || !isNumber(mtimeMs) || !isNumber(ctimeMs) || !isNumber(ino) || !isString(title) || !(date === null || isString(date))) return false;
  if (!Array.isArray(sections) || !sections.every((path) => isStrings(path) && path.length > 0) || !isStrings(lines) || !Array.isArray(parts) || parts.length !== lines.length) return false;
  const count = sections.length;
  return parts.every((p) => Number.isInteger(p) && (p as number) >= -1 && (p as number) <= count);
}

/** The text of a search cache file holding `entries`. */
export function renderSearchCache(entries: ReadonlyMap<string, Entry>, build: string): string {
  const rows: Row[] = [];
  for (const [key, { stamp, index }] of entries) rows.push([key, stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, index.title, index.date, index.sections, index.lines, index.parts]);
  return JSON.stringify({ format: FORMAT, build, entries: rows });
}

/** Files a folder's search cache is cut into: a post's file is chosen by its key, and one file is in memory at a time. */
export const SEARCH_SHARDS = 64;

/** A folder's search cache: posts are spread over SEARCH_SHARDS files, read (and written) one at a time. */
export class SearchCache {
  private constructor(
    private readonly fileOf: (shard: number) => string,
    private readonly build: string,
    private readonly now: number,
    private readonly prefix: string,
  ) {}

  static open(cacheDir: string, dir: string, buildId: string, now: number): SearchCache {
    // search-<folder's hash>.json, one per shard: search0-<hash>.json ...
    const [name, hash] = basename(folderCacheFile(cacheDir, dir, 'search')).split('-');
    return new SearchCache((shard) => join(cacheDir, `${name}${shard}-${hash}`), cacheBuildOf(buildId), now, join(dir, 'x').slice(0, -1));
  }

  /** A post's key: its path from the folder (else its whole path). */
  private keyOf(path: string): string {
    return path.startsWith(this.prefix) ? path.slice(this.prefix.length) : path;
  }

  /**
   * Calls `visit` once per file of the cache that holds some of `paths`,
   * with the places in `paths` of the posts it holds (in order) and the
   * file, loaded; the file is written after, when it changed.
   */
  forEachShard(paths: readonly string[], visit: (places: number[], shard: SearchShard) => void): void {
    const places: number[][] = Array.from({ length: SEARCH_SHARDS }, () => []);
    paths.forEach((path, k) => places[shardOf(this.keyOf(path))]!.push(k));
    places.forEach((mine, n) => {
      if (mine.length === 0) return;
      const shard = new SearchShard(this.fileOf(n), this.build, this.now, (path) => this.keyOf(path));
      visit(mine, shard);
      shard.save();
    });
  }
}

/** FNV-1a of a key, folded to a shard. */
function shardOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SEARCH_SHARDS;
}

/** One file of a search cache: search indexes of posts, from the file when a post is unchanged. */
export class SearchShard {
  private readonly next = new Map<string, Entry>();
  private readonly previous: Map<string, Entry>;
  private changed = false;

  constructor(
    private readonly file: string,
    private readonly build: string,
    private readonly now: number,
    private readonly keyOf: (path: string) => string,
  ) {
    this.previous = parseSearchCache(readCacheFile(file) ?? '', build);
  }

  /**
   * The index of the post at `path` when it is unchanged since it was
   * cached; else null, and `index` (how to make it: read and parse the post)
   * is asked, its result kept when the post is settled. Errors pass through.
   */
  indexOf(path: string, index: () => SearchIndex | null): SearchIndex | null {
    const key = this.keyOf(path);
    const stamp = readStamp(path);
    const cached = this.previous.get(key);
    if (stamp && cached && sameStamp(stamp, cached.stamp)) {
      this.next.set(key, cached);
      return cached.index;
    }
    const made = index();
    if (made !== null && stamp && isSettled(stamp, this.now)) this.next.set(key, { stamp, index: made });
    this.changed = true;
    return made;
  }

  /** Writes the file when it changed (and fits); a cache that cannot be written is simply not kept. */
  save(): void {
    if (!this.changed && this.next.size === this.previous.size) return;
    const text = renderSearchCache(this.next, this.build);
    // Larger than a cache file may be read back: not worth writing.
    if (Buffer.byteLength(text) < MAX_CACHE_BYTES - 100) writeCacheFile(this.file, text);
  }
}
