import fc from 'fast-check';
import yaml from 'js-yaml';
import { isPlainYamlText, parseSimpleYaml } from '../../../src/load/simple-yaml.js';

// The fast path must give exactly what js-yaml gives, or step aside.
const REFUSED = Symbol('js-yaml refused it');
function jsYaml(text: string): unknown {
  try {
    return yaml.safeLoad(text, { schema: yaml.DEFAULT_SAFE_SCHEMA });
  } catch {
    return REFUSED;
  }
}

function agrees(text: string): boolean {
  const fast = parseSimpleYaml(text);
  // Told the text is plain, it skips its own look at the characters: same answer.
  if (isPlainYamlText(text)) expect(parseSimpleYaml(text, false, true)).toEqual(fast);
  if (fast === undefined) return true;
  const slow = jsYaml(text);
  expect(slow).not.toBe(REFUSED);
  expect(fast).toEqual(slow);
  expect(Object.getPrototypeOf(fast)).toBe(Object.prototype);
  return true;
}

describe('parseSimpleYaml reads common front matter as js-yaml does', () => {
  it.each([
    ['strings, a date and a flow list', '\ntitle: "AWS Summit Seoul 2016 후기"\ndate: 2016-05-17\ncategory: conference\ntags: [aws, summit, 후기]\n'],
    ['single quotes and plain Hangul', "\ntitle: '오후 세션 정리'\nauthor: 김개발\n"],
    ['a block list, indented or not', '\ntags:\n  - aws\n  - 컨퍼런스\nkeywords:\n- a\n- b\n'],
    ['booleans and nulls', '\npublished: true\ndraft: False\nimage: ~\nlayout: null\nsummary:\n'],
    ['an empty flow list', '\ntags: []\n'],
    ['a colon without a space', '\ntitle: Re:Invent recap\n'],
    ['C# and a quote inside', "\ntitle: C# and it's fine\n"],
    ['a date that does not exist (js-yaml rolls it over)', '\ndate: 2016-02-30\n'],
    ['a two-digit year (Date.UTC maps it to 19xx)', '\ndate: 0016-05-17\n'],
    ['trailing spaces', '\ntitle: spaced   \ntags: [ a ,  b ]  \n'],
    ['ideographic space is kept', '\ntitle: 제목\u3000\n'],
    ['a key of 100 characters', `\n${'k'.repeat(100)}: v\n`],
    ['a key line with spaces only after the colon, then a list', '\ntags:   \n  - a\n'],
    ['no line feed at the end', '\ntitle: A\ntags: [a, b]'],
  ])('takes the fast path: %s', (_name, text) => {
    expect(parseSimpleYaml(text)).toBeDefined();
    agrees(text);
  });

  it.each([
    ['a number', '\nyear: 2016\n'],
    ['a time (js-yaml reads 13:00 as 780)', '\nstart: 13:00\n'],
    ['a date-time', '\ndate: 2016-05-17 10:00:00 +0900\n'],
    ['a comment', '\n# draft\ntitle: A\n'],
    ['an escape in double quotes', '\ntitle: "a\\tb"\n'],
    ['a doubled single quote', "\ntitle: 'it''s'\n"],
    ['a value with ": "', '\ntitle: AWS: the recap\n'],
    ['a repeated key', '\ntitle: A\ntitle: B\n'],
    ['a key js-yaml reads as a boolean', '\nTrue: yes\n'],
    ['__proto__', '\n__proto__: x\n'],
    ['an anchor', '\ntitle: &t A\n'],
    ['a nested map', '\nauthor:\n  name: A\n'],
    ['a block scalar', '\nsummary: |\n  text\n'],
    ['a multi-line plain scalar', '\ntitle: one\n  two\n'],
    ['a flow map', '\nauthor: {name: A}\n'],
    ['a quoted comma in a flow list', '\ntags: ["a, b"]\n'],
    ['a tab', '\ntitle:\tA\n'],
    ['a comment after a value', '\ntitle: A # note\n'],
    ['mixed list indentation', '\ntags:\n  - a\n- b\n'],
    ['a non-printable character', '\ntitle: a\uFFFEb\n'],
    ['nothing at all', '\n\n'],
    ['a key of 101 characters', `\n${'k'.repeat(101)}: v\n`],
    ['a key that starts with a digit', '\n1a: v\n'],
    ['no space after the colon', '\ntitle:A\n'],
    ['a line separator in a value', '\ntitle: a\u2028b\n'],
  ])('steps aside: %s', (_name, text) => {
    expect(parseSimpleYaml(text)).toBeUndefined();
  });
});

