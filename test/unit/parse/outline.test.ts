import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { parseFrontMatter } from '../../../src/load/front-matter.js';
import { decodePost } from '../../../src/load/read-post.js';
import { countSessions } from '../../../src/parse/outline.js';
import { parsePost } from '../../../src/parse/post.js';
import { FIXTURES } from './fixture.js';

const agree = (text: string) => {
  const { content } = parseFrontMatter(text, 'x.md');
  // list counts what tracks shows by default: the talks.
  expect(countSessions(content)).toBe(parsePost(text, 'x.md').sessions.filter((s) => s.kind === 'talk').length);
};

describe('countSessions agrees with parsePost', () => {
  const names = readdirSync(FIXTURES).filter((name) => name.endsWith('.md') && name !== 'README.md');

  it.each(names)('%s', (name) => {
    agree(decodePost(readFileSync(`${FIXTURES}${name}`), name));
  });

  it.each([
    ['heading sessions', '### 13:00 - 13:40 A\n\n### 14:00 B\n'],
    ['a time-only heading with two talks', '### 13:00\n- A - 홍길동님\n- B - 김철수님\n'],
    ['a table', '| 시간 | 주제 |\n|---|---|\n| 13:00 | A |\n| 14:00 | B |\n'],
    ['a table without leading pipes', '시간 | 주제\n--- | ---\n13:00 | A\n'],
    ['a table in fenced code', '```\n| 시간 | 주제 |\n|---|---|\n| 13:00 | A |\n```\n'],
    ['timed bullets', '- **13:00** A - 홍길동님\n- 14:00 B\n'],
    ['a numbered, timed task list', '1. [ ] 13:00 A\n2. [x] 14:00 B\n'],
    ['a setext heading with a time', '13:00 - 13:40 A\n-----\n'],
    ['one timed line', '- 13:00 A\n'],
    ['times in prose only', '발표는 13:00에 시작했다.\n'],
    ['HTML headings', '<h2>트랙</h2>\n\n<h3>13:00 - 13:40 A</h3>\n\n<h3>14:00 - 14:40 <b>B</b></h3>\n'],
    ['a Hugo figure and footnotes around headings', '{{< figure src="x.png" >}}\n\n### 13:00 - 13:40 A[^1]\n\n[^1]: note\n'],
    // Issue 15: headings list counted and show/tracks did not see.
    ['a session heading inside an HTML comment', '<!--\n### 13:00 - 13:40 Hidden\n-->\n\n### 14:00 - 14:40 Real\n'],
    ['a session heading inside a <div>', '<div>\n### 13:00 - 13:40 Inside\n</div>\n\n### 14:00 - 14:40 Real\n'],
    ['a session heading nested in a list item', '- item\n  ### 13:00 - 13:40 Nested\n\n### 14:00 - 14:40 Real\n'],
    ['a session heading nested in an ordered list item', '1. item\n   ### 13:00 - 13:40 Nested\n'],
    ['a session heading holding U+2028', '### 13:00 - 13:40 Title\u2028more\n\n### 14:00 - 14:40 Real\n'],
    ['a session heading holding U+2029', '### 13:00 - 13:40 Title\u2029more\n'],
    ['a setext heading with a time after its title', 'Keynote (13:00 - 13:40)\n===\n'],
    ['a setext heading of two lines with the time on the first', 'Keynote (13:00 - 13:40)\n| a | b |\n=====\n'],
    ['an HTML heading with a time', '<h3>13:00 - 13:40 Talk</h3>\n'],
    // Issue 11: breaks are not counted, logs and elapsed times are not sessions.
    ['a break among talks', '### 12:00 - 13:00 점심 시간\n\n### 13:00 - 13:40 발표\n'],
    ['a log of bare start times', '### 13:40 Fixed the export\n\n### 15:10 Deployed\n'],
    ['headings in elapsed time', '## 0:00 – 1:00 · The hook\n\n## 1:00 – 4:00 · Skeleton\n'],
    ['headings in UTC', '### 13:30 - 13:40 UTC ingester\n'],
    // The break hint reads the text around the time: labels, and words before the time.
    ['a break word in a label', '### [점심] 12:00 - 13:00 도시락 세션\n\n### [Break] 13:00 - 13:40 Talk\n'],
    ['a break word before the time', '### Lunch (12:00 - 13:00)\n\n### 점심 12:00 - 13:00\n'],
    ['a break word in a room', '### 13:00 - 13:40 | Coffee Hall | 발표\n\n### 13:00 - 13:40 · 휴게실 · 발표\n'],
  ])('%s', (_name, text) => {
    agree(text);
  });
});

