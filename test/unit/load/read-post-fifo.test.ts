// A post that is a named pipe (mkfifo), or that was swapped for one after
// its folder was listed, is refused at once: `tracks`, `now` and `timeline`
// on a folder, and `show` on the folder's newest post, never hang on it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPostHead } from '../../../src/load/posts-dir.js';
import { readPost, readPostBytesSync } from '../../../src/load/read-post.js';

const canMkfifo = spawnSync('sh', ['-c', 'command -v mkfifo'], { encoding: 'utf8' }).status === 0;
const run = canMkfifo ? it : it.skip;

let dir: string;
let fifo: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pv-fifo-'));
  fifo = join(dir, 'swapped.md');
  if (canMkfifo) spawnSync('mkfifo', [fifo]);
  writeFileSync(join(dir, 'plain.md'), '---\ntitle: Plain\n---\n# Body\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a named pipe where a post is read', () => {
  run('readPost (show, tracks, now, timeline) refuses it in one line', async () => {
    await expect(readPost(fifo)).rejects.toThrow(/^.*swapped\.md: is a named pipe \(mkfifo\); expected a post file, or - to read standard input$/);
  }, 5_000);

  run('readPostHead (the newest post of a folder) refuses it', () => {
    expect(() => readPostHead(fifo)).toThrow(/swapped\.md: not a regular file; expected a post file/);
  });

  run('readPostBytesSync (list) refuses it rather than list an empty post', () => {
    expect(() => readPostBytesSync(fifo)).toThrow(/swapped\.md: not a regular file; expected a post file/);
    writeFileSync(join(dir, 'empty.md'), '');
    expect(readPostBytesSync(join(dir, 'empty.md')).length).toBe(0);
  });

  it('a regular post still reads, whole', async () => {
    expect((await readPost(join(dir, 'plain.md'))).text).toBe('---\ntitle: Plain\n---\n# Body\n');
    expect(readPostHead(join(dir, 'plain.md')).title).toBe('Plain');
  });
});
