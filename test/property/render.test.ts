// Property tests, in process: random Markdown, random front matter and random
// bytes through every command's code path (decode -> parse -> query ->
// render / JSON). Whatever the input, only a user error may escape, nothing
// from the input reaches the terminal as a control, bidi or invisible
// character (the post's data keeps them; render shows them), JSON parses and
// escapes them, and rendered lines keep to the width (code blocks excepted).
import fc from 'fast-check';
import yaml from 'js-yaml';
import type { Token, Tokens } from 'marked';
import stringWidth from 'string-width';
import { InputError, UsageError } from '../../src/errors.js';
import { decodePost } from '../../src/load/read-post.js';
import { parsePost } from '../../src/parse/post.js';
import { flattenSections } from '../../src/parse/sections.js';
import { buildSessionTest, NO_FILTER } from '../../src/query/filter.js';
import { selectSections, selectSessions } from '../../src/query/select.js';
import { postToJson, renderJson, sectionToJson, sessionToJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderPostHeader, renderSectionTree } from '../../src/render/post.js';
import { renderSessionTable } from '../../src/render/table.js';
import { renderPostList } from '../../src/render/post-list.js';
import { renderTimeline } from '../../src/render/timeline.js';
import { renderNow } from '../../src/render/now.js';
import { renderSpeakerTable } from '../../src/render/speakers.js';
import { renderSearchHits } from '../../src/render/search.js';
import { renderIcs } from '../../src/render/ics.js';
import { findNow } from '../../src/query/now.js';
import { groupSpeakers } from '../../src/query/people.js';
import { searchPost, searchWords } from '../../src/query/search.js';
import type { Post, RenderOptions } from '../../src/types.js';
import { escapeOdd, RAW_TERMINAL, unsafe } from '../safe-output.js';

// ---------------------------------------------------------------------------
// What output may hold

/** postview's own escapes: SGR styles, and OSC 8 links whose URL is printable ASCII. */
const OWN_ESCAPES = /\x1b\[[0-9;]*m|\x1b\]8;;[\x21-\x7e]*\x1b\\/g;

/** The SGR parameters postview's styles use (bold, dim, italic, underline, strike, their ends, colours). */
const OWN_SGR_CODES = new Set(['1', '2', '3', '4', '9', '22', '23', '24', '29', '32', '33', '34', '35', '36', '39']);

/** The first control, bidi or invisible character left once postview's own escapes are removed, with context. */
function rawControl(text: string): string | null {
  return unsafe(text, OWN_SGR_CODES);
}

/** JSON text: parses, and holds no raw control, bidi or invisible character (renderJson escapes them, "\u202e"). */
function checkJson(text: string): void {
  expect(() => JSON.parse(text)).not.toThrow();
  const at = text.replace(/\n/g, '').search(RAW_TERMINAL);
  if (at !== -1) throw new Error(`raw in JSON: ${escapeOdd(text.replace(/\n/g, '').slice(Math.max(0, at - 30), at + 10))}`);
}

/** Lines wider than `width` columns. */
function overlong(text: string, width: number): string[] {
  return text.replace(OWN_ESCAPES, '').split('\n').filter((line) => stringWidth(line) > width);
}

/** Block tokens without the verbatim ones (code, HTML blocks), which keep their lines as written. */
function withoutVerbatim(tokens: readonly Token[]): Token[] {
  return tokens
    .filter((t) => t.type !== 'code' && t.type !== 'html')
    .map((t) => {
      if (t.type === 'blockquote') return { ...t, tokens: withoutVerbatim((t as Tokens.Blockquote).tokens) } as Token;
      if (t.type === 'list') {
        const list = t as Tokens.List;
        return { ...list, items: list.items.map((item) => ({ ...item, tokens: withoutVerbatim(item.tokens) })) } as Token;
      }
      return t;
    });
}

const escaped = escapeOdd;

const isUserError = (error: unknown) => error instanceof InputError || error instanceof UsageError;

// ---------------------------------------------------------------------------
// Random posts

const C0_C1 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i))
  .filter((c) => c !== '\n' && c !== '\t')
  .concat(['\x7f', ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i))]);

