// The search cache: searching with it gives what reading every post gives,
// it answers an unchanged post without reading it, and it trusts nothing it
// did not write.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCacheBytes, writeCacheFile } from '../../../src/load/cache-file.js';
import { SEARCH_SHARDS, SearchCache, StoredSearchFile, parseSearchCache, parseStoredIndex, renderSearchCache, searchEntry, storeIndex, type SearchShard } from '../../../src/load/search-cache.js';
import { cacheBuildOf } from '../../../src/load/summary-cache.js';
import { listPostFiles } from '../../../src/load/posts-dir.js';
import { parsePost } from '../../../src/parse/post.js';
import { indexPost, searchIndex, searchPost, searchWords, type SearchHit, type SearchIndex } from '../../../src/query/search.js';
import type { Post } from '../../../src/types.js';
import { gramProbe } from '../../../src/query/search-grams.js';
import { foldText } from '../../../src/query/mentions.js';

const here = (path: string) => new URL(`../../../${path}`, import.meta.url).pathname;
const FOLDERS = [here('posts'), here('test/fixtures'), here('test/fixtures/sessions'), here('test/fixtures/render')];
const QUERIES = [['lambda'], ['aws', '서비스'], ['keynote'], ['session'], ['발표'], ['the'], ['track', '1'], ['zzz-nothing'], ['LAMBDA', '함수']];

/** Every readable post of the fixture folders (the hostile ones fail to parse, as they should). */
function fixturePosts(): Post[] {
  const posts: Post[] = [];
  for (const dir of FOLDERS) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md') && n !== 'README.md')) {
      try {
        posts.push(parsePost(readFileSync(join(dir, name), 'utf8'), join(dir, name), false));
      } catch {
        // a post that does not parse is not searched either way
      }
    }
  }
  return posts;
}

const simple = (hits: readonly SearchHit[]) => hits.map((h) => [h.post.path, h.post.title, h.post.date, h.section, h.text]);

describe('indexPost', () => {
  const posts = fixturePosts();

  it('indexes every fixture and sample post', () => {
    expect(posts.length).toBeGreaterThan(30);
    for (const post of posts) expect(indexPost(post)).not.toBeNull();
  });

  it.each([
    ['plain text', 'DynamoDB 설계 notes', true],
    ['full-width letters', 'ＤｙｎａｍｏＤＢ 설계', false],
    ['NFD Hangul', 'DynamoDB \u1109\u1165\u11af\u1100\u1168', false],
  ])('marks an index of %s as normal or not, and finds the same either way', (_name, line, normal) => {
    const post = parsePost(`---\ntitle: T\n---\n${line}\n\n## Part\n\n${line}\n`, 'x.md', false);
    const index = indexPost(post)!;
    expect(index.normal).toBe(normal);
    const words = searchWords(['dynamodb', '설계']);
    expect(simple(searchIndex(index, post, words))).toEqual(simple(searchIndex(null, post, words)));
    expect(searchIndex(index, post, words).map((h) => h.section)).toEqual([[], ['Part']]);
  });

  it.each(QUERIES)('finds from the index what the tokens give: %s', (...typed) => {
    const words = searchWords(typed);
    for (const post of posts) expect(simple(searchIndex(indexPost(post), post, words))).toEqual(simple(searchIndex(null, post, words)));
  });
});

