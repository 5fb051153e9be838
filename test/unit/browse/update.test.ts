// The browse model driven by messages alone: no terminal, no files.
import { bodyHeight, sectionAt } from '../../../src/browse/model.js';
import { item, keys, listModel, makePost, NOON, pageModel, press, run, screen, top } from './helpers.js';

const NOTES = `---
title: Summit notes
category: Conferences
date: 2024-09-14
---

Intro line about the day.

## Day 1

### 10:00 - 10:45 The State of the Project
Speaker: Lena Kowalski, Maintainer, Openfield

${Array.from({ length: 12 }, (_, i) => `- point ${i + 1} about releases`).join('\n')}

### 11:00 - 11:45 Writing Docs People Read
Speaker: Omar Haddad, Technical Writer, Brightdocs

- Start every page with the task.

## Day 2

### 14:00 - 14:40 Funding Maintainers
Speaker: Tom Becker, Program Lead, Commonstack

${Array.from({ length: 12 }, (_, i) => `- grant note ${i + 1}`).join('\n')}

## Wrap-up

Last words, and a Needle in the text.
`;

describe('posts list', () => {
  const items = [
    item('posts/2024-10-12-jsconf.md', 'HarborJS 2024', { date: '2024-10-12', category: 'Conferences' }),
    item('posts/2023-03-04-habit.md', '컨퍼런스 메모', { date: '2023-03-04', category: '에세이' }),
    item('posts/2016-05-17-aws-summit.md', 'AWS Summit Seoul', { date: '2016-05-17', category: 'AWS' }),
  ];

  it('filters as you type, over title, file name and category', () => {
    let m = press(listModel(items), '/', 'aws');
    expect(top(m, 'list').shown).toEqual([2]);
    m = press(m, '<bs>', '<bs>', '<bs>', 'conf');
    // "conf" is in HarborJS's category and in the jsconf file name.
    expect(top(m, 'list').shown).toEqual([0]);
    expect(screen(m).at(-1)).toContain('conf');
  });

  it('matches Hangul typed in NFD (a Mac) against NFC titles, and ignores case', () => {
    const m = press(listModel(items), '/', '메모'.normalize('NFD'));
    expect(top(m, 'list').shown).toEqual([1]);
    expect(top(press(listModel(items), '/', 'HARBORJS'), 'list').shown).toEqual([0]);
  });

  it('speakers read later join what the filter matches', () => {
    let m = press(listModel(items), '/', 'kowalski');
    expect(top(m, 'list').shown).toEqual([]);
    m = run(m, { type: 'speakers', found: { 'posts/2023-03-04-habit.md': 'Lena Kowalski Openfield' } }).model;
    expect(top(m, 'list').shown).toEqual([1]);
  });

  it('asks for the speakers when the filter opens, Esc clears it', () => {
    const opened = run(listModel(items), ...keys('/'));
    expect(opened.effects).toEqual([{ type: 'speakers' }]);
    const m = press(opened.model, 'aws', '<esc>');
    expect(m.prompt).toBeNull();
    expect(top(m, 'list').shown).toEqual([0, 1, 2]);
  });

  it('Enter opens the post under the cursor; s asks for the folder\'s sessions', () => {
    const { effects } = run(listModel(items), ...keys('j', '<enter>'));
    expect(effects).toEqual([{ type: 'open', path: 'posts/2023-03-04-habit.md' }]);
    expect(run(listModel(items), ...keys('s')).effects).toEqual([{ type: 'sessions', source: 'posts' }]);
  });

  it('keeps the cursor in the list and in view', () => {
    const many = Array.from({ length: 40 }, (_, i) => item(`posts/p${i}.md`, `Post ${i}`));
    let m = press(listModel(many, { height: 8 }), 'G');
    const list = top(m, 'list');
    expect(list.cursor).toBe(39);
    expect(list.top).toBe(40 - (bodyHeight(m) - 1));
    m = press(m, 'j', 'j');
    expect(top(m, 'list').cursor).toBe(39);
    m = press(m, 'g', 'k');
    expect(top(m, 'list')).toMatchObject({ cursor: 0, top: 0 });
  });
});

