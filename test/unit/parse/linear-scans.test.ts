// Scans rewritten as loops so that they read each character once (the
// regular expressions they replace were quadratic on long runs). They must
// give what those expressions gave; test/slow/linear.test.ts checks the time.
import fc from 'fast-check';
import yaml from 'js-yaml';
import { parseSimpleYaml } from '../../../src/load/simple-yaml.js';
import { firstH1 } from '../../../src/parse/outline.js';
import { findSpeakerLabel, parseSpeakers } from '../../../src/parse/speakers.js';
import { inlineText } from '../../../src/render/inline.js';

/** The expression firstH1 used to drop closing hashes. */
const byRegex = (line: string) => line.replace(/^ {0,3}#{1,6}[ \t]+/, '').replace(/(?:^|[ \t]+)#+[ \t]*$/, '').replace(/[*_`]/g, '').trim() || null;

describe('firstH1 drops closing hashes as the ATX rule does', () => {
  it.each([
    ['# Title ##', 'Title'],
    ['# Title #  \t', 'Title'],
    ['# C#', 'C#'],
    ['# a # b', 'a # b'],
    ['# #', null],
    ['#  ## ##', '##'],
  ])('%j', (line, expected) => {
    expect(firstH1({ headings: [line], otherShapes: false })).toBe(expected);
  });

  it('random heading lines', () => {
    const piece = fc.constantFrom('#', '##', ' ', '\t', 'a', 'C#', '*', '`', '가');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const line = `# ${parts.join('')}`;
        expect(firstH1({ headings: [line], otherShapes: false })).toBe(byRegex(line));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('speaker lines read the same whatever the length of their white space', () => {
  const widen = (text: string) => text.replace(/\s+/g, (run) => run + ' '.repeat(5) + '\u00a0'.repeat(3) + run);
  it.each([
    'Jane Doe, Staff Engineer, Acme Inc.',
    'Jane Doe & John Roe',
    '김철수 대표, 예시회사; 이영희 | 데일리호텔 CTO',
    'Jane Doe (Acme) / 홍길동님',
    'Jane Doe...!!',
    'Ann Lee, Acme Co.',
  ])('%s', (text) => {
    const words = (speakers: ReturnType<typeof parseSpeakers>) => JSON.stringify(speakers);
    expect(words(parseSpeakers(widen(text)))).toBe(words(parseSpeakers(text)));
  });

  it('keeps trailing dots of abbreviations and drops the others', () => {
    expect(parseSpeakers('Jane Doe, Acme Inc...')).toEqual([{ name: 'Jane Doe', role: null, org: 'Acme Inc.' }]);
    expect(parseSpeakers('Jane Doe, Acme...')).toEqual([{ name: 'Jane Doe', role: null, org: 'Acme' }]);
    expect(parseSpeakers('Jane Doe, Zinc...')).toEqual([{ name: 'Jane Doe', role: null, org: 'Zinc' }]);
  });

  it('finds a label across any white space', () => {
    expect(findSpeakerLabel(`-${' '.repeat(50)}**Speaker**${' '.repeat(50)}:${' '.repeat(50)}Jane`)).toBe('Jane');
    expect(findSpeakerLabel(`Speaker${'\u00a0'.repeat(50)}x`)).toBeNull();
  });
});

describe('parseSimpleYaml trims values as js-yaml does', () => {
  it('random values with runs of spaces', () => {
    const piece = fc.constantFrom(' ', '  ', 'a', 'b c', '가');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 10 }), (parts) => {
        const text = `title: x${parts.join('')}y\ntags: [ a${parts.join('')}b ,  c ]\n`;
        expect(parseSimpleYaml(text)).toEqual(yaml.safeLoad(text, { schema: yaml.DEFAULT_SAFE_SCHEMA }));
      }),
      { numRuns: 500 },
    );
  });
});

describe('inlineText joins soft line breaks as the expression it replaces did', () => {
  const byRegex = (text: string) => text.replace(/[ \t]*\n[ \t]*/g, ' ').replace(/\t/g, ' ');
  it.each([['a \n b'], ['a\t\n\tb'], ['a \n \n b'], ['\n a'], ['a \n'], [' \t '], ['a\n\n\nb']])('%j', (text) => {
    expect(inlineText(text)).toBe(byRegex(text));
  });
  it('random mixes of blanks, line breaks and letters', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(' ', '\t', '\n', 'a', '가'), { maxLength: 30 }).map((cs) => cs.join('')), (text) => {
      expect(inlineText(text)).toBe(byRegex(text));
    }));
  });
});
