// A quick pass over a post's lines for its ATX headings, without lexing the
// whole body: enough for `list` to count sessions across thousands of posts.
//
// Most posts hold their sessions in headings with a time and a title, one
// session per heading, and are counted from their heading lines alone. A post
// that may hold sessions some other way (a schedule table, a heading with only
// a time and talks written under it, lines that start with a time) is lexed in
// full instead, exactly as parsePost does, so `list` and `tracks` always agree.
// The trade-off: such posts cost a full lex (about as much as `show`), the
// others stay as cheap as before.
import type { Tokens } from 'marked';
import { lexMarkdown } from './lexer.js';
import { headingTitle } from './sections.js';
import { sessionHeadingKind } from './session-heading.js';
import { extractSessions } from './sessions.js';
import { limitNesting } from './nesting.js';

const HEADING = /^ {0,3}#{1,6}[ \t]+\S/;
const ATX_OPEN = /^ {0,3}#{1,6}[ \t]+/;
/** Characters that may start inline markup or an entity (or end a heading oddly). */
const MARKUP = /[\\`*_~[\]<>&!]|#[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A GFM table's delimiter row: "| --- | :---: |", "---|---". */
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** A header row that may name a time column (see schedule-table.ts); "&" for entities. */
const TIME_HEADER = /시간|시각|일시|일정|time|when|hour|schedule|&/i;
/**
 * A line whose text starts with a clock time, after a list marker, a task box
 * or emphasis: "- **13:00** - 13:40 …". Sticky, tried at a line's start in
 * the whole body (so "<…>" may not run past the line's end).
 */
const TIMED_LINE_AT = /[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?(?:<[^>\n]*>|[*_~`[(])*\d{1,2}:\d{2}/y;

/** The lines of a body that decide how many sessions it holds. */
export interface Outline {
  /** ATX heading lines outside fenced code, as written. */
  headings: string[];
  /** A table with a time column or a timed line was seen outside fenced code. */
  otherShapes: boolean;
}

/** Looser than HEADING: true of every heading line, also when read as Latin-1 (see below). Sticky, as TIMED_LINE_AT. */
const HEADING_START_AT = / {0,3}#{1,6}[ \t]/y;

/** Whether the sticky `re` matches `content` at `from`. */
function matchesAt(re: RegExp, content: string, from: number): boolean {
  re.lastIndex = from;
  return re.test(content);
}

/**
 * Scans a body for its outline. `lineText(from, to)` gives the exact text of
 * the line between those offsets; by default the content's own slice. The
 * content may instead be the post's UTF-8 bytes read as Latin-1 (one char per
 * byte, see load/summary.ts): the markers tested here (#, fences, list
 * markers, digits, |) are ASCII, so they are found at the same places, and a
 * line whose exact text matters (a heading, a table header) is asked for
 * through `lineText`.
 */
export function scanOutline(content: string, lineText = (from: number, to: number) => content.slice(from, to)): Outline {
  const headings: string[] = [];
  let otherShapes = false;
  let fence: string | null = null;
  let beforeFrom = 0;
  let beforeTo = 0;
  for (let from = 0; from <= content.length; ) {
    let to = content.indexOf('\n', from);
    if (to === -1) to = content.length;
    const lineFrom = from;
    const headerFrom = beforeFrom;
    const headerTo = beforeTo;
    beforeFrom = from;
    beforeTo = to;
    from = to + 1;
    // Most lines are prose: their first mark rules out every shape below
    // without a regular expression or a substring.
    const first = firstMark(content, lineFrom, to);
    if (fence !== null) {
      if (first === fence.charCodeAt(0)) {
        const open = FENCE.exec(content.slice(lineFrom, to));
        if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length) fence = null;
      }
      continue;
    }
    if (first === BACKTICK || first === TILDE) {
      const open = FENCE.exec(content.slice(lineFrom, to));
      if (open) {
        fence = open[1]!;
        continue;
      }
    }
    if (first === HASH) {
      if (matchesAt(HEADING_START_AT, content, lineFrom)) {
        const text = lineText(lineFrom, to);
        if (HEADING.test(text)) headings.push(text);
        continue;
      }
    } else if (!otherShapes && SHAPE_MARKS.has(first)) {
      if (matchesAt(TIMED_LINE_AT, content, lineFrom)) otherShapes = true;
      else if (headerFrom < headerTo && mayBeDelimiterRow(content, lineFrom, to)) {
        // A table's delimiter row under a header that may name a time column.
        otherShapes = TABLE_DELIMITER.test(content.slice(lineFrom, to)) && TIME_HEADER.test(lineText(headerFrom, headerTo));
      }
    }
  }
  return { headings, otherShapes };
}

