// Odd input that used to go wrong quietly: a front-matter language gray-matter
// would look up on a plain object ("---constructor"), a fence language
// highlight.js does not know (it printed on stderr by itself), and a file
// name that is not valid UTF-8 (reported as "no such file").
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runList } from '../../../src/commands/list.js';
import { runTracks } from '../../../src/commands/tracks.js';
import type { Context } from '../../../src/commands/context.js';
import { InputError } from '../../../src/errors.js';
import { parseFrontMatter } from '../../../src/load/front-matter.js';
import { listPostFiles } from '../../../src/load/posts-dir.js';
import { loadHighlighter } from '../../../src/render/highlight.js';

describe('front matter that names a language', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf', 'python'])('---%s is refused, naming it', (language) => {
    const text = `---${language}\ntitle: x\n---\nbody\n`;
    expect(() => parseFrontMatter(text, 'posts/x.md')).toThrow(InputError);
    expect(() => parseFrontMatter(text, 'posts/x.md')).toThrow(
      `posts/x.md: front matter language '${language}' is not supported (expected YAML between --- lines, or TOML between +++ lines)`,
    );
  });

  it.each(['', 'yaml', 'yml', 'YAML'])('---%s is YAML', (language) => {
    expect(parseFrontMatter(`---${language}\ntitle: x\n---\nbody\n`, 'x.md').frontMatter).toEqual({ title: 'x' });
  });

  it('---js is still refused as code', () => {
    expect(() => parseFrontMatter('---js\n{ title: "x" }\n---\n', 'x.md')).toThrow(/JavaScript is not supported/);
  });
});

describe('a fence language highlight.js does not know', () => {
  it('is shown plain, and nothing reaches stderr or the console', () => {
    const highlight = loadHighlighter(3);
    expect(highlight).toBeDefined();
    const written: string[] = [];
    const record = (...args: unknown[]): boolean => (written.push(args.map(String).join(' ')), true);
    const saved = { err: process.stderr.write, out: process.stdout.write, console: { ...console } };
    process.stderr.write = record as typeof process.stderr.write;
    process.stdout.write = record as typeof process.stdout.write;
    for (const name of ['log', 'info', 'warn', 'error', 'debug'] as const) console[name] = record;
    try {
      expect(highlight!('x = 1 <secret>', 'no-such-language')).toBe('x = 1 <secret>');
      expect(highlight!('const a = 1;', 'js')).toContain('\x1b[');
    } finally {
      process.stderr.write = saved.err;
      process.stdout.write = saved.out;
      for (const name of ['log', 'info', 'warn', 'error', 'debug'] as const) console[name] = saved.console[name];
    }
    expect(written).toEqual([]);
  });
});

describe('a file name that is not valid UTF-8', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pv-names-'));
    mkdirSync(join(dir, 'posts'));
    const raw = Buffer.concat([Buffer.from(join(dir, 'posts', 'bad-')), Buffer.from([0xff, 0xfe]), Buffer.from('-name.md')]);
    writeFileSync(raw, '---\ntitle: Still read\ndate: 2024-01-02\n---\n### 10:00 - 10:40 A talk\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const ctx = (): Context => ({ dir, render: { width: 100, textWidth: 80, colorLevel: 0, hyperlinks: false }, json: true, warn: (m) => { throw new Error(`warned: ${m}`); }, lang: 'en', clock: () => new Date(), cacheDir: null });

  it('is shown with � and still listed and read', async () => {
    const posts = join(dir, 'posts');
    expect(listPostFiles(posts)).toEqual([join(posts, 'bad-��-name.md')]);
    const listed = JSON.parse((await runList(posts, ctx())).stdout) as Array<{ path: string; title: string; sessions: number }>;
    expect(listed).toEqual([{ path: join(posts, 'bad-��-name.md'), title: 'Still read', date: '2024-01-02', category: null, sessions: 1, categories: [], tags: [] }]);
    const sessions = JSON.parse((await runTracks(posts, {}, ctx())).stdout) as Array<{ title: string; post: string }>;
    expect(sessions.map((s) => [s.title, s.post])).toEqual([['A talk', join(posts, 'bad-��-name.md')]]);
  });
});
