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
import { cacheBuildOf, folderCacheFile, isSettled, readStamp, type FileStamp } from './summary-cache.js';

// A file's body, as bytes: one line of JSON, {format, build, keys, grams}
// (keys: each post's path from the folder; grams: how many bytes of bits
// there are), then each post's numbers (POST_BYTES, little end first: read
// where they lie, not parsed), then the bits of every post (search-grams.ts),
// then every post's index, one after the other, compressed (raw deflate). A
// post's index is its text in UTF-16 (little end first), which is copied
// rather than decoded (decoding UTF-8 cost a warm search more than
// inflating), then its parts as JSON in UTF-8 ([title, date, sections,
// spans, normal], padded with a space to an even length, so that every text
// starts at an even byte). The file is read whole (to check its checksum), so
// it is kept small: bits as bytes, the indexes compressed. They are inflated
// only when a post's bits say it may hold the words, and a post's index is
// decoded only then.
const FORMAT = 3;

/** A post's index as stored: its text (UTF-16) then its parts (JSON, UTF-8). */
export interface StoredIndex {
  /** Bytes that hold it (all of a file's indexes, inflated), from `from` to `to`. */
  bytes: Buffer;
  from: number;
  /** Where the text ends and the parts start in `bytes`. */
  partsAt: number;
  to: number;
}

interface Entry {
  stamp: FileStamp;
  grams: GramBits;
  /** The post's index as stored; empty when it cannot be read. */
  stored: () => StoredIndex;
}

const NONE: StoredIndex = { bytes: Buffer.alloc(0), from: 0, partsAt: 0, to: 0 };

/** node:zlib, loaded when a search cache is read or written (not at start-up). */
function zlib(): typeof import('node:zlib') {
  return createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib');
}

/** A post's index as stored. */
export function storeIndex(index: SearchIndex): StoredIndex {
  const text = Buffer.from(index.text, 'utf16le');
  const parts = JSON.stringify([index.title, index.date, index.sections, index.spans, index.normal]);
  const length = Buffer.byteLength(parts);
  const bytes = Buffer.concat([text, Buffer.from(length % 2 === 0 ? parts : `${parts} `, 'utf8')]);
  return { bytes, from: 0, partsAt: text.length, to: bytes.length };
}

/** A post's entry: its stamp, and its index with its bits. */
export function searchEntry(stamp: FileStamp, index: SearchIndex): Entry {
  const stored = storeIndex(index);
  return { stamp, grams: gramBitsOf(searchableText(index)), stored: () => stored };
}

/** Bytes of each post's numbers after the first line: its stamp (four float64), then five uint32 (bits' size and start, its index's start, its parts' start, its end). */
const STAMP_BYTES = 32;
const POST_BYTES = STAMP_BYTES + 20;

/**
 * A search cache file as read: the posts' keys parsed, their numbers left as
 * bytes, and each post checked only when it is asked for (one that fails is
 * read again), so that opening a file costs one JSON.parse of its keys.
 */
export class StoredSearchFile {
  private constructor(
    private readonly body: Buffer,
    /** The posts' keys, in the file's order. */
    readonly keys: readonly string[],
    /** Where the posts' numbers, their bits and their indexes start in `body`. */
    private readonly numbersAt: number,
    private readonly gramsAt: number,
    private readonly areaAt: number,
  ) {
    this.bits = body.subarray(gramsAt, areaAt);
  }

  /** The bits of every post. */
  private readonly bits: Buffer;

  private byKey: Map<string, number> | undefined;
  private area: Buffer | undefined;

  /** The file of a body written by `build`; null when it is not one (then there is no cache). */
  static parse(body: Uint8Array, build: string): StoredSearchFile | null {
    const line = body.indexOf(0x0a);
    if (line === -1) return null;
    const bytes = Buffer.from(body.buffer, body.byteOffset, body.length);
    let head: Partial<Record<'format' | 'build' | 'keys' | 'grams', unknown>> | null;
    try {
      head = JSON.parse(bytes.toString('utf8', 0, line)) as typeof head;
    } catch {
      return null;
    }
    if (!head || head.format !== FORMAT || head.build !== build || !isStrings(head.keys) || !isOffset(head.grams)) return null;
    const gramsAt = line + 1 + head.keys.length * POST_BYTES;
    const areaAt = gramsAt + head.grams;
    return areaAt <= bytes.length ? new StoredSearchFile(bytes, head.keys, line + 1, gramsAt, areaAt) : null;
  }

