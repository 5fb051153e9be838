// search's word matcher finds exactly what normalising and lower-casing the
// whole text finds (matchForm), while lower-casing nothing for plain words.
import fc from 'fast-check';
import { isNormalText, matchForm, matchWords, mentionTest } from '../../../src/query/word-match.js';
import { foldText, mayMentionAll } from '../../../src/query/mentions.js';
import { searchWords } from '../../../src/query/search.js';
import { hasControls, showControls } from '../../../src/sanitize.js';

/** Characters where matching is tricky: cases, Unicode forms, jamo, full-width letters, İ and the Kelvin sign. */
const ALPHABET = [
  'a', 'B', 'd', 'D', 'y', 'Y', 'k', 'K', 'i', 'I', 's', 'S', '0', '9', ' ', '\n', '.', '+', '-', '*', '(', ')', '\\',
  '설', '계', '양', '승', '도', '\u1109', '\u1165', '\u11af', '\u3145', '\u3153', '\u3139', '㉮', '서',
  'Ｄ', 'ｙ', '１', '　', '\u00a0', 'ſ', '\u212a', '\u0130', '\u0131', 'ß', '\u1e9e', 'ﬁ', 'Σ', 'ς', 'e\u0301', 'é', '😀', 'Ⅻ',
];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 30 }).map((parts) => parts.join(''));
const textAndWords = text.chain((t) =>
  fc.tuple(
    fc.constant(t),
    fc.array(fc.oneof(fc.integer({ min: 0, max: t.length }).chain((from) => fc.integer({ min: from, max: Math.min(t.length, from + 8) }).map((to) => t.slice(from, to))), text), { minLength: 1, maxLength: 3 }),
  ),
);

