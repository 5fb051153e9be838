// A cache for `search` over a big folder: each post's search index (its
// plain text, and where each section's own text lies in it; see
// query/search.ts) and a few hundred bits that tell which posts cannot hold
// the words, so that searching again reads no post that has not changed,
// only its stat, and loads the text of only the posts that may match.
//
// The same rules as the summary cache (summary-cache.ts): one file per
// folder in the cache folder (search-<hash>.json), written and read by
// cache-file.ts (a private folder, no links, a checksum, a size bound),
// tied to the build of postview that wrote it, checked field by field when
// read (anything unexpected: no cache), a post keyed by its path in the
// folder and trusted only while its size, times and inode are those it had
// when read, and only when it had not changed in the last seconds.
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { searchableText, type SearchIndex } from '../query/search.js';
import { gramBitsOf, isGramSpan, mayHoldGrams, ownGramBits, type GramBits } from '../query/search-grams.js';
import { MAX_CACHE_BYTES, readCacheBytes, writeCacheFile } from './cache-file.js';
import { cacheBuildOf, folderCacheFile, isSettled, readStamp, sameStamp, type FileStamp } from './summary-cache.js';

// A file's body, as bytes: one line of JSON, {format, build, grams, entries:
// [Row, ...]} (grams: how many bytes of bits follow), then the bits of every
// post (search-grams.ts), then every post's index, one after the other,
// compressed (raw deflate). A post's index is its text in UTF-16 (little
// end first), which is copied rather than decoded (decoding UTF-8 cost a
// warm search more than inflating), then its parts as JSON in UTF-8 ([title,
// date, sections, spans, normal], padded with a space to an even length, so that
// every text starts at an even byte). The file is read whole (to check its
// checksum), so it is kept small: bits as bytes, the indexes compressed.
// They are inflated only when a post's bits say it may hold the words, and
// a post's index is decoded only then.
const FORMAT = 3;

/** One post on disk: [path from the folder, size, mtimeMs, ctimeMs, ino, bits' size, where its bits start, where its index (its text) starts, where its parts start, where it ends (in bytes, once inflated)]. */
type Row = [string, number, number, number, number, number, number, number, number, number];

/** A post's index as stored: its text (UTF-16) then its parts (JSON, UTF-8). */
export interface StoredIndex {
  bytes: Uint8Array;
  /** Where the text ends and the parts start in `bytes` (even). */
  partsAt: number;
}

interface Entry {
  stamp: FileStamp;
  grams: GramBits;
  /** The post's index as stored; empty when it cannot be read. */
  stored: () => StoredIndex;
}

const NONE: StoredIndex = { bytes: new Uint8Array(0), partsAt: 0 };

/** node:zlib, loaded when a search cache is read or written (not at start-up). */
function zlib(): typeof import('node:zlib') {
  return createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib');
}

/** A post's index as stored. */
export function storeIndex(index: SearchIndex): StoredIndex {
  const text = Buffer.from(index.text, 'utf16le');
  const parts = JSON.stringify([index.title, index.date, index.sections, index.spans, index.normal]);
  const length = Buffer.byteLength(parts);
  return { bytes: Buffer.concat([text, Buffer.from(length % 2 === 0 ? parts : `${parts} `, 'utf8')]), partsAt: text.length };
}

/** A post's entry: its stamp, and its index with its bits. */
export function searchEntry(stamp: FileStamp, index: SearchIndex): Entry {
  const stored = storeIndex(index);
  return { stamp, grams: gramBitsOf(searchableText(index)), stored: () => stored };
}

/** The entries of a search cache file's body written by `build`; empty when it is not one. */
export function parseSearchCache(body: Uint8Array, build: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const end = body.indexOf(0x0a);
  if (end === -1) return entries;
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(body.buffer, body.byteOffset, end).toString('utf8'));
  } catch {
    return entries;
  }
  const file = data as { format?: unknown; build?: unknown; grams?: unknown; entries?: unknown } | null;
  if (!file || file.format !== FORMAT || file.build !== build || !Number.isInteger(file.grams) || !Array.isArray(file.entries)) return entries;
  const gramsAt = end + 1;
  const areaAt = gramsAt + (file.grams as number);
  if ((file.grams as number) < 0 || areaAt > body.length) return entries;
  const grams = body.subarray(gramsAt, areaAt);
  let area: Buffer | undefined;
  // How long the indexes are once inflated: where the last one ends.
  let length = 0;
  const inflated = (): Buffer => {
    try {
      // Into one buffer of that length (zlib's default, 16 KB pieces joined after, cost as much as inflating).
      area ??= zlib().inflateRawSync(body.subarray(areaAt), { chunkSize: Math.max(MIN_CHUNK, Math.min(length, MAX_CHUNK)) });
    } catch {
      area = Buffer.alloc(0);
    }
    return area;
  };
  for (const row of file.entries as unknown[]) {
    if (!isRow(row, grams)) return new Map();
    const [key, size, mtimeMs, ctimeMs, ino, gramSize, gramFrom, from, partsFrom, to] = row;
    length = Math.max(length, to);
    const stored = () => {
      const bytes = inflated();
      return to <= bytes.length ? { bytes: bytes.subarray(from, to), partsAt: partsFrom - from } : NONE;
    };
    entries.set(key, { stamp: { size, mtimeMs, ctimeMs, ino }, grams: { size: gramSize, bits: grams, from: gramFrom }, stored });
  }
  return entries;
}

