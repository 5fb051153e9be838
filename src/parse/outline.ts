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
import { readSessionHeading } from './session-heading.js';
import { extractSessions } from './sessions.js';
import { limitNesting } from './nesting.js';

const HEADING = /^ {0,3}#{1,6}[ \t]+\S/;
const ATX_OPEN = /^ {0,3}#{1,6}[ \t]+/;
const ATX_CLOSE = /(?:^|[ \t]+)#+[ \t]*$/;
/** Characters that may start inline markup or an entity (or end a heading oddly). */
const MARKUP = /[\\`*_~[\]<>&!]|#[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A GFM table's delimiter row: "| --- | :---: |", "---|---". */
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** A header row that may name a time column (see schedule-table.ts); "&" for entities. */
const TIME_HEADER = /시간|시각|일시|일정|time|when|hour|schedule|&/i;
/** A line whose text starts with a clock time, after a list marker, a task box or emphasis: "- **13:00** - 13:40 …". */
const TIMED_LINE = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?(?:<[^>]*>|[*_~`[(])*\d{1,2}:\d{2}/;

/** The lines of a body that decide how many sessions it holds. */
export interface Outline {
  /** ATX heading lines outside fenced code, as written. */
  headings: string[];
  /** A table with a time column or a timed line was seen outside fenced code. */
  otherShapes: boolean;
}

/** Looser than HEADING: true of every heading line, also when read as Latin-1 (see below). */
const HEADING_START = /^ {0,3}#{1,6}[ \t]/;

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
  let from = 0;
  let previous = '';
  let previousFrom = 0;
  while (from <= content.length) {
    let to = content.indexOf('\n', from);
    if (to === -1) to = content.length;
    const before = previous;
    const beforeFrom = previousFrom;
    const line = content.slice(from, to);
    previous = line;
    previousFrom = from;
    const lineFrom = from;
    from = to + 1;
    const open = FENCE.exec(line);
    if (fence !== null) {
      if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length) fence = null;
    } else if (open) {
      fence = open[1]!;
    } else if (HEADING_START.test(line)) {
      const text = lineText(lineFrom, to);
      if (HEADING.test(text)) headings.push(text);
    } else if (!otherShapes && (TIMED_LINE.test(line) || isScheduleTable(before, line, () => lineText(beforeFrom, lineFrom - 1)))) {
      otherShapes = true;
    }
  }
  return { headings, otherShapes };
}

/** A table's delimiter row under a header that may name a time column. */
function isScheduleTable(header: string, line: string, headerText: () => string): boolean {
  return line.includes('|') && TABLE_DELIMITER.test(line) && header !== '' && TIME_HEADER.test(headerText());
}

/** The heading lines of a Markdown body, skipping fenced code. */
export function scanHeadingLines(content: string): string[] {
  return scanOutline(content).headings;
}

/** The text of the first "# " heading, markup dropped; null when none. */
export function firstH1(outline: Outline): string | null {
  const line = outline.headings.find((l) => /^ {0,3}#[ \t]/.test(l));
  return line === undefined ? null : line.replace(ATX_OPEN, '').replace(ATX_CLOSE, '').replace(/[*_`]/g, '').trim() || null;
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
    else titles.push(line.replace(ATX_OPEN, '').replace(ATX_CLOSE, '').replace(/\s+/g, ' ').trim());
  }
  if (marked.length > 0) {
    for (const token of lexMarkdown(marked.join('\n\n'))) {
      if (token.type === 'heading') titles.push(headingTitle(token as Tokens.Heading));
    }
  }
  let count = 0;
  for (const title of titles) {
    const heading = readSessionHeading(title);
    if (heading?.timeOnly) return null; // its talks are written under it
    if (heading) count++;
  }
  return count;
}

/** How many sessions a body holds, by lexing it in full as parsePost does. */
export function countInFull(content: string): number {
  return extractSessions(lexMarkdown(limitNesting(content))).length;
}
