// Text -> Post: front matter, marked's tokens, sections and sessions. Pure.
import { basename, dirname } from 'node:path';
import { InputError } from '../errors.js';
import { parseFrontMatter } from '../load/front-matter.js';
import type { FrontMatter, Post } from '../types.js';
import { extractSections, flattenSections } from './sections.js';
import { extractSessions } from './sessions.js';
import { limitNesting } from './nesting.js';
import { lexMarkdown } from './lexer.js';
import { showName } from '../sanitize.js';
import { isCalendarDate } from './dates.js';

const FILE_DATE = /^(\d{4}-\d{2}-\d{2})-/;

export function parsePost(text: string, path: string): Post {
  const { frontMatter, content } = parseFrontMatter(text, path);
  const tokens = lexPostBody(content, path);
  const sections = extractSections(tokens);
  const firstH1 = flattenSections(sections).find((s) => s.level === 1);
  return {
    path,
    frontMatter,
    title: extractTitle(frontMatter, firstH1?.title ?? null, path),
    date: extractDate(frontMatter, path),
    category: extractCategory(frontMatter),
    tokens,
    sections,
    sessions: extractSessions(tokens),
  };
}

function lexPostBody(content: string, path: string) {
  try {
    return lexMarkdown(limitNesting(content));
  } catch (error) {
    // Nesting that limitNesting did not foresee can still overflow marked's stack.
    if (error instanceof RangeError) throw new InputError(`${showName(path)}: too deeply nested to read (${error.message}); expected an ordinary Markdown post`);
    throw error;
  }
}

/** Front matter `title`, else the first H1, else the file name. */
export function extractTitle(frontMatter: FrontMatter, firstH1: string | null, path: string): string {
  return stringField(frontMatter.title) ?? firstH1 ?? titleFromPath(path);
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
