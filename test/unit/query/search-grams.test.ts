// The search cache's bits never pass over a post that search would find.
import fc from 'fast-check';
import { parsePost } from '../../../src/parse/post.js';
import { foldText } from '../../../src/query/mentions.js';
import { gramBitsOf, gramProbe, isGramSpan, mayHoldGrams } from '../../../src/query/search-grams.js';
import { indexPost, searchIndex, searchWords, searchableText } from '../../../src/query/search.js';

/** Pieces of posts where matching is tricky: case, NFC and NFD Hangul, compatibility jamo, full-width letters, spacing and markup. */
const PIECES = [
  'DynamoDB', 'dynamo', 'DB', 'Dynamo DB', 'ＤｙｎａｍｏＤＢ', 'dynamo**db**', '`Dynamo`DB', 'd\u00a0b',
  '설계', '\u1109\u1165\u11af\u1100\u1168', '설', '계', '서', '\u11af', 'ㅅㅓㄹ', '\u3000', '설\n계',
  'Lambda', 'LAMBDA', '함수', 'İ', 'ſ', 'Σ', 'ς', 'é', 'e\u0301', '😀', ' ', '  ', '\n', '\n\n', '- ', '## ', '# ', '**', '_', '[', '](x)', '\\', '1', '.',
];
const body = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));
const typed = fc.array(fc.constantFrom('dynamodb', 'DynamoDB', '설계', '설', 'lambda', '함수', 'dynamo', 'db', 'ｄｂ', '\u1109\u1165\u11af', 'σ', 'i', 's', 'e', '1.'), { minLength: 1, maxLength: 3 });

describe('gramBitsOf and mayHoldGrams', () => {
  it('never pass over a post that search finds (property)', () => {
    fc.assert(
      fc.property(body, body, typed, (intro, rest, query) => {
        const post = parsePost(`---\ntitle: T\n---\n${intro}\n\n## ${rest}\n\n${intro}${rest}\n`, 'x.md', false);
        const index = indexPost(post);
        if (index === null) return;
        const words = searchWords(query);
        const grams = gramBitsOf(searchableText(index));
        expect(isGramSpan(grams.size, grams.from, grams.bits)).toBe(true);
        if (searchIndex(index, post, words).length > 0) expect(mayHoldGrams(gramProbe(words.map(foldText)), grams)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('pass over a text that lacks a word, and keep one that has it in another form', () => {
    const grams = gramBitsOf('Amazon ＤｙｎａｍｏＤＢ 테이블 \u1109\u1165\u11af\u1100\u1168 노트');
    expect(mayHoldGrams(gramProbe(['dynamodb', '설계'].map(foldText)), grams)).toBe(true);
    expect(mayHoldGrams(gramProbe(['redis'].map(foldText)), grams)).toBe(false);
    expect(mayHoldGrams(gramProbe(['설계도'].map(foldText)), grams)).toBe(false);
    expect(mayHoldGrams(gramProbe([''].map(foldText)), grams)).toBe(true);
  });

  it('size the bits by the text, within bounds', () => {
    expect(gramBitsOf('').size).toBe(64);
    // 3,000 characters and 2,999 pairs: four bits each, in runs of 64.
    const long = gramBitsOf(Array.from({ length: 3000 }, (_, k) => String.fromCharCode(0xac00 + k)).join(''));
    expect(long.size).toBe(24_000);
    expect(long.bits.length).toBe(3000);
    expect(gramBitsOf(Array.from({ length: 20_000 }, (_, k) => String.fromCharCode(0x4e00 + k)).join('')).size).toBe(1 << 16);
  });
});