describe('parseSimpleYaml agrees with js-yaml on any mix of lines', () => {
  const keys = ['title', 'date', 'tags', 'True', 'null', 'a-b', '_x', 'title', '__proto__', 'k1'];
  const values = [
    '', 'A', '제목', '"q"', "'q'", '"a\\"b"', "'it''s'", '2016-05-17', '2016-13-45', '201-05-17', '2016-5-17', '13:00', '1', '-1', '.5', '0x1f', 'true', 'TRUE',
    'yes', '~', 'NULL', 'Null', '[a, b]', '[]', '[a,]', '[ 2016-01-01 , x ]', '[a, [b]]', '{a: 1}', 'a: b', 'a:b', 'a #c', 'a#c',
    '&x a', '*x', '!!str 1', '|', '>', '-', '- a', '? a', '@a', '`a`', '%a', 'C#', 'x:', ' lead', 'trail ', 'a\tb', '\u3000a',
    '\u00a0a', 'é', '<<', '=', '.inf', '+1', '_a', '"a" b', "'a'b'", '"', '[', ']', 'a]', 'b, c',
  ];
  const line = fc.oneof(
    fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...values)).map(([k, v]) => `${k}:${v === '' ? '' : ' '}${v}`),
    fc.tuple(fc.constantFrom('', '  ', ' '), fc.constantFrom(...values)).map(([indent, v]) => `${indent}- ${v}`),
    fc.constantFrom('', '# c', '  ', 'key', 'x : y', '---', '...'),
  );
  const good = fc.tuple(fc.constantFrom('title', 'date', 'tags', 'category'), fc.constantFrom('A', '제목', '2016-05-17', '[a, 후기]', "'q'", 'true', ''))
    .map(([k, v]) => `${k}:${v === '' ? '' : ' '}${v}`);
  it('random documents', () => {
    let fast = 0;
    const doc = fc.array(fc.oneof({ arbitrary: good, weight: 3 }, { arbitrary: line, weight: 1 }), { maxLength: 6 });
    fc.assert(fc.property(doc, (lines) => {
      const text = `\n${lines.join('\n')}\n`;
      if (parseSimpleYaml(text) !== undefined) fast++;
      return agrees(text);
    }), { numRuns: 3000 });
    // Not vacuous: a good share of the documents took the fast path.
    expect(fast).toBeGreaterThan(300);
  });
});

describe('isPlainYamlText', () => {
  it.each([
    ['ASCII, Hangul, tab and line feed', 'title: 제목\tA\n', true],
    ['a raw control', 'title: a\x1bb\n', false],
    ['a C1 control', 'title: a\x85b\n', false],
    ['a carriage return', 'title: a\r\n', false],
    ['an emoji (a surrogate pair)', 'title: \u{1F600}\n', false],
    ['U+FFFE', 'title: a\uFFFEb\n', false],
  ])('%s', (_name, text, plain) => {
    expect(isPlainYamlText(text)).toBe(plain);
  });
});

describe('parseSimpleYaml with dates as text', () => {
  /** What front matter makes of a js-yaml Date: "YYYY-MM-DD" at midnight UTC. */
  const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';
  const asText = (value: unknown): unknown =>
    isDate(value) ? value.toISOString().slice(0, 10) : Array.isArray(value) ? value.map(asText) : value;
  const two = (n: number) => String(n).padStart(2, '0');
  it('gives the text of each Date it would build, or that Date, for any date shape', () => {
    const date = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`);
    fc.assert(fc.property(date, date, (a, b) => {
      const text = `\ndate: ${a}\ntags: [x, ${b}]\nlist:\n  - ${a}\n`;
      const dates = parseSimpleYaml(text)!;
      const texts = parseSimpleYaml(text, true)!;
      const shown = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, asText(v)]));
      expect(shown(texts)).toEqual(shown(dates));
      // A real day from the year 1000 on is its own text, no Date built.
      if (Number(a.slice(0, 4)) >= 1000 && shown(dates).date === a) expect(texts.date).toBe(a);
    }), { numRuns: 2000 });
  });
  it.each([
    ['a real day', '2016-05-17', '2016-05-17'],
    ['a leap day', '2024-02-29', '2024-02-29'],
    ['no such day (rolled over, as js-yaml does)', '2023-02-29', '2023-03-01'],
    ['a two-digit year (Date.UTC reads it as 19xx)', '0016-05-17', '1916-05-17'],
  ])('%s', (_name, written, read) => {
    const value = parseSimpleYaml(`\ndate: ${written}\n`, true)!.date;
    expect(asText(value)).toBe(read);
  });
});
