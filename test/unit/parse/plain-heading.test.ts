// plainHeadingToken against marked: on every generated heading line it
// either declines (null) or gives the very token lexing the line gives, and
// so the same sessions.
import fc from 'fast-check';
import type { Token, Tokens } from 'marked';
import { lexMarkdown } from '../../../src/parse/lexer.js';
import { plainHeadingToken } from '../../../src/parse/plain-heading.js';
import { withoutTokens } from '../../../src/parse/post-sessions.js';
import { headingTitle } from '../../../src/parse/sections.js';
import { extractPlainText } from '../../../src/parse/text.js';
import { decodeEntities } from '../../../src/sanitize.js';
import { extractSessions } from '../../../src/parse/sessions.js';

const marked = (line: string): Token[] => lexMarkdown(line).filter((t) => t.type !== 'space');

const PIECES = [
  '09:30', '-', '10:10', '~', '–', '13:00 - 13:40', '9:00am', '엔터프라이즈를', '위한', '하이브리드 클라우드 전략', 'AWS', 'Day', '1', '2일차',
  '·', '그랜드볼룸', '|', 'Room A', '(', ')', ',', '.', ':', ';', '?', '"', "'", '/', '+', '=', '%', '$', '^', '{', '}', 'C#', '#', '##',
  '\\', '`', '*', '**', '_', '~~', '[', ']', '<', '>', '&', '&amp;', '!', '@', 'a@b.co', 'www.x.test', 'http://x.test', 'ftp://x', 'WWW.X',
  ' ', '  ', '\t', ' \t ', '\u00a0', '\u3000', '\u2003', '\f', '\v', '\u200b', '\r', '\u2028', 'é', 'e\u0301', 'Ｆｕｌｌ', '발표 자료', 'slides',
];

const line = fc
  .tuple(
    fc.integer({ min: 1, max: 6 }),
    fc.constantFrom(' ', '\t', ' \t', '   ', ''),
    fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }),
    fc.constantFrom('', ' ', '  ', '\t', ' #', ' ##', '\u00a0', ' # \u3000'),
  )
  .map(([depth, gap, pieces, end]) => ({ depth, line: '#'.repeat(depth) + (pieces.length === 0 && end === '' ? gap : gap || ' ') + pieces.join(' ') + end }));

describe('plainHeadingToken', () => {
  it('gives the token marked gives, or declines', () => {
    let built = 0;
    fc.assert(
      fc.property(line, ({ depth, line }) => {
        const token = plainHeadingToken(line, depth);
        if (token === null) return;
        built++;
        const lexed = marked(line);
        expect([token]).toEqual(lexed);
        expect(extractSessions([token]).map(withoutTokens)).toEqual(extractSessions(lexed).map(withoutTokens));
      }),
      { numRuns: 2000 },
    );
    // The property holds for lines the builder takes, not only for those it declines.
    expect(built).toBeGreaterThan(200);
  });

  it.each([
    ['### 09:30 - 10:10 엔터프라이즈를 위한 하이브리드 클라우드 전략', true],
    ['## Day 1', true],
    ['#\tTabbed  title \u3000', true],
    ['###', true],
    ['### 10:00 - 10:40 **Bold**', false],
    ['### 10:00 Slides at www.x.test', false],
    ['### 10:00 Ask a@b.co', false],
    ['### 10:00 C# ##', false],
    ['### 10:00 Fish &amp; chips', false],
  ])('%s: built without marked %s', (text, plain) => {
    const depth = /^#+/.exec(text)![0].length;
    const token = plainHeadingToken(text, depth);
    expect(token !== null).toBe(plain);
    if (token) expect((marked(text)[0] as Tokens.Heading).text).toBe(token.text);
  });

  it('makes the same sessions as marked over a run of headings', () => {
    const lines = ['## Day 1', '### 09:30 - 10:10 Opening · Hall A', '### 10:20 - 11:00 AWS 기반 데이터 분석 플랫폼 구축하기', '## Day 2', '### 1:00 - 1:40 Afternoon talk', '### 좋았던 점'];
    const built = lines.map((l) => plainHeadingToken(l, /^#+/.exec(l)![0].length)!);
    expect(built.every((t) => t !== null)).toBe(true);
    expect(extractSessions(built).map(withoutTokens)).toEqual(extractSessions(marked(lines.join('\n\n'))).map(withoutTokens));
  });
});

describe('headingTitle and extractPlainText leave single spaces alone without a replacement', () => {
  it('give what collapsing every run of white space gives', () => {
    const text = fc.array(fc.constantFrom('a', '가', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', '\u2028', '\f', '&amp;', '&#32;', '&#9;', 'x y'), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const tokens: Token[] = [{ type: 'text', raw: t, text: t }];
        const plain = decodeEntities(t).replace(/[ \t]+/g, ' ');
        expect(extractPlainText(tokens)).toBe(plain);
        expect(headingTitle({ type: 'heading', raw: t, depth: 1, text: t, tokens })).toBe(plain.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 1000 },
    );
  });
});
