import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runList } from '../../../src/commands/list.js';
import type { Context } from '../../../src/commands/context.js';

const context: Context = {
  dir: '.',
  render: { width: 80, textWidth: 80, colorLevel: 0, hyperlinks: false },
  json: true,
  warn: () => {},
  lang: 'en',
  clock: () => new Date(2030, 0, 1),
};

describe('list order', () => {
  it('newest first; posts of one date by path; undated posts last', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postview-order-'));
    const posts: [string, string][] = [
      ['b.md', '---\ndate: 2021-03-04\n---\n'],
      ['undated.md', '# No date\n'],
      ['a.md', '---\ndate: 2021-03-04\n---\n'],
      ['2019-12-31-old.md', 'old\n'],
      ['c.md', '---\ndate: 2024-01-02\n---\n'],
      ['Z.md', '---\ndate: "2021-03-04T10:00:00Z"\n---\n'],
    ];
    for (const [name, text] of posts) writeFileSync(join(dir, name), text);
    const outcome = await runList(dir, context);
    const listed = (JSON.parse(outcome.stdout) as { path: string; date: string | null }[]).map((p) => [p.path.slice(dir.length + 1), p.date]);
    expect(listed).toEqual([
      ['c.md', '2024-01-02'],
      ['a.md', '2021-03-04'],
      ['b.md', '2021-03-04'],
      ['Z.md', '2021-03-04'],
      ['2019-12-31-old.md', '2019-12-31'],
      ['undated.md', null],
    ]);
  });
});
