import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { Lexer, type Tokens } from 'marked';
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