describe('matchWords', () => {
  it('counts and finds the words that matchForm of the text holds (property)', () => {
    fc.assert(
      fc.property(textAndWords, ([t, typed]) => {
        const words = searchWords(typed);
        const normal = matchForm(t, words);
        const held = words.filter((w) => normal.includes(w));
        const matcher = matchWords(words);
        expect(matcher.count(t)).toBe(held.length);
        expect(matcher.holdsAll(t)).toBe(held.length === words.length);
        expect(matcher.firstHeld(t)).toBe(held[0]);
      }),
      { numRuns: 4000 },
    );
  });

  it('counts plain words in a line without controls as in the line shown: NFC, spaces collapsed (property)', () => {
    const line = fc.array(fc.constantFrom(...ALPHABET, '\t', '\u00b4', '\u2007', '\u3000', '\u1680', '\ufe4d', '\u0301', 'ｄ ｂ', '  '), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(line, textAndWords, (l, [, typed]) => {
        const words = searchWords(typed);
        const matcher = matchWords(words);
        if (!matcher.plain || hasControls(l)) return;
        const shown = showControls(l.normalize('NFC')).replace(/\s+/g, ' ').trim();
        expect(matcher.count(l)).toBe(matcher.count(shown));
      }),
      { numRuns: 4000 },
    );
  });

  it('matches two texts as the two joined by a line feed (property)', () => {
    fc.assert(
      fc.property(textAndWords, text, ([t, typed], other) => {
        const words = searchWords(typed);
        const matcher = matchWords(words);
        expect(matcher.holdsAllOf(t, other)).toBe(matcher.holdsAll(`${t}\n${other}`));
        expect(matcher.holdsAllOf(other, t)).toBe(matcher.holdsAll(`${other}\n${t}`));
      }),
      { numRuns: 4000 },
    );
  });

  it('matches a text isNormalText accepts, and any run of its lines, as it is, without normalising it (property)', () => {
    // Characters NFKC keeps, with some it changes or that combine with the one before.
    const pieces = fc.array(fc.constantFrom(...ALPHABET, '\u0301', '\u1100', '\u1161', '\u11a8', '\u0007', '\u200b'), { maxLength: 30 }).map((parts) => parts.join(''));
    let normal = 0;
    fc.assert(
      fc.property(pieces, textAndWords, fc.nat(), fc.nat(), (t, [, typed], a, b) => {
        if (!isNormalText(t)) return;
        normal++;
        const lines = t.split('\n');
        const from = a % lines.length;
        const run = lines.slice(from, from + 1 + (b % 3)).join('\n');
        expect(isNormalText(run)).toBe(true);
        const matcher = matchWords(searchWords(typed));
        for (const x of [t, run]) {
          expect(matcher.holdsAll(x, true)).toBe(matcher.holdsAll(x));
          expect(matcher.count(x, true)).toBe(matcher.count(x));
        }
        expect(matcher.holdsAllOf(run, t, true)).toBe(matcher.holdsAll(`${run}\n${t}`));
        // Each line holding words, as counting the words of each line gives them.
        const expected = new Map<number, { count: number; start: number; end: number }>();
        let start = 0;
        lines.forEach((line, k) => {
          const count = matcher.count(line);
          if (count > 0) expected.set(k, { count, start, end: start + line.length });
          start += line.length + 1;
        });
        expect(matcher.linesHolding(t)).toEqual(expected);
      }),
      { numRuns: 4000 },
    );
    expect(normal).toBeGreaterThan(100);
  });

  it.each([
    ['plain Korean and ASCII', 'DynamoDB 설계\n노트', true],
    ['full-width letters', 'ＤｙｎａｍｏＤＢ', false],
    ['NFD jamo', '\u1109\u1165\u11af', false],
    ['a dotted capital I', 'X\u0130', false],
    ['a control character', 'a\u0007b', false],
    ['a zero-width space', 'a\u200bb', false],
  ])('isNormalText: %s', (_name, t, expected) => {
    expect(isNormalText(t)).toBe(expected);
  });

  it.each([
    ['capitals', 'Amazon DynamoDB 설계', ['dynamodb', '설계'], 2],
    ['full-width letters', 'ＤｙｎａｍｏＤＢ', ['dynamodb'], 1],
    ['NFD jamo typed on a Mac', '\u1109\u1165\u11af계', ['설계'], 1],
    ['the Kelvin sign', '\u212Ainesis', ['kinesis'], 1],
    ['a dotted capital I', '\u0130AM', ['iam'], 0],
    ['a dotted capital I ending a word', 'AWS X\u0130', ['aws', 'xi'], 2],
    ['a dotted capital I, then the word', '\u0130 IAM', ['iam'], 1],
    ['punctuation in a word', 'Node.js, NodeXjs', ['node.js'], 1],
    ['a word not there', 'DynamoDB', ['dynamo', 'db', 'redis'], 2],
  ])('%s', (_name, t, words, count) => {
    expect(matchWords(words).count(t)).toBe(count);
    const normal = matchForm(t, words);
    expect(words.filter((w) => normal.includes(w)).length).toBe(count);
  });

  // What the expressions rely on, over every code point: in normalised text,
  // only a character's own ASCII cases lower-case to it, and a Hangul syllable
  // or a character no letter case changes lower-cases from itself alone, save İ.
  it('no normalised character but ASCII and İ lower-cases to ASCII or to a space, and none but itself to a Hangul syllable', () => {
    const odd: string[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (c.normalize('NFKC') !== c) continue;
      const lower = c.toLowerCase();
      if (lower === c) continue;
      if (/[\x00-\x7f\uac00-\ud7a3\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(lower) || lower.length !== c.length) odd.push(cp.toString(16));
      // The expressions' case-insensitive match of an ASCII letter takes no other character.
      if (/[a-z]/i.test(c)) odd.push(`i:${cp.toString(16)}`);
      if (/[\uac00-\ud7a3]/.test(c.toUpperCase())) odd.push(`u:${cp.toString(16)}`);
    }
    expect(odd).toEqual(['130']);
  });
});

describe('mentionTest', () => {
  const MARKDOWN = [...ALPHABET, '**', '`', '_', '&amp;', '<b>', '[', ']', '(', '](http://x.test/dynamodb)', '\u2003', '\ufeff', '\u1680', '\t', '~'];
  const markdown = fc.array(fc.constantFrom(...MARKDOWN), { maxLength: 30 }).map((parts) => parts.join(''));
  it('answers as mayMentionAll does (property)', () => {
    fc.assert(
      fc.property(markdown, textAndWords, (m, [t, typed]) => {
        // Needles cut from this text or the other, folded as search folds them.
        const needles = searchWords([...typed, t.slice(0, 4)]).map(foldText);
        expect(mentionTest(needles)(m)).toBe(mayMentionAll(m, needles));
        const own = searchWords([m.slice(2, 9)]).map(foldText);
        expect(mentionTest(own)(m)).toBe(mayMentionAll(m, own));
      }),
      { numRuns: 4000 },
    );
  });

  it.each([
    ['markup between letters', 'Dynamo**DB** 설계', ['dynamodb', '설계'], true],
    ['spaces and a line break', 'dynamo\u3000d\nb 설 계', ['dynamodb', '설계'], true],
    ['full-width letters and NFD jamo', 'ＤｙｎａｍｏＤＢ \u1109\u1165\u11af\u1100\u1168', ['dynamodb', '설계'], true],
    ['a link address cut out', '[DynamoDB](http://x.test/설계)', ['dynamodb', '설계'], false],
    ['a dotted capital I', 'AWS X\u0130', ['xi'], true],
    ['a word missing', 'DynamoDB 설명', ['dynamodb', '설계'], false],
  ])('%s', (_name, m, needles, may) => {
    expect(mentionTest(needles)(m)).toBe(may);
    expect(mayMentionAll(m, needles)).toBe(may);
  });
});
