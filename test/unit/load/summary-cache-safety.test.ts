// The summary cache against someone who can reach the cache folder: links
// planted where it writes, a folder that is not the user's, crafted,
// truncated, endless or blocking cache files. In each case `list` gives what
// reading the posts gives, and writes nowhere but its own private folder.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_CACHE_BYTES, prepareCacheDir, readCacheFile, sealCacheBytes, unsealCacheBytes, writeCacheFile } from '../../../src/load/cache-file.js';
import { readPostBytesSync } from '../../../src/load/read-post.js';
import { summarizePostBytes } from '../../../src/load/summary.js';
import { renderSummaryCache, cacheBuildOf, summaryCacheFile, SummaryCache } from '../../../src/load/summary-cache.js';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canMkfifo = spawnSync('sh', ['-c', 'command -v mkfifo'], { encoding: 'utf8' }).status === 0;

let root: string;
let dir: string;
let cacheDir: string;
const later = (): number => Date.now() + 60_000;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pv-cache-safety-'));
  dir = join(root, 'posts');
  cacheDir = join(root, 'cache', 'postview');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.md'), '---\ntitle: A\n---\n### 10:00 - 10:40 Talk\n');
  writeFileSync(join(dir, 'b.md'), '---\ntitle: B\n---\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const fresh = (name: string) => summarizePostBytes(Buffer.from(readPostBytesSync(join(dir, name))), join(dir, name));
const listWithCache = (): string[] => {
  const cache = SummaryCache.open(cacheDir, dir, 'b1', later());
  const titles = ['a.md', 'b.md'].map((name) => cache.summarize(join(dir, name)).title);
  cache.save();
  return titles;
};
/** A cache file, sealed as postview seals it, that says a.md is titled "FORGED". */
const forged = (): Buffer => {
  const stamp = statSync(join(dir, 'a.md'));
  const entries = new Map([['a.md', { stamp: { size: stamp.size, mtimeMs: stamp.mtimeMs, ctimeMs: stamp.ctimeMs, ino: stamp.ino }, summary: { title: 'FORGED', date: null, category: null, sessions: 9 } }]]);
  return sealCacheBytes(renderSummaryCache(entries, cacheBuildOf('b1')));
};

describe('the cache folder', () => {
  it('is created 0700, and the cache file 0600, with no temporary file left', () => {
    expect(listWithCache()).toEqual(['A', 'B']);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    const files = readdirSync(cacheDir);
    expect(files).toEqual([expect.stringMatching(/^list-[0-9a-f]{32}\.json$/)]);
    expect(statSync(join(cacheDir, files[0]!)).mode & 0o777).toBe(0o600);
  });

  it.each([0o777, 0o770, 0o722])('is not used when its mode is %o (others may write to it)', (mode) => {
    mkdirSync(cacheDir, { recursive: true });
    chmodSync(cacheDir, mode);
    writeFileSync(summaryCacheFile(cacheDir, dir)!, forged());
    expect(listWithCache()).toEqual(['A', 'B']);
    expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^list-[0-9a-f]{32}\.json$/)]);
    expect(unsealCacheBytes(readFileSync(summaryCacheFile(cacheDir, dir)!))!.includes('FORGED')).toBe(true);
    expect(prepareCacheDir(cacheDir)).toBe(false);
  });

  (isRoot ? it : it.skip)('is not used when another account owns it', () => {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    writeFileSync(summaryCacheFile(cacheDir, dir)!, forged());
    chownSync(cacheDir, 65534, 65534);
    expect(listWithCache()).toEqual(['A', 'B']);
    expect(readdirSync(cacheDir)).toHaveLength(1);
    expect(unsealCacheBytes(readFileSync(summaryCacheFile(cacheDir, dir)!))!.includes('FORGED')).toBe(true);
  });

  it('is not used when it is a link to another folder', () => {
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o700 });
    mkdirSync(join(root, 'cache'));
    symlinkSync(elsewhere, cacheDir);
    expect(listWithCache()).toEqual(['A', 'B']);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('writing', () => {
  it('never follows a link planted at a temporary name (the old one was list-<hash>.json.<pid>)', () => {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    const victim = join(root, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const file = summaryCacheFile(cacheDir, dir)!;
    symlinkSync(victim, `${file}.${process.pid}`);
    expect(listWithCache()).toEqual(['A', 'B']);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  });

  it('replaces a link planted at the cache file itself, never writing through it', () => {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    const victim = join(root, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, summaryCacheFile(cacheDir, dir)!);
    expect(listWithCache()).toEqual(['A', 'B']);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(summaryCacheFile(cacheDir, dir)!).isFile()).toBe(true);
  });

  it('gives false, and leaves nothing behind, when the folder cannot take it', () => {
    writeFileSync(join(root, 'plain-file'), '');
    expect(writeCacheFile(join(root, 'plain-file', 'x.json'), 'body')).toBe(false);
  });
});

