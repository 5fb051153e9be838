// A post as page lines: show's rendering exactly, and where its sections start.
import { readdirSync } from 'node:fs';
import { layoutPost, findHits, markMatches, stripStyles } from '../../../src/browse/page.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { renderPostHeader } from '../../../src/render/post.js';
import { flattenSections } from '../../../src/parse/sections.js';
import { FIXTURES, fixturePost } from '../parse/fixture.js';
import { render } from './helpers.js';

const POSTS = readdirSync(FIXTURES).filter((f) => f.endsWith('.md'));

describe('layoutPost', () => {
  it.each(POSTS)('%s: the same lines as show, at 40 and 100 columns, with and without colour', (name) => {
    const post = fixturePost(name);
    for (const options of [render(40), render(100, 1)]) {
      const show = renderPostHeader(post, options) + renderMarkdown(post.tokens, options);
      expect(layoutPost(post, options).lines.join('\n') + '\n').toBe(show);
    }
  });

  it.each(POSTS)('%s: a mark for every section, on the line of its heading', (name) => {
    const post = fixturePost(name);
    const { plain, marks } = layoutPost(post, render(80));
    expect(marks.map((m) => m.title)).toEqual(flattenSections(post.sections).map((s) => s.title));
    for (const mark of marks) expect(plain[mark.line]!.replace(/^[◆◇▸▹] /, '').length).toBeGreaterThan(0);
    for (let i = 1; i < marks.length; i++) expect(marks[i]!.line).toBeGreaterThan(marks[i - 1]!.line);
  });
});

describe('search', () => {
  it('finds lines case-insensitively, NFD Hangul in the query included', () => {
    expect(findHits(['Alpha', 'beta ALPHA', '가나다'], 'alpha')).toEqual([0, 1]);
    expect(findHits(['Alpha', '한글 제목'], '한글'.normalize('NFD'))).toEqual([1]);
    expect(findHits(['x'], '')).toEqual([]);
  });

  it('marks matches in reverse video and keeps the line\'s own styles around them', () => {
    const line = '\x1b[1mBold Word\x1b[22m and word';
    const marked = markMatches(line, 'word');
    expect(marked).toBe('\x1b[1mBold \x1b[7mWord\x1b[22m\x1b[27m and \x1b[7mword\x1b[27m');
    expect(stripStyles(marked)).toBe('Bold Word and word');
    expect(markMatches('nothing here', 'zzz')).toBe('nothing here');
  });
});
