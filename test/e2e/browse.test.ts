// `postview browse` and `show --watch`, driven in a real terminal (tmux):
// keys in, screens out, and the terminal as it was after the run.
import { appendFileSync, chmodSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, POSTS, ROOT, runCli } from './run-cli.js';
import { HAS_TMUX, Pane } from './tmux.js';

const AWS = '2016-05-17-aws-summit-seoul-2016.md';

/** A folder of posts the tests may change: the samples and one fixture. */
function postsFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postview-browse-'));
  for (const name of [AWS, '2023-03-04-conference-notes-habit.md', '2024-10-12-jsconf-recap.md']) copyFileSync(join(POSTS, name), join(dir, name));
  copyFileSync(join(FIXTURES, 'days.md'), join(dir, '2024-09-14-days.md'));
  return dir;
}

/** An $EDITOR that appends a line to the file it is given and exits. */
function standInEditor(dir: string): string {
  const path = join(dir, 'editor.sh');
  writeFileSync(path, '#!/bin/sh\nprintf "\\nAppended by the stand-in editor.\\n" >> "$1"\n');
  chmodSync(path, 0o755);
  return path;
}

const within = (width: number) => (screen: string) => screen.split('\n').every((line) => [...line].length <= width);

const describeTmux = HAS_TMUX ? describe : describe.skip;

