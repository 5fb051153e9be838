// plainBulletTokens against marked: on every body it answers for, the
// speakers read from its tokens are those read from marked's, and so is the
// item's text.
import fc from 'fast-check';
import type { Tokens } from 'marked';
import { plainBulletTokens } from '../../../src/parse/plain-bullet.js';
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

describe('plainBulletTokens', () => {
  it('gives the speaker and item text marked gives, where it answers (property)', () => {
    let answered = 0;
    fc.assert(
      fc.property(body, (b) => {
        const plain = plainBulletTokens(b);
        if (plain === null) return;
        answered++;
        const lexed = lexBody(b).filter((t) => t.type !== 'space');
        expect(findSpeakerText(plain)).toEqual(findSpeakerText(lexed));
        expect(lexed).toHaveLength(1);
        const [item] = (lexed[0] as Tokens.List).items;
        expect(extractFirstLine((plain[0] as Tokens.List).items[0]!)).toBe(extractFirstLine(item!));
        expect(plain).toEqual(lexed.map((t) => ({ ...t, raw: (t.raw as string).trimEnd() })));
      }),
      { numRuns: 4000 },
    );
    expect(answered).toBeGreaterThan(200);
  });

  it.each([
    ['\n- 양승도 솔루션즈 아키텍트, 아마존 웹서비스\n', '양승도 솔루션즈 아키텍트, 아마존 웹서비스'],
    ['- Jeff Barr, Chief Evangelist, AWS', 'Jeff Barr, Chief Evangelist, AWS'],
  ])('reads %j', (b, speaker) => {
    expect(findSpeakerText(plainBulletTokens(b)!)).toEqual({ text: speaker, labelled: false });
  });

  it.each(['- **양승도** 아키텍트', '- 1. 첫째', '- # 제목', '- 양승도  ', '- 양승도\n- 둘째', '- www.x.test', '-양승도', '- 양승도\n  이어짐'])('leaves %j to marked', (b) => {
    expect(plainBulletTokens(b)).toBeNull();
  });
});
