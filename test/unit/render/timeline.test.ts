import { renderTimeline, type TimelineRow } from '../../../src/render/timeline.js';
import { displayWidth } from '../../../src/render/wrap.js';
import type { RenderOptions, Session } from '../../../src/types.js';
import { fixturePost } from '../parse/fixture.js';

const PLAIN: RenderOptions = { width: 80, textWidth: 80, colorLevel: 0, hyperlinks: false };
const COLOUR: RenderOptions = { ...PLAIN, colorLevel: 3 };
const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

let nextIndex = 1;
function session(start: string | null, end: string | null, title = `Talk ${nextIndex}`, extra: Partial<Session> = {}): Session {
  return { index: nextIndex++, day: null, start, end, title, room: null, speakers: [], speakerText: null, kind: 'talk', links: [], dayNumber: null, tokens: [], ...extra };
}
const rowsOf = (sessions: readonly Session[], post?: string): TimelineRow[] => sessions.map((s) => (post ? { session: s, post } : { session: s }));

/** The session rows (they start with "HH:MM"), without styles. */
const sessionLines = (out: string) => strip(out).split('\n').filter((l) => /^\d\d:\d\d /.test(l));
/** Where a row's bar starts and how many columns it takes (strings of 1-column box characters). */
function bar(line: string): { from: number; length: number } {
  const m = /[█▒◆]+/.exec(line)!;
  return { from: m.index, length: m[0].length };
}