describe('SearchCache', () => {
  let root: string;
  let dir: string;
  let cacheDir: string;
  const later = () => Date.now() + 60_000;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pv-search-cache-'));
    dir = join(root, 'blog');
    cacheDir = join(root, 'cache');
    cpSync(here('posts'), dir, { recursive: true });
    // Page bundles: two posts both named index.md.
    for (const [name, text] of [['one', '# One\n\n## Lambda notes\n\nLambda 서비스 first\n'], ['two', '# Two\n\n## Lambda again\n\nLambda 서비스 second\n']] as const) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'index.md'), text);
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** What searching the folder through the cache gives, in order (each post's hits, or its error). */
  const searchCached = (words: string[], cache = SearchCache.open(cacheDir, dir, 'b1', later())) => {
    const paths = listPostFiles(dir);
    const found: SearchHit[][] = new Array(paths.length);
    cache.forEachShard(paths, (places, shard: SearchShard) => {
      for (const k of places) {
        const path = paths[k]!;
        // Passed over when its bits lack a piece of a word, as the command does.
        const index = shard.indexOf(path, () => indexPost(parsePost(readFileSync(path, 'utf8'), path, false)), gramProbe(words.map(foldText)));
        if (index === false) {
          found[k] = [];
          continue;
        }
        const post: Post = { path, title: index!.title, date: index!.date, category: null, frontMatter: {}, tokens: [], sections: [], sessions: [] };
        found[k] = searchIndex(index, post, words);
      }
    });
    return found.flat();
  };
  const searchRead = (words: string[]) => listPostFiles(dir).flatMap((path) => searchPost(parsePost(readFileSync(path, 'utf8'), path, false), words));
  const files = () => readdirSync(join(cacheDir)).filter((f) => f.startsWith('search'));
  const readShard = (path: string) => readCacheBytes(path)!;

  it('gives what reading every post gives, filled and then from its files, which are private', () => {
    const words = searchWords(['lambda', '서비스']);
    expect(simple(searchCached(words))).toEqual(simple(searchRead(words)));
    expect(files().length).toBeGreaterThan(0);
    for (const file of files()) expect(statSync(join(cacheDir, file)).mode & 0o077).toBe(0);
    expect(simple(searchCached(words))).toEqual(simple(searchRead(words)));
    expect(searchCached(words).map((h) => h.post.path)).toContain(join(dir, 'two', 'index.md'));
  });

  it.each(QUERIES)('passes over, from its files, only posts that cannot hold the words: %s', (...typed) => {
    const words = searchWords(typed);
    searchCached(words);
    expect(simple(searchCached(words))).toEqual(simple(searchRead(words)));
  });

  it('answers an unchanged post from its file, and reads a changed one again', () => {
    const words = searchWords(['lambda']);
    searchCached(words);
    // Edit the cached text of one bundle (checksum and all): unchanged, it is answered from the cache.
    for (const file of files()) {
      const path = join(cacheDir, file);
      const entries = parseSearchCache(readShard(path), cacheBuildOf('b1'));
      for (const [key, entry] of entries) {
        // As long as the text it replaces, so that the spans still hold.
        const index = parseStoredIndex(entry.stored())!;
        const edited = storeIndex({ ...index, text: index.text.replace('Lambda 서비스 second', 'Lambda from cache') });
        entries.set(key, { ...entry, stored: () => edited });
      }
      writeCacheFile(path, renderSearchCache(entries, cacheBuildOf('b1'))!);
    }
    const texts = () => searchCached(words).map((h) => h.text).join('\n');
    expect(texts()).toContain('Lambda from cache');
    // Changed (another size), it is read again.
    writeFileSync(join(dir, 'two', 'index.md'), '# Two\n\n## Lambda again\n\nLambda changed text\n');
    expect(texts()).toContain('Lambda changed text');
    expect(texts()).not.toContain('from cache');
  });

  it('does not keep a post changed too recently to trust its times', () => {
    searchCached(searchWords(['lambda']), SearchCache.open(cacheDir, dir, 'b1', Date.now()));
    for (const file of files()) expect(parseSearchCache(readShard(join(cacheDir, file)), cacheBuildOf('b1')).size).toBe(0);
  });

  it('spreads the posts over its files by their path in the folder', () => {
    searchCached(searchWords(['lambda']));
    const keys = files().flatMap((file) => [...parseSearchCache(readShard(join(cacheDir, file)), cacheBuildOf('b1')).keys()]);
    expect(keys.sort()).toEqual(listPostFiles(dir).map((p) => p.slice(dir.length + 1)).sort());
    expect(files().length).toBeLessThanOrEqual(SEARCH_SHARDS);
  });

  const index: SearchIndex = { title: 'T', date: null, sections: [['A']], text: 'intro\nbody', spans: [0, 5, 6, 10], normal: true };
  const stamp = { size: 1, mtimeMs: 2, ctimeMs: 3, ino: 4 };
  /**
   * A file's body of one post, a.md, stamped 1 2 3 4: `head` changes fields of
   * its first line, `ints` are its five numbers after the stamp (bits' size and
   * start, index's start, parts' start, end), then `bits` bytes of bits.
   */
  const file = ({ head = {}, ints = [64, 0, 0, 2, 4], bits = 8 }: { head?: object; ints?: number[]; bits?: number } = {}) => {
    const numbers = Buffer.alloc(52);
    [1, 2, 3, 4].forEach((x, k) => numbers.writeDoubleLE(x, 8 * k));
    ints.forEach((x, k) => numbers.writeUInt32LE(x, 32 + 4 * k));
    return Buffer.concat([bytes(`${JSON.stringify({ format: 3, build: 'b', keys: ['a.md'], grams: 8, ...head })}\n`), numbers, new Uint8Array(bits)]);
  };
  const bytes = (text: string) => Buffer.from(text, 'utf8');
  it('reads back what it wrote, for the same build only', () => {
    const text = renderSearchCache(new Map([['a.md', searchEntry(stamp, index)]]), 'b')!;
    const read = parseSearchCache(text, 'b').get('a.md')!;
    expect(read.stamp).toEqual(stamp);
    expect(read.grams).toEqual(searchEntry(stamp, index).grams);
    expect(parseStoredIndex(read.stored())).toEqual(index);
    expect(parseSearchCache(text, 'other').size).toBe(0);
    expect(parseSearchCache(file(), 'b').get('a.md')!.stamp).toEqual(stamp);
  });

  it.each([
    ['not JSON', bytes('{')],
    ['another format', bytes(`${JSON.stringify({ format: 2, build: 'b', grams: '', entries: [] })}\n`)],
    ['no line after the first', bytes(JSON.stringify({ format: 3, build: 'b', keys: [], grams: 0 }))],
    ['bits of a size not a multiple of 64', file({ ints: [96, 0, 0, 2, 4], bits: 12, head: { grams: 12 } })],
    ['bits too few for their size', file({ bits: 7, head: { grams: 7 } })],
    ['bits past the end of the others', file({ ints: [64, 1, 0, 2, 4] })],
    ['more bytes of bits than the file holds', file({ bits: 7 })],
    ['a count of bits that is no count', file({ head: { grams: -1 } })],
    ['no bits', file({ head: { grams: null } })],
    ['keys that are not texts', file({ head: { keys: [1] } })],
    ['fewer numbers than keys', file({ head: { keys: ['a.md', 'b.md'] } })],
    ['null', bytes('null\n')],
  ])('is ignored when it holds %s', (_name, body) => {
    expect(parseSearchCache(body, 'b').size).toBe(0);
  });

  it.each([
    ['an index that ends before it starts', [64, 0, 3, 2, 4]],
    ['a text of an odd number of bytes', [64, 0, 0, 1, 4]],
    ['an index past the end of the others', [64, 0, 0, 2, 400]],
  ])('reads the index of no post whose numbers give %s', (_name, ints) => {
    const one = StoredSearchFile.parse(file({ ints }), 'b')!;
    expect(one.keys).toEqual(['a.md']);
    expect(parseStoredIndex(one.stored(0))).toBeNull();
    expect(one.stored(0).to).toBe(0);
  });

  it.each([
    ['not JSON', '[1'],
    ['a part past the sections', JSON.stringify(['T', null, [['A']], [0, 0, 0, 0, 0, 0], true])],
    ['a span past the text', JSON.stringify(['T', null, [['A']], [0, 0, 0, 2], true])],
    ['a span that ends before it starts', JSON.stringify(['T', null, [['A']], [0, 0, 1, 0], true])],
    ['a title that is no text', JSON.stringify([7, null, [['A']], [0, 0, 0, 0], true])],
    ['parts that are no list', JSON.stringify({ title: 'T' })],
    ['an empty section path', JSON.stringify(['T', null, [[]], [0, 0, 0, 0], true])],
    ['no normal flag', JSON.stringify(['T', null, [['A']], [0, 0, 0, 0]])],
    ['a normal flag that is no flag', JSON.stringify(['T', null, [['A']], [0, 0, 0, 0], 1])],
  ])('reads no index from a stored one holding %s', (_name, parts) => {
    const text = Buffer.from('x', 'utf16le');
    const bytes = Buffer.concat([text, Buffer.from(parts)]);
    expect(parseStoredIndex({ bytes, from: 0, partsAt: text.length, to: bytes.length })).toBeNull();
  });

  it('reads an index it stored, texts of any script and parts padded to an even length', () => {
    for (const text of ['', 'x', '설계 ok', 'a\u0000b 😀 e\u0301']) {
      for (const title of ['T', 'TT']) {
        const one: SearchIndex = { title, date: '2016-05-17', sections: [['A', '설계']], text, spans: [0, 0, 0, text.length], normal: title === 'T' };
        const stored = storeIndex(one);
        expect(stored.partsAt % 2).toBe(0);
        expect(stored.to % 2).toBe(0);
        expect(parseStoredIndex(stored)).toEqual(one);
      }
    }
  });

  it('reads again a post whose stored index cannot be read (a damaged area)', () => {
    const words = searchWords(['lambda', '서비스']);
    searchCached(words);
    for (const file of files()) {
      const path = join(cacheDir, file);
      // The first bytes of the compressed indexes, after the line and the bits.
      const body = Buffer.from(readShard(path));
      const line = body.indexOf(0x0a);
      const at = line + 1 + (JSON.parse(body.toString('utf8', 0, line)) as { grams: number }).grams;
      body.write('AAAA', at, 'latin1');
      writeCacheFile(path, body);
    }
    expect(simple(searchCached(words))).toEqual(simple(searchRead(words)));
  });
});
