import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSessions, encodeSessions, type CachedSessions, type StoredSessions } from '../../../src/load/session-cache.js';
import { parsePost } from '../../../src/parse/post.js';
import type { Session } from '../../../src/types.js';

const session = (index: number, extra: Record<string, unknown> = {}): Session => ({
  index, day: 'Day 1', start: '09:00', end: null, title: `Talk ${index}`, room: null,
  speakers: [{ name: '양승도', role: '솔루션즈 아키텍트', org: '아마존 웹서비스' }], speakerText: '양승도 솔루션즈 아키텍트, 아마존 웹서비스', tokens: [], kind: 'talk', links: [], dayNumber: null, ...extra,
});

/** Cells as a test may spoil them. */
type Stored = StoredSessions & { cells: unknown[] };

/** Encodes with a fresh table, as renderSummaryCache does. */
function store(sessions: CachedSessions): Stored {
  const strings: string[] = [];
  const cells = encodeSessions(sessions, (text) => (strings.includes(text) ? strings.indexOf(text) : strings.push(text) - 1));
  if (cells === null) throw new Error('not encodable');
  return { cells, strings };
}

const two: CachedSessions = {
  list: [session(1), session(3, { kind: 'break', room: 'Hall B', links: [{ text: 'slides', url: 'https://x.test/s' }], dayNumber: 2, speakers: [{ name: 'Jeff Barr', role: null, org: null }] })],
  resolved: [true, false],
  absent: ['jeffbarr', '양승도'],
};

describe('cached sessions', () => {
  const good = store(two);
  it('come back as they were written, every field included', () => {
    const stored = store(two);
    expect(decodeSessions(stored, 2)).toEqual(two);
    // Each text is written once: '양승도' is a name and an absent needle.
    expect(stored.strings.filter((s) => s === '양승도')).toHaveLength(1);
  });

  it('come back equal to the sessions of every fixture post as parsed in full', () => {
    const dir = 'test/fixtures';
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      let list: Session[];
      try {
        list = parsePost(readFileSync(join(dir, file), 'utf8'), file).sessions.map((s) => ({ ...s, tokens: [] }));
      } catch {
        continue; // a fixture of a broken post
      }
      const sessions: CachedSessions = { list, resolved: list.map((_, k) => k % 2 === 0), absent: [] };
      expect([file, decodeSessions(store(sessions), list.length)]).toEqual([file, sessions]);
    }
  });

  it('are read from the part of the cells they are told (the file holds every post\'s cells in one list)', () => {
    const cells = [7, 7, ...good.cells, 7];
    expect(decodeSessions({ cells, from: 2, to: 2 + good.cells.length, strings: good.strings }, 2)).toEqual(two);
    // One cell more or less on either side is not their cells.
    for (const [from, to] of [[1, 2 + good.cells.length], [2, 3 + good.cells.length], [2, 1 + good.cells.length], [3, 2 + good.cells.length]]) {
      expect(decodeSessions({ cells, from, to, strings: good.strings }, 2)).toBeNull();
    }
    expect(decodeSessions({ cells: new Int32Array(good.cells as number[]), strings: good.strings }, 2)).toEqual(two);
    expect(decodeSessions({ cells: good.cells, from: 0, to: good.cells.length + 1, strings: good.strings }, 2)).toBeNull();
  });

  it('share one empty, frozen list among sessions with no speakers, links or tokens (a folder decodes tens of thousands)', () => {
    const decoded = decodeSessions(store({ list: [session(1, { speakers: [] }), session(2, { speakers: [] })], resolved: [false, false], absent: [] }), 2)!;
    const [a, b] = decoded.list;
    expect(a!.speakers).toBe(b!.speakers);
    expect(a!.tokens).toBe(a!.links);
    expect(Object.isFrozen(a!.tokens)).toBe(true);
    expect(decodeSessions(store(two), 2)!.list[0]!.speakers).toEqual(two.list[0]!.speakers);
  });

  it('are not cached when a session has a field the format does not know', () => {
    expect(encodeSessions({ list: [session(1, { track: 'A' })], resolved: [true], absent: [] }, () => 0)).toBeNull();
    expect(encodeSessions({ list: [session(1, { speakers: [{ name: 'a', role: null, org: null, photo: 'x' }] })], resolved: [true], absent: [] }, () => 0)).toBeNull();
  });

  const swap = (at: number, value: unknown): Stored => ({ ...good, cells: good.cells.map((c, i) => (i === at ? value : c)) });
  const firstSession = 1 + two.absent.length;
  it.each([
    ['another count', good, 3],
    ['another count (fewer)', good, 1],
    ['cut short', { ...good, cells: good.cells.slice(0, -1) }, 2],
    ['cut to nothing', { ...good, cells: [] }, 2],
    ['cells left over', { ...good, cells: [...good.cells, 0] }, 2],
    ['a place past the table', swap(good.cells.length - 1, good.strings.length), 2],
    ['a null title', swap(firstSession + 5 + 3, -1), 2],
    ['a fraction', swap(firstSession + 1, 1.5), 2],
    ['a text where a number goes', swap(firstSession, 'x'), 2],
    ['unknown flags', swap(firstSession, 4), 2],
    ['an index of 0', swap(firstSession + 1, 0), 2],
    ['a speaker count past the end', swap(firstSession + 3, 1000), 2],
    ['too many absent names', swap(0, 17), 2],
  ])('are refused when %s', (_, stored, count) => {
    expect(decodeSessions(stored as Stored, count as number)).toBeNull();
  });
});