describe('renderTimeline', () => {
  const seed = rowsOf(fixturePost('seed-shape.md').sessions); // 13:00-13:40, 13:50-14:30, 14:40-15:20

  it('draws an hour axis from the earliest start (rounded down) to the latest end (rounded up)', () => {
    const lines = strip(renderTimeline(seed, PLAIN)).split('\n');
    expect(lines[0]).toBe('13:00–16:00');
    expect(lines[1]!.trim().split(/\s+/)).toEqual(['13:00', '14:00', '15:00', '16:00']);
    expect(lines[2]!.trim()).toMatch(/^├─+┼─+┼─+┤$/);
    // Each label sits above its tick.
    for (const label of ['13:00', '14:00', '15:00', '16:00']) expect('├┼┤').toContain(lines[2]![lines[1]!.indexOf(label)]);
  });

  it('draws every row as its own session says, when many posts share times and titles (each drawn once, then reused)', () => {
    // Two posts with the same times and titles; in the second, the 10:00 row is a break, and a room joins a title.
    const first = [session('10:00', '10:40', 'Keynote'), session('11:00', '11:40', 'Lunch'), session('11:00', '11:20', 'Hall · Keynote')];
    const second = [session('10:00', '10:40', 'Keynote', { kind: 'break' }), session('11:00', '11:40', 'Lunch'), session('11:00', '11:20', 'Keynote', { room: 'Hall' })];
    const alone = (rows: TimelineRow[], options: RenderOptions) => renderTimeline(rows, options).split('\n\n');
    for (const options of [PLAIN, COLOUR]) {
      const together = alone([...rowsOf(first, 'a.md'), ...rowsOf(second, 'b.md')], options);
      expect(together).toEqual([...alone(rowsOf(first, 'a.md'), options), ...alone(rowsOf(second, 'b.md'), options)].map((b, k, all) => (k === all.length - 1 ? b : b.replace(/\n$/, ''))));
    }
    const [a, b] = renderTimeline([...rowsOf(first, 'a.md'), ...rowsOf(second, 'b.md')], PLAIN).split('\n\n');
    expect(sessionLines(a!)[0]).toContain('█');
    expect(sessionLines(b!)[0]).toContain('░');
    expect(sessionLines(a!)[2]).toMatch(/Hall · Keynote$/);
    expect(sessionLines(b!)[2]).toMatch(/Hall · Keynote$/);
  });

  it('starts each row with its time and ends it with the title', () => {
    expect(sessionLines(renderTimeline(seed, PLAIN)).map((l) => [l.slice(0, 5), l.split(/ {2,}/).pop()])).toEqual([
      ['13:00', '쿠버네티스 운영 1년 회고'],
      ['13:50', '프론트엔드 모노레포 전환기'],
      ['14:40', '장애 대응 훈련 도입하기'],
    ]);
  });

  it('places bars further right as sessions start later', () => {
    const froms = sessionLines(renderTimeline(seed, PLAIN)).map((l) => bar(l).from);
    expect(froms[0]).toBeLessThan(froms[1]!);
    expect(froms[1]).toBeLessThan(froms[2]!);
  });

  it.each([60, 80, 120])('sizes bars by duration: 40 min is about twice 20 min (width %i)', (width) => {
    const out = renderTimeline(rowsOf([session('10:00', '10:40'), session('11:00', '11:20')]), { ...PLAIN, width });
    const [long, short] = sessionLines(out).map((l) => bar(l).length);
    expect(long! / short!).toBeGreaterThanOrEqual(1.6);
    expect(long! / short!).toBeLessThanOrEqual(2.5);
  });

  it('leaves the gap between 14:30 and 14:40 as blank columns', () => {
    for (const width of [60, 80, 120]) {
      const lines = sessionLines(renderTimeline(seed, { ...PLAIN, width }));
      const second = bar(lines[1]!);
      const third = bar(lines[2]!);
      const gapEnd = third.from;
      const gapStart = second.from + second.length;
      expect(gapEnd).toBeGreaterThan(gapStart);
      for (const line of lines) expect(line.slice(gapStart, gapEnd).trim()).toBe('');
    }
  });

  it('marks sessions that overlap, and draws their bars in shared columns', () => {
    const out = renderTimeline(rowsOf([session('10:00', '11:00'), session('10:30', '11:30'), session('12:00', '12:30')]), PLAIN);
    const [a, b, c] = sessionLines(out);
    expect(a).toContain('∥');
    expect(b).toContain('∥');
    expect(c).not.toContain('∥');
    expect(a).toContain('▒');
    expect(c).toContain('█');
    expect(c).not.toContain('▒');
    const [barA, barB] = [bar(a!), bar(b!)];
    expect(barB.from).toBeLessThan(barA.from + barA.length);
    // With colour, the marker stays and the bar keeps its full block.
    const coloured = sessionLines(renderTimeline(rowsOf([session('10:00', '11:00'), session('10:30', '11:30')]), COLOUR));
    expect(coloured.every((l) => l.includes('∥') && l.includes('█'))).toBe(true);
  });

  it('does not count back-to-back sessions as overlapping', () => {
    const out = renderTimeline(rowsOf([session('10:00', '11:00'), session('11:00', '12:00')]), PLAIN);
    expect(out).not.toContain('∥');
  });

  it('shows an unknown end as a single tick, not an invented length', () => {
    const lines = sessionLines(renderTimeline(rowsOf(fixturePost('start-only.md').sessions), PLAIN));
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(bar(line)).toMatchObject({ length: 1 });
      expect(line).toContain('◆');
      expect(line).not.toContain('█');
    }
  });

  it('skips sessions without a start and returns "" when nothing is left', () => {
    expect(renderTimeline([], PLAIN)).toBe('');
    expect(renderTimeline(rowsOf([session(null, null)]), PLAIN)).toBe('');
    expect(sessionLines(renderTimeline(rowsOf([session(null, null), session('10:00', '10:30')]), PLAIN))).toHaveLength(1);
  });

  it('ends with exactly one newline', () => {
    const out = renderTimeline(seed, PLAIN);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.endsWith('\n\n')).toBe(false);
  });

  it('draws each day as its own block with a heading and an axis', () => {
    const out = strip(renderTimeline(rowsOf(fixturePost('days-ko.md').sessions), PLAIN));
    const blocks = out.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.split('\n')[0]).toBe('1일차  10:00–12:00');
    expect(blocks[1]!.split('\n')[0]).toBe('2일차  10:00–12:00');
    for (const block of blocks) expect(block).toMatch(/├─+┼─+┤/);
    // Same times on both days: not flagged as overlapping across blocks.
    expect(out).not.toContain('∥');
  });

  it('draws each post as its own block, named by its short name, when rows come from several posts', () => {
    const rows = [...rowsOf([session('10:00', '11:00')], 'posts/a.md'), ...rowsOf([session('10:00', '11:00')], 'posts/b.md')];
    const headings = strip(renderTimeline(rows, PLAIN)).trimEnd().split('\n\n').map((b) => b.split('\n')[0]);
    expect(headings).toEqual(['a  10:00–11:00', 'b  10:00–11:00']); // each post by its short name
  });

  it('gathers rows that come back to a post and a day drawn before into that block, in order of first appearance', () => {
    const day = (n: number) => ({ day: `Day ${n}`, dayNumber: n });
    const rows = [
      ...rowsOf([session('10:00', '11:00', 'A1', day(1))], 'posts/a.md'),
      ...rowsOf([session('09:00', '10:00', 'A2', day(2))], 'posts/a.md'),
      ...rowsOf([session('13:00', '14:00', 'B1', day(1))], 'posts/b.md'),
      ...rowsOf([session('11:00', '12:00', 'A1 later', day(1)), session('08:00', '09:00', 'A2 earlier', day(2))], 'posts/a.md'),
      // No day and a day written as "" are one block.
      ...rowsOf([session('15:00', '16:00', 'C none')], 'posts/c.md'),
      ...rowsOf([session('14:00', '15:00', 'C empty', { day: '' })], 'posts/c.md'),
    ];
    const blocks = strip(renderTimeline(rows, PLAIN)).trimEnd().split('\n\n');
    expect(blocks.map((b) => b.split('\n')[0])).toEqual(['a  Day 1  10:00–12:00', 'a  Day 2  08:00–10:00', 'b  Day 1  13:00–14:00', 'c  14:00–16:00']);
    expect(blocks.map((b) => sessionLines(b).map((l) => l.split(/ {2,}/).pop()))).toEqual([['A1', 'A1 later'], ['A2 earlier', 'A2'], ['B1'], ['C empty', 'C none']]);
  });

  it('draws a title shared by rows of other times and looks with each row its own bar', () => {
    const rows = [
      ...rowsOf([session('10:00', '11:00', 'Same'), session('11:00', '12:00', 'Same')], 'posts/a.md'),
      ...rowsOf([session('10:00', '10:30', 'Same'), session('10:15', '11:00', 'Same')], 'posts/b.md'),
    ];
    const [a, b] = renderTimeline(rows, PLAIN).trimEnd().split('\n\n');
    expect(sessionLines(a!).map(bar)).toEqual([
      { from: 6, length: 20 },
      { from: 26, length: 19 },
    ]);
    expect(sessionLines(b!).map((l) => [bar(l), l.includes('∥')])).toEqual([
      [{ from: 6, length: 20 }, true],
      [{ from: 16, length: 29 }, true],
    ]);
  });

  it('extends the axis past midnight', () => {
    const out = strip(renderTimeline(rowsOf([session('23:30', '00:30')]), PLAIN));
    expect(out.split('\n')[0]).toBe('23:00–01:00');
    expect(out).toContain('00:00');
  });

  it('uses colour only when colorLevel > 0', () => {
    expect(renderTimeline(seed, PLAIN)).not.toContain('\x1b');
    expect(renderTimeline(seed, COLOUR)).toContain('\x1b[');
    expect(strip(renderTimeline(seed, COLOUR))).toBe(renderTimeline(seed, PLAIN));
  });

  const longKorean = '서버리스 아키텍처에서 이벤트 기반으로 데이터 파이프라인을 구성하고 운영하며 배운 것들 총정리';
  it.each([24, 40, 60, 80, 120])('fits every line in %i columns; long Korean titles cut with … or, below 20 columns of title, whole under their bars', (width) => {
    const rows = rowsOf([session('09:00', '09:40', longKorean, { room: '그랜드볼룸 A' }), ...fixturePost('seed-shape.md').sessions, session('16:00', null, longKorean)], 'posts/2023-11-18-아주-긴-파일-이름의-컨퍼런스-후기.md');
    for (const options of [{ ...PLAIN, width }, { ...COLOUR, width }]) {
      const out = renderTimeline(rows, options);
      for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    }
    if (width < 60) {
      const lines = renderTimeline(rows, { ...PLAIN, width }).split('\n');
      const first = lines.findIndex((line) => line.startsWith('09:00 '));
      const under = lines.slice(first + 1).filter((line) => line.startsWith('      ') && !line.trim().startsWith('├'));
      expect(under.join('').replace(/\s+/g, '')).toContain(`그랜드볼룸A·${longKorean}`.replace(/\s+/g, ''));
      return;
    }
    const first = sessionLines(renderTimeline(rows, { ...PLAIN, width }))[0]!;
    const title = first.split(/ {2,}/).pop()!;
    expect(title.endsWith('…')).toBe(true);
    expect(`그랜드볼룸 A · ${longKorean}`.startsWith(title.slice(0, -1))).toBe(true);
    expect(title).not.toContain('\ufffd');
  });

  it('shows control characters in titles and post names visibly', () => {
    const out = renderTimeline(rowsOf([session('10:00', '11:00', 'evil\x1b[31m title')], 'a\x07.md'), PLAIN);
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(out).toContain('␛[31m');
  });
});
