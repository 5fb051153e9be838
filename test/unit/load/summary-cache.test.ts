import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCacheBytes, writeCacheFile } from '../../../src/load/cache-file.js';
import { readPostBytesSync } from '../../../src/load/read-post.js';
import { summarizePostBytes } from '../../../src/load/summary.js';
import { readFolderSessions, type FolderPost, type SessionNeeds } from '../../../src/load/folder-sessions.js';
import { parsePost } from '../../../src/parse/post.js';
import type { Session } from '../../../src/types.js';
import {
  cacheBuildOf, isSettled, parseSummaryCache, renderSummaryCache, sameStamp, summaryCacheFile, SummaryCache, type CacheEntry,
} from '../../../src/load/summary-cache.js';

/** A cache file's body in its parts (see StoredCache), for a test to spoil. */
interface Parts {
  head: Record<string, unknown>;
  stamps: number[];
  ints: number[];
}

function partsOf(body: Buffer): Parts {
  const line = body.indexOf(0x0a);
  const head = JSON.parse(body.toString('utf8', 0, line)) as Record<string, unknown>;
  const numbers = Uint8Array.prototype.slice.call(body, line + 1);
  const posts = head.posts as number;
  return { head, stamps: [...new Float64Array(numbers.buffer, 0, posts * 4)], ints: [...new Int32Array(numbers.buffer, posts * 32)] };
}

/** The body of `parts`, its count of ints made to fit them. */
function bodyOf({ head, stamps, ints }: Parts): Buffer {
  return Buffer.concat([Buffer.from(`${JSON.stringify({ ...head, ints: ints.length })}\n`), new Uint8Array(Float64Array.from(stamps).buffer), new Uint8Array(Int32Array.from(ints).buffer)]);
}

/** The file's body spoiled by `change`, through its parts. */
function spoil(body: Buffer, change: (parts: Parts) => void): Buffer {
  const parts = partsOf(body);
  change(parts);
  return bodyOf(parts);
}

/** The body with one text of its table replaced (a title, a session's title). */
const retext = (body: Buffer, from: string, to: string) => spoil(body, (p) => (p.head.strings = (p.head.strings as string[]).map((s) => (s === from ? to : s))));

/** Where each post starts in the ints, and where its count of cells is. */
function postsIn(ints: readonly number[]): { start: number; cells: number }[] {
  const posts: { start: number; cells: number }[] = [];
  for (let start = 0; start < ints.length; ) {
    const cells = start + 7 + ints[start + 5]! + ints[start + 6 + ints[start + 5]!]!;
    posts.push({ start, cells });
    start = cells + 1 + Math.max(0, ints[cells]!);
  }
  return posts;
}

/** Each post's last cell taken away, its count of cells too (from the last post back, so that the places hold). */
const cutCells = (p: Parts) =>
  postsIn(p.ints)
    .reverse()
    .forEach(({ cells }) => {
      if (p.ints[cells]! <= 0) return;
      p.ints.splice(cells + p.ints[cells]!, 1);
      p.ints[cells]!--;
    });

const talk = (title: string): Session => ({
  index: 1, day: null, start: '10:00', end: '10:40', title, room: null, speakers: [{ name: '양승도', role: null, org: null }], speakerText: '양승도', tokens: [], kind: 'talk', links: [], dayNumber: null,
});

const entry = (title: string, sessions = 2): CacheEntry => ({
  stamp: { size: 120, mtimeMs: 1_700_000_000_000.5, ctimeMs: 1_700_000_000_001, ino: 42 },
  summary: { title, date: '2016-05-17', category: null, sessions, categories: ['Blogging', 'Tutorial'], tags: ['jekyll'] },
});

