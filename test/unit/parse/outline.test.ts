import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { parseFrontMatter } from '../../../src/load/front-matter.js';
import { decodePost } from '../../../src/load/read-post.js';
import { countSessions } from '../../../src/parse/outline.js';
import { parsePost } from '../../../src/parse/post.js';
import { FIXTURES } from './fixture.js';

const agree = (text: string) => {
  const { content } = parseFrontMatter(text, 'x.md');
  expect(countSessions(content)).toBe(parsePost(text, 'x.md').sessions.length);
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
