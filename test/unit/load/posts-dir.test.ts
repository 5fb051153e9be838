import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { listPostFiles } from '../../../src/load/posts-dir.js';

describe('listPostFiles', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'pv-dir-'));
    mkdirSync(join(root, 'posts'));
    for (const name of ['b.md', 'a.markdown', 'c.txt', '.hidden.md', 'notes.pdf']) writeFileSync(join(root, 'posts', name), '# x\n');
    mkdirSync(join(root, 'posts', 'sub.md'));
    symlinkSync(join(root, 'posts', 'b.md'), join(root, 'posts', 'link.md'));
    symlinkSync(join(root, 'missing.md'), join(root, 'posts', 'dangling.md'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists post files and links to files, sorted, each path as join(folder, name) spells it', () => {
    const rel = relative(process.cwd(), join(root, 'posts'));
    for (const dir of [join(root, 'posts'), `${join(root, 'posts')}/`, `${root}/./posts//`, rel, `./${rel}`]) {
      expect(listPostFiles(dir)).toEqual(['a.markdown', 'b.md', 'c.txt', 'link.md'].map((name) => join(dir, name)));
    }
  });
});