  /** The number of the post whose key is `key`, looked for first at `hint` (posts are mostly asked for in the order they were written); undefined when there is none. */
  find(key: string, hint: number): number | undefined {
    if (hint < this.keys.length && this.keys[hint] === key) return hint;
    if (this.byKey === undefined) {
      this.byKey = new Map();
      this.keys.forEach((k, n) => this.byKey!.set(k, n));
    }
    return this.byKey.get(key);
  }

  /** Post `n`'s stamp. */
  stamp(n: number): FileStamp {
    const at = this.numbersAt + n * POST_BYTES;
    const b = this.body;
    return { size: b.readDoubleLE(at), mtimeMs: b.readDoubleLE(at + 8), ctimeMs: b.readDoubleLE(at + 16), ino: b.readDoubleLE(at + 24) };
  }

  /** Whether post `n`'s stamp is `stamp` (sameStamp, without making it). */
  hasStamp(n: number, stamp: FileStamp): boolean {
    const at = this.numbersAt + n * POST_BYTES;
    const b = this.body;
    return b.readDoubleLE(at) === stamp.size && b.readDoubleLE(at + 8) === stamp.mtimeMs && b.readDoubleLE(at + 16) === stamp.ctimeMs && b.readDoubleLE(at + 24) === stamp.ino;
  }

  /** The uint32 `k` of post `n`'s numbers. */
  private int(n: number, k: number): number {
    return this.body.readUInt32LE(this.numbersAt + n * POST_BYTES + STAMP_BYTES + 4 * k);
  }

  /** Post `n`'s bits; null when they are not within the file's. */
  grams(n: number): GramBits | null {
    const bits = this.bits;
    const size = this.int(n, 0);
    const from = this.int(n, 1);
    return isGramSpan(size, from, bits) ? { size, bits, from } : null;
  }

  /** Post `n`'s index as stored; empty when it is not within the indexes (inflated when first asked for). */
  stored(n: number): StoredIndex {
    const from = this.int(n, 2);
    const partsAt = this.int(n, 3);
    const to = this.int(n, 4);
    if (!(from <= partsAt && partsAt <= to && (partsAt - from) % 2 === 0)) return NONE;
    const area = this.inflated();
    return to <= area.length ? { bytes: area, from, partsAt, to } : NONE;
  }

  /** The file's indexes, inflated (empty when they cannot be). */
  private inflated(): Buffer {
    if (this.area !== undefined) return this.area;
    // Inflated into one buffer as long as they are (where the last one ends): zlib's
    // default, 16 KB pieces joined after, cost as much as inflating.
    let length = 0;
    for (let n = 0; n < this.keys.length; n++) length = Math.max(length, this.int(n, 4));
    try {
      this.area = zlib().inflateRawSync(this.body.subarray(this.areaAt), { chunkSize: Math.max(MIN_CHUNK, Math.min(length, MAX_CHUNK)) });
    } catch {
      this.area = Buffer.alloc(0);
    }
    return this.area;
  }

  /** Post `n`'s entry, as kept in a file written again; null when its bits are not within the file's. */
  entry(n: number): Entry | null {
    const grams = this.grams(n);
    return grams && { stamp: this.stamp(n), grams, stored: () => this.stored(n) };
  }
}

/** The entries of a search cache file's body written by `build`, each checked; empty when it is not one or one fails. */
export function parseSearchCache(body: Uint8Array, build: string): Map<string, Entry> {
  const file = StoredSearchFile.parse(body, build);
  const entries = new Map<string, Entry>();
  for (let n = 0; file !== null && n < file.keys.length; n++) {
    const entry = file.entry(n);
    if (entry === null) return new Map();
    entries.set(file.keys[n]!, entry);
  }
  return entries;
}

/** Bounds of zlib's output piece: its least, and what is asked for at most at once. */
const MIN_CHUNK = 64;
const MAX_CHUNK = 64 * 1024 * 1024;

