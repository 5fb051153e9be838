// Bidi controls and invisible characters never reach the terminal raw: the
// same mechanism that pictures C0/C1 controls shows them as "<U+202E>" in
// every output (body, headings, table cells, link text and URLs, tracks,
// timeline, list, file names); JSON escapes them ("\u202e"); a URL holding
// one is never an OSC 8 target. Right-to-left letters and emoji sequences
// pass. Names and arguments echoed in messages show a line feed as "⏎".
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runList } from '../../src/commands/list.js';
import { runNow, runTimeline } from '../../src/commands/schedule.js';
import { runSections, runSection } from '../../src/commands/sections.js';
import { runShow } from '../../src/commands/show.js';
import { runTracks } from '../../src/commands/tracks.js';
import type { Context } from '../../src/commands/context.js';
import { messages } from '../../src/i18n.js';
import { renderJson } from '../../src/render/json.js';
import { showControls, showName } from '../../src/sanitize.js';

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
    // URL, session title, room, speaker; and in the file name.
    const all = INVISIBLES.map(R).join('');
    post = join(dir, 'posts', `2024-02-02-name${R(0x202e)}dm.md`);
    writeFileSync(
      post,
      [
        '---',
        `title: "Title ${R(0x202e)}evil"`,
        `category: "cat${R(0x2067)}x"`,
        '---',
        `## Heading ${R(0x202b)}here`,
        '',
        `Body ${all} text, שלום and مرحبا, and 👩‍💻.`,
        '',
        `See [the ${R(0x202e)}link](https://example.com/${R(0x202e)}moc.live) and <https://good.example/${R(0x200b)}x>.`,
        '',
        '| Time | Room | Talk |',
        '| --- | --- | --- |',
        `| 10:00 - 10:40 | Hall ${R(0x202e)}A | Cell ${R(0x2066)}talk |`,
        '',
        `### 11:00 - 11:40 Session ${R(0x202e)}title`,
        '',
        `- Speaker ${R(0x200f)}name`,
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const outputs = async (colorLevel: 0 | 3): Promise<Array<[string, string]>> => {
    const ctx = context(colorLevel);
    return [
      ['show', (await runShow(post, {}, ctx)).stdout],
      ['tracks', (await runTracks(post, {}, ctx)).stdout],
      ['tracks of the folder', (await runTracks(join(dir, 'posts'), {}, ctx)).stdout],
      ['timeline', (await runTimeline(post, {}, ctx)).stdout],
      ['now', (await runNow(post, { time: '11:10' }, ctx)).stdout],
      ['sections', (await runSections(post, ctx)).stdout],
      ['section', (await runSection('Heading', post, ctx)).stdout],
      ['list', (await runList(join(dir, 'posts'), ctx)).stdout],
      ['tracks --ics', (await runTracks(post, { ics: true }, ctx)).stdout],
    ];
  };

  it.each([0, 3] as const)('reach no output raw, colour level %s', async (level) => {
    for (const [name, text] of await outputs(level)) {
      // (the one ZWJ allowed: inside the emoji sequence 👩‍💻)
      expect({ name, raw: RAW.exec(text.replaceAll('👩‍💻', ''))?.[0] ?? null }).toEqual({ name, raw: null });
    }
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

  it('escape them in JSON', async () => {
    const ctx = context(0, true);
    for (const text of [(await runShow(post, {}, ctx)).stdout, (await runTracks(join(dir, 'posts'), {}, ctx)).stdout, (await runList(join(dir, 'posts'), ctx)).stdout]) {
      expect(text).not.toMatch(RAW);
      JSON.parse(text);
    }
    expect((await runList(join(dir, 'posts'), ctx)).stdout).toContain('name\\u202edm.md');
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
