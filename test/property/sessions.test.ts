// Issue 11: sessions are read one by one. In a generated schedule (heading,
// line and table shapes, days, rooms, breaks), adding or removing one session
// never changes any field of the others.
import fc from 'fast-check';
import { lexMarkdown } from '../../src/parse/lexer.js';
import { extractSessions } from '../../src/parse/sessions.js';
import { formatClock } from '../../src/parse/time.js';

type Shape = 'heading' | 'heading-dash' | 'heading-paren' | 'labelled' | 'time-only' | 'line' | 'row';

interface Item {
  shape: Shape;
  title: string;
  speaker: string;
}

const TITLES = ['Observability on a Budget', '쿠버네티스 운영 1년 회고', 'Keynote: The Next Decade', '점심 시간', 'Coffee break', 'Lightning talks', '데이터 파이프라인 비용 줄이기', 'Registration'];
const SPEAKERS = ['Jane Doe', 'Priya Natarajan', '김민준', '이서연', 'Marco Bellini'];

const item = fc.record({
  shape: fc.constantFrom<Shape>('heading', 'heading-dash', 'heading-paren', 'labelled', 'time-only', 'line', 'row'),
  title: fc.constantFrom(...TITLES),
  speaker: fc.constantFrom(...SPEAKERS),
});

/** Writes a day of sessions, 40 minutes apart from 09:00, in blocks of the same shape. */
function writeDay(label: string, items: readonly Item[]): string {
  const out = [`## ${label}`, ''];
  items.forEach((it, k) => {
    const time = `${formatClock(540 + 40 * k)} - ${formatClock(570 + 40 * k)}`;
    const next = items[k + 1]?.shape;
    switch (it.shape) {
      case 'heading':
        out.push(`### ${time} ${it.title}`, '', `- ${it.speaker}`, '');
        break;
      case 'heading-dash':
        out.push(`### ${time} ${it.title} - ${it.speaker}`, '');
        break;
      case 'heading-paren':
        out.push(`### ${time} ${it.title} (${it.speaker}, Acme)`, '');
        break;
      case 'labelled':
        out.push(`### ${time} "${it.title}"`, `Speaker: ${it.speaker}`, '');
        break;
      case 'time-only':
        out.push(`### ${time}`, '', `**${it.title}**`, '', `${it.speaker} | 예시회사 개발자`, '');
        break;
      // A table under a session heading is part of that session; a heading without a time ends it.
      case 'line':
        out.push('#### 시간표', '', `| 시간 | 주제 | 발표자 |`, `|---|---|---|`, `| ${time} | ${it.title} | ${it.speaker} |`, '');
        break;
      case 'row':
        out.push('#### Track 2', '', `| Time | Title | Speaker |`, `| --- | --- | --- |`, `| ${time} | ${it.title} | ${it.speaker} |`, '');
        break;
    }
    if (next !== undefined) out.push('');
  });
  return out.join('\n');
}

function sessionsOf(days: readonly (readonly Item[])[]): unknown[] {
  const md = days.map((items, d) => writeDay(`Day ${d + 1}`, items)).join('\n');
  return extractSessions(lexMarkdown(md)).map((s) => ({ day: s.day, start: s.start, end: s.end, title: s.title, room: s.room, speakers: s.speakers, speakerText: s.speakerText, kind: s.kind, links: s.links }));
}

describe('sessions are read independently of each other', () => {
  const days = fc.array(fc.array(item, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 });

  it('removing a session leaves every other session as it was', () => {
    fc.assert(
      fc.property(days, fc.nat(), fc.nat(), (schedule, dayPick, itemPick) => {
        const d = dayPick % schedule.length;
        const k = itemPick % schedule[d]!.length;
        const before = sessionsOf(schedule);
        const fewer = schedule.map((items, i) => (i === d ? items.filter((_, j) => j !== k) : items));
        const after = sessionsOf(fewer);
        const at = schedule.slice(0, d).reduce((n, items) => n + items.length, 0) + k;
        expect(before).toHaveLength(schedule.flat().length);
        // Times are 40 minutes apart by position, so compare what does not depend on the slot.
        const strip = (s: unknown) => ({ ...(s as object), start: undefined, end: undefined });
        expect(after.map(strip)).toEqual(before.filter((_, j) => j !== at).map(strip));
      }),
      { numRuns: 120 },
    );
  });

  it('adding a session leaves every other session as it was', () => {
    fc.assert(
      fc.property(days, item, fc.nat(), fc.nat(), (schedule, extra, dayPick, itemPick) => {
        const d = dayPick % schedule.length;
        const k = itemPick % (schedule[d]!.length + 1);
        const before = sessionsOf(schedule);
        const more = schedule.map((items, i) => (i === d ? [...items.slice(0, k), extra, ...items.slice(k)] : items));
        const after = sessionsOf(more);
        const at = schedule.slice(0, d).reduce((n, items) => n + items.length, 0) + k;
        const strip = (s: unknown) => ({ ...(s as object), start: undefined, end: undefined });
        expect(after.filter((_, j) => j !== at).map(strip)).toEqual(before.map(strip));
      }),
      { numRuns: 120 },
    );
  });
});
