// Control, bidi and invisible characters never reach the terminal raw: every
// output drawn for it shows them (C0/C1 as "␛", "␛[", bidi and invisible ones
// as "<U+202E>") in body, headings, table cells, link text and URLs, tracks,
// timeline, now, speakers, search, list, browse, --ics and file names, while
// the post's data keeps them as written, so JSON carries the real value,
// escaped ("\u202e", "\u001b"); a URL holding one is never an OSC 8 target.
// Right-to-left letters and emoji sequences pass. Names and arguments echoed
// in messages show a line feed as "⏎". The output writer pictures whatever a
// renderer would let through, keeping postview's own styles and links.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runList } from '../../src/commands/list.js';
import { runNow, runTimeline } from '../../src/commands/schedule.js';
import { runSearch } from '../../src/commands/search.js';
import { runSections, runSection } from '../../src/commands/sections.js';
import { runShow } from '../../src/commands/show.js';
import { runSpeakers } from '../../src/commands/speakers.js';
import { runTrack, runTracks } from '../../src/commands/tracks.js';
import type { Context } from '../../src/commands/context.js';
import { initialModel, toListItem } from '../../src/browse/model.js';
import { postPage, update } from '../../src/browse/update.js';
import { view } from '../../src/browse/view.js';
import { messages } from '../../src/i18n.js';
import { formatError, formatWarning } from '../../src/output/write.js';
import { parsePost } from '../../src/parse/post.js';
import { renderJson } from '../../src/render/json.js';
import { showControls, showName, showStrayControls } from '../../src/sanitize.js';
import { runInProcess } from '../in-process.js';
import { unsafe } from '../safe-output.js';