const isString = (x: unknown): x is string => typeof x === 'string';
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every(isString);
const isOffset = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/** A post's index as stored; null when it is not one (the post is then read again). */
export function parseStoredIndex({ bytes, from, partsAt, to }: StoredIndex): SearchIndex | null {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8', partsAt, to));
  } catch {
    return null;
  }
  if (!Array.isArray(data) || data.length !== 5) return null;
  const [title, date, sections, spans, normal] = data as unknown[];
  if (!isString(title) || !(date === null || isString(date)) || typeof normal !== 'boolean') return null;
  if (!Array.isArray(sections) || !sections.every((path) => isStrings(path) && path.length > 0)) return null;
  if (!Array.isArray(spans) || spans.length !== 2 * (sections.length + 1)) return null;
  const text = bytes.toString('utf16le', from, partsAt);
  for (let k = 0; k < spans.length; k += 2) {
    const from = spans[k] as unknown;
    const to = spans[k + 1] as unknown;
    if (!Number.isInteger(from) || !Number.isInteger(to) || (from as number) < 0 || (from as number) > (to as number) || (to as number) > text.length) return null;
  }
  return { title, date, sections: sections as string[][], spans: spans as number[], text, normal };
}

/** The body of a search cache file holding `entries`; null when it cannot hold them. */
export function renderSearchCache(entries: ReadonlyMap<string, Entry>, build: string): Buffer | null {
  const numbers = Buffer.alloc(entries.size * POST_BYTES);
  const stored: Uint8Array[] = [];
  const grams: Uint8Array[] = [];
  let at = 0;
  let gramsAt = 0;
  let n = 0;
  for (const { stamp, grams: bits, stored: index } of entries.values()) {
    const { bytes, from, partsAt, to } = index();
    const own = ownGramBits(bits);
    // Offsets are kept as uint32: a file whose indexes or bits take more is not written.
    if (at + to - from > 0xffffffff || gramsAt + own.length > 0xffffffff) return null;
    const place = n++ * POST_BYTES;
    [stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino].forEach((x, k) => numbers.writeDoubleLE(x, place + 8 * k));
    [bits.size, gramsAt, at, at + partsAt - from, at + to - from].forEach((x, k) => numbers.writeUInt32LE(x, place + STAMP_BYTES + 4 * k));
    stored.push(bytes.subarray(from, to));
    grams.push(own);
    at += to - from;
    gramsAt += own.length;
  }
  const area = zlib().deflateRawSync(Buffer.concat(stored));
  const head = JSON.stringify({ format: FORMAT, build, keys: [...entries.keys()], grams: gramsAt });
  return Buffer.concat([Buffer.from(`${head}\n`, 'utf8'), numbers, ...grams, area]);
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
  /**
   * What the file will hold, in the order posts were asked for: a post of the
   * file kept as it was (its number there), or a post just read. A list
   * rather than a map: the posts kept cost no hashing of their keys.
   */
  private readonly visits: (number | [string, Entry])[] = [];
  private readonly previous: StoredSearchFile | null;
  private changed = false;
  /** Where the next post asked for is looked for first in the file: after the last one found. */
  private hint = 0;

  constructor(
    private readonly file: string,
    private readonly build: string,
    private readonly now: number,
    private readonly keyOf: (path: string) => string,
  ) {
    const body = readCacheBytes(file);
    this.previous = body && StoredSearchFile.parse(body, build);
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
    const previous = this.previous;
    const n = previous?.find(key, this.hint);
    if (n !== undefined) this.hint = n + 1;
    const grams = n === undefined ? null : previous!.grams(n);
    if (stamp && grams && previous!.hasStamp(n!, stamp)) {
      this.visits.push(n!);
      if (probe && !mayHoldGrams(probe, grams)) return false;
      const stored = parseStoredIndex(previous!.stored(n!));
      if (stored !== null) return stored;
      this.visits.pop();
    }
    const made = index();
    if (made !== null && stamp && isSettled(stamp, this.now)) this.visits.push([key, searchEntry(stamp, made)]);
    this.changed = true;
    return made;
  }

  /** Writes the file when it changed (and fits); a cache that cannot be written is simply not kept. */
  save(): void {
    const previous = this.previous;
    if (!this.changed && this.visits.length === (previous?.keys.length ?? 0)) return;
    // A later visit of the same key wins.
    const next = new Map<string, Entry>();
    for (const visit of this.visits) {
      if (typeof visit !== 'number') next.set(...visit);
      else next.set(previous!.keys[visit]!, previous!.entry(visit)!);
    }
    const body = renderSearchCache(next, this.build);
    // Larger than a cache file may be read back: not worth writing.
    if (body !== null && body.length < MAX_CACHE_BYTES - 100) writeCacheFile(this.file, body);
  }
}
