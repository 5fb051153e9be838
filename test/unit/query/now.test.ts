import { findNow } from '../../../src/query/now.js';
import { formatDuration, renderNow } from '../../../src/render/now.js';
import { displayWidth } from '../../../src/render/wrap.js';
import type { RenderOptions, Session } from '../../../src/types.js';
import { fixturePost } from '../parse/fixture.js';

const PLAIN: RenderOptions = { width: 80, textWidth: 80, colorLevel: 0, hyperlinks: false };
const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const indexOf = (s: Session | null) => s?.index ?? null;

function session(index: number, start: string | null, end: string | null, extra: Partial<Session> = {}): Session {
  return { index, day: null, start, end, title: `Talk ${index}`, room: null, speakers: [], speakerText: null, kind: 'talk', links: [], dayNumber: null, tokens: [], ...extra };
}

describe('findNow', () => {
  const seed = fixturePost('seed-shape.md').sessions; // 13:00-13:40, 13:50-14:30, 14:40-15:20
  it.each<[string, number | null, number | null]>([
    ['12:00', null, 1],
    ['13:00', 1, 2],
    ['13:39', 1, 2],
    ['13:40', null, 2], // the end is not inside
    ['13:45', null, 2],
    ['13:50', 2, 3],
    ['14:35', null, 3],
    ['15:00', 3, null],
    ['15:20', null, null],
    ['23:59', null, null],
  ])('seed-shape.md at %s: current %p, next %p', (time, current, next) => {
    const result = findNow(seed, at(time));
    expect([indexOf(result.current), indexOf(result.next)]).toEqual([current, next]);
  });

  const startOnly = fixturePost('start-only.md').sessions; // 15:40, 16:20 ~, 17:00~ (no ends)
  it.each<[string, number | null, number | null]>([
    ['15:00', null, 1],
    ['15:40', 1, 2], // an unknown end lasts until the next start...
    ['16:19', 1, 2],
    ['16:20', 2, 3],
    ['17:00', null, null], // ...and the last one, with nothing after it, never counts
    ['18:00', null, null],
  ])('start-only.md at %s: current %p, next %p', (time, current, next) => {
    const result = findNow(startOnly, at(time));
    expect([indexOf(result.current), indexOf(result.next)]).toEqual([current, next]);
  });

  it('an unknown end lasts until the next later start, known end or not', () => {
    const sessions = [session(1, '15:40', null), session(2, '16:00', '16:30')];
    expect(indexOf(findNow(sessions, at('15:59')).current)).toBe(1);
    expect(indexOf(findNow(sessions, at('16:00')).current)).toBe(2);
  });

  it('parallel tracks: the session that started latest, ties to the lowest index', () => {
    const sessions = [session(1, '10:00', '11:00'), session(3, '10:30', '11:00'), session(2, '10:30', '11:30')];
    expect(indexOf(findNow(sessions, at('10:15')).current)).toBe(1);
    expect(indexOf(findNow(sessions, at('10:45')).current)).toBe(2);
    expect(indexOf(findNow(sessions, at('11:10')).current)).toBe(2);
  });

  it('next: the earliest later start, ties to the lowest index', () => {
    const sessions = [session(5, '12:00', '13:00'), session(4, '12:00', '12:30'), session(6, '11:30', '12:00')];
    expect(indexOf(findNow(sessions, at('11:00')).next)).toBe(6);
    expect(indexOf(findNow(sessions, at('11:30')).next)).toBe(4);
  });

  it('a range past midnight is in progress after midnight too', () => {
    const sessions = [session(1, '23:30', '00:30')];
    expect(indexOf(findNow(sessions, at('23:45')).current)).toBe(1);
    expect(indexOf(findNow(sessions, at('00:10')).current)).toBe(1);
    expect(indexOf(findNow(sessions, at('00:30')).current)).toBeNull();
  });

  it('skips sessions without a start and handles no sessions', () => {
    expect(findNow([session(1, null, null)], at('10:00'))).toEqual({ current: null, next: null });
    expect(findNow([], at('10:00'))).toEqual({ current: null, next: null });
  });

  it('does not tell days apart: the caller passes one day to ask about it', () => {
    const days = fixturePost('days-ko.md').sessions; // 1일차 and 2일차, same times
    expect(indexOf(findNow(days, at('10:30')).current)).toBe(1);
    expect(indexOf(findNow(days.filter((s) => s.day === '2일차'), at('10:30')).current)).toBe(3);
  });
});

