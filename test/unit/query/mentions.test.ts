// The quick containment tests that let folder commands skip bodies: they must
// find exactly what folding (or normalising) the whole text and searching it finds.
import fc from 'fast-check';
import { foldText, holdsFolded, lowerText, mayMention, mayMentionAll } from '../../../src/query/mentions.js';
import { holdsEvery, searchPost, searchWords } from '../../../src/query/search.js';
import { mentionTest } from '../../../src/query/word-match.js';
import { parsePost } from '../../../src/parse/post.js';
import { normalizeForMatch } from '../../../src/parse/text.js';

/** Characters where folding is tricky: marks it drops, Unicode forms, cases, jamo, astral characters. */
const ALPHABET = [
  'a', 'B', 'z', 'Z', '0', '9', ' ', '\t', '\n', '\r', '\v', '\f', '!', '-', '/', ':', '@', '[', ']', '`', '{', '%', '~', '*', '_', '#', '\x7f', '\x00',
  '양', '승', '도', '서', '비', '스', '\u110b', '\u1163', '\u11bc', '\u3147', '\u314f', '\uffbb', '㉮',
  'Ａ', 'ｂ', '１', '　', '\u00a0', '\u1680', '\u2003', '\u2028', '\u2029', '\u202f', '\u205f', '\ufeff', '\u0085', '\u200b',
  'ς', 'σ', 'Σ', 'İ', 'ß', 'ﬁ', 'e\u0301', 'é', '\u0301', '😀', '\ud83d', '\ude00', 'ǅ', 'Ⅻ',
];

/** Markup that may print or hide text (cutMarkup): the quick tests then say "maybe". */
const MARKUP_OF_ITS_OWN = /[&<]|\]\(|\]\[|\{[{%:]/;

const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((parts) => parts.join(''));

/** A needle cut from the text (so that matches are common), or one of its own. */
const textAndNeedle = text.chain((t) =>
  fc.tuple(fc.constant(t), fc.oneof(fc.integer({ min: 0, max: t.length }).chain((from) => fc.integer({ min: from, max: t.length }).map((to) => t.slice(from, to))), text)),
);

describe('holdsFolded', () => {
  it('finds a folded needle exactly when the folded text holds it (property)', () => {
    fc.assert(
      fc.property(textAndNeedle, ([t, typed]) => {
        const needle = foldText(typed);
        expect(holdsFolded(lowerText(t), needle)).toBe(foldText(t).includes(needle));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['markup between letters', '양**승도** 솔루션즈', '양승도', true],
    ['a line break inside a name', 'Jeff\nBarr', 'jeffbarr', true],
    ['NFD jamo typed on a Mac', '\u110b\u1163\u11bc승도', '양승도', true],
    ['full-width letters', 'ＤｙｎａｍｏＤＢ', 'dynamodb', true],
    ['a final sigma', 'ΟΔΟΣ', 'οδοσ', true],
    ['a near miss', '양승 x도', '양승도', false],
    ['a needle longer than the text', '양승', '양승도', false],
  ])('%s', (_name, body, needle, found) => {
    expect(holdsFolded(lowerText(body), needle)).toBe(found);
    expect(foldText(body).includes(needle)).toBe(found);
  });
});

describe('mayMention and mayMentionAll', () => {
  it('never say no for text that holds the needles once folded (property)', () => {
    fc.assert(
      fc.property(textAndNeedle, text, ([t, typed], other) => {
        const needles = [foldText(typed), foldText(other)];
        const folded = foldText(t);
        if (needles.some((n) => folded.includes(n))) expect(mayMention(t, needles)).toBe(true);
        if (needles.every((n) => folded.includes(n))) expect(mayMentionAll(t, needles)).toBe(true);
        // Without markup of its own (no entity, tag, template or link), the answer is exact.
        if (!MARKUP_OF_ITS_OWN.test(t)) {
          expect(mayMention(t, needles)).toBe(needles.some((n) => n === '' || folded.includes(n)));
          expect(mayMentionAll(t, needles)).toBe(needles.every((n) => folded.includes(n)));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('mayMention with needles of Hangul syllables and digits (not lower-cased)', () => {
  const caseless = fc.array(fc.constantFrom('양', '승', '도', '서', '0', '9', '１', '\u110b\u1163\u11bc', '㉮', 'z'), { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
  it('answers what folding the whole text answers (property)', () => {
    fc.assert(
      fc.property(text, caseless, (t, typed) => {
        const needle = foldText(typed);
        if (needle === '' || MARKUP_OF_ITS_OWN.test(t)) return;
        expect(mayMention(t, [needle])).toBe(foldText(t).includes(needle));
        expect(mayMentionAll(t, [needle])).toBe(foldText(t).includes(needle));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('holdsEvery', () => {
  it('matches words as normalizeForMatch of the text holds them (property)', () => {
    fc.assert(
      fc.property(textAndNeedle, ([t, typed]) => {
        const words = searchWords([typed]);
        const normal = normalizeForMatch(t);
        expect(holdsEvery(t, words)).toBe(words.every((w) => normal.includes(w)));
      }),
      { numRuns: 2000 },
    );
  });

  it('still reads words with spaces in them as the whole normalised text does', () => {
    expect(holdsEvery('Amazon \n Web', ['amazon web'])).toBe(true);
    expect(holdsEvery('AmazonWeb', ['amazon web'])).toBe(false);
  });
});

describe('markup that prints or hides text between letters', () => {
  // Each post shows the words once parsed in full (a search finds them), though its Markdown does not spell them.
  it.each([
    ['a reference link joining a word', '[Dynamo][r]DB 설계\n\n[r]: https://example.com/x\n', ['DynamoDB', '설계']],
    ['a template printing a front-matter value', '- {{ page.speaker }}, 아마존 웹서비스\n', ['양승도']],
    ['a Liquid comment inside a word', 'Dyna{% comment %}x{% endcomment %}moDB\n', ['DynamoDB']],
    ['a kramdown attribute list inside a word', 'Dynamo{: .big}DB\n', ['DynamoDB']],
  ])('%s: the quick tests say it may be there', (_name, body, typed) => {
    const post = parsePost(`---\ntitle: Notes\nspeaker: 양승도\n---\n\n## Session\n\n${body}`, 'post.md');
    const words = searchWords(typed);
    expect(searchPost(post, words).length).toBeGreaterThan(0);
    const needles = words.map(foldText);
    expect(mayMentionAll(body, needles)).toBe(true);
    expect(mayMention(body, needles)).toBe(true);
    expect(mentionTest(needles)(body)).toBe(true);
  });
});
