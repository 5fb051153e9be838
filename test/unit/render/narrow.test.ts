// Narrow terminals: when a title would get fewer than 20 columns, tracks,
// list, now and timeline show each session (or post) as a block, its title
// whole and wrapped, instead of cutting it to a few characters.
import { renderNow } from '../../../src/render/now.js';
import { renderPostList } from '../../../src/render/post-list.js';
import { renderSessionTable } from '../../../src/render/table.js';
import { renderTimeline } from '../../../src/render/timeline.js';
import { displayWidth } from '../../../src/render/wrap.js';
import type { RenderOptions, Session } from '../../../src/types.js';
import { fixturePost } from '../parse/fixture.js';

const at = (width: number): RenderOptions => ({ width, textWidth: width, colorLevel: 0, hyperlinks: false });
const COLOUR = (width: number): RenderOptions => ({ ...at(width), colorLevel: 1 });
const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
const squeeze = (s: string) => s.replace(/\s+/g, '');

const LONG = '서버리스 아키텍처에서 이벤트 기반 데이터 파이프라인을 운영하며 배운 것들';
const talk = (index: number, start: string, end: string, title = LONG): Session => ({
  index,
  day: null,
  start,
  end,
  title,
  room: null,
  speakers: [{ name: '김기완', role: '솔루션즈 아키텍트', org: '아마존 웹서비스' }],
  speakerText: null,
  tokens: [],
  kind: 'talk',
  links: [],
  dayNumber: null,
});
const TALKS = [talk(1, '13:00', '13:40'), talk(2, '13:50', '14:30', 'Short one')];

function expectFits(text: string, width: number): void {
  for (const line of strip(text).trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
}

describe.each([40, 50])('at %i columns', (width) => {
  it('tracks: rows that share a title and a speaker (wrapped once, then reused) are each drawn as alone', () => {
    // Every title too long to sit beside the columns, so that each row alone is stacked too.
    const other = 'Running containers at scale: what a year of operating the cluster taught us';
    const rows = [talk(1, '13:00', '13:40'), talk(2, '13:50', '14:30'), talk(3, '14:40', '15:20', other), talk(4, '15:30', '16:10')].map((session, k) => ({ session, post: `p${k % 2}.md` }));
    rows[3]!.session.speakers = [{ name: '박선용', role: null, org: null }];
    for (const options of [at(width), COLOUR(width)]) {
      const together = renderSessionTable(rows, options);
      expect(together).toBe(`${rows.map((row) => renderSessionTable([row], options).replace(/\n$/, '')).join('\n\n')}\n`);
      expect(strip(together)).toContain('박선용');
      expect(strip(together).match(/김기완/g)).toHaveLength(3);
    }
  });

  it('tracks: one block per session, time and the whole title first, the speaker under it', () => {
    for (const options of [at(width), COLOUR(width)]) {
      const out = renderSessionTable(TALKS.map((session) => ({ session })), options);
      expectFits(out, width);
      const blocks = strip(out).trimEnd().split('\n\n');
      expect(blocks).toHaveLength(2);
      const lines = blocks[0]!.split('\n');
      expect(lines[0]).toMatch(/^1 {2}13:00–13:40 {2}서버리스/);
      expect(squeeze(blocks[0]!)).toContain(squeeze(LONG)); // not cut
      expect(strip(out)).not.toContain('…');
      // The speaker on the last line, under the title (same indent).
      const indent = lines[0]!.indexOf('서버리스');
      expect(lines.at(-1)).toBe(`${' '.repeat(indent)}김기완 (아마존 웹서비스)`);
      expect(blocks[1]).toBe(`2  13:50–14:30  Short one\n${' '.repeat(indent)}김기완 (아마존 웹서비스)`);
    }
  });

  it('list: the date, the whole title, then category and number of sessions', () => {
    const out = renderPostList([{ path: 'a.md', title: LONG, date: '2024-10-12', category: 'Conferences', sessions: 9 }], at(width));
    expectFits(out, width);
    expect(out.split('\n')[0]).toMatch(/^2024-10-12 {2}서버리스/);
    expect(squeeze(out)).toContain(squeeze(LONG));
    expect(out).toMatch(/^ {12}Conferences {2}Sessions 9$/m);
  });

  it('now: Now and Next as blocks, the hint kept whole', () => {
    const out = renderNow({ current: TALKS[0]!, next: TALKS[1]! }, 13 * 60 + 30, at(width));
    expectFits(out, width);
    const [now, next] = out.trimEnd().split('\n\n');
    expect(now).toMatch(/^Now {3}13:00–13:40 {2}서버리스/);
    expect(squeeze(now!)).toContain(squeeze(LONG));
    expect(now).toMatch(/^ {19}(.* {2})?\[ends in 10 min\]$/m);
    expect(next).toMatch(/^Next {2}13:50–14:30 {2}Short one\n {19}김기완/);
  });

  it('timeline: each title whole, under its bar', () => {
    const out = strip(renderTimeline(TALKS.map((session) => ({ session })), at(width)));
    expectFits(out, width);
    expect(out).not.toContain('…');
    const lines = out.split('\n');
    const first = lines.findIndex((line) => line.startsWith('13:00 █'));
    expect(lines[first + 1]).toMatch(/^ {6}서버리스/);
    expect(squeeze(lines.slice(first + 1, first + 4).join(''))).toContain(squeeze(LONG));
  });
});

describe('wide enough for a 20-column title: one line per session, as before', () => {
  it('tracks, list and timeline at 100 columns', () => {
    expect(renderSessionTable(TALKS.map((session) => ({ session })), at(100)).split('\n')[0]).toMatch(/^# {2}Time/);
    expect(renderPostList([{ path: 'a.md', title: LONG, date: '2024-10-12', category: 'C', sessions: 9 }], at(100)).split('\n')).toHaveLength(3);
    expect(strip(renderTimeline(TALKS.map((session) => ({ session })), at(100)))).toMatch(/^13:00 █+ +서버리스/m);
  });

  it('now at 100 columns: one set of columns for Now and Next', () => {
    const seed = fixturePost('seed-shape.md').sessions;
    const [now, next] = renderNow({ current: seed[0]!, next: seed[1]! }, 13 * 60 + 10, at(100)).split('\n');
    const columnOf = (line: string, mark: string) => displayWidth(line.slice(0, line.indexOf(mark)));
    for (const mark of ['(', '[']) expect(columnOf(now!, mark)).toBe(columnOf(next!, mark));
  });
});

describe('at 20 columns', () => {
  it('list: a post with no date and no category starts its title at the margin, within the width', () => {
    const title = 'x'.repeat(60) + ' end';
    const out = renderPostList([{ path: 'a.md', title, date: null, category: null, sessions: 0 }], at(20));
    expectFits(out, 20);
    expect(out.split('\n')[0]).toBe('x'.repeat(20));
  });
});
