import { extractCategories, extractTags, parsePost } from '../../../src/parse/post.js';
import { fixturePost } from './fixture.js';

describe('parsePost', () => {
  it('takes title, category and date from front matter', () => {
    const post = parsePost('---\nlayout: post\ntitle: "Hello"\ncategory: AWS\ndate: 2016-05-17 10:00:00\n---\n\nBody\n', 'x.md');
    expect([post.title, post.category, post.date]).toEqual(['Hello', 'AWS', '2016-05-17']);
  });

  it('falls back to the first H1, then the file name; dates from YYYY-MM-DD- names', () => {
    expect(fixturePost('no-front-matter.md').title).toBe('주간 기술 세미나 메모');
    const post = parsePost('Just text\n', 'posts/2020-01-02-my-notes.md');
    expect([post.title, post.date, post.category]).toEqual(['my-notes', '2020-01-02', null]);
  });

  it('reads the first of several categories', () => {
    expect(parsePost('---\ncategories: [dev, aws]\n---\n', 'x.md').category).toBe('dev');
    expect(parsePost('---\ncategories: dev aws\n---\n', 'x.md').category).toBe('dev');
  });

  it('an empty file is an empty post, not an error', () => {
    const post = parsePost('', 'empty.md');
    expect([post.title, post.sessions, post.sections, post.frontMatter]).toEqual(['empty', [], [], {}]);
  });
});

describe('extractCategories and extractTags', () => {
  const many = Array.from({ length: 40 }, (_, i) => `t${i % 25}`);
  it.each<[string, Record<string, unknown>, string[], string[]]>([
    ['nothing', {}, [], []],
    ['a category and a list of tags', { category: 'workshop', tags: ['aws', 'summit', '후기'] }, ['workshop'], ['aws', 'summit', '후기']],
    ['category and categories, the first named once', { category: 'dev', categories: ['dev', 'aws', 'dev'] }, ['dev', 'aws'], []],
    ['strings split at spaces and commas', { categories: ' dev, aws  cloud,', tags: 'a,b a' }, ['dev', 'aws', 'cloud'], ['a', 'b']],
    ['tags and tag together', { tags: ['x'], tag: 'y x' }, [], ['x', 'y']],
    ['numbers, blanks and other values in lists', { tags: [2016, '  ', null, ' k8s ', { a: 1 }], category: 7 }, ['7'], ['2016', 'k8s']],
    ['HTML and entities shown as text', { tags: ['<b>R&amp;D</b>', 'Q&amp;A'] }, [], ['R&D', 'Q&A']],
    ['a long list with repeats', { tags: many }, [], Array.from({ length: 25 }, (_, i) => `t${i}`)],
    // Around the short way for plain names (one field, names kept as written):
    ['a short list with a repeat', { tags: ['a', 'b', 'a'], categories: ['c', 'c'] }, ['c'], ['a', 'b']],
    ['items with white space around them or inside', { tags: [' a', 'b ', 'c d', '\u3000e'] }, [], ['a', 'b', 'c d', 'e']],
    ['one name with HTML, or an entity', { category: '<i>x</i>', tags: 'Q&amp;A' }, ['x'], ['Q&A']],
    ['an empty category beside a list of categories', { category: null, categories: ['a', 'b'], tag: 'z' }, ['a', 'b'], ['z']],
    ['an empty list', { tags: [], category: '' }, [], []],
  ])('%s', (_, frontMatter, categories, tags) => {
    expect(extractCategories(frontMatter)).toEqual(categories);
    expect(extractTags(frontMatter)).toEqual(tags);
  });

  it("returns the front matter's own list when it is already the names, and a new one otherwise", () => {
    const frontMatter = { categories: ['dev'], tags: ['aws', 'summit'] };
    expect(extractCategories(frontMatter)).toBe(frontMatter.categories);
    expect(extractTags(frontMatter)).toBe(frontMatter.tags);
    const repeated = { tags: ['aws', 'aws'] };
    expect(extractTags(repeated)).not.toBe(repeated.tags);
    expect(extractTags(repeated)).toEqual(['aws']);
    expect(repeated.tags).toEqual(['aws', 'aws']);
  });
});
