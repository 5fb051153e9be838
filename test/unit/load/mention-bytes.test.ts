// mayMentionBytes, the test on a post's bytes that spares decoding most posts
// of a `tracks DIR --speaker 양승도`: it must never say no where mayMention of
// the decoded post says yes.
import fc from 'fast-check';
import { mayComposeHangul, mayMentionBytes, mayMentionLatin1 } from '../../../src/load/mention-bytes.js';
import { decodePost } from '../../../src/load/read-post.js';
import { foldNeedles, mayMention } from '../../../src/query/mentions.js';

/** Hangul jamo and syllables: what a folded Korean name is made of. */
const HANGUL = /[\u1100-\u11ff\uac00-\ud7a3]/;

describe('mayComposeHangul', () => {
  it('finds every character whose NFKC form holds jamo or a syllable, but the syllables themselves (all code points)', () => {
    const missed: string[] = [];
    // 4,096 code points at a time, one a line (nothing composes across a line break); a block NFKC leaves as it is holds none.
    for (let from = 0; from <= 0x10ffff; from += 4096) {
      const chars: string[] = [];
      for (let cp = from; cp < from + 4096 && cp <= 0x10ffff; cp++) {
        if ((cp < 0xd800 || cp > 0xdfff) && (cp < 0xac00 || cp > 0xd7a3) && cp !== 0x0a) chars.push(String.fromCodePoint(cp));
      }
      const block = chars.join('\n');
      const normal = block.normalize('NFKC');
      if (normal === block) continue;
      const forms = normal.split('\n');
      expect(forms).toHaveLength(chars.length);
      chars.forEach((char, k) => {
        if (HANGUL.test(forms[k]!) && !mayComposeHangul(Buffer.from(`a${char}b`))) missed.push(char.codePointAt(0)!.toString(16));
      });
    }
    expect(missed).toEqual([]);
  });

  it('passes over Korean text made of syllables, Latin letters and common punctuation', () => {
    expect(mayComposeHangul(Buffer.from('### 09:30 - 10:10 엔터프라이즈를 위한 하이브리드 클라우드 전략 · 그랜드볼룸\n- Jeff Barr, “AWS” — 발표 자료 (2016)\n'))).toBe(false);
  });
});

describe('mayMentionBytes', () => {
  const PIECES = [
    '양승도', '양', '승도', '양 승도', '양**승도**', '\u110b\u1163\u11bc승도', '야\u11bc승도', '\u3147\u3151\u3147', '㉮', '(양)', '&#50577;승도', '<b>양</b>승도',
    '솔루션즈 아키텍트', 'Jeff Barr', '　', '「', '·', '\u00a0', '—', '\r\n', '\n', '---\ntitle: x\n---\n', '\ufeff',
  ];
  const post = fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((p) => Buffer.from(p.join(' ')));
  const withOdd = fc.tuple(post, fc.constantFrom(Buffer.alloc(0), Buffer.from([0xec, 0x96]), Buffer.from([0x91]), Buffer.from([0xe1, 0x84]))).map(([b, odd]) => Buffer.concat([odd, b, odd]));

  it('never says no where mayMention of the decoded post says yes (property)', () => {
    let skipped = 0;
    fc.assert(
      fc.property(withOdd, fc.constantFrom('양승도', '승도', '양', '도'), (bytes, name) => {
        const needles = foldNeedles([name]);
        if (mayMentionBytes(bytes, needles) === false) {
          skipped++;
          expect(mayMention(decodePost(bytes, 'x.md'), needles)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
    expect(skipped).toBeGreaterThan(100);
  });

  it.each([
    ['a name in NFD jamo', '\u110b\u1163\u11bc\u1109\u1173\u11bc\u1103\u1169', true],
    ['a syllable completed by a final jamo', '야\u11bc승도', true],
    ['an entity', '&#50577;승도', true],
    ['a template printing a front-matter value written with YAML escapes', '---\nspeaker: "\\uC591\\uC2B9\\uB3C4"\n---\n\n- {{ page.speaker }}, AWS\n', true],
    ['another name', '김현수 시니어 엔지니어', false],
  ])('%s', (_, text, may) => {
    expect(mayMentionBytes(Buffer.from(text), foldNeedles(['양승도']))).toBe(may);
  });

  it('answers as mayMentionLatin1 does on the same bytes read as Latin-1 (property)', () => {
    const seen = new Set<boolean | null>();
    fc.assert(
      fc.property(withOdd, fc.constantFrom('양승도', '승도', '양', '도', 'jeff'), fc.constantFrom(Buffer.alloc(0), Buffer.from([0xef, 0xbe]), Buffer.from([0xe3, 0x85]), Buffer.from([0xe3, 0x8a]), Buffer.from('{{'), Buffer.from('&'), Buffer.from('<')), (bytes, name, odd) => {
        const all = Buffer.concat([bytes, odd]);
        const needles = foldNeedles([name]);
        const may = mayMentionBytes(all, needles);
        seen.add(may);
        expect(mayMentionLatin1(all.toString('latin1'), needles)).toBe(may);
      }),
      { numRuns: 2000 },
    );
    expect(seen).toEqual(new Set([true, false, null]));
  });

  it('leaves needles that are not all Hangul syllables to mayMention', () => {
    expect(mayMentionBytes(Buffer.from('nothing here'), foldNeedles(['Jeff Barr']))).toBeNull();
    expect(mayMentionBytes(Buffer.from('nothing here'), foldNeedles(['양승도', 'jeff']))).toBeNull();
  });
});
