import fc from 'fast-check';
import { jest } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { Lexer, Tokenizer, type Tokens } from 'marked';
import { lexMarkdown } from '../../../src/parse/lexer.js';
import { FIXTURES } from './fixture.js';

const plain = (md: string) => new Lexer({ gfm: true }).lex(md);

describe('lexMarkdown gives exactly the tokens of marked', () => {
  it.each([
    ['setext headings', 'Title\n=====\n\nSub\n---\n\ntext\n'],
    ['a setext heading after two lines', 'line one\nline two\n===\n'],
    ['an hr after a blank line', 'para\n\n---\n\nmore\n'],
    ['a list, no headings', '- a\n- b\n  - c\n'],
    ['a dash line inside a list item', '- item\n  ---\n'],
    ['underline with trailing spaces and CR-less end', 'T\n--  '],
    ['a paragraph that never ends', 'word '.repeat(1000)],
  ])('%s', (_name, md) => {
    expect(lexMarkdown(md)).toEqual(plain(md));
  });

  it.each(readdirSync(FIXTURES).filter((f) => f.endsWith('.md')))('fixture %s', (name) => {
    const md = readFileSync(`${FIXTURES}${name}`, 'utf8');
    expect(lexMarkdown(md)).toEqual(plain(md));
  });
});

describe('lexMarkdown gives the tokens of marked on any mix of constructs', () => {
  // Pieces that start, nearly start or imitate every rule lexMarkdown guards.
  const pieces = [
    '# H', '   ## H ##', '####### no', '#nospace', 'Title', '===', '---', '***', '_ _ _', '- a', '* b', '+ c', '1. d', '12) e', '1.no',
    '    code', '   \tcode', '\tcode', '```', '```js', '~~~', '> quote', '   > deep', '>', '<div>', '<!-- c -->', '<script>x</script>', '<?p?>',
    '<https://x.y>', '<a@b.co>', '[ref]: https://x.y "t"', '[ref]', '[text](https://x.y)', '![img](a.png)', '[a][ref]', '| a | b |',
    '|---|---|', 'a | b', ':-- | --:', '--- | ---', '| 1 | 2 |', '**bold**', '__bold__', '*em*', '_em_', '~~del~~', '~one~', '`code`',
    '``a`b``', '\\*not*', 'line  ', 'break\\', 'www.example.com', 'https://e.com/x', 'mail@e.com', 'mailto:a@b.co', '한국어 *강조*', '　전각',
    '- [ ] task', '- [x] done', '  - nested', '    - deeper', '', ' ', '&amp; &#27;', '<span>13:00</span>', '1\\. no list',
  ];
  it('random documents', () => {
    const line = fc.constantFrom(...pieces);
    const doc = fc.array(fc.tuple(line, fc.constantFrom('\n', '\n\n', ' ', '')), { maxLength: 16 })
      .map((parts) => parts.map(([text, end]) => text + end).join(''));
    fc.assert(
      fc.property(doc, (md) => {
        expect(lexMarkdown(md)).toEqual(plain(md));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('emphasis in paragraphs dense with delimiters is looked for within a window', () => {
  it('a paragraph with few delimiters keeps an emphasis of any length', () => {
    const md = `**${'긴 문장 '.repeat(600)}끝**\n`;
    expect(lexMarkdown(md)).toEqual(plain(md));
    expect((lexMarkdown(md)[0] as Tokens.Paragraph).tokens[0]!.type).toBe('strong');
  });
  it.each([['*a* '], ['~~b~~ '], ['__c__ x '], ['#*a* ~d~ ']])('dense short emphases (%j repeated) give marked\'s tokens', (unit) => {
    const md = unit.repeat(Math.ceil(4000 / unit.length)) + '\n';
    expect(lexMarkdown(md)).toEqual(plain(md));
  });
});

describe('an opener that nothing after it can close is not read to the end', () => {
  // marked reads the rest of the paragraph from every such opener (quadratic);
  // lexMarkdown asks marked's closing expressions once per run instead.
  it.each([['#**a'], ['#*a'], ['#__a'], ['#_a'], ['#~a'], ['#~~a']])('%j repeated: marked\'s tokens, and marked\'s emphasis search never runs', (unit) => {
    const md = unit.repeat(Math.ceil(3000 / unit.length)) + '\n';
    const emStrong = jest.spyOn(Tokenizer.prototype, 'emStrong');
    const del = jest.spyOn(Tokenizer.prototype, 'del');
    try {
      const tokens = lexMarkdown(md);
      expect(emStrong.mock.calls.length + del.mock.calls.length).toBe(0);
      emStrong.mockRestore();
      del.mockRestore();
      expect(tokens).toEqual(plain(md));
    } finally {
      emStrong.mockRestore();
      del.mockRestore();
    }
  });

  it.each([
    ['a closer at the end', '#**a'.repeat(700) + 'a**#'],
    ['a strike-through closer at the end', '#~a'.repeat(900) + 'a~#'],
    ['nested emphasis, repeated', '**a *b* c** '.repeat(300)],
    ['both-flanking runs', 'a**a*'.repeat(600)],
    ['left and right runs', 'a*a**'.repeat(600)],
    ['underscores in words', 'snake_case_name and *em* '.repeat(150)],
  ])('%s: marked\'s tokens', (_name, md) => {
    expect(lexMarkdown(md + '\n')).toEqual(plain(md + '\n'));
  });
});