describe('the summary cache file', () => {
  it('reads back what it wrote, for the same build only', () => {
    const entries = new Map([['a.md', entry('제목 "A"')], ['b.md', entry('B', 0)]]);
    const text = renderSummaryCache(entries, 'build-1');
    expect(parseSummaryCache(text, 'build-1')).toEqual(entries);
    expect(parseSummaryCache(text, 'build-2').size).toBe(0);
  });

  const two = () => {
    const withSessions: CacheEntry = { ...entry('T'), summary: { ...entry('T').summary, sessions: 1 }, sessions: { list: [talk('Keynote')], resolved: [true], absent: ['x'] } };
    return new Map([['a.md', withSessions], ['b.md', entry('B', 0)]]);
  };
  const good = () => renderSummaryCache(two(), 'b');

  it('reads a well-formed file of this format (so the refusals below are not for some other reason)', () => {
    expect(parseSummaryCache(good(), 'b')).toEqual(two());
    expect(parseSummaryCache(spoil(good(), () => {}), 'b')).toEqual(two());
  });

  it.each([
    ['not JSON', () => Buffer.from('{\n')],
    ['no line', () => Buffer.from('{}')],
    ['null', () => Buffer.from('null\n')],
    ['the format before (3: one JSON text)', () => Buffer.from(JSON.stringify({ format: 3, build: 'b', strings: [], entries: [['a.md', 1, 2, 3, 4, 'T', null, null, 0, [], []]] }))],
    ['another format', () => spoil(good(), (p) => (p.head.format = 3))],
    ['another build', () => spoil(good(), (p) => (p.head.build = 'c'))],
    ['numbers in another byte order', () => spoil(good(), (p) => (p.head.order = p.head.order === 'le' ? 'be' : 'le'))],
    ['no table of strings', () => spoil(good(), (p) => delete p.head.strings)],
    ['a table of strings holding a number', () => spoil(good(), (p) => (p.head.strings as unknown[]).push(1))],
    ['a table of strings holding a text too long to be from postview', () => spoil(good(), (p) => (p.head.strings as unknown[]).push('x'.repeat(10_001)))],
    ['a count of posts that is no whole number', () => spoil(good(), (p) => (p.head.posts = 1.5))],
    ['fewer numbers than it says', () => good().subarray(0, -4)],
    ['more numbers than it says', () => Buffer.concat([good(), Buffer.alloc(4)])],
    ['a post more than the numbers hold', () => spoil(good(), (p) => (p.head.posts = 3))],
    ['numbers left over after the last post', () => spoil(good(), (p) => p.ints.push(0))],
    ['a name past the table', () => spoil(good(), (p) => (p.ints[0] = 1000))],
    ['a negative count of categories', () => spoil(good(), (p) => (p.ints[5] = -1))],
    ['a count of cells past the end', () => spoil(good(), (p) => (p.ints[postsIn(p.ints)[0]!.cells] = 1 << 20))],
  ])('is ignored when it holds %s', (_name, body) => {
    expect(parseSummaryCache(body(), 'b').size).toBe(0);
  });

  // Each post is checked when it is asked for: one that is not as written is read again, the others still answer.
  it.each([
    ['a title past the table', (p: Parts) => (p.ints[1] = 1000)],
    ['a date that is neither a text nor none', (p: Parts) => (p.ints[2] = -2)],
    ['a negative count of sessions', (p: Parts) => (p.ints[4] = -1)],
    ['a category past the table', (p: Parts) => (p.ints[6] = 1000)],
    ['cells cut short', cutCells],
  ])('leaves out a post that holds %s, and keeps the others', (_name, change) => {
    const entries = parseSummaryCache(spoil(good(), change), 'b');
    expect([...entries.keys()]).toEqual(['b.md']);
    expect(entries.get('b.md')).toEqual(two().get('b.md'));
  });

  it('compares stamps field by field, and trusts only changes old enough to show in the times', () => {
    const { stamp } = entry('x');
    expect(sameStamp(stamp, { ...stamp })).toBe(true);
    for (const key of ['size', 'mtimeMs', 'ctimeMs', 'ino'] as const) expect(sameStamp(stamp, { ...stamp, [key]: stamp[key] + 1 })).toBe(false);
    expect(isSettled(stamp, stamp.ctimeMs + 60_000)).toBe(true);
    expect(isSettled(stamp, stamp.ctimeMs + 500)).toBe(false);
  });

  it('has one file per folder, named by its absolute path', () => {
    expect(summaryCacheFile(null, 'posts')).toBeNull();
    const file = summaryCacheFile('/c', 'posts')!;
    expect(file).toMatch(/^\/c\/list-[0-9a-f]{32}\.json$/);
    expect(summaryCacheFile('/c', `${process.cwd()}/posts`)).toBe(file);
    expect(summaryCacheFile('/c', 'other')).not.toBe(file);
  });
});