describeTmux('browse in a terminal', () => {
  let pane: Pane | undefined;
  afterEach(() => pane?.kill());

  it('lists, filters, opens, scrolls, searches, jumps, shows sessions, resizes, edits, reloads and quits cleanly', async () => {
    const dir = postsFolder();
    const editor = standInEditor(mkdtempSync(join(tmpdir(), 'postview-editor-')));
    pane = new Pane(['browse', dir], { env: { EDITOR: editor } });
    const p = pane;

    // The list, newest first.
    let screen = await p.waitFor('4 posts');
    expect(p.alternateOn()).toBe(true);
    const rows = p.lines();
    expect(rows[0]).toMatch(/^Date +Title +Category +Sessions/);
    expect(rows[1]).toMatch(/^2024-10-12 +HarborJS/);
    expect(rows[4]).toMatch(/^2016-05-17 +AWS Summit Seoul 2016/);

    // The sessions of every post in the folder, then back.
    p.send('s');
    screen = await p.waitFor('19 sessions');
    expect(screen).toMatch(/Post +Day +Time +Title +Speaker/);
    p.send('Escape');
    await p.waitFor('4 posts');

    // Filter as you type, then open.
    p.send('/');
    p.type('summit');
    screen = await p.waitFor('2 of 4 posts');
    expect(screen).not.toContain('HarborJS');
    p.type(' seoul');
    await p.waitFor('1 of 4 posts');
    p.send('Enter', 'Enter');
    screen = await p.waitFor(/AWS · 2016-05-17/);
    expect(p.lines().at(-1)).toMatch(/1-29\/\d+ Top/);

    // Scroll: the wheel (as the terminal reports it, SGR), a line, a page, the end.
    p.type('\x1b[<65;10;5M');
    await p.waitFor(/4-32\/\d+/);
    p.send('j');
    await p.waitFor(/5-33\/\d+/);
    p.send('Space');
    await p.waitFor(/34-62\/\d+/);
    p.send('b', 'k', 'k');
    await p.waitFor(/3-31\/\d+/);
    p.send('G');
    await p.waitFor(/End\s*$/m);
    p.send('g');
    await p.waitFor(/Top\s*$/m);

    // Search, and the next match.
    p.send('/');
    p.type('Lambda');
    p.send('Enter');
    screen = await p.waitFor((s) => s.split('\n')[0]!.includes('Lambda') && !s.includes('Search:'));
    p.send('n');
    screen = await p.waitFor(/match 2\/\d+/);
    expect(p.lines()[0]).toContain('Lambda');
    // Matches are in reverse video.
    expect(p.styledScreen()).toMatch(/\x1b\[[0-9;]*7m(?:\x1b\[[0-9;]*m)*Lambda/);

    // The section tree: jump to "좋았던 점".
    p.send('t');
    screen = await p.waitFor('Sections');
    const tree = p.lines();
    const good = tree.findIndex((line) => line.trim() === '좋았던 점');
    const cursor = tree.findIndex((line) => line.includes('강연 트랙'));
    expect(good).toBeGreaterThan(0);
    p.send('g', ...Array<string>(good - 1).fill('j'), 'Enter');
    screen = await p.waitFor(/› 좋았던 점/);
    expect(p.lines()[0]).toBe('좋았던 점');
    expect(cursor).toBeGreaterThan(0);
    p.send('[');
    await p.waitFor(/› 17:10 - 17:50/);

    // Sessions, filtered by a speaker, then by a time.
    p.send('s');
    screen = await p.waitFor('6 sessions');
    p.send('/');
    p.type('박선용');
    screen = await p.waitFor('2 of 6 sessions');
    expect(screen).toContain('AWS상에서 게임서비스');
    expect(screen).not.toContain('Lambda를 활용한');
    p.send('Enter', '@');
    p.type('4:30pm');
    p.send('Enter');
    screen = await p.waitFor('1 of 6 sessions');
    expect(screen).toContain('16:20–17:00');
    p.send('Enter');
    screen = await p.waitFor((s) => s.includes('CodePipeline') || s.includes('DevOps'));

    // A narrower window draws again at its width.
    p.tmux('resize-window', '-t', 'test', '-x', '60', '-y', '20');
    screen = await p.waitFor((s) => s.split('\n').length <= 21 && within(60)(s) && /\d+-\d+\/\d+/.test(s));
    p.tmux('resize-window', '-t', 'test', '-x', '100', '-y', '30');
    await p.waitFor((s) => s.replace(/\n$/, '').split('\n').length === 30);

    // Back to the post; edit it with the stand-in editor: the view shows the new line.
    p.send('Escape', 'Escape', 'Escape');
    await p.waitFor(/› 17:10 - 17:50/);
    p.send('e');
    await p.waitFor('reloaded');
    p.send('G');
    screen = await p.waitFor('Appended by the stand-in editor.');
    expect(readFileSync(join(dir, AWS), 'utf8')).toContain('Appended by the stand-in editor.');

    // A change from outside: the view reloads by itself (and, at the end, stays there).
    appendFileSync(join(dir, AWS), '\nChanged from outside.\n');
    await p.waitFor('Changed from outside.');

    // Quit: the terminal is as it was.
    p.send('q');
    await p.waitFor('exit=0');
    expect(p.alternateOn()).toBe(false);
    expect(p.sttyAfter()).toBe(p.sttyBefore());
    expect(p.sttyAfter()).toMatch(/ icanon /);
    expect(p.sttyAfter()).toMatch(/ echo /);
  }, 60_000);

  it.each([
    ['Ctrl-C', (p: Pane) => p.send('C-c'), 'exit=0'],
    ['SIGTERM', (p: Pane) => process.kill(p.programPid(), 'SIGTERM'), 'exit=143'],
  ])('%s restores the screen and the terminal modes', async (_name, stop, exit) => {
    pane = new Pane(['browse', POSTS]);
    await pane.waitFor('3 posts');
    pane.send('Enter');
    await pane.waitFor('Top');
    stop(pane);
    await pane.waitFor(exit);
    expect(pane.alternateOn()).toBe(false);
    expect(pane.sttyAfter()).toBe(pane.sttyBefore());
  }, 30_000);

  it('a broken post is said in the status line, and in full once the screen is given back', async () => {
    const dir = postsFolder();
    writeFileSync(join(dir, '2025-01-01-binary.md'), 'abc\0def');
    pane = new Pane(['browse', dir]);
    await pane.waitFor('1 post could not be read');
    expect(pane.screen()).toContain('4 posts');
    pane.send('q');
    const after = await pane.waitFor('exit=0');
    // The path may wrap at the pane's edge (the tests' temporary folder is one level deeper).
    expect(after.replace(/\n/g, '')).toMatch(/warning: .*2025-01-01-binary\.md: looks like a binary file/);
  }, 30_000);

  it('NO_COLOR gives a monochrome screen, with reverse video for the cursor line', async () => {
    pane = new Pane(['browse', POSTS], { env: { NO_COLOR: '1' } });
    await pane.waitFor('3 posts');
    const styled = pane.styledScreen();
    const sgr = styled.match(/\x1b\[[0-9;]*m/g) ?? [];
    expect(sgr.some((s) => /\b7\b/.test(s.slice(2, -1)))).toBe(true);
    expect(sgr.filter((s) => /(^|;)(3[0-7]|9[0-7]|38|4[0-7]|48)(;|m)/.test(s.slice(2)))).toEqual([]);
    pane.send('q');
    await pane.waitFor('exit=0');
  }, 30_000);

  it('speaks Korean with a Korean locale, and opens a post given by name', async () => {
    pane = new Pane(['browse', 'aws', '--dir', POSTS], { env: { LANG: 'ko_KR.UTF-8' } });
    await pane.waitFor('처음');
    pane.send('s');
    await pane.waitFor('세션 6개');
    pane.send('?');
    await pane.waitFor('발표자나 제목으로 거르기');
    pane.send('q', 'q');
    await pane.waitFor('exit=0');
  }, 30_000);

  it('opens a folder of 600 posts, filled in after the first screen, and filters them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postview-many-'));
    const text = readFileSync(join(POSTS, AWS), 'utf8');
    for (let i = 0; i < 600; i++) writeFileSync(join(dir, `2020-01-${String((i % 28) + 1).padStart(2, '0')}-post-${i}.md`), text.replace('AWS Summit Seoul 2016', `Recap number ${i}`));
    pane = new Pane(['browse', dir], { env: { POSTVIEW_CACHE: 'off' } });
    await pane.waitFor('600 posts', 20_000);
    pane.send('/');
    pane.type('number 599');
    await pane.waitFor('1 of 600 posts');
    pane.send('Enter', 'q');
    await pane.waitFor('exit=0');
  }, 60_000);

  it('show --watch draws the post again on every save, with the sessions found and what was not read', async () => {
    const dir = postsFolder();
    const file = join(dir, '2024-09-14-days.md');
    pane = new Pane(['show', '--watch', file]);
    await pane.waitFor('4 sessions');
    appendFileSync(file, '\n### 14시 점심 이후 발표\n\n### 15:00 - 15:30 Lightning talks\n\nSpeaker: Ada Park\n');
    const screen = await pane.waitFor('5 sessions');
    expect(screen).toContain('warning: time-like heading not read as a session: "14시 점심 이후 발표"');
    pane.send('C-c');
    await pane.waitFor('exit=0');
  }, 30_000);
});

describe('browse outside a terminal', () => {
  it('exits 2 with one line when the output is not a terminal', () => {
    const run = runCli(['browse', POSTS]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/browse: the output is not a terminal/);
  });

  it('lists every key in browse --help', () => {
    const help = runCli(['browse', '--help']).stdout;
    for (const key of ['j k', 'PgDn', '/  n N', 't ', '[ ]', '@', 'Enter', 'e ', '?', 'q Ctrl-C']) expect(help).toContain(key);
  });
});

describe('the UI bundle', () => {
  const main = readFileSync(join(ROOT, 'dist/postview.cjs'), 'utf8');
  const ui = readFileSync(join(ROOT, 'dist/browse.cjs'), 'utf8');

  it('stays out of the CLI bundle that every command loads', () => {
    // The alternate screen and wheel keys are the UI's alone.
    expect(ui).toContain('?1049h');
    expect(ui).toContain('<wheeldown>');
    expect(main).not.toContain('?1049h');
    expect(main).not.toContain('<wheeldown>');
  });

  it('carries no copy of the core: marked and the renderers come from the CLI bundle', () => {
    expect(main).toContain('blockquote');
    expect(ui).not.toContain('blockquote');
    expect(ui.length).toBeLessThan(main.length / 4);
  });
});
