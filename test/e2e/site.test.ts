// The posts folder of a real blog, found from where postview runs: a Jekyll
// site (_posts, _drafts with --drafts) or a Hugo site (content/posts with
// page bundles), from the site's root or a folder below it; else the sample
// posts, said once on stderr.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli, runJson } from './run-cli.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'postview-site-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const recap = (title: string, date: string, speaker: string) =>
  `---\ntitle: ${title}\ndate: ${date}\n---\n\n## Day 1\n\n### 10:00 - 10:40 ${title} talk\n\n- ${speaker}, Example Corp\n\n### 11:00 - 11:40 Second ${title}\n\n- Someone Else, Acme\n`;

const SAMPLE_NOTE = "showing postview's sample posts; use --dir or POSTVIEW_DIR for yours";

describe('a Jekyll site', () => {
  const root = tree({
    '_config.yml': 'title: Blog\n',
    '_posts/2024-05-01-spring-meetup.md': recap('Spring meetup', '2024-05-01', 'Jane Roe'),
    '_posts/2023/2023-11-02-autumn-summit.md': recap('Autumn summit', '2023-11-02', 'Jane Roe'),
    '_drafts/next-conference.md': recap('Next conference', '2025-01-10', 'Jane Roe'),
    '_site/2024-05-01-spring-meetup.md': recap('Built copy', '2024-05-01', 'Jane Roe'),
    'node_modules/pkg/README.md': '# not a post\n',
    'assets/css/.keep': '',
  });

  it.each([['its root', ''], ['a folder below it', 'assets/css']])('is found from %s, subfolders included, _site skipped', (_, below) => {
    const { code, json, stderr } = runJson<{ path: string; title: string }[]>(['list'], { cwd: join(root, below) });
    expect(code).toBe(0);
    expect(json.map((p) => p.title).sort()).toEqual(['Autumn summit', 'Spring meetup']);
    expect(stderr).toBe('');
  });

  it('adds _drafts with --drafts', () => {
    const { json } = runJson<{ title: string }[]>(['list', '--drafts'], { cwd: join(root, 'assets') });
    expect(json.map((p) => p.title).sort()).toEqual(['Autumn summit', 'Next conference', 'Spring meetup']);
  });

  it('shows the newest post by default, and a post by words of its name', () => {
    expect(runCli(['sections', '--color', 'never'], { cwd: root }).stdout).toContain('Spring meetup talk');
    expect(runCli(['sections', 'autumn', '--color', 'never'], { cwd: root }).stdout).toContain('Autumn summit talk');
  });
});

describe('a Hugo site', () => {
  const root = tree({
    'hugo.toml': 'title = "Blog"\n',
    'content/_index.md': '# Home\n',
    'content/about.md': '# About\n',
    'content/posts/_index.md': '# Posts\n',
    'content/posts/rust-day/index.md': recap('Rust day', '2024-03-09', 'Jane Roe'),
    'content/posts/go-conf/index.md': recap('Go conference', '2024-06-20', 'John Doe'),
    'content/posts/plain-post.md': recap('Plain post', '2022-01-01', 'Jane Roe'),
    'themes/x/layouts/README.md': '# theme\n',
    'public/posts/rust-day/index.md': recap('Built copy', '2024-03-09', 'Jane Roe'),
  });

  it.each([['its root', ''], ['a folder below it', 'content/posts/rust-day']])('finds content/posts with its page bundles from %s', (_, below) => {
    const { code, json } = runJson<{ title: string }[]>(['list'], { cwd: join(root, below) });
    expect(code).toBe(0);
    expect(json.map((p) => p.title).sort()).toEqual(['Go conference', 'Plain post', 'Rust day']);
  });

  it('covers every bundle in a folder command', () => {
    const { json } = runJson<{ post: string; title: string }[]>(['tracks', join(root, 'content/posts'), '--speaker', 'jane roe']);
    expect(json.map((s) => s.title).sort()).toEqual(['Plain post talk', 'Rust day talk']);
    expect(json.find((s) => s.title === 'Rust day talk')!.post).toBe(join(root, 'content/posts/rust-day/index.md'));
  });

  it('takes content/blog, else content, when there is no content/posts', () => {
    const blog = tree({ 'config.toml': '', 'content/blog/a.md': recap('In blog', '2024-01-01', 'X Y') });
    expect(runJson<{ title: string }[]>(['list'], { cwd: blog }).json.map((p) => p.title)).toEqual(['In blog']);
    const flat = tree({ 'hugo.yaml': '', 'content/b.md': recap('In content', '2024-01-01', 'X Y') });
    expect(runJson<{ title: string }[]>(['list'], { cwd: flat }).json.map((p) => p.title)).toEqual(['In content']);
  });
});

describe('outside any blog', () => {
  const nowhere = tree({ 'notes.txt': 'not a blog\n' });

  it('shows the sample posts and says so once on stderr', () => {
    const run = runCli(['tracks', 'aws', '--color', 'never'], { cwd: nowhere });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('13:50');
    expect(run.stderr.split('\n').filter((l) => l.includes(SAMPLE_NOTE))).toHaveLength(1);
  });

  it('says nothing with --json, nor when a file is named', () => {
    expect(runJson(['list'], { cwd: nowhere }).stderr).toBe('');
    writeFileSync(join(nowhere, 'mine.md'), recap('Mine', '2024-01-01', 'X Y'));
    expect(runCli(['tracks', 'mine.md'], { cwd: nowhere }).stderr).toBe('');
  });
});

describe('a folder with one broken post', () => {
  const root = tree({
    'good.md': recap('Good', '2024-05-01', 'Jane Roe'),
    // Not a day (day numbers are bounded): its talk is on the post's date.
    'far-day.md': '---\ntitle: Far\ndate: 2024-05-01\n---\n\n## Day 999999999\n\n### 12:00 - 12:40 Far talk\n\n- Jane Roe\n',
    'bad-date.md': '---\ntitle: Bad date\ndate: "2024-02-30"\n---\n\n### 10:00 - 10:40 Bad date talk\n\n- Jane Roe\n',
  });

  it('--ics: one warning per failing post, the others still out', () => {
    const run = runCli(['tracks', root, '--ics']);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(run.stdout).toContain('SUMMARY:Good talk');
    expect(run.stdout).toContain('DTSTART:20240501T120000');
    const warnings = run.stderr.trimEnd().split('\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/bad-date\.md: .*2024-02-30/);
  });

  it('now on a date: the broken posts do not stop the others', () => {
    const { code, json } = runJson<{ current: { title: string; post: string } | null }>(['now', root, '--date', '2024-05-01', '--time', '10:10']);
    expect(code).toBe(0);
    expect(json.current).toMatchObject({ title: 'Good talk', post: join(root, 'good.md') });
  });

  it('now over a folder names the post of each session', () => {
    const run = runCli(['now', root, '--date', '2024-05-01', '--time', '10:10', '--color', 'never', '--width', '100']);
    expect(run.stdout.split('\n')[0]).toMatch(/^Now +Day 1 10:00–10:40 +good: Good talk/);
  });
});