describe('post view', () => {
  const post = makePost(NOTES);

  it('scrolls by line, page and half page, and stops at both ends', () => {
    let m = pageModel(post, { height: 12 });
    const page = top(m, 'page');
    const last = page.lines.length - bodyHeight(m);
    m = press(m, 'j', 'j', '<down>', 'k');
    expect(top(m, 'page').top).toBe(2);
    m = press(m, ' ');
    expect(top(m, 'page').top).toBe(2 + 11);
    m = press(m, 'b', 'u');
    expect(top(m, 'page').top).toBe(0);
    m = press(m, 'G', 'j', '<wheeldown>');
    expect(top(m, 'page').top).toBe(last);
    m = press(m, 'g', 'k', '<wheelup>');
    expect(top(m, 'page').top).toBe(0);
  });

  it('searches with / and steps through matches with n and N, wrapping', () => {
    let m = press(pageModel(post), '/', 'grant note 1', '<enter>');
    const page = top(m, 'page');
    // "grant note 1", "grant note 10", "11", "12".
    expect(page.search?.hits).toHaveLength(4);
    expect(page.plain[page.top]).toContain('grant note 1');
    const first = page.top;
    m = press(m, 'n');
    expect(top(m, 'page').search?.current).toBe(1);
    m = press(m, 'N', 'N');
    expect(top(m, 'page').search?.current).toBe(3);
    m = press(m, 'n');
    expect(top(m, 'page').top).toBe(first);
  });

  it('says when a search finds nothing, and search ignores case', () => {
    const m = press(pageModel(post), '/', 'zebra', '<enter>');
    expect(m.notice).toContain('zebra');
    expect(top(press(pageModel(post), '/', 'NEEDLE', '<enter>'), 'page').search?.hits).toHaveLength(1);
  });

  it('jumps to a section from the tree, and with [ and ]', () => {
    let m = press(pageModel(post), 't');
    const page = top(m, 'page');
    expect(page.tree).toEqual({ cursor: 0 });
    const titles = page.marks.map((mark) => mark.title);
    expect(titles).toEqual(['Day 1', '10:00 - 10:45 The State of the Project', '11:00 - 11:45 Writing Docs People Read', 'Day 2', '14:00 - 14:40 Funding Maintainers', 'Wrap-up']);
    m = press(m, 'j', 'j', 'j', '<enter>');
    const jumped = top(m, 'page');
    expect(jumped.tree).toBeNull();
    expect(jumped.plain[jumped.top]).toBe('Day 2');
    m = press(m, ']');
    expect(top(m, 'page').plain[top(m, 'page').top]).toContain('Funding Maintainers');
    m = press(m, '[', '[');
    expect(top(m, 'page').plain[top(m, 'page').top]).toContain('Writing Docs');
  });

  it('keeps the reader in the same section across a resize', () => {
    let m = press(pageModel(post, { width: 80, height: 10 }), 't', 'j', 'j', 'j', 'j', '<enter>', 'j');
    const before = top(m, 'page');
    expect(before.marks[sectionAt(before, before.top)]!.title).toContain('Funding');
    m = run(m, { type: 'resize', width: 30, height: 10 }).model;
    const after = top(m, 'page');
    expect(after.lines.length).toBeGreaterThan(before.lines.length);
    expect(after.marks[sectionAt(after, after.top)]!.title).toContain('Funding');
    expect(screen(m).every((line) => line.length <= 30)).toBe(true);
  });

  it('reloads a changed post in the same section, and says so', () => {
    let m = press(pageModel(post), 't', 'j', 'j', 'j', 'j', '<enter>');
    const changed = makePost(NOTES.replace('Intro line about the day.', 'Intro line.\n\nA whole new paragraph.\n\nAnd another one.'));
    m = run(m, { type: 'reloaded', path: post.path, post: changed }).model;
    const page = top(m, 'page');
    expect(page.plain[page.top]).toContain('Funding Maintainers');
    expect(page.plain).toContain('A whole new paragraph.');
    expect(m.notice).toBe('reloaded');
    const gone = run(m, { type: 'reloaded', path: post.path, post: null }).model;
    expect(top(gone, 'page').plain).toContain('A whole new paragraph.');
    expect(gone.notice).toMatch(/gone/);
  });

  it('draws the pages again when syntax colours arrive, in the same place', () => {
    const code = makePost(`${NOTES}\n\n\`\`\`js\nconst answer = 42;\n\`\`\`\n`);
    let m = press(pageModel(code, { colorLevel: 1 }), 't', 'j', 'j', 'j', 'j', '<enter>');
    const before = top(m, 'page');
    expect(before.lines.join('\n')).not.toContain('<lit>');
    m = run(m, { type: 'highlight', highlight: (text) => `\x1b[33m<lit>${text}\x1b[39m` }).model;
    const after = top(m, 'page');
    expect(after.lines.join('\n')).toContain('<lit>const answer = 42;');
    expect(after.plain[after.top]).toBe(before.plain[before.top]);
  });

  it('stays at the end after a reload when it was at the end', () => {
    let m = press(pageModel(post), 'G');
    m = run(m, { type: 'reloaded', path: post.path, post: makePost(`${NOTES}\nA line added at the end.\n`) }).model;
    expect(screen(m).join('\n')).toContain('A line added at the end.');
    expect(top(m, 'page').plain.at(-1)).toBe('A line added at the end.');
  });

  it('e asks to edit the file; Esc goes back to where it came from', () => {
    const m = pageModel(post);
    expect(run(m, ...keys('e')).effects).toEqual([{ type: 'edit', path: post.path }]);
    const list = listModel([item(post.path, 'Summit notes')]);
    const opened = run(list, { type: 'opened', post }).model;
    expect(top(opened, 'page').path).toBe(post.path);
    expect(top(press(opened, '<esc>'), 'list').items).toHaveLength(1);
  });
});