/** One hostile character or sequence: controls, escape sequences, entities that decode to them. */
const control = fc.oneof(
  fc.constantFrom(...C0_C1),
  fc.constantFrom('\x1b[2J', '\x1b[31m', '\x1b[5m', '\x1b[1m', '\x1b]0;title\x07', '\x1b]8;;http://evil\x1b\\', '\x9b2J', '\x1bP1$r\x1b\\', '\x1b[?1049h', '\r', '\r\n', '\u2028', '\u200b', '\ufeff', '\ud800'),
  fc.constantFrom('\u202e', '\u202a', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c', '\u2029', '\u200d', '\u2060', '\u206a', 'x\u200dy', '&#x202e;', '&#8238;', '&#x200B;', '&#xfeff;'),
  fc.constantFrom('&#27;', '&#x1b;', '&#x9b;', '&#155;', '&#7;', '&#0;', '&#x7f;', '&#13;', '&#1114112;', '&#xd800;', '&Tab;', '&NewLine;', '&amp;#27;', '&nbsp;'),
);

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('클라우드', '운영', '회고', 'Lambda', 'AWS', 'talk', '박선용', '솔루션즈 아키텍트', '아마존 웹서비스', 'Jane Example', 'Staff Engineer', 'Acme') },
  { weight: 2, arbitrary: fc.constantFrom('😀', '👩‍💻', '🇰🇷', 'e\u0301', '\u1100\u1161', '漢字', 'ｶﾀｶﾅ', '𝕏', 'x'.repeat(120), '가'.repeat(70)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 2, arbitrary: control },
);
const text = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
const time = fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`);
const url = fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'http://a\x1b]0;x\x07b', 'mailto:a@b.c', 'file:///etc/passwd', ''), text);

/** One block of Markdown, from the shapes recap posts have. */
const fragment: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), text).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
  fc.tuple(fc.integer({ min: 2, max: 4 }), time, fc.constantFrom(' - ', '~', ' ~ ', '–', ' '), time, text).map(([n, a, sep, b, t]) => `${'#'.repeat(n)} ${a}${sep}${b} ${t}`),
  fc.tuple(fc.constantFrom('Speaker: ', '발표자: ', '연사: ', 'by ', '- ', 'Speakers: '), text).map(([label, t]) => `${label}${t}`),
  fc.constantFrom('## Day 1', '## 2일차', '## 강연 트랙', '---', '***'),
  fc.array(text, { minLength: 1, maxLength: 4 }).map((items) => items.map((t, i) => `${'  '.repeat(i % 3)}- ${t}`).join('\n')),
  fc.array(text, { minLength: 1, maxLength: 4 }).map((items) => items.map((t, i) => `${i + 1}. ${t}`).join('\n')),
  fc.tuple(fc.integer({ min: 1, max: 5 }), text).map(([n, t]) => `${'> '.repeat(n)}${t}`),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.array(text, { minLength: 1, maxLength: 3 })).map(([cols, rows]) => {
    const row = (t: string) => `| ${Array.from({ length: cols }, () => t.replace(/\|/g, '\\|')).join(' | ')} |`;
    return [row(rows[0]!), `|${'---|'.repeat(cols)}`, ...rows.slice(1).map(row)].join('\n');
  }),
  fc.tuple(text, url).map(([t, u]) => `[${t}](${u}) and <${u}> and ![${t}](${u})`),
  fc.tuple(text, url).map(([t, u]) => `[${t}][ref]\n\n[ref]: ${u}`),
  text.map((t) => `\`${t}\` **${t}** *${t}* ~~${t}~~ <kbd>${t}</kbd>`),
  text.map((t) => `\`\`\`\n${t}\n\t${t}\n\`\`\``),
  text.map((t) => `    ${t}`),
  text.map((t) => `<div>${t}</div>`),
  text.map((t) => `${t}  \n${t}`),
  text.map((t) => `- [x] ${t}\n- [ ] ${t}`),
  text,
  control,
);
const markdown = fc.array(fragment, { maxLength: 14 }).chain((blocks) => fc.constantFrom('\n\n', '\n', '\r\n').map((nl) => blocks.join(nl)));

const scalar = fc.oneof(text, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true }), control);
const frontMatterObject = fc.dictionary(
  fc.oneof(fc.constantFrom('title', 'date', 'category', 'categories', 'tags', 'author', 'layout', '__proto__', 'constructor'), fc.string({ maxLength: 6 }), control),
  fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 4 }), scalar, { maxKeys: 3 })),
  { maxKeys: 6 },
);

/** Front matter: a random object dumped to YAML, random YAML-ish lines, or YAML escapes and odd languages. */
const frontMatter = fc.oneof(
  frontMatterObject.map((o) => `---\n${yaml.safeDump(o, { skipInvalid: true })}---\n`),
  fc.array(fc.tuple(fc.oneof(fc.constantFrom('title', 'date', 'tags', 'category'), fc.string({ maxLength: 5 })), fc.oneof(text, fc.string(), fc.constantFrom('"\\e[2J"', '"\\a"', '"\\x9b"', '"\\u001b]0;x\\u0007"', '[a, b', '&a [1]', '*a', '!!js/function "function(){}"', '!!binary AAAA', '2024-13-45', '|\n  x\n  y'))), { maxLength: 5 })
    .map((pairs) => `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`),
  fc.constantFrom('', '---\n---\n', '---\n', '---yaml\ntitle: t\n---\n', '---json\n{"title": "\\u001b[2J"}\n---\n', '---toml\ntitle = "t"\n---\n', '---js\n{title: "x"}\n---\n', '---constructor\nx\n---\n', '---__proto__\nx\n---\n', '--- \ntitle: t\n---\n', '\ufeff---\ntitle: bom\n---\n'),
);

