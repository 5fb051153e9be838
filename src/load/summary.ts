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
  const categories = sharedNames(frontMatter, frontMatter.category, frontMatter.categories, extractCategories);
  return {
    path,
    title: extractTitle(frontMatter, h1, path),
    date: extractDate(frontMatter, path),
    category: category !== null && category === categories[0] ? categories[0] : category,
    sessions,
    categories,
    tags: sharedNames(frontMatter, frontMatter.tags, frontMatter.tag, extractTags),
  };
}

/**
 * The names of a field pair (`category`/`categories`, `tags`/`tag`), one
 * list for every post that writes the same names: `list` keeps the lists of
 * a folder's 10,000 posts, mostly the same few, and each post's own copy (and
 * its look at its names) cost more than finding the list already made. Which
 * names a pair gives depends only on the one field that is set (parse/post.ts,
 * uniqueNames), a string or a list of strings: lists made are found again by
 * those strings, one at a time, in a tree of at most MAX_NODES nodes.
 */
function sharedNames(frontMatter: FrontMatter, first: unknown, second: unknown, extract: (frontMatter: FrontMatter) => readonly string[]): readonly string[] {
  if (first == null && second == null) return NO_NAMES;
  const only = second == null ? first : first == null ? second : undefined;
  let node: NamesNode | undefined;
  if (typeof only === 'string') {
    node = nextNode(namesOfText, only);
  } else if (Array.isArray(only)) {
    node = namesOfList;
    for (let i = 0; i < only.length && node !== undefined; i++) {
      const item: unknown = only[i];
      node = typeof item === 'string' ? nextNode(node, item) : undefined;
    }
  }
  if (node === undefined) return extract(frontMatter);
  return (node.names ??= extract(frontMatter));
}

interface NamesNode {
  names: readonly string[] | undefined;
  next: Map<string, NamesNode> | undefined;
}

const NO_NAMES: readonly string[] = Object.freeze([]);
const MAX_NODES = 100_000;
let nodes = 0;
/** Names written as one string, and as a list (the same text means other names: "a b" is two, ["a b"] one). */
const namesOfText: NamesNode = { names: undefined, next: undefined };
const namesOfList: NamesNode = { names: undefined, next: undefined };

function nextNode(node: NamesNode, text: string): NamesNode | undefined {
  const known = node.next?.get(text);
  if (known !== undefined || nodes >= MAX_NODES) return known;
  const made: NamesNode = { names: undefined, next: undefined };
  (node.next ??= new Map()).set(text, made);
  nodes++;
  return made;
}