/** Bounds of zlib's output piece: its least, and what is asked for at most at once. */
const MIN_CHUNK = 64;
const MAX_CHUNK = 64 * 1024 * 1024;

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every(isString);
const isOffset = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

function isRow(row: unknown, grams: Uint8Array): row is Row {
  if (!Array.isArray(row) || row.length !== 10) return false;
  const [key, size, mtimeMs, ctimeMs, ino, gramSize, gramFrom, from, partsFrom, to] = row as unknown[];
  if (!isString(key) || !isNumber(size) || !isNumber(mtimeMs) || !isNumber(ctimeMs) || !isNumber(ino) || !isGramSpan(gramSize, gramFrom, grams)) return false;
  return isOffset(from) && isOffset(partsFrom) && isOffset(to) && from <= partsFrom && partsFrom <= to && (partsFrom - from) % 2 === 0;
}

/** A post's index as stored; null when it is not one (the post is then read again). */
export function parseStoredIndex({ bytes, partsAt }: StoredIndex): SearchIndex | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let data: unknown;
  try {
    data = JSON.parse(buffer.toString('utf8', partsAt));
  } catch {
    return null;
  }
  if (!Array.isArray(data) || data.length !== 5) return null;
  const [title, date, sections, spans, normal] = data as unknown[];
  if (!isString(title) || !(date === null || isString(date)) || typeof normal !== 'boolean') return null;
  if (!Array.isArray(sections) || !sections.every((path) => isStrings(path) && path.length > 0)) return null;
  if (!Array.isArray(spans) || spans.length !== 2 * (sections.length + 1)) return null;
  const text = buffer.toString('utf16le', 0, partsAt);
  for (let k = 0; k < spans.length; k += 2) {
    const from = spans[k] as unknown;
    const to = spans[k + 1] as unknown;
    if (!Number.isInteger(from) || !Number.isInteger(to) || (from as number) < 0 || (from as number) > (to as number) || (to as number) > text.length) return null;
  }
  return { title, date, sections: sections as string[][], spans: spans as number[], text, normal };
}

/** The body of a search cache file holding `entries`. */
export function renderSearchCache(entries: ReadonlyMap<string, Entry>, build: string): Buffer {
  const rows: Row[] = [];
  const stored: Uint8Array[] = [];
  const grams: Uint8Array[] = [];
  let at = 0;
  let gramsAt = 0;
  for (const [key, entry] of entries) {
    const { bytes, partsAt } = entry.stored();
    const bits = ownGramBits(entry.grams);
    rows.push([key, entry.stamp.size, entry.stamp.mtimeMs, entry.stamp.ctimeMs, entry.stamp.ino, entry.grams.size, gramsAt, at, at + partsAt, at + bytes.length]);
    stored.push(bytes);
    grams.push(bits);
    at += bytes.length;
    gramsAt += bits.length;
  }
  const area = zlib().deflateRawSync(Buffer.concat(stored));
  return Buffer.concat([Buffer.from(`${JSON.stringify({ format: FORMAT, build, grams: gramsAt, entries: rows })}\n`, 'utf8'), ...grams, area]);
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
    this.previous = parseSearchCache(readCacheBytes(file) ?? new Uint8Array(0), build);
  }

  /**
   * The index of the post at `path` when it is unchanged since it was
   * cached; false, without loading it, when its bits show it cannot hold
   * every needle of `probe` (see query/search-grams.ts); else null, and
   * `index` (how to make it: read and parse the post) is asked, its result
   * kept when the post is settled. Errors pass through.
   */
  indexOf(path: string, index: () => SearchIndex | null, probe?: readonly number[]): SearchIndex | null | false {
    const key = this.keyOf(path);
    const stamp = readStamp(path);
    const cached = this.previous.get(key);
    if (stamp && cached && sameStamp(stamp, cached.stamp)) {
      this.next.set(key, cached);
      if (probe && !mayHoldGrams(probe, cached.grams)) return false;
      const stored = parseStoredIndex(cached.stored());
      if (stored !== null) return stored;
      this.next.delete(key);
    }
    const made = index();
    if (made !== null && stamp && isSettled(stamp, this.now)) this.next.set(key, searchEntry(stamp, made));
    this.changed = true;
    return made;
  }

  /** Writes the file when it changed (and fits); a cache that cannot be written is simply not kept. */
  save(): void {
    if (!this.changed && this.next.size === this.previous.size) return;
    const body = renderSearchCache(this.next, this.build);
    // Larger than a cache file may be read back: not worth writing.
    if (body.length < MAX_CACHE_BYTES - 100) writeCacheFile(this.file, body);
  }
}