const post = fc.tuple(frontMatter, markdown).map(([fm, md]) => fm + md);
const options = fc.record({
  width: fc.integer({ min: 20, max: 160 }),
  colorLevel: fc.constantFrom(0 as const, 1 as const, 3 as const),
  hyperlinks: fc.boolean(),
}).map((o): RenderOptions => ({ ...o, textWidth: Math.min(o.width, 100) }));
const query = fc.oneof(text, time, fc.constantFrom('1', '2', '99', '13:00', '2pm', '', ' '), fc.string({ maxLength: 6 }));

// ---------------------------------------------------------------------------
// Every command's path through the code, in process

/** What `show`, `sections`, `section`, `tracks`, `track` and `list` would write for this post. */
function everyOutput(post: Post, opts: RenderOptions, which: string): { terminal: string[]; json: string[] } {
  const terminal: string[] = [];
  const json: string[] = [];
  // show (and show with filters)
  terminal.push(renderPostHeader(post, opts) + renderMarkdown(post.tokens, opts));
  json.push(renderJson(postToJson(post)));
  const test = buildSessionTest({ ...NO_FILTER, speakers: [which], title: which });
  const filtered = post.sessions.filter(test);
  terminal.push(filtered.map((s) => renderMarkdown(s.tokens, opts)).join('\n'));
  json.push(renderJson(postToJson(post, filtered)));
  // sections / section
  terminal.push(renderSectionTree(post.sections, opts));
  json.push(renderJson(post.sections.map(sectionToJson)));
  for (const section of selectSections(post.sections, which).slice(0, 3)) {
    terminal.push(renderMarkdown(section.tokens, opts));
    json.push(renderJson({ ...sectionToJson(section), markdown: section.tokens.map((t) => t.raw).join('') }));
  }
  // tracks / track
  if (post.sessions.length > 0) terminal.push(renderSessionTable(post.sessions.map((session) => ({ session, post: post.path })), opts));
  terminal.push(renderSessionTable(post.sessions.map((session) => ({ session })), opts));
  json.push(renderJson(post.sessions.map((s) => sessionToJson(s))));
  for (const session of selectSessions(post.sessions, which).slice(0, 3)) {
    terminal.push(renderMarkdown(session.tokens, opts));
    json.push(renderJson(sessionToJson(session)));
  }
  // list
  const summary = { path: post.path, title: post.title, date: post.date, category: post.category, sessions: post.sessions.length };
  terminal.push(renderPostList([summary], opts));
  json.push(renderJson([summary]));
  // timeline, now, speakers, search, --ics (written as text, so held to the terminal's rule; its
  // folded lines joined again, as a calendar reads them: a fold may fall inside an emoji sequence)
  terminal.push(renderTimeline(post.sessions.map((session) => ({ session, post: post.path })), opts));
  for (const minutes of [0, 600, 780]) terminal.push(renderNow(findNow(post.sessions, minutes), minutes, opts, { current: post.path, next: post.path }));
  terminal.push(renderSpeakerTable(groupSpeakers(post.sessions.map((session) => ({ session, post: post.path, postDate: post.date }))), opts));
  const words = searchWords([which]);
  if (words.length > 0) terminal.push(renderSearchHits(searchPost(post, words), words, opts));
  terminal.push(renderIcs(post.sessions.map((session) => ({ session, date: '2024-01-02', post: { path: post.path, title: post.title } })), { now: new Date(0) }).replace(/\r\n /g, '').replace(/\r\n/g, '\n'));
  return { terminal, json };
}

/** Decodes and parses like the CLI; null when the input is refused with a user error. */
function load(bytes: Uint8Array, path: string): Post | null {
  try {
    return parsePost(decodePost(bytes, path), path);
  } catch (error) {
    if (isUserError(error)) return null;
    throw error;
  }
}

function checkAll(bytes: Uint8Array, path: string, opts: RenderOptions, which: string): void {
  const parsed = load(bytes, path);
  if (!parsed) return;
  const { terminal, json } = everyOutput(parsed, opts, which);
  for (const out of terminal) {
    const raw = rawControl(out);
    if (raw) throw new Error(`raw control character in output: ${raw}`);
    if (opts.colorLevel === 0 && !opts.hyperlinks) expect(out).not.toContain('\x1b');
  }
  for (const out of json) checkJson(out);
}

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) };

