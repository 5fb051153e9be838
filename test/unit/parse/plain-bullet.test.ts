// plainLineTokens against marked: on every body it answers for, its tokens
// are marked's (less space tokens and trailing line feeds), and the speakers
// read from them and the item's text are the same.
import fc from 'fast-check';
import type { Tokens } from 'marked';
import { plainLineTokens } from '../../../src/parse/plain-bullet.js';
import { lexBody } from '../../../src/parse/post.js';
import { findSpeakerText } from '../../../src/parse/session-lines.js';
import { extractFirstLine } from '../../../src/parse/text.js';

const PIECES = [
  '양승도', '솔루션즈 아키텍트', ',', ', ', '아마존 웹서비스', 'Jeff Barr', 'AWS', ' ', '  ', '\t', '(', ')', '.', ':', '발표자', 'Speaker', 'by', '1.', '2)', '#', '>', '-', '*', '+', '=',
  '**', '_', '`', '~', '[x]', '[ ]', '<b>', '&amp;', '@', 'http://x.test', 'www.x.test', '"', "'", '|', '\\', '!', '\u3000', '\u00a0', '\u2028', 'é', '1', '   ', '    ',
];
const WORDS = ['양승도', '솔루션즈 아키텍트', '아마존 웹서비스', 'Jeff Barr', 'AWS', 'Chief Evangelist', 'O\'Brien', '"인용"', '(예시회사)', '2024', 'by Jane Roe', '발표자: 김현수', 'Speaker: Jane'];
const plainish = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).chain((w) => fc.constantFrom(', ', ' ', ' / ').map((sep) => w.join(sep)));
const text = fc.oneof(plainish, fc.array(fc.constantFrom(...PIECES, ...WORDS), { minLength: 1, maxLength: 8 }).map((p) => p.join('')));
const body = fc
  .tuple(fc.constantFrom('', '\n', '\n\n'), fc.constantFrom('- ', '* ', '+ ', '-  ', '1. ', ''), text, fc.constantFrom('', '\n', '\n\n', '\nmore', '\n  - nested'))
  .map(([before, marker, line, after]) => before + marker + line + after);

describe('plainLineTokens', () => {
  it('gives the tokens, speaker and item text marked gives, where it answers (property)', () => {
    const answered = { list: 0, paragraph: 0 };
    fc.assert(
      fc.property(body, (b) => {
        const plain = plainLineTokens(b);
        if (plain === null) return;
        const lexed = lexBody(b).filter((t) => t.type !== 'space');
        expect(findSpeakerText(plain)).toEqual(findSpeakerText(lexed));
        expect(lexed).toHaveLength(1);
        expect(plain).toEqual(lexed.map((t) => ({ ...t, raw: (t.raw as string).trimEnd() })));
        if (lexed[0]!.type === 'list') {
          const [item] = (lexed[0] as Tokens.List).items;
          expect(extractFirstLine((plain[0] as Tokens.List).items[0]!)).toBe(extractFirstLine(item!));
        }
        answered[lexed[0]!.type as 'list' | 'paragraph']++;
      }),
      { numRuns: 4000 },
    );
    expect(answered.list).toBeGreaterThan(200);
    expect(answered.paragraph).toBeGreaterThan(50);
  });

  it.each([
    ['\n- 양승도 솔루션즈 아키텍트, 아마존 웹서비스\n', '양승도 솔루션즈 아키텍트, 아마존 웹서비스'],
    ['- Jeff Barr, Chief Evangelist, AWS', 'Jeff Barr, Chief Evangelist, AWS'],
    ['Jeff Barr, Chief Evangelist, AWS\n\n', 'Jeff Barr, Chief Evangelist, AWS'],
  ])('reads %j', (b, speaker) => {
    expect(findSpeakerText(plainLineTokens(b)!)).toEqual({ text: speaker, labelled: false });
  });

  it('reads a labelled paragraph line', () => {
    expect(findSpeakerText(plainLineTokens('\n발표자: 양승도 솔루션즈 아키텍트, 아마존 웹서비스\n\n')!)).toEqual({ text: '양승도 솔루션즈 아키텍트, 아마존 웹서비스', labelled: true });
  });

  it.each(['- **양승도** 아키텍트', '- 1. 첫째', '- # 제목', '- 양승도  ', '- 양승도\n- 둘째', '- www.x.test', '-양승도', '- 양승도\n  이어짐', '양승도  ', '양승도\n이어짐', '**양승도** 아키텍트', '> 양승도', '1. 양승도'])('leaves %j to marked', (b) => {
    expect(plainLineTokens(b)).toBeNull();
  });
});
