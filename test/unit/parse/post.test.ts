import { parsePost } from '../../../src/parse/post.js';
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