describe('sessions view', () => {
  const post = makePost(NOTES);

  it('s lists the post\'s sessions; / filters by speaker or title as you type', () => {
    let m = press(pageModel(post), 's');
    expect(top(m, 'sessions').shown).toEqual([0, 1, 2]);
    m = press(m, '/', 'haddad');
    expect(top(m, 'sessions').shown).toEqual([1]);
    m = press(m, '<c-u>', 'funding');
    expect(top(m, 'sessions').shown).toEqual([2]);
    m = press(m, '<enter>', '<esc>');
    expect(top(m, 'sessions').shown).toEqual([0, 1, 2]);
  });

  it('@ shows what runs at a time; a bad time is said, not applied', () => {
    let m = press(pageModel(post), 's', '@', '2pm', '<enter>');
    expect(top(m, 'sessions')).toMatchObject({ at: 14 * 60, shown: [2] });
    m = press(m, '@', '10:30', '<enter>');
    expect(top(m, 'sessions').shown).toEqual([0]);
    m = press(m, '@', 'soon', '<enter>');
    expect(m.notice).toContain('soon');
    expect(top(m, 'sessions').at).toBe(10 * 60 + 30);
    m = press(m, '@', '<enter>');
    expect(top(m, 'sessions').at).toBeNull();
  });

  it('n puts the cursor on what runs now, or on what comes next', () => {
    const at = (h: number, min: number) => ({ type: 'key' as const, key: 'n', now: new Date(2024, 8, 14, h, min) });
    let m = run(press(pageModel(post), 's'), at(11, 10)).model;
    expect(top(m, 'sessions').cursor).toBe(1);
    expect(top(m, 'sessions').now?.result.current?.title).toContain('Writing Docs');
    m = run(m, at(12, 0)).model;
    expect(top(m, 'sessions').now?.result.current).toBeNull();
    expect(top(m, 'sessions').now?.result.next).toBeNull();
  });

  it('n keeps to one day of a post of several days: the clock\'s date, else the day under the cursor', () => {
    // 2024-09-14 is Day 1 of NOTES: at noon nothing is left that day, and
    // Day 2's 14:00 talk is not "next" (it is tomorrow).
    const on = (d: number, h: number, min: number, cursorTo = 0) => (m0: ReturnType<typeof pageModel>) => {
      let m = press(m0, 's', ...Array.from({ length: cursorTo }, () => 'j'));
      m = run(m, { type: 'key' as const, key: 'n', now: new Date(2024, 8, d, h, min) }).model;
      return top(m, 'sessions');
    };
    const day1 = on(14, 12, 0)(pageModel(post));
    expect(day1.now?.result.next).toBeNull();
    expect(day1.now?.result.current).toBeNull();
    // The next day at noon: Day 2's talk is next, and the cursor goes to it.
    const day2 = on(15, 12, 0)(pageModel(post));
    expect(day2.now?.result.next?.title).toContain('Funding');
    expect(day2.cursor).toBe(2);
    // A date that is none of the post's days: the day of the row under the cursor.
    const laterOn1 = on(20, 10, 50, 0)(pageModel(post));
    expect(laterOn1.now?.result.next?.title).toContain('Writing Docs');
    const laterOn2 = on(20, 10, 50, 2)(pageModel(post));
    expect(laterOn2.now?.result.next?.title).toContain('Funding');
    expect(laterOn2.now?.result.current).toBeNull();
  });

  it('Enter opens the session in full; Esc comes back to the table', () => {
    let m = press(pageModel(post), 's', 'j', '<enter>');
    const page = top(m, 'page');
    expect(page.session?.title).toBe('Writing Docs People Read');
    expect(page.plain.join('\n')).toContain('Start every page with the task.');
    expect(page.plain.join('\n')).not.toContain('Funding');
    m = press(m, '<esc>');
    expect(top(m, 'sessions').cursor).toBe(1);
  });

  it('takes the rows of a folder as they are read', () => {
    const rows = post.sessions.map((session) => ({ session, post: post.path, path: post.path, postDate: post.date, haystack: session.title.toLowerCase() }));
    let m = run(listModel([]), { type: 'sessions', source: 'posts', rows: rows.slice(0, 1), complete: false, first: true }).model;
    expect(top(m, 'sessions').rows).toHaveLength(1);
    expect(screen(m).at(-1)).toContain('reading');
    m = run(m, { type: 'sessions', source: 'posts', rows: rows.slice(0, 2), complete: false, first: false }).model;
    expect(m.stack).toHaveLength(2);
    expect(top(m, 'sessions').rows).toHaveLength(2);
    // Closed while still being read: the rest does not open it again.
    m = press(m, '<esc>');
    m = run(m, { type: 'sessions', source: 'posts', rows, complete: true, first: false }).model;
    expect(m.stack).toHaveLength(1);
    expect(top(m, 'list')).toBeDefined();
  });
});

