import fc from 'fast-check';
import { mayBeBreakOrNoise } from '../../../src/parse/break-hint.js';
import { BREAK_HINT_WORDS } from '../../../src/parse/session-kind.js';
import { NOISE_HINT_WORDS } from '../../../src/parse/session-noise.js';

// The expression the scanner stands for, run on the lower-cased heading.
const escape = (s: string) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
const HINT = new RegExp(
  `(?:^|[^a-z])(?:${BREAK_HINT_WORDS.wordStart.join('|')})` +
    `|(?:^|[^a-z])(?:${NOISE_HINT_WORDS.whole.join('|')})\\b|\\d{4}` +
    `|${[...BREAK_HINT_WORDS.anywhere, ...NOISE_HINT_WORDS.anywhere].map(escape).join('|')}`,
);
const byRegex = (text: string) => HINT.test(text.toLowerCase());
/** The two characters that lower-case into ASCII letters (K, İ): the scanner says "maybe" for them. */
const FOLDS_TO_ASCII = /[\u0130\u212a]/;

describe('mayBeBreakOrNoise', () => {
  it.each([
    ['09:30 - 10:10 엔터프라이즈를 위한 하이브리드 클라우드 전략', false],
    ['13:00 - 13:40 DevOps on AWS: 배포 파이프라인 자동화', false],
    ['12:00 - 13:00 점심 시간', true],
    ['12:00 - 13:00 Lunch', true],
    ['10:30 ~ 10:45 Coffee Break', true],
    ['10:30 ~ 10:45 Breaking changes in Node', true], // "break" at a word's start: the full test decides (a talk)
    ['10:30 ~ 10:45 Outbreak response', false], // "break" inside a word
    ['10:30 ~ 10:45 Trends', false],
    ['10:30 ~ 10:45 Endpoints', true],
    ['02:00 - 04:00 UTC: deploy', true],
    ['02:00 - 04:00 UTC2 deploy', false], // a zone must end the word
    ['02:00 - 04:00 utc_x deploy', false],
    ['02:00 - 04:00 Iced tea', true], // "tea" is a break word
    ['02:00 - 04:00 Iced latte', false], // "ice" must be a whole word
    ['13:17 Thursday 29 August 2019', true],
    ['07:30 ~ 10:05 서울 → 부산', true],
    ['07:30 ~ 10:05 A->B', true],
    ['07:30 ~ 10:05 A-B', false],
    ['07:30 ~ 10:05 \u212Aey notes', true], // Kelvin sign: "maybe", the full test decides
  ])('%s -> %s', (text, expected) => {
    expect(mayBeBreakOrNoise(text)).toBe(expected);
    if (!FOLDS_TO_ASCII.test(text)) expect(byRegex(text)).toBe(expected);
  });

  it('says what the expression says on the lower-cased text (and "maybe" whenever it matches)', () => {
    const pieces = [
      ...BREAK_HINT_WORDS.anywhere, ...BREAK_HINT_WORDS.wordStart, ...NOISE_HINT_WORDS.anywhere, ...NOISE_HINT_WORDS.whole,
      'BREAK', 'Utc', 'ZZ', 'a', 'x', 'q', 'K', 'i', ' ', '_', '-', '>', '1', '20', '·', 'é', '\u0130', '\u212a', '한', '티', '\u{1F600}',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const expected = byRegex(text);
        if (expected) expect(mayBeBreakOrNoise(text)).toBe(true);
        else if (!FOLDS_TO_ASCII.test(text)) expect(mayBeBreakOrNoise(text)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});
