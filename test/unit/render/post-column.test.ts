// The Post column of a folder's sessions names each post by its short name,
// not by the start of its path that every row shares.
import stringWidth from 'string-width';
import { shortPostName } from '../../../src/parse/post.js';
import { renderSessionTable } from '../../../src/render/table.js';
import type { RenderOptions, Session } from '../../../src/types.js';

describe('shortPostName', () => {
  it.each([
    ['/root/blog/_posts/2016-05-17-aws-summit-seoul-2016.md', 'aws-summit-seoul-2016'],
    ['/root/blog/_posts/2024/2024-10-12-jsconf-recap.markdown', 'jsconf-recap'],
    ['/site/content/posts/rust-day/index.md', 'rust-day'],
    ['/site/content/posts/2024-03-09-go-conf/index.md', 'go-conf'],
    ['notes.md', 'notes'],
    ['-', '<stdin>'],
  ])('%s -> %s', (path, name) => {
    expect(shortPostName(path)).toBe(name);
  });
});

const session = (index: number, title: string, speaker: string): Session => ({
  index, day: null, start: '13:00', end: '13:40', title, room: null, speakers: [{ name: speaker, role: null, org: null }], speakerText: speaker, tokens: [], kind: 'talk', links: [], dayNumber: null,
});

const rows = [
  { session: session(1, '나에게 맞는 AWS 데이터베이스 서비스 선택하기', '양승도'), post: '/root/blog/_posts/2016-05-17-aws-summit-seoul-2016.md' },
  { session: session(1, 'Keynote: the year in JavaScript', 'Marisol Okafor'), post: '/root/blog/_posts/2024-10-12-jsconf-recap.md' },
  { session: session(2, 'Rust in production', 'Jane Roe'), post: '/root/site/content/posts/rust-day/index.md' },
];
const options = (width: number): RenderOptions => ({ width, textWidth: width, colorLevel: 0, hyperlinks: false });
// A row starts with its number; a title may go on over more lines.
const postCells = (text: string) => text.trimEnd().split('\n').filter((line) => /^\s*\d+ /.test(line)).map((line) => line.trim().split(/ {2,}/)[1]);

describe('the Post column', () => {
  it('at width 120 shows each short name whole, and never the shared path', () => {
    const text = renderSessionTable(rows, options(120));
    expect(postCells(text)).toEqual(['aws-summit-seoul-2016', 'jsconf-recap', 'rust-day']);
    expect(text).not.toContain('/root');
    expect(text.split('\n').every((line) => stringWidth(line) <= 120)).toBe(true);
  });

  it('at width 60 still tells the posts apart, within the width', () => {
    const text = renderSessionTable(rows, options(60));
    const cells = postCells(text);
    expect(cells[0]).toMatch(/^aws-summit/);
    expect(cells[1]).toMatch(/^jsconf/);
    expect(cells[2]).toBe('rust-day');
    expect(text).not.toContain('/root');
    expect(text.split('\n').every((line) => stringWidth(line) <= 60)).toBe(true);
  });
});