describe('countSessions agrees with parsePost on any mix of shapes', () => {
  const lines = [
    '### 13:00 - 13:40 A', '<h3>13:10 - 13:50 H</h3>', '### 14:00', '## Day 1', '- B - 홍길동님', '- 15:00 C', '- **16:00** D | Jane Doe', '| 시간 | 주제 |', '|---|---|',
    '| 13:00 | T |', '시간 | 주제', '--- | ---', '13:00 | X', '```', '', '**Title**', '김철수 | 예시 개발자', '13:00 - 13:40 Setext', '-----',
    '> | Time | Title |', '> |---|---|', '  - 17:00 nested', '1. [ ] 18:00 task', 'plain text', '<b>13:00</b> html', '| TIME | TALK |', '| :-: | --- |',
    '| 9:00 AM | Y |', '    | Time | Title |', '###  13:00  -  13:40   Double spaced', '### 13:00\u3000-\u300013:40\u3000Ideographic', '### 14:00 - 14:40\tTab',
    '## \u00a0Day 2', '#### 15:00 - 15:40 Closed ##', '- <span>16:00</span> Tagged', '| a | b |', '| - | - |', 'Time | Talk', '-|-',
    // Issue 15: HTML blocks and comments, list items, line separators.
    '<!--', '-->', '<!-- note -->', '<div>', '</div>', '<pre>', '</pre>', '  ### 13:00 - 13:40 Indented', '- item', '   ### 14:00 - 14:40 In item',
    '### 13:00 - 13:40 A\u2028B', '# Title\u2029x', 'Keynote (13:00 - 13:40)', '=====', '<h3>15:00 - 15:40 H</h3>',
    // Issue 11: breaks, logs, rooms, bracketed and am/pm lines, start/end columns.
    '### 12:00 - 13:00 Lunch', '### 13:40 Log entry', '### 13:40~ Open', '### 00:00 - 01:00 Hook', '### 13:30 - 14:00 UTC window',
    '### 14:00 - 14:40 Title - Jane Doe', '트랙 A', '[12:50 ~ 13:30] Talk (김철수 - 예시)', '7:10 PM - 7:50 PM: Talk', '| Start | End | Session |',
    '| 09:00 | 09:15 | Intro |', '## Saturday', '### 1:50-2:20 Afternoon', '### 10:00 - 10:40 "Quoted" [slides](x.pdf)',
    '### 13:00-13:40Lunch', '### 13:00 - 13:40 Tea time', '### 13:00 - 13:40 Steady state', '### 13:30-14:00UTC x', '### 14:00 - 14:40 Trains → Planes',
    '### 14:00 - 14:40 ☕ 휴식', '### 15:00 - 15:40 Closing the gap', '### 15:00 - 15:40 Closing remarks', '### 2024-05-17 13:00 - 13:40 Log',
    '### [Lunch] 12:00 - 13:00 Talk', '### Session 2: 13:00 - 13:40 Coffee chat', '### Coffee (10:30 - 10:45)', '### 10:30 - 10:45 | Hall B | Break',
  ];
  it('random documents', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...lines), { maxLength: 14 }), (picked) => {
        agree(`Intro\n\n${picked.join('\n')}`);
      }),
      { numRuns: 1000 },
    );
  });
});