describe('SummaryCache', () => {
  let root: string;
  let dir: string;
  let cacheDir: string;
  const later = () => Date.now() + 60_000;
  const post = (title: string, sessions: number) =>
    `---\ntitle: ${title}\n---\n${Array.from({ length: sessions }, (_, i) => `### 1${i}:00 - 1${i}:40 Talk ${i}\n`).join('')}`;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pv-cache-'));
    dir = join(root, 'posts');
    cacheDir = join(root, 'cache');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.md'), post('A', 2));
    writeFileSync(join(dir, 'b.md'), post('B', 1));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const summarizeAll = (cache: SummaryCache) => ['a.md', 'b.md'].map((name) => cache.summarize(join(dir, name)));
  const fresh = (name: string) => summarizePostBytes(Buffer.from(readPostBytesSync(join(dir, name))), join(dir, name));

  it('gives what reading the posts gives, and writes a private file', () => {
    const cache = SummaryCache.open(cacheDir, dir, 'b1', later());
    expect(summarizeAll(cache)).toEqual([fresh('a.md'), fresh('b.md')]);
    cache.save();
    const [file] = readdirSync(cacheDir);
    expect(parseSummaryCache(readCacheBytes(join(cacheDir, file!))!, cacheBuildOf('b1')).size).toBe(2);
  });

  it('answers an unchanged post from the cache, and reads a changed one again', () => {
    const first = SummaryCache.open(cacheDir, dir, 'b1', later());
    summarizeAll(first);
    first.save();
    // Change the cached title of a.md (checksum and all): an unchanged a.md is answered from the cache.
    const file = summaryCacheFile(cacheDir, dir)!;
    writeCacheFile(file, retext(readCacheBytes(file)!, 'A', 'from the cache'));
    expect(SummaryCache.open(cacheDir, dir, 'b1', later()).summarize(join(dir, 'a.md')).title).toBe('from the cache');
    // A changed a.md (another size) is read again.
    writeFileSync(join(dir, 'a.md'), post('A again', 3));
    const again = SummaryCache.open(cacheDir, dir, 'b1', later()).summarize(join(dir, 'a.md'));
    expect(again).toEqual(fresh('a.md'));
    expect(again.sessions).toBe(3);
    // Another build does not trust the file.
    expect(SummaryCache.open(cacheDir, dir, 'b2', later()).summarize(join(dir, 'b.md'))).toEqual(fresh('b.md'));
  });

  it('answers posts asked for in another order than they were written, and one asked for twice', () => {
    const first = SummaryCache.open(cacheDir, dir, 'b1', later());
    summarizeAll(first);
    first.save();
    const file = summaryCacheFile(cacheDir, dir)!;
    writeCacheFile(file, retext(retext(readCacheBytes(file)!, 'A', 'cached A'), 'B', 'cached B'));
    const again = SummaryCache.open(cacheDir, dir, 'b1', later());
    expect(['b.md', 'a.md', 'a.md', 'b.md'].map((name) => again.summarize(join(dir, name)).title)).toEqual(['cached B', 'cached A', 'cached A', 'cached B']);
  });

  it('keys a post by its path in the folder, so Hugo page bundles (x/index.md) each have their own entry', () => {
    for (const [name, title] of [['one', 'One'], ['two', 'Two']] as const) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'index.md'), post(title, name === 'one' ? 1 : 2));
    }
    const bundles = ['one', 'two'].map((name) => join(dir, name, 'index.md'));
    const first = SummaryCache.open(cacheDir, dir, 'b1', later());
    bundles.forEach((path) => first.summarize(path));
    first.save();
    const file = summaryCacheFile(cacheDir, dir)!;
    expect([...parseSummaryCache(readCacheBytes(file)!, cacheBuildOf('b1')).keys()].sort()).toEqual(['one/index.md', 'two/index.md']);
    // Both answered from the cache (their cached titles changed), neither mistaken for the other.
    writeCacheFile(file, retext(retext(readCacheBytes(file)!, 'One', 'cached one'), 'Two', 'cached two'));
    const again = SummaryCache.open(cacheDir, dir, 'b1', later());
    expect(bundles.map((path) => again.summarize(path).title)).toEqual(['cached one', 'cached two']);
  });

  it('does not keep a post changed too recently to trust its times', () => {
    const cache = SummaryCache.open(cacheDir, dir, 'b1', Date.now());
    summarizeAll(cache);
    cache.save();
    const file = summaryCacheFile(cacheDir, dir)!;
    expect(parseSummaryCache(readCacheBytes(file)!, cacheBuildOf('b1')).size).toBe(0);
  });

  it('keeps nothing for a post that cannot be read, so its error shows every time', () => {
    writeFileSync(join(dir, 'bad.md'), '---\ntitle: [unclosed\n---\n');
    for (let run = 0; run < 2; run++) {
      const cache = SummaryCache.open(cacheDir, dir, 'b1', later());
      expect(() => cache.summarize(join(dir, 'bad.md'))).toThrow(/bad\.md: invalid YAML/);
      summarizeAll(cache);
      cache.save();
    }
    expect([...parseSummaryCache(readCacheBytes(summaryCacheFile(cacheDir, dir)!)!, cacheBuildOf('b1')).keys()].sort()).toEqual(['a.md', 'b.md']);
  });

  it('lists without a cache when the cache folder cannot be written', () => {
    writeFileSync(join(root, 'not-a-folder'), '');
    const cache = SummaryCache.open(join(root, 'not-a-folder', 'cache'), dir, 'b1', later());
    expect(summarizeAll(cache)).toEqual([fresh('a.md'), fresh('b.md')]);
    expect(() => cache.save()).not.toThrow();
  });
  describe('with sessions', () => {
    const needs: SessionNeeds = { speakers: 'all', needles: [], keep: () => true, keepsAll: true };
    const titles = (open: () => SummaryCache) => {
      const cache = open();
      const seen: string[][] = [];
      readFolderSessions(['a.md', 'b.md'].map((name) => join(dir, name)), cache, needs, () => {}, (p: FolderPost) => seen.push(p.sessions.map((s) => s.title)));
      cache.save();
      return seen;
    };
    const full = () => ['a.md', 'b.md'].map((name) => parsePost(readPostBytesSync(join(dir, name)).toString(), name).sessions.map((s) => s.title));
    const open = () => SummaryCache.open(cacheDir, dir, 'b1', later());
    const file = () => summaryCacheFile(cacheDir, dir)!;
    const edit = (change: (parts: Parts) => void) => writeCacheFile(file(), spoil(readCacheBytes(file())!, change));

    it('answers from the cache, and keeps an unchanged post\'s sessions when the file is written anew', () => {
      expect(titles(open)).toEqual(full());
      writeCacheFile(file(), retext(readCacheBytes(file())!, 'Talk 1', 'cached talk'));
      expect(titles(open)).toEqual([['Talk 0', 'cached talk'], ['Talk 0']]);
      // b.md changes: the file is written with a new table; a.md's sessions still come from the cache.
      writeFileSync(join(dir, 'b.md'), post('B', 3));
      expect(titles(open)).toEqual([['Talk 0', 'cached talk'], ['Talk 0', 'Talk 1', 'Talk 2']]);
      expect(titles(open)).toEqual([['Talk 0', 'cached talk'], ['Talk 0', 'Talk 1', 'Talk 2']]);
    });

    it('leaves `list` the same summary as reading the post gives, categories and tags included', () => {
      writeFileSync(join(dir, 'a.md'), `---\ntitle: A\ncategories: [alpha, beta]\ntags: [x]\n---\n### 10:00 - 10:40 Talk\n`);
      titles(open);
      expect(open().summarize(join(dir, 'a.md'))).toEqual(fresh('a.md'));
      expect(fresh('a.md').categories).toEqual(['alpha', 'beta']);
    });

    it('keeps a post\'s categories and tags when new sessions are kept with the summary the cache gave', () => {
      writeFileSync(join(dir, 'a.md'), `---\ntitle: A\ncategories: [alpha, beta]\ntags: [x]\n---\n### 10:00 - 10:40 Talk\n`);
      titles(open);
      const cache = open();
      cache.withSessions(join(dir, 'a.md'), (cached) => ({ summary: cached!.summary, sessions: { ...cached!.sessions, absent: ['someone'] } }));
      cache.save();
      expect(open().summarize(join(dir, 'a.md'))).toEqual(fresh('a.md'));
    });

    it.each([
      ['cells cut short', cutCells],
      ['another count of sessions', (p: Parts) => postsIn(p.ints).forEach(({ start }) => (p.ints[start + 4]! += 1))],
      ['a place past the table', (p: Parts) => postsIn(p.ints).forEach(({ cells }) => (p.ints[cells + p.ints[cells]!] = 1000))],
      ['a table cut short', (p: Parts) => (p.head.strings = (p.head.strings as string[]).slice(0, 1))],
      ['a number in the table', (p: Parts) => ((p.head.strings as unknown[])[0] = 7)],
    ])('reads the posts again when the file holds %s', (_, change) => {
      titles(open);
      edit((p) => {
        p.head.strings = (p.head.strings as string[]).map((s) => (s.startsWith('Talk') ? `${s}!` : s));
        change(p);
      });
      expect(titles(open)).toEqual(full());
    });
  });
});