describe('random posts through every command, in process', () => {
  it('random Markdown and front matter: only user errors, no raw controls, JSON parses', () => {
    fc.assert(
      fc.property(post, options, query, (source, opts, which) => {
        checkAll(Buffer.from(source, 'utf8'), 'posts/2024-01-02-random.md', opts, which);
      }),
      RUNS,
    );
  });

  it('random bytes: only user errors, no raw controls, JSON parses', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      // Mostly text with a few stray bytes (invalid UTF-8, controls), past the NUL sniff when long.
      fc.tuple(post, fc.uint8Array({ maxLength: 40 })).map(([s, junk]) => Buffer.concat([Buffer.from(s), Buffer.from(junk.filter((b) => b !== 0))])),
    );
    fc.assert(
      fc.property(bytes, options, query, (input, opts, which) => {
        checkAll(input, `posts/${'\x1b[2J'}odd\x9bname.md`, opts, which);
      }),
      RUNS,
    );
  });

  it('rendered lines never exceed the width, code blocks aside', () => {
    fc.assert(
      fc.property(post, options, (source, opts) => {
        const parsed = load(Buffer.from(source), 'p.md');
        if (!parsed) return;
        const body = renderMarkdown(withoutVerbatim(parsed.tokens), opts);
        const tooWide = overlong(body, opts.width);
        if (tooWide.length > 0) throw new Error(`wider than ${opts.width}: ${escaped(tooWide[0]!)} in ${escaped(source)}`);
        expect(overlong(renderPostHeader(parsed, opts), opts.textWidth)).toEqual([]);
        expect(overlong(renderSessionTable(parsed.sessions.map((session) => ({ session, post: 'posts/x.md' })), opts), opts.width)).toEqual([]);
        expect(overlong(renderSessionTable(parsed.sessions.map((session) => ({ session })), opts), opts.width)).toEqual([]);
        expect(overlong(renderSectionTree(parsed.sections, opts), opts.width)).toEqual([]);
        const summary = { path: 'posts/x.md', title: parsed.title, date: parsed.date, category: parsed.category, sessions: parsed.sessions.length };
        // Too narrow for a table, `list` stacks each post: it fits any width too.
        expect(overlong(renderPostList([summary], opts), opts.width)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('sessions and sections found are well formed', () => {
    fc.assert(
      fc.property(post, (source) => {
        const parsed = load(Buffer.from(source), 'p.md');
        if (!parsed) return;
        parsed.sessions.forEach((s, i) => {
          expect(s.index).toBe(i + 1);
          for (const t of [s.start, s.end]) if (t !== null) expect(t).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
          // The data keeps what the post holds (JSON carries it, escaped); render shows it.
          for (const value of [s.title, s.room, s.day, s.speakerText, ...s.speakers.flatMap((p) => [p.name, p.role, p.org])]) {
            if (value !== null) expect(JSON.parse(renderJson(value))).toBe(value);
          }
        });
        for (const section of flattenSections(parsed.sections)) expect(rawControl(renderSectionTree([section], { width: 80, textWidth: 80, colorLevel: 0, hyperlinks: false }))).toBeNull();
      }),
      RUNS,
    );
  });

  // Reported: renderPostList (src/commands/list.ts) lays out date 10 + title >= 10 +
  // category 8..16 + count 8 + gaps = 42..50 columns whatever the width, so at
  // --width 20..49 rows can be wider than asked.
  it('list fits narrow widths too', () => {
    const opts: RenderOptions = { width: 30, textWidth: 30, colorLevel: 0, hyperlinks: false };
    const summary = { path: 'posts/x.md', title: '사내 개발자 컨퍼런스 2023 후기', date: '2023-11-18', category: '컨퍼런스', sessions: 3 };
    expect(overlong(renderPostList([summary], opts), opts.width)).toEqual([]);
  });

  it('a table of 200,000 sessions renders (no argument spreading)', () => {
    const sessions = Array.from({ length: 200_000 }, (_, i) => ({ index: i + 1, day: null, start: '13:00', end: '13:40', title: `Talk ${i}`, room: null, speakers: [], speakerText: `Speaker ${i}`, kind: 'talk' as const, links: [], dayNumber: null, tokens: [] }));
    const opts: RenderOptions = { width: 80, textWidth: 80, colorLevel: 0, hyperlinks: false };
    const table = renderSessionTable(sessions.map((session) => ({ session, post: 'posts/x.md' })), opts);
    const lines = table.split('\n');
    expect(lines).toHaveLength(200_002);
    expect(overlong([...lines.slice(0, 100), ...lines.slice(-100)].join('\n'), 80)).toEqual([]);
  });
});
