import { readdirSync, readFileSync } from 'node:fs';
import { Lexer } from 'marked';
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