describe('renderNow', () => {
  const seed = fixturePost('seed-shape.md').sessions;

  it('shows the session in progress and the next one, with hints', () => {
    const t = at('13:55');
    const [now, next, rest] = renderNow(findNow(seed, t), t, { ...PLAIN, width: 100 }).split('\n');
    // Now and Next share one set of columns: titles, speakers and hints line up.
    expect(now).toBe('Now   13:50–14:30  프론트엔드 모노레포 전환기  이서연 (예시테크)      [ends in 35 min]');
    expect(next).toBe('Next  14:40–15:20  장애 대응 훈련 도입하기     박지훈 (예시클라우드)  [in 45 min]');
    expect(rest).toBe('');
  });

  it('says so when nothing is in progress or later', () => {
    expect(renderNow(findNow(seed, at('16:00')), at('16:00'), PLAIN)).toBe('Now   Nothing in progress\nNext  Nothing later today\n');
    const t = at('12:00');
    // "Nothing in progress" stands in the title column, under the next title.
    expect(renderNow(findNow(seed, t), t, PLAIN)).toMatch(/^Now {16}Nothing in progress\nNext {2}13:00–13:40 {2}쿠버네티스 .*\[in 1 h\]\n$/);
  });

  it('an unknown end says how long ago it started', () => {
    const sessions = fixturePost('start-only.md').sessions;
    const t = at('16:00');
    const [now] = renderNow(findNow(sessions, t), t, PLAIN).split('\n');
    expect(now).toMatch(/^Now {3}15:40– .*\[started 20 min ago\]$/);
  });

  it('measures a range past midnight from the day it began', () => {
    const t = at('00:10');
    expect(renderNow(findNow([session(1, '23:30', '00:30')], t), t, PLAIN)).toContain('[ends in 20 min]');
  });

  it('shows the day and the room when known', () => {
    const s = session(1, '10:00', '11:00', { day: 'Day 2', room: 'Room B' });
    expect(renderNow({ current: s, next: null }, at('10:30'), PLAIN)).toContain('Day 2 10:00–11:00  Room B · Talk 1');
  });

  it.each([40, 60, 80, 120])('fits %i columns, keeping the hint, colour only when asked', (width) => {
    const long = session(1, '13:00', '14:00', {
      title: '서버리스 아키텍처에서 이벤트 기반 데이터 파이프라인을 운영하며 배운 것들',
      speakers: [{ name: '김기완', role: '솔루션즈 아키텍트', org: '아마존 웹서비스' }],
    });
    const result = { current: long, next: session(2, '14:10', '15:00', { title: long.title }) };
    const plain = renderNow(result, at('13:30'), { ...PLAIN, width });
    expect(plain).not.toContain('\x1b');
    for (const line of plain.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    expect(plain).toContain('[ends in 30 min]');
    // Too narrow for a title of 20 columns: blocks, the title whole and wrapped, the speaker under it.
    if (width < 80) expect(plain.replace(/\s+/g, '')).toContain(long.title.replace(/\s+/g, ''));
    if (width < 80) expect(plain).toMatch(/^ {19}김기완 \(아마존(\n {19}| )웹서비스\)(\n {19}| {2})\[ends in 30 min\]$/m);
    const coloured = renderNow(result, at('13:30'), { ...PLAIN, width, colorLevel: 1 });
    expect(coloured).toContain('\x1b[');
    for (const line of coloured.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
  });

  it('shows control characters visibly', () => {
    const s = session(1, '10:00', '11:00', { title: 'a\x1b[2Jb', speakerText: 'x\x07y' });
    const out = renderNow({ current: s, next: null }, at('10:30'), PLAIN);
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(out).toContain('a␛[2Jb');
  });

  it.each([
    [5, '5 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
  ])('formatDuration(%i) = %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
});