/** Every character the terminal must never get raw. */
const INVISIBLES = [
  0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2028, 0x2029, 0xfeff, 0x061c, 0x2060,
];
const RAW = new RegExp(`[${INVISIBLES.map((c) => `\\u{${c.toString(16)}}`).join('')}]`, 'u');
const picture = (code: number): string => `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;

describe('showControls', () => {
  it.each(INVISIBLES.map((code) => [picture(code), code]))('shows %s as its code point', (shown, code) => {
    expect(showControls(`a${String.fromCodePoint(code as number)}b`)).toBe(`a${shown}b`);
  });

  it('still pictures C0 and C1 controls as before', () => {
    expect(showControls('\x1b[31m\x9b\x7f')).toBe('␛[31m␛[␡');
  });

  it.each([
    ['Hebrew', 'שלום עולם'],
    ['Arabic', 'مرحبا بالعالم'],
    ['Korean and English', '세션 Session'],
    ['an emoji joined by ZWJ', '👩‍💻 and 👨‍👩‍👧'],
    ['an emoji with a variation selector and ZWJ', '❤️‍🔥'],
  ])('keeps %s as it is', (_name, text) => {
    expect(showControls(text)).toBe(text);
  });

  it('shows a ZWJ that joins no emoji', () => {
    expect(showControls('a\u200db')).toBe('a<U+200D>b');
    expect(showControls('👩\u200d')).toBe('👩<U+200D>');
  });
});

describe('showName', () => {
  it.each([
    ['a\nb', 'a⏎b'],
    ['a\r\nb', 'a⏎b'],
    ['evil\npostview: warning: all posts are fine.md', 'evil⏎postview: warning: all posts are fine.md'],
    ['tab\there', 'tab␉here'],
    ['\u202eevil', '<U+202E>evil'],
  ])('%j is one line: %j', (name, shown) => {
    expect(showName(name)).toBe(shown);
  });

  it('is used by every message that quotes a name', () => {
    for (const lang of ['en', 'ko'] as const) {
      const say = messages(lang);
      for (const text of [say.noSessions('a\nb.md'), say.noSection('a\nb.md', 't\nx'), say.badDate('2024\n01'), say.noPosts('d\u202eir')]) {
        expect(text).not.toContain('\n');
        expect(text).not.toMatch(RAW);
      }
    }
  });
});

describe('showStrayControls, the output writer\'s last look', () => {
  it('keeps postview\'s own styles, OSC 8 links and CRLF line ends', () => {
    const own = '\x1b[1m\x1b[36mbold\x1b[39m\x1b[22m \x1b]8;;https://example.com/a%20b\x1b\\link\x1b]8;;\x1b\\ 👩‍💻 שלום\r\nBEGIN:VEVENT\r\n\ttab\n';
    expect(showStrayControls(own)).toBe(own);
  });

  it.each([
    ['a bare ESC and other sequences', 'a\x1b[2Jb\x1b]0;title\x07c\x1b[?1049h', 'a␛[2Jb␛]0;title␇c␛[?1049h'],
    ['C1 and DEL', 'x\x9b5m\x7f', 'x␛[5m␡'],
    ['a lone carriage return', 'safe\rEVIL', 'safe␍EVIL'],
    ['bidi and invisible characters', 'a\u202eb\u2066c\u200bd\ufeffe', 'a<U+202E>b<U+2066>c<U+200B>d<U+FEFF>e'],
    ['an OSC 8 link whose target is not printable ASCII', '\x1b]8;;http://a\u202eb\x1b\\x', '␛]8;;http://a<U+202E>b␛\\x'],
  ])('shows %s', (_name, text, shown) => {
    expect(showStrayControls(text)).toBe(shown);
  });
});

describe('renderJson', () => {
  it('escapes bidi controls and invisible characters, keeping the value', () => {
    const value = { path: 'posts/a\u202egnp.md', title: 'x\u2028y\u200bz\ufeff' };
    const text = renderJson(value);
    expect(text).not.toMatch(RAW);
    expect(text).toContain('a\\u202egnp');
    expect(text).toContain('x\\u2028y\\u200bz\\ufeff');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('every output of a post full of them', () => {
  const R = (code: number): string => String.fromCodePoint(code);
  let dir: string;
  let post: string;
  const context = (colorLevel: 0 | 3, json = false): Context => ({
    dir,
    render: { width: 100, textWidth: 80, colorLevel, hyperlinks: colorLevel > 0 },
    json,
    warn: () => {},
    lang: 'en',
    clock: () => new Date(2024, 1, 2, 10, 10),
    cacheDir: null,
  });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pv-bidi-'));
    mkdirSync(join(dir, 'posts'));
    // One of each in a title, heading, paragraph, table cell, link text,
    // URL, session title, room, speaker, code, front-matter values; and in
    // the file name. C0 and C1 controls beside them (ESC, CSI, BEL, DEL).
    const all = INVISIBLES.map(R).join('');
    post = join(dir, 'posts', `2024-02-02-name${R(0x202e)}dm\x1b[2J.md`);
    writeFileSync(
      post,
      [
        '---',
        `title: "Title ${R(0x202e)}evil \\e[2J"`,
        `category: "cat${R(0x2067)}x\\x9b"`,
        `tags: ["tag${R(0x200b)}\\a"]`,
        `author: "Writer ${R(0x202e)}\\e]0;x\\a"`,
        '---',
        `## Heading ${R(0x202b)}here \x1b[31m`,
        '',
        `Body ${all} text, שלום and مرحبا, and 👩‍💻, \x1b]0;x\x07 \x9b2J \x7f &#x202e; &#27;.`,
        '',
        `See [the ${R(0x202e)}link \x1b[5m](https://example.com/${R(0x202e)}moc.live) and <https://good.example/${R(0x200b)}x>.`,
        '',
        '| Time | Room | Talk | Speaker |',
        '| --- | --- | --- | --- |',
        `| 10:00 - 10:40 | Hall ${R(0x202e)}A | Cell ${R(0x2066)}talk \x1b[2J | Kim ${R(0x202e)}Table\x07 |`,
        '',
        `### 11:00 - 11:40 Session ${R(0x202e)}title \x9b5m`,
        '',
        `- Speaker ${R(0x200f)}name\x1b[1m (Org ${R(0x2066)}Co)`,
        '',
        '```',
        `code ${R(0x202e)}here \x1b[2J`,
        '```',
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const outputs = async (colorLevel: 0 | 3): Promise<Array<[string, string]>> => {
    const ctx = context(colorLevel);
    const folder = join(dir, 'posts');
    const parsed = parsePost(readFileSync(post, 'utf8'), post);
    const r = ctx.render;
    const page = initialModel({ width: 100, height: 60, lang: 'en', render: r, screen: postPage(parsed, r) });
    const list = update(initialModel({ width: 100, height: 10, lang: 'en', render: r, screen: { kind: 'list', dir: folder, items: [], complete: false, filter: '', shown: [], cursor: 0, top: 0 } }), {
      type: 'posts',
      items: [toListItem({ path: post, title: parsed.title, date: parsed.date, category: parsed.category, sessions: parsed.sessions.length })],
      complete: true,
    }).model;
    const section = await runSection(`nothing\x1b[2J${R(0x202e)}`, post, ctx);
    return [
      ['show', (await runShow(post, {}, ctx)).stdout],
      ['show --speaker', (await runShow(post, { speaker: ['Kim'] }, ctx)).stdout],
      ['tracks', (await runTracks(post, {}, ctx)).stdout],
      ['tracks of the folder', (await runTracks(folder, {}, ctx)).stdout],
      ['track', (await runTrack('1', post, ctx)).stdout],
      ['timeline', (await runTimeline(post, {}, ctx)).stdout],
      ['timeline of the folder', (await runTimeline(folder, {}, ctx)).stdout],
      ['now', (await runNow(post, { time: '11:10' }, ctx)).stdout],
      ['now (next)', (await runNow(folder, { time: '09:00' }, ctx)).stdout],
      ['sections', (await runSections(post, ctx)).stdout],
      ['section', (await runSection('Heading', post, ctx)).stdout],
      ['list', (await runList(folder, ctx)).stdout],
      ['speakers', (await runSpeakers(folder, {}, ctx)).stdout],
      ['search', (await runSearch(['text'], { ...ctx, dir: folder })).stdout],
      ['search a heading', (await runSearch(['here'], { ...ctx, dir: folder })).stdout],
      ['tracks --ics', (await runTracks(post, { ics: true }, ctx)).stdout],
      ['browse page', view(page).join('\n')],
      ['browse list', view(list).join('\n')],
      ['a message quoting a title', formatWarning(section.message ?? '')],
      ['an error quoting a name', formatError(messages('en').noSessions(post))],
    ];
  };

  it.each([0, 3] as const)('reach no output raw, colour level %s', async (level) => {
    for (const [name, text] of await outputs(level)) {
      expect(text.length).toBeGreaterThan(0);
      // (the one ZWJ allowed: inside the emoji sequence 👩‍💻)
      expect({ name, raw: RAW.exec(text.replaceAll('👩‍💻', ''))?.[0] ?? null }).toEqual({ name, raw: null });
      expect({ name, unsafe: unsafe(text.replace(/\r\n/g, '\n')) }).toEqual({ name, unsafe: null });
    }
  });

  it('each output shows what the post holds: code points and control pictures', async () => {
    const all = new Map(await outputs(0));
    expect(all.get('tracks')).toContain('Session <U+202E>title ␛[5m');
    expect(all.get('speakers')).toContain('<U+200F>name␛[1m');
    expect(all.get('timeline')).toContain('Hall <U+202E>A');
    expect(all.get('list')).toContain('Title <U+202E>evil ␛[2J');
    expect(all.get('search')).toContain('␛]0;x␇ ␛[2J ␡ <U+202E> ␛.');
    expect(all.get('tracks --ics')).toContain('SUMMARY:Session <U+202E>title ␛[5m');
    expect(all.get('browse page')).toContain('code <U+202E>here ␛[2J');
    expect(all.get('browse list')).toContain('Title <U+202E>evil ␛[2J');
    expect(all.get('a message quoting a title')).toContain('nothing␛[2J<U+202E>');
  });

  it('show them as <U+…>, and keep Hebrew, Arabic and emoji', async () => {
    const all = new Map(await outputs(0));
    const show = all.get('show')!;
    const tracks = all.get('tracks')!;
    expect(show).toContain('Title <U+202E>evil');
    expect(show).toContain('Heading <U+202B>here');
    expect(show).toContain('Cell <U+2066>talk');
    expect(show).toContain('שלום and مرحبا');
    expect(show).toContain('👩‍💻');
    expect(tracks).toContain('Session <U+202E>title');
  });

  it('never make a URL holding one an OSC 8 target', async () => {
    const show = new Map(await outputs(3)).get('show')!;
    const targets = [...show.matchAll(/\x1b\]8;;([^\x1b]*)\x1b\\/g)].map((m) => m[1]!).filter(Boolean);
    expect(targets.some((t) => t.includes('U+') || t.includes('%3CU'))).toBe(false);
    expect(show).toContain('https://example.com/<U+202E>moc.live');
  });

  it('escape them in JSON, keeping the real value', async () => {
    const ctx = context(0, true);
    const folder = join(dir, 'posts');
    const texts = [
      (await runShow(post, {}, ctx)).stdout,
      (await runTracks(folder, {}, ctx)).stdout,
      (await runList(folder, ctx)).stdout,
      (await runSections(post, ctx)).stdout,
      (await runSpeakers(folder, {}, ctx)).stdout,
      (await runSearch(['text'], { ...ctx, dir: folder })).stdout,
      (await runNow(post, { time: '11:10' }, ctx)).stdout,
    ];
    for (const text of texts) {
      expect(text).not.toMatch(RAW);
      expect(unsafe(text)).toBeNull();
      JSON.parse(text);
    }
    expect((await runList(folder, ctx)).stdout).toContain('name\\u202edm\\u001b[2J.md');
    const show = JSON.parse(texts[0]!) as { title: string; category: string; frontMatter: Record<string, unknown>; sections: { title: string }[]; sessions: { title: string; room: string | null; speakers: { name: string }[] }[] };
    expect(texts[0]).toContain('Title \\u202eevil \\u001b[2J');
    expect(show.title).toBe(`Title ${R(0x202e)}evil \x1b[2J`);
    expect(show.category).toBe(`cat${R(0x2067)}x\x9b`);
    expect(show.frontMatter.author).toBe(`Writer ${R(0x202e)}\x1b]0;x\x07`);
    expect(show.frontMatter.tags).toEqual([`tag${R(0x200b)}\x07`]);
    expect(show.sections.map((s) => s.title)).toContain(`Heading ${R(0x202b)}here \x1b[31m`);
    expect(show.sessions.map((s) => s.title)).toContain(`Session ${R(0x202e)}title \x9b5m`);
    expect(show.sessions.flatMap((s) => s.speakers.map((p) => p.name))).toContain(`Speaker ${R(0x200f)}name\x1b[1m`);
    const list = JSON.parse(texts[2]!) as { title: string }[];
    expect(list[0]!.title).toBe(`Title ${R(0x202e)}evil \x1b[2J`);
  });

  it('the CLI in process writes them nowhere raw, stdout or stderr', async () => {
    const folder = join(dir, 'posts');
    for (const args of [['show', post], ['tracks', folder], ['list', folder], ['speakers', folder], ['search', 'text', '--dir', folder], ['section', `x\x1b[2J${R(0x202e)}`, post], ['show', `${post}\u202e\x1b[2J`], ['help', 'show']]) {
      const run = await runInProcess(['--color', 'always', ...args]);
      expect({ args, out: unsafe(run.stdout), err: unsafe(run.stderr) }).toEqual({ args, out: null, err: null });
    }
  });
});

describe('showControls on texts built from a mixed alphabet', () => {
  // The quick look before the replace must never pass over a character the full expression shows.
  const CONTROLS_AS_WRITTEN =
    /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200C\u200E-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]|(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
  it('gives what replacing with the full expression gives', () => {
    const alphabet = ['a', '양', ' ', '\n', '\t', '\u001b', '\u009b', '\u007f', '\u200d', '\u200b', '\u202e', '\ufeff', '\u061c', '\u2066', '\ufe0f', '👩', '💻', '\ud800', '\u2028'];
    const differ: string[] = [];
    const walk = (prefix: string): void => {
      if (prefix.length > 0) {
        // Each character the expression finds, shown as showControls shows it alone (always through the replace).
        const full = prefix.replace(CONTROLS_AS_WRITTEN, (ch) => showControls(ch));
        if (showControls(prefix) !== full) differ.push(prefix);
      }
      if ([...prefix].length < 3) for (const ch of alphabet) walk(prefix + ch);
    };
    walk('');
    expect(differ).toEqual([]);
  });
});
