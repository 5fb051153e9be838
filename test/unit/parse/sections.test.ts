import { extractSections, flattenSections } from '../../../src/parse/sections.js';
import { Lexer } from 'marked';
import { fixturePost } from './fixture.js';

const lex = (md: string) => new Lexer({ gfm: true }).lex(md);

describe('extractSections', () => {
  it('nests headings by level and keeps each body up to the next same-or-higher heading', () => {
    const sections = extractSections(lex('# A\n\ntext a\n\n## B\n\ntext b\n\n### C\n\ntext c\n\n## D\n\n# E\n'));
    const shape = (list: ReturnType<typeof extractSections>): unknown => list.map((s) => [s.title, s.level, shape(s.children)]);
    expect(shape(sections)).toEqual([['A', 1, [['B', 2, [['C', 3, []]]], ['D', 2, []]]], ['E', 1, []]]);
    const b = sections[0]!.children[0]!;
    const raw = b.tokens.map((t) => t.raw).join('');
    expect(raw).toContain('text b');
    expect(raw).toContain('text c');
    expect(raw).not.toContain('## D');
  });

  it('titles lose their inline markup and entities are decoded', () => {
    const [section] = extractSections(lex('## **Bold** and `code` &amp; [link](https://x.y)\n'));
    expect(section!.title).toBe('Bold and code & link');
  });

  it('a body before any heading is not a section', () => {
    expect(extractSections(lex('intro\n\n- a\n'))).toEqual([]);
  });

  it('flattens parents before children', () => {
    const titles = flattenSections(fixturePost('seed-shape.md').sections).map((s) => s.title);
    expect(titles.slice(0, 3)).toEqual(['행사 소개', '강연 트랙', '13:00 - 13:40 쿠버네티스 운영 1년 회고']);
  });
});
