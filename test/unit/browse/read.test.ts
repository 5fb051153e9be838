// Reading a folder for browse: the first screen first, then every post.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFolderSessions, readList, readSpeakers } from '../../../src/browse/read.js';
import type { ListItem, SessionRow } from '../../../src/browse/model.js';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postview-read-'));
  const post = (title: string, speaker: string) => `---\ntitle: ${title}\n---\n\n### 10:00 - 10:30 Talk of ${title}\nSpeaker: ${speaker}, Engineer, Openfield\n`;
  writeFileSync(join(dir, '2020-01-01-old.md'), post('Old one', 'Ada Park'));
  writeFileSync(join(dir, '2021-01-01-middle.md'), post('Middle one', 'Bo Kim'));
  writeFileSync(join(dir, '2022-01-01-new.md'), post('New one', '김하늘'));
  writeFileSync(join(dir, '2023-01-01-broken.md'), 'abc\0def');
  return dir;
}

const reader = (warnings: string[]) => ({ warn: (m: string) => warnings.push(m), cacheDir: null, now: () => Date.now() });

describe('readList', () => {
  it('sends the posts of the first screen, then all of them newest first; a broken post is a warning', async () => {
    const sent: [string[], boolean][] = [];
    const warnings: string[] = [];
    await readList(folder(), 2, reader(warnings), (items: ListItem[], complete) => sent.push([items.map((i) => i.title), complete]));
    expect(sent).toEqual([
      [['New one'], false],
      [['New one', 'Middle one', 'Old one'], true],
    ]);
    expect(warnings).toEqual([expect.stringMatching(/2023-01-01-broken\.md: looks like a binary file/)]);
  });
});

describe('readSpeakers and readFolderSessions', () => {
  it('read every post in full: speakers for the filter, sessions with their post', async () => {
    const dir = folder();
    const warnings: string[] = [];
    const found: Record<string, string> = {};
    const paths = ['2020-01-01-old.md', '2022-01-01-new.md'].map((f) => join(dir, f));
    await readSpeakers(paths, reader(warnings), (batch) => Object.assign(found, batch));
    expect(Object.keys(found).sort()).toEqual(paths);
    expect(found[paths[1]!]).toContain('김하늘');
    let last: { rows: SessionRow[]; complete: boolean } | null = null;
    await readFolderSessions(dir, reader(warnings), (rows, complete) => (last = { rows, complete }));
    expect(last!.complete).toBe(true);
    expect(last!.rows.map((r) => r.session.title).sort()).toEqual(['Talk of Middle one', 'Talk of New one', 'Talk of Old one']);
    expect(last!.rows.every((r) => r.post === r.path)).toBe(true);
  });
});
