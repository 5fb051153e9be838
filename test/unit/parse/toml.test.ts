// TOML front matter (Hugo style, between +++ lines). Needs smol-toml.
import { parseFrontMatter } from '../../../src/load/front-matter.js';
import { parsePost } from '../../../src/parse/post.js';
import { fixturePost, sessionLines } from './fixture.js';

describe('TOML front matter between +++ lines', () => {
  it('toml.md: title, date, the first of categories, and its two heading sessions', () => {
    const post = fixturePost('toml.md');
    expect([post.title, post.date, post.category]).toEqual(['쿠버네티스 밋업 후기', '2024-12-07', '밋업']);
    expect(post.frontMatter).toEqual({ title: '쿠버네티스 밋업 후기', date: '2024-12-07', categories: ['밋업', '쿠버네티스'], tags: ['k8s', 'infra'], draft: false });
    expect(sessionLines(post)).toEqual(['1 - 19:00-19:40 클러스터 업그레이드 자동화 / 오태식', '2 - 19:50-20:30 GPU 노드 스케줄링 / 신예린']);
    expect(post.sessions[1]!.speakers).toEqual([{ name: '신예린', role: 'ML 엔지니어', org: '예시에이아이' }]);
  });

  it.each<[string, unknown, string]>([
    ['date = 2024-12-07', '2024-12-07', '2024-12-07'],
    ['date = "2024-12-07"', '2024-12-07', '2024-12-07'],
    ['date = 2024-12-07T00:00:00Z', '2024-12-07', '2024-12-07'],
    ['date = 2024-12-07T10:30:00Z', '2024-12-07T10:30:00.000Z', '2024-12-07'],
    // The date as written, not moved to UTC (that would be 2024-12-06).
    ['date = 2024-12-07T01:30:00+09:00', '2024-12-07T01:30:00.000+09:00', '2024-12-07'],
    ['date = 2024-12-07T10:30:00', '2024-12-07T10:30:00.000', '2024-12-07'],
  ])('%s', (line, value, date) => {
    const text = `+++\n${line}\n+++\nBody\n`;
    expect(parseFrontMatter(text, 'x.md')).toEqual({ frontMatter: { date: value }, content: 'Body\n' });
    expect(parsePost(text, 'x.md').date).toBe(date);
  });

  it('reports a syntax error with the line of the file', () => {
    expect(() => parseFrontMatter('+++\ntitle = "x"\ndate = \n+++\n', 'p.md')).toThrow(/^p\.md: invalid TOML front matter at line 3: /);
    expect(() => parseFrontMatter('+++\ntitle = "x"\ntitle = "y"\n+++\n', 'p.md')).toThrow(/^p\.md: invalid TOML front matter at line 3: /);
  });

  it('an empty block is no front matter; "++++" is not a delimiter', () => {
    expect(parseFrontMatter('+++\n+++\n# Hi\n', 'x.md')).toEqual({ frontMatter: {}, content: '# Hi\n' });
    expect(parseFrontMatter('++++\ntitle = 1\n', 'x.md').frontMatter).toEqual({});
  });

  it('YAML between --- lines is read as before', () => {
    expect(parseFrontMatter('---\ntitle: Hi\n---\n', 'x.md').frontMatter).toEqual({ title: 'Hi' });
  });
});
