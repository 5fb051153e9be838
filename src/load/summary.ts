// What `list` shows of a post (title, date, category, number of sessions),
// taken from its bytes without decoding the whole body. Thousands of posts
// are listed at a time, and turning each body into a string costs more than
// finding its headings.
//
// The bytes are read as Latin-1, one char per byte, which costs next to
// nothing: every marker the outline looks for is ASCII, and a UTF-8 byte
// sequence never contains an ASCII byte, so lines, fences and headings sit at
// the same offsets as in the decoded text. Only the front matter and the lines
// whose text matters are decoded as UTF-8 (controls kept, as decodePost
// keeps them: render shows them). A post this cannot read exactly (line breaks with \r, front
// matter that is never closed, sessions that need a full lex) is decoded in
// full instead, so the summary is always the one the whole text gives.
import { parseFrontMatter, frontMatterLength } from './front-matter.js';
import { decodePost, refuseBinary } from './read-post.js';
import { countInFull, countOutlineSessions, firstH1, scanOutline } from '../parse/outline.js';
import { extractCategories, extractCategory, extractDate, extractTags, extractTitle } from '../parse/post.js';
import type { FrontMatter } from '../types.js';
import type { PostSummaryJson } from '../render/json.js';

const CR = 0x0d;
const LF = 0x0a;

/** The summary of a post given as bytes (UTF-8, a BOM allowed). `path` names it in the summary and in errors. */
export function summarizePostBytes(bytes: Buffer, path: string): PostSummaryJson {
  refuseBinary(bytes, path);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes.indexOf(CR, start) !== -1) return summarizePostText(decodePost(bytes, path), path);
  const raw = bytes.toString('latin1', start);
  const headEnd = frontMatterLength(raw);
  if (headEnd > 0 && headEnd === raw.length) return summarizePostText(decodePost(bytes, path), path);
  const exact = (from: number, to: number) => bytes.toString('utf8', start + from, start + to);
  const frontMatter = headEnd === 0 ? {} : parseFrontMatter(exact(0, headEnd), path).frontMatter;
  const bodyStart = headEnd > 0 && raw.charCodeAt(headEnd) === LF ? headEnd + 1 : headEnd;
  const outline = scanOutline(raw.slice(bodyStart), (from, to) => exact(bodyStart + from, bodyStart + to));
  const sessions = countOutlineSessions(outline);
  if (sessions === null) return summarizePostText(decodePost(bytes, path), path);
  return summary(path, frontMatter, firstH1(outline), sessions);
}

/** The summary of a post's decoded text. */
export function summarizePostText(text: string, path: string): PostSummaryJson {
  const { frontMatter, content } = parseFrontMatter(text, path);
  const outline = scanOutline(content);
  return summary(path, frontMatter, firstH1(outline), countOutlineSessions(outline) ?? countInFull(content));
}

function summary(path: string, frontMatter: FrontMatter, h1: string | null, sessions: number): PostSummaryJson {
  const category = extractCategory(frontMatter);
  return {
    path,
    title: extractTitle(frontMatter, h1, path),
    date: extractDate(frontMatter, path),
    category: category === null ? null : sharedName(category),
    sessions,
    categories: shareNames(extractCategories(frontMatter)),
    tags: shareNames(extractTags(frontMatter)),
  };
}

/**
 * Category and tag names, each kept as one string however many posts name
 * it: `list` keeps the names of every post of a folder, mostly the same few,
 * and 10,000 posts' own copies made the heap cross V8's limit for a full
 * collection. At most MAX_SHARED names are remembered.
 */
const sharedNames = new Map<string, string>();
const MAX_SHARED = 10_000;

function sharedName(name: string): string {
  const known = sharedNames.get(name);
  if (known !== undefined) return known;
  if (sharedNames.size < MAX_SHARED) sharedNames.set(name, name);
  return name;
}

/** The list with each name replaced by its shared string, in place: the same text, so its readers (the front matter may be one) see no change. */
function shareNames(names: readonly string[]): readonly string[] {
  const list = names as string[];
  for (let i = 0; i < list.length; i++) list[i] = sharedName(list[i]!);
  return names;
}