describe('everywhere', () => {
  const post = makePost(NOTES);

  it('q and Ctrl-C quit; in a prompt q is a letter and Ctrl-C still quits', () => {
    expect(press(pageModel(post), 'q').quit).toBe(true);
    const typing = press(pageModel(post), '/', 'q');
    expect(typing.quit).toBe(false);
    expect(typing.prompt).toEqual({ kind: 'search', text: 'q' });
    expect(press(typing, '<c-c>').quit).toBe(true);
  });

  it('? shows the keys of the screen; any key goes back', () => {
    let m = press(pageModel(post, { width: 100, height: 30 }), '?');
    const text = screen(m).join('\n');
    expect(text).toContain('section tree (Enter jumps)');
    expect(text).toContain('quit');
    // A short window puts them in two columns rather than losing some.
    expect(screen(press(pageModel(post, { width: 80, height: 10 }), '?')).join('\n')).toMatch(/q Ctrl-C +quit/);
    m = press(m, 'j');
    expect(m.help).toBe(false);
    expect(top(m, 'page').top).toBe(0);
  });

  it('a key clears the last notice', () => {
    const m = press(pageModel(post), '/', 'zebra', '<enter>');
    expect(m.notice).not.toBeNull();
    expect(press(m, 'j').notice).toBeNull();
    expect(NOON.getHours()).toBe(12);
  });
});