describe('reading', () => {
  const file = (): string => summaryCacheFile(cacheDir, dir)!;
  const prepared = (): void => {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  };

  it('trusts an untouched file (the checksum holds)', () => {
    prepared();
    writeFileSync(file(), forged(), { mode: 0o600 });
    expect(listWithCache()[0]).toBe('FORGED');
  });

  it('ignores a file edited without its checksum (still a well-formed body)', () => {
    listWithCache();
    writeFileSync(file(), Buffer.from(readFileSync(file(), 'latin1').replace('"A"', '"FORGED"'), 'latin1'));
    expect(readFileSync(file()).includes('FORGED')).toBe(true);
    expect(listWithCache()).toEqual(['A', 'B']);
  });

  it.each([1, 10, 60, 0.5])('ignores a file truncated to %s bytes (or that fraction)', (cut) => {
    listWithCache();
    const size = statSync(file()).size;
    truncateSync(file(), cut < 1 ? Math.floor(size * cut) : cut);
    expect(readCacheFile(file())).toBeNull();
    expect(listWithCache()).toEqual(['A', 'B']);
  });

  it('ignores a file with no checksum line, or another one', () => {
    prepared();
    const body = unsealCacheBytes(forged())!;
    for (const text of [body, Buffer.concat([Buffer.from(`postview-cache sha256:${'0'.repeat(64)}\n`), body]), '']) {
      writeFileSync(file(), text);
      expect(readCacheFile(file())).toBeNull();
    }
  });

  (canMkfifo ? it : it.skip)('does not block on a cache file that is a named pipe', () => {
    prepared();
    expect(spawnSync('mkfifo', [file()]).status).toBe(0);
    expect(readCacheFile(file())).toBeNull();
    expect(listWithCache()).toEqual(['A', 'B']);
  });

  it.each(['/dev/zero', '/dev/urandom'])('does not read a cache file that links to %s', (device) => {
    prepared();
    symlinkSync(device, file());
    expect(readCacheFile(file())).toBeNull();
    expect(listWithCache()).toEqual(['A', 'B']);
  });

  it('does not read a file larger than the bound', () => {
    prepared();
    writeFileSync(file(), forged());
    expect(readCacheFile(file(), 100)).toBeNull();
    expect(readCacheFile(file(), MAX_CACHE_BYTES)).not.toBeNull();
  });

  (isRoot ? it : it.skip)('does not read a file another account owns', () => {
    prepared();
    writeFileSync(file(), forged());
    chownSync(file(), 65534, 65534);
    expect(readCacheFile(file())).toBeNull();
  });
});

describe('runs at the same time', () => {
  it('each see a whole file, and give what reading the posts gives', () => {
    const first = SummaryCache.open(cacheDir, dir, 'b1', later());
    const second = SummaryCache.open(cacheDir, dir, 'b1', later());
    first.summarize(join(dir, 'a.md'));
    second.summarize(join(dir, 'b.md'));
    second.summarize(join(dir, 'a.md'));
    first.save();
    first.summarize(join(dir, 'b.md'));
    second.save();
    first.save();
    const third = SummaryCache.open(cacheDir, dir, 'b1', later());
    expect(['a.md', 'b.md'].map((name) => third.summarize(join(dir, name)))).toEqual([fresh('a.md'), fresh('b.md')]);
    expect(readdirSync(cacheDir)).toHaveLength(1);
  });
});
