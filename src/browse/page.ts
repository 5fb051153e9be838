// A post (or one session) as the lines of a scrolling page, with where each
// section starts, and the helpers that search and mark those lines. Pure: the
// rendering is show's own (renderPostHeader + renderMarkdown), cut at each
// top-level heading so that the line of every section is known.
import type { Token } from 'marked';
import { flattenSections } from '../parse/sections.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderPostHeader } from '../render/post.js';
import type { Post, RenderOptions, Session } from '../types.js';
import type { SectionMark } from './model.js';

export interface PageLines {
  lines: string[];
  plain: string[];
  marks: SectionMark[];
}

/** Styles and OSC 8 links: zero columns wide. */
const ESCAPE = /\x1b\[[0-9;]*m|\x1b\]8;[^\x07\x1b]*(?:\x07|\x1b\\)/g;

export function stripStyles(line: string): string {
  return line.includes('\x1b') ? line.replace(ESCAPE, '') : line;
}

/**
 * The post as `show` prints it. Top-level blocks are drawn one blank line
 * apart, so drawing the stretch before each heading on its own and joining
 * the stretches with a blank line gives the same text as drawing it whole.
 */
export function layoutPost(post: Post, options: RenderOptions): PageLines {
  const header = renderPostHeader(post, options).replace(/\n$/, '').split('\n');
  const lines = [...header];
  const marks: SectionMark[] = [];
  const sections = flattenSections(post.sections);
  let heading = 0;
  let body = false;
  for (const chunk of splitAtHeadings(post.tokens)) {
    const text = renderMarkdown(chunk, options);
    if (text === '') continue;
    if (body) lines.push('');
    body = true;
    if (chunk[0]?.type === 'heading') {
      const section = sections[heading++];
      if (section) marks.push({ line: lines.length, title: section.title, level: section.level });
    }
    lines.push(...text.replace(/\n$/, '').split('\n'));
  }
  return { lines, plain: lines.map(stripStyles), marks };
}

/** Tokens before the first heading, then each heading with the tokens up to the next one. */
function splitAtHeadings(tokens: readonly Token[]): Token[][] {
  const chunks: Token[][] = [[]];
  for (const token of tokens) {
    if (token.type === 'heading') chunks.push([]);
    chunks[chunks.length - 1]!.push(token);
  }
  return chunks;
}

/** One session in full, as `track` prints it. */
export function layoutSession(session: Session, options: RenderOptions): PageLines {
  const lines = renderMarkdown(session.tokens, options).replace(/\n$/, '').split('\n');
  return { lines, plain: lines.map(stripStyles), marks: [] };
}

/** The search text as matched: NFC (a Mac's NFD keys match), lower case. */
export function foldForSearch(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Lines whose text holds the query (case-insensitive). */
export function findHits(plain: readonly string[], query: string): number[] {
  const wanted = foldForSearch(query);
  if (wanted === '') return [];
  const hits: number[] = [];
  plain.forEach((line, i) => {
    if (foldForSearch(line).includes(wanted)) hits.push(i);
  });
  return hits;
}

export const MARK_ON = '\x1b[7m';
export const MARK_OFF = '\x1b[27m';

/**
 * The line with every match of the query in reverse video, its own styles
 * kept: the styled line is walked alongside its plain text.
 */
export function markMatches(line: string, query: string): string {
  const wanted = foldForSearch(query);
  if (wanted === '') return line;
  const plain = stripStyles(line);
  const folded = foldForSearch(plain);
  // Lower-casing changed the length (rare letters): positions would not line up.
  if (folded.length !== plain.length) return line;
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (let at = folded.indexOf(wanted); at !== -1; at = folded.indexOf(wanted, at + wanted.length)) {
    starts.add(at);
    ends.add(at + wanted.length);
  }
  if (starts.size === 0) return line;
  let out = '';
  let k = 0; // position in the plain text
  let last = 0;
  ESCAPE.lastIndex = 0;
  const emit = (text: string) => {
    for (const ch of text) {
      if (ends.has(k)) out += MARK_OFF;
      if (starts.has(k)) out += MARK_ON;
      out += ch;
      k += ch.length;
    }
  };
  for (let m = ESCAPE.exec(line); m !== null; m = ESCAPE.exec(line)) {
    emit(line.slice(last, m.index));
    out += m[0];
    last = m.index + m[0].length;
  }
  emit(line.slice(last));
  if (ends.has(k)) out += MARK_OFF;
  return out;
}
