import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCacheFile, writeCacheFile } from '../../../src/load/cache-file.js';
import { readPostBytesSync } from '../../../src/load/read-post.js';
import { summarizePostBytes } from '../../../src/load/summary.js';
import { readFolderSessions, type FolderPost, type SessionNeeds } from '../../../src/load/folder-sessions.js';
import { parsePost } from '../../../src/parse/post.js';
import {
  cacheBuildOf, isSettled, parseSummaryCache, renderSummaryCache, sameStamp, summaryCacheFile, SummaryCache, type CacheEntry,
} from '../../../src/load/summary-cache.js';

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

  it.each([
    ['not JSON', '{'],
    ['another format (2: sessions as JSON texts)', JSON.stringify({ format: 2, build: 'b', entries: [['a.md', 1, 2, 3, 4, 'T', null, null, 0, [], []]] })],
    ['no table of strings', JSON.stringify({ format: 3, build: 'b', entries: [['a.md', 1, 2, 3, 4, 'T', null, null, 0, [], []]] })],
    ['a table of strings holding a number', JSON.stringify({ format: 3, build: 'b', strings: ['a', 1], entries: [['a.md', 1, 2, 3, 4, 'T', null, null, 0, [], []]] })],
    ['sessions that are no list', JSON.stringify({ format: 3, build: 'b', strings: [], entries: [['a.md', 1, 2, 3, 4, 'T', null, null, 0, [], [], '[]']] })],
    ['entries not a list', JSON.stringify({ format: 3, build: 'b', strings: [], entries: {} })],
    ['a short row', JSON.stringify({ format: 3, build: 'b', strings: [], entries: [['a.md', 1, 2, 3, 4, 'T', null, null]] })],
    ['a negative count', JSON.stringify({ format: 3, build: 'b', strings: [], entries: [['a.md', 1, 2, 3, 4, 'T', null, null, -1, [], []]] })],
    ['a title that is no text', JSON.stringify({ format: 3, build: 'b', strings: [], entries: [['a.md', 1, 2, 3, 4, { x: 1 }, null, null, 1, [], []]] })],
    ['null', 'null'],
  ])('is ignored when it holds %s', (_name, text) => {
    expect(parseSummaryCache(text, 'b').size).toBe(0);
  });

  it('reads a well-formed file of this format (so the refusals above are not for some other reason)', () => {
    expect(parseSummaryCache(JSON.stringify({ format: 3, build: 'b', strings: ['a'], entries: [['a.md', 1, 2, 3, 4, 'T', null, null, 0, [], [], [0]]] }), 'b').size).toBe(1);
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
    expect(parseSummaryCache(readCacheFile(join(cacheDir, file!))!, cacheBuildOf('b1')).size).toBe(2);
  });

  it('answers an unchanged post from the cache, and reads a changed one again', () => {
    const first = SummaryCache.open(cacheDir, dir, 'b1', later());
    summarizeAll(first);
    first.save();
    // Change the cached title of a.md (checksum and all): an unchanged a.md is answered from the cache.
    const file = summaryCacheFile(cacheDir, dir)!;
    writeCacheFile(file, readCacheFile(file)!.replace('"A"', '"from the cache"'));
    expect(SummaryCache.open(cacheDir, dir, 'b1', later()).summarize(join(dir, 'a.md')).title).toBe('from the cache');
    // A changed a.md (another size) is read again.
    writeFileSync(join(dir, 'a.md'), post('A again', 3));
    const again = SummaryCache.open(cacheDir, dir, 'b1', later()).summarize(join(dir, 'a.md'));
    expect(again).toEqual(fresh('a.md'));
    expect(again.sessions).toBe(3);
    // Another build does not trust the file.
    expect(SummaryCache.open(cacheDir, dir, 'b2', later()).summarize(join(dir, 'b.md'))).toEqual(fresh('b.md'));
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
    expect([...parseSummaryCache(readCacheFile(file)!, cacheBuildOf('b1')).keys()].sort()).toEqual(['one/index.md', 'two/index.md']);
    // Both answered from the cache (their cached titles changed), neither mistaken for the other.
    writeCacheFile(file, readCacheFile(file)!.replace('"One"', '"cached one"').replace('"Two"', '"cached two"'));
    const again = SummaryCache.open(cacheDir, dir, 'b1', later());
    expect(bundles.map((path) => again.summarize(path).title)).toEqual(['cached one', 'cached two']);
  });

  it('does not keep a post changed too recently to trust its times', () => {
    const cache = SummaryCache.open(cacheDir, dir, 'b1', Date.now());
    summarizeAll(cache);
    cache.save();
    const file = summaryCacheFile(cacheDir, dir)!;
    expect(parseSummaryCache(readCacheFile(file)!, cacheBuildOf('b1')).size).toBe(0);
  });

  it('keeps nothing for a post that cannot be read, so its error shows every time', () => {
    writeFileSync(join(dir, 'bad.md'), '---\ntitle: [unclosed\n---\n');
    for (let run = 0; run < 2; run++) {
      const cache = SummaryCache.open(cacheDir, dir, 'b1', later());
      expect(() => cache.summarize(join(dir, 'bad.md'))).toThrow(/bad\.md: invalid YAML/);
      summarizeAll(cache);
      cache.save();
    }
    expect([...parseSummaryCache(readCacheFile(summaryCacheFile(cacheDir, dir)!)!, cacheBuildOf('b1')).keys()].sort()).toEqual(['a.md', 'b.md']);
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
    const edit = (change: (data: { strings: unknown[]; entries: unknown[][] }) => void) => {
      const data = JSON.parse(readCacheFile(file())!);
      change(data);
      writeCacheFile(file(), JSON.stringify(data));
    };

    it('answers from the cache, and keeps an unchanged post\'s sessions when the file is written anew', () => {
      expect(titles(open)).toEqual(full());
      edit((data) => (data.strings = data.strings.map((s) => (s === 'Talk 1' ? 'cached talk' : s))));
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

    it.each([
      ['cells cut short', (data: { strings: unknown[]; entries: unknown[][] }) => data.entries.forEach((row) => (row[11] as unknown[]).pop())],
      ['a place past the table', (data: { strings: unknown[]; entries: unknown[][] }) => (data.strings = data.strings.slice(0, 1))],
      ['a number in the table', (data: { strings: unknown[]; entries: unknown[][] }) => (data.strings[0] = 7)],
      ['cells that are no list', (data: { strings: unknown[]; entries: unknown[][] }) => data.entries.forEach((row) => (row[11] = '1,2'))],
    ])('reads the posts again when the file holds %s', (_, change) => {
      titles(open);
      edit((data) => {
        data.strings = data.strings.map((s) => (typeof s === 'string' && s.startsWith('Talk') ? `${s}!` : s));
        change(data);
      });
      expect(titles(open)).toEqual(full());
    });
  });
});
