// Text -> Post: front matter, marked's tokens, sections and sessions. Pure.
import { basename, dirname } from 'node:path';
import { InputError } from '../errors.js';
import { parseFrontMatter } from '../load/front-matter.js';
import type { FrontMatter, Post, Session } from '../types.js';
import { extractSections, flattenSections } from './sections.js';
import { extractSessions } from './sessions.js';
import { limitNesting } from './nesting.js';
import { lexMarkdown } from './lexer.js';
import { expandTemplates, hasTemplates } from './templates.js';
import { extractFootnoteDefinitions, hasFootnotes, linkFootnotes } from './footnotes.js';
import { extractHtml, hasHtml } from './html.js';
import { decodeEntities, showName } from '../sanitize.js';
import { isCalendarDate } from './dates.js';
import type { Token } from 'marked';

const FILE_DATE = /^(\d{4}-\d{2}-\d{2})-/;

/** The post of `text`; without `withSessions`, its sessions are left empty (for a caller that only reads its text and sections). */
export function parsePost(text: string, path: string, withSessions = true): Post {
  const { frontMatter, content } = parseFrontMatter(text, path);
  const tokens = lexPostBody(content, path, frontMatter);
  const sections = extractSections(tokens);
  const firstH1 = flattenSections(sections).find((s) => s.level === 1);
  let sessions: Session[] | undefined = withSessions ? undefined : [];
  return {
    path,
    frontMatter,
    title: extractTitle(frontMatter, firstH1?.title ?? null, path),
    date: extractDate(frontMatter, path),
    category: extractCategory(frontMatter),
    tokens,
    sections,
    // Found when first asked for: `show` of a whole post draws the tokens
    // and never reads them (their parsers were ~3 ms of the sample's start-up).
    get sessions() {
      return (sessions ??= extractSessions(tokens));
    },
  };
}

function lexPostBody(content: string, path: string, frontMatter: FrontMatter): Token[] {
  try {
    return lexBody(limitNesting(content), frontMatter);
  } catch (error) {
    // Nesting that limitNesting did not foresee can still overflow marked's stack.
    if (error instanceof RangeError) throw new InputError(`${showName(path)}: too deeply nested to read (${error.message}); expected an ordinary Markdown post`);
    throw error;
  }
}

/**
 * A body as tokens, with what a site generator would have resolved already
 * resolved: Jekyll/Hugo templates (parse/templates.ts), footnotes
 * (parse/footnotes.ts) and HTML (parse/html.ts, whose parser is loaded only
 * for a body that holds HTML).
 */
export function lexBody(markdown: string, frontMatter: FrontMatter = {}): Token[] {
  let body = hasTemplates(markdown) ? expandTemplates(markdown, frontMatter) : markdown;
  let definitions: Map<string, string> | null = null;
  if (hasFootnotes(body)) ({ body, definitions } = extractFootnoteDefinitions(body));
  const withHtml = (tokens: Token[]) => (hasHtml(tokens) ? extractHtml(tokens) : tokens);
  const tokens = withHtml(lexMarkdown(body));
  if (definitions) linkFootnotes(tokens, definitions, (md) => withHtml(lexMarkdown(md)));
  return tokens;
}

/** Front matter `title`, else the first H1, else the file name. HTML in a title shows as its text. */
export function extractTitle(frontMatter: FrontMatter, firstH1: string | null, path: string): string {
  const field = stringField(frontMatter.title);
  return (field === null ? null : htmlText(field)) || firstH1 || titleFromPath(path);
}

/** Text with its HTML tags and comments gone and its entities decoded ("<i class=x>Intro</i> &amp; more" -> "Intro & more"). */
export function htmlText(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  // A tag is a name, then white space and attributes, or nothing: "<U+202E>" (how a bidi control is shown) is not one.
  const bare = text.replace(/<!--[\s\S]*?(?:-->|$)|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, '');
  return decodeEntities(bare).replace(/\s+/g, ' ').trim();
}

