import { escapeText, foldLine, renderIcs, type IcsEvent } from '../../../src/render/ics.js';
import type { Post, Session } from '../../../src/types.js';
import { fixturePost } from '../parse/fixture.js';

const NOW = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));

function session(index: number, start: string | null, end: string | null, extra: Partial<Session> = {}): Session {
  return { index, day: null, start, end, title: `Talk ${index}`, room: null, speakers: [], speakerText: null, kind: 'talk', links: [], dayNumber: null, tokens: [], ...extra };
}
const eventsOf = (post: Post): IcsEvent[] => post.sessions.map((s) => ({ session: s, date: post.date!, post: { path: post.path, title: post.title } }));
const one = (s: Session, date = '2024-03-09', path = 'posts/2024-03-09-meetup.md'): IcsEvent => ({ session: s, date, post: { path, title: 'Meetup notes' } });

/** Unfolded content lines. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
/** Each VEVENT as name → value (parameters not used by postview). */
function parseEvents(ics: string): Record<string, string>[] {
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of unfold(ics)) {
    const colon = line.indexOf(':');
    const [name, value] = [line.slice(0, colon), line.slice(colon + 1)];
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) current[name] = value;
  }
  return events;
}
const unescapeText = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

describe('renderIcs', () => {
  const seed = fixturePost('seed-shape.md'); // 2023-11-18: 13:00-13:40, 13:50-14:30, 14:40-15:20
  const ics = renderIcs(eventsOf(seed), { now: NOW });

  it('writes a calendar with one event per session', () => {
    const lines = unfold(ics);
    expect(lines.slice(0, 4)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//postview//postview//EN', 'CALSCALE:GREGORIAN']);
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(parseEvents(ics)).toHaveLength(3);
  });

  it('fills each event from its session, with floating local times by default', () => {
    const [first] = parseEvents(ics);
    expect(first).toMatchObject({
      DTSTAMP: '20240102T030405Z',
      DTSTART: '20231118T130000',
      DTEND: '20231118T134000',
      SUMMARY: '쿠버네티스 운영 1년 회고',
    });
    expect(first!.UID).toMatch(/^[0-9a-f]{32}@postview$/);
    expect(unescapeText(first!.DESCRIPTION!)).toBe('Speakers: 김민준 (플랫폼 엔지니어, 예시테크)\nFrom: 사내 개발자 컨퍼런스 2023 후기');
    expect(first!.LOCATION).toBeUndefined();
  });

  it('uses CRLF only, and no line is longer than 75 octets', () => {
    expect(ics).not.toMatch(/[^\r]\n|\r[^\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('folds a long Korean title between characters, never inside one', () => {
    const title = '서버리스 아키텍처에서 이벤트 기반으로 데이터 파이프라인을 구성하고 운영하며 배운 것들 총정리 (부제: 비용과 안정성 사이)';
    const out = renderIcs([one(session(1, '10:00', '11:00', { title }))], { now: NOW });
    const raw = Buffer.from(out, 'utf8');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    const physical: string[] = [];
    for (let i = raw.indexOf('\r\n'); i !== -1; start = i + 2, i = raw.indexOf('\r\n', start)) {
      const bytes = raw.subarray(start, i);
      expect(bytes.length).toBeLessThanOrEqual(75);
      physical.push(decoder.decode(bytes)); // throws on a cut character
    }
    expect(physical.filter((l) => l.startsWith(' ')).length).toBeGreaterThanOrEqual(2);
    for (const line of physical) {
      expect(line).not.toContain('\ufffd');
      expect(Buffer.from(line).toString()).toBe(line);
    }
    expect(unescapeText(parseEvents(out)[0]!.SUMMARY!)).toBe(title);
  });

  it('keeps UIDs stable across runs and distinct across sessions', () => {
    const again = renderIcs(eventsOf(fixturePost('seed-shape.md')), { now: new Date(0) });
    const uids = parseEvents(ics).map((e) => e.UID);
    expect(parseEvents(again).map((e) => e.UID)).toEqual(uids);
    expect(new Set(uids).size).toBe(3);
    // Only the file name counts, not the folder it was read from.
    const a = parseEvents(renderIcs([one(session(1, '10:00', '11:00'), '2024-03-09', '/home/me/posts/x.md')], { now: NOW }))[0]!.UID;
    const b = parseEvents(renderIcs([one(session(1, '10:00', '11:00'), '2024-03-09', 'x.md')], { now: NOW }))[0]!.UID;
    expect(a).toBe(b);
    // The same title at the same time twice still gives two UIDs.
    const twins = renderIcs([one(session(1, '10:00', '11:00')), one(session(2, '10:00', '11:00', { title: 'Talk 1' }))], { now: NOW });
    expect(new Set(parseEvents(twins).map((e) => e.UID)).size).toBe(2);
  });

  it('escapes backslash, semicolon, comma and newlines in TEXT values', () => {
    const title = 'a,b;c\\d\ne\r\nf';
    const [event] = parseEvents(renderIcs([one(session(1, '10:00', '11:00', { title, room: 'Hall 1, Level 2' }))], { now: NOW }));
    expect(event!.SUMMARY).toBe('a\\,b\\;c\\\\d\\ne\\nf');
    expect(unescapeText(event!.SUMMARY!)).toBe('a,b;c\\d\ne\nf');
    expect(event!.LOCATION).toBe('Hall 1\\, Level 2');
    expect(escapeText('x;y')).toBe('x\\;y');
  });

  it('shows control, bidi and invisible characters as symbols, as the terminal does', () => {
    const out = renderIcs([one(session(1, '10:00', '11:00', { title: 'x\x1b[31my\x07z\tw\x9b', room: 'Hall \u202eA\u200b', speakerText: 'Kim\u2066 \ufeffLee' }))], { now: NOW });
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/);
    const [event] = parseEvents(out);
    expect(event!.SUMMARY).toBe('x␛[31my␇z w␛[');
    expect(event!.LOCATION).toBe('Hall <U+202E>A<U+200B>');
    expect(unescapeText(event!.DESCRIPTION!)).toContain('Kim<U+2066> <U+FEFF>Lee');
  });

  it('omits DTEND (and DURATION) when the end is unknown', () => {
    const events = parseEvents(renderIcs(eventsOf(fixturePost('start-only.md')), { now: NOW }));
    expect(events.map((e) => e.DTSTART)).toEqual(['20240127T154000', '20240127T162000', '20240127T170000']);
    for (const e of events) {
      expect(e.DTEND).toBeUndefined();
      expect(e.DURATION).toBeUndefined();
    }
  });

  it('ends a range past midnight on the next day', () => {
    const [event] = parseEvents(renderIcs([one(session(1, '23:30', '00:30'), '2023-12-31')], { now: NOW }));
    expect(event).toMatchObject({ DTSTART: '20231231T233000', DTEND: '20240101T003000' });
  });

  it('names the room as LOCATION, and falls back to the speaker line as written', () => {
    const s = session(1, '10:30', '11:15', { room: 'Room A', speakerText: 'Jane Example; Staff Engineer' });
    const [event] = parseEvents(renderIcs([one(s)], { now: NOW }));
    expect(event!.LOCATION).toBe('Room A');
    expect(unescapeText(event!.DESCRIPTION!)).toBe('Speakers: Jane Example; Staff Engineer\nFrom: Meetup notes');
    const bare = parseEvents(renderIcs([one(session(2, '10:30', '11:15'))], { now: NOW }))[0]!;
    expect(bare.DESCRIPTION).toBe('From: Meetup notes');
  });

  it('converts to UTC when given a time zone', () => {
    const seoul = parseEvents(renderIcs(eventsOf(seed), { now: NOW, timezone: 'Asia/Seoul' }))[0]!;
    expect(seoul).toMatchObject({ DTSTART: '20231118T040000Z', DTEND: '20231118T044000Z' });
    const summer = parseEvents(renderIcs([one(session(1, '10:00', '11:00'), '2024-07-01')], { now: NOW, timezone: 'America/New_York' }))[0]!;
    expect(summer).toMatchObject({ DTSTART: '20240701T140000Z', DTEND: '20240701T150000Z' });
    const winter = parseEvents(renderIcs([one(session(1, '23:30', '00:30'), '2024-01-15')], { now: NOW, timezone: 'America/New_York' }))[0]!;
    expect(winter).toMatchObject({ DTSTART: '20240116T043000Z', DTEND: '20240116T053000Z' });
    expect(parseEvents(renderIcs(eventsOf(seed), { now: NOW, timezone: null }))[0]!.DTSTART).toBe('20231118T130000');
  });

  it('rejects an unknown time zone and a malformed date', () => {
    expect(() => renderIcs(eventsOf(seed), { now: NOW, timezone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => renderIcs([one(session(1, '10:00', '11:00'), '2023-02-30')], { now: NOW })).toThrow(/invalid date/);
    expect(() => renderIcs([one(session(1, '10:00', '11:00'), '18.11.2023')], { now: NOW })).toThrow(/invalid date/);
  });

  it('skips sessions without a start; "" when no event is left', () => {
    expect(renderIcs([], { now: NOW })).toBe('');
    expect(renderIcs([one(session(1, null, null))], { now: NOW })).toBe('');
    expect(parseEvents(renderIcs([one(session(1, null, null)), one(session(2, '10:00', null))], { now: NOW }))).toHaveLength(1);
  });
});

describe('foldLine', () => {
  it('folds ASCII at 75 octets with one leading space per continuation', () => {
    const line = 'X'.repeat(200);
    const parts = foldLine(line).split('\r\n');
    expect(parts.map((p) => p.length)).toEqual([75, 75, 52]) // 75 + 74 + 51 = 200 characters;
    expect(parts.slice(1).every((p) => p.startsWith(' ') && !p.startsWith('  '))).toBe(true);
    expect(foldLine(line).replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('short')).toBe('short');
  });

  it.each([0, 1, 2, 3])('keeps an emoji sequence whole, its joiner never beside a fold (offset %s)', (offset) => {
    const line = 'SUMMARY:' + 'x'.repeat(offset) + '👩‍💻 ❤️‍🔥 '.repeat(30);
    const folded = foldLine(line);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    for (const part of folded.split('\r\n')) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      expect(part).not.toMatch(/^ ?\u200d|\u200d$|^ ?\ufe0f/);
    }
  });

  it('keeps 4-byte characters whole', () => {
    const line = 'SUMMARY:' + '😀'.repeat(40);
    for (const part of foldLine(line).split('\r\n')) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      expect(part).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
  });
});