const HASH = 0x23;
const BACKTICK = 0x60;
const TILDE = 0x7e;
/** Marks a timed line (TIMED_LINE_AT) or a table's delimiter row can start with, after blanks. */
const SHAPE_MARKS = new Set([...'-*+<_~`[(|:0123456789'].map((c) => c.charCodeAt(0)));

/** The first character after spaces and tabs, as a code; -1 for a blank line. */
function firstMark(content: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const code = content.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09) return code;
  }
  return -1;
}

/** True when the line is made only of what TABLE_DELIMITER allows (blanks, |, :, -) and holds a "|". */
function mayBeDelimiterRow(content: string, from: number, to: number): boolean {
  let pipe = false;
  for (let i = from; i < to; i++) {
    const code = content.charCodeAt(i);
    if (code === 0x7c) pipe = true;
    else if (code !== 0x20 && code !== 0x09 && code !== 0x3a && code !== 0x2d) return false;
  }
  return pipe;
}

/** The text of the first "# " heading, markup dropped; null when none. */
export function firstH1(outline: Outline): string | null {
  const line = outline.headings.find((l) => /^ {0,3}#[ \t]/.test(l));
  return line === undefined ? null : dropClosingHashes(line.replace(ATX_OPEN, '')).replace(/[*_`]/g, '').trim() || null;
}

const isBlank = (code: number) => code === 0x20 || code === 0x09;

/**
 * "Title ##" -> "Title": what `/(?:^|[ \t]+)#+[ \t]*$/` removes, in one pass
 * from the end (that expression reads every run of blanks in the line to its
 * end: a 195 KB heading took `list` 87 s).
 */
function dropClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  let hashes = end;
  while (hashes > 0 && text.charCodeAt(hashes - 1) === 0x23) hashes--;
  if (hashes === end) return text; // no closing #
  if (hashes > 0 && !isBlank(text.charCodeAt(hashes - 1))) return text; // "C#"
  while (hashes > 0 && isBlank(text.charCodeAt(hashes - 1))) hashes--;
  return text.slice(0, hashes);
}

/** The text of the first "# " heading of a body, markup dropped; null when none. */
export function scanFirstH1(content: string): string | null {
  return firstH1(scanOutline(content));
}

/** How many sessions a body holds: the same number parsePost finds. */
export function countSessions(content: string): number {
  return countOutlineSessions(scanOutline(content)) ?? countInFull(content);
}

/**
 * The sessions counted from the outline alone, or null when the body may hold
 * sessions some other way and has to be lexed in full to count them.
 */
export function countOutlineSessions({ headings, otherShapes }: Outline): number | null {
  if (otherShapes) return null;
  if (headings.length === 0) return 0;
  // A heading without markup is its own text; the others are lexed, which
  // keeps inline markup handling identical to a full parse.
  const titles: string[] = [];
  const marked: string[] = [];
  for (const line of headings) {
    if (MARKUP.test(line)) marked.push(line);
    else titles.push(plainHeadingTitle(line));
  }
  if (marked.length > 0) {
    for (const token of lexMarkdown(marked.join('\n\n'))) {
      if (token.type === 'heading') titles.push(headingTitle(token as Tokens.Heading));
    }
  }
  let count = 0;
  for (const title of titles) {
    const kind = sessionHeadingKind(title);
    if (kind === 'timeOnly') return null; // its talks are written under it
    if (kind === 'session') count++;
  }
  return count;
}

/**
 * The text of a heading line without markup (see MARKUP), as marked gives it:
 * no "#" marker and no closing hashes (MARKUP rules those out), white space
 * collapsed and trimmed.
 */
function plainHeadingTitle(line: string): string {
  const text = line.slice(ATX_OPEN.exec(line)![0].length);
  return (LOOSE_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** White space that collapsing would change: anything but a single space. */
const LOOSE_SPACE = /[^\S ]| {2}/;

/** How many sessions a body holds, by lexing it in full as parsePost does. */
export function countInFull(content: string): number {
  return extractSessions(lexMarkdown(limitNesting(content))).length;
}