function stringField(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

/** "2016-05-17" from front matter `date`, else from a "YYYY-MM-DD-" file name. */
export function extractDate(frontMatter: FrontMatter, path: string): string | null {
  const value = stringField(frontMatter.date);
  const fromField = value ? /^\d{4}-\d{2}-\d{2}/.exec(value) : null;
  if (fromField) return fromField[0];
  // A file name's date counts only when it is a real day (2016-02-30- is not).
  const fromName = FILE_DATE.exec(basename(path))?.[1];
  return fromName && isCalendarDate(fromName) ? fromName : null;
}

/** Front matter `category`, else the first of `categories`. */
export function extractCategory(frontMatter: FrontMatter): string | null {
  const single = stringField(frontMatter.category);
  if (single) return single;
  const many = frontMatter.categories;
  if (Array.isArray(many)) return stringField(many[0]);
  if (typeof many === 'string') return stringField(many.split(/[\s,]+/)[0]);
  return null;
}

/** Every category: `category` and `categories` (a list, or a string of names split at spaces and commas, as Jekyll does). */
export function extractCategories(frontMatter: FrontMatter): readonly string[] {
  return uniqueNames(frontMatter.category, frontMatter.categories);
}

/** Every tag: `tags` and `tag`, as lists or strings. */
export function extractTags(frontMatter: FrontMatter): readonly string[] {
  return uniqueNames(frontMatter.tags, frontMatter.tag);
}

/**
 * The names of two fields, each named once, in order. `list` asks this of
 * every post of a folder: one array, no intermediate ones, and a Set only
 * for a long list. A field's list that is already its names is returned
 * itself (read only: the front matter holds it too).
 */
function uniqueNames(first: unknown, second: unknown): readonly string[] {
  // Most posts fill one of the two fields with plain names: taken as written.
  const only = second == null ? first : first == null ? second : undefined;
  // A list is the front matter's own, of its exact length (front-matter.ts): kept, not copied.
  if (typeof only === 'string' ? PLAIN_NAME.test(only) : Array.isArray(only) && isPlainList(only)) return typeof only === 'string' ? [only] : (only as string[]);
  const out: string[] = [];
  addNames(first, out);
  addNames(second, out);
  // A copy of its own length: a list grown by push keeps room for 17 items, and 20,000 of them are kept.
  return out.length > SHORT_LIST ? [...new Set(out)] : dropRepeats(out).slice();
}

/** A name that splitting at white space and commas, trimming and htmlText leave as it is. */
const PLAIN_NAME = /^[^\s,<&]+$/;
/** A list item that trimming and htmlText leave as it is (white space inside it is kept). */
const PLAIN_ITEM = /^[^\s<&](?:[^<&]*[^\s<&])?$/;

/** Whether a field's list is already its names: short, plain items, none repeated. */
function isPlainList(list: readonly unknown[]): boolean {
  if (list.length > SHORT_LIST) return false;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item !== 'string' || !PLAIN_ITEM.test(item) || (i > 0 && list.lastIndexOf(item, i - 1) !== -1)) return false;
  }
  return true;
}

/** Lists up to this long are checked for repeats pair by pair. */
const SHORT_LIST = 16;

function dropRepeats(list: string[]): string[] {
  for (let i = 1; i < list.length; i++) {
    if (list.lastIndexOf(list[i]!, i - 1) !== -1) return [...new Set(list)];
  }
  return list;
}

function addNames(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      const name = stringField(item);
      if (name !== null) out.push(htmlText(name));
    }
  } else if (typeof value === 'string') {
    for (const name of value.split(/[\s,]+/)) if (name !== '') out.push(htmlText(name));
  } else {
    const single = stringField(value);
    if (single !== null) out.push(single);
  }
}

/** A page bundle's file (content/posts/rust-day/index.md): the post is named by its folder. */
const BUNDLE_INDEX = /^_?index\.[^.]+$/;

/**
 * A post's short name, to tell it apart in a list: "posts/2016-05-17-aws-summit.md"
 * -> "aws-summit", "content/posts/2024-03-09-rust-day/index.md" -> "rust-day".
 */
export function shortPostName(path: string): string {
  const name = basename(path);
  if (!BUNDLE_INDEX.test(name)) return titleFromPath(path);
  const folder = basename(dirname(path));
  return folder.replace(FILE_DATE, '') || folder || titleFromPath(path);
}

/** "posts/2016-05-17-aws-summit.md" -> "aws-summit". */
export function titleFromPath(path: string): string {
  if (path === '-') return '<stdin>';
  return basename(path).replace(/\.[^.]+$/, '').replace(FILE_DATE, '') || basename(path);
}
