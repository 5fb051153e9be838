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
//
// A heading line the scan cannot place for sure is also left to the full lex:
// one inside what may be an HTML block or comment, one indented (it may sit in
// a list item), one holding a line separator (U+2028/U+2029, which marked's
// expressions treat as the end of a line), a setext heading with a time, and
// an HTML line with a time (it may be an <h3>). `list` and `show`/`tracks`
// then always count the same sessions.
import type { Tokens } from 'marked';
import { lexMarkdown } from './lexer.js';
import { headingTitle } from './sections.js';
import { readHeadingTime, readSessionHeading } from './session-heading.js';
import { parseSessionKind } from './session-kind.js';
import { readTitle } from './session-lines.js';
import { isNoiseTitle } from './session-noise.js';
import { mayBeBreakOrNoise } from './break-hint.js';
import { extractSessions } from './sessions.js';
import { limitNesting } from './nesting.js';
import { lexBody } from './post.js';

const HEADING = /^ {0,3}#{1,6}[ \t]+\S/;
const ATX_OPEN = /^ {0,3}#{1,6}[ \t]+/;
/** Characters that may start inline markup or an entity (or end a heading oddly). */
const MARKUP = /[\\`*_~[\]<>&!]|#[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A GFM table's delimiter row: "| --- | :---: |", "---|---". */
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** A header row that may name a time column (see schedule-table.ts); "&" for entities. */
const TIME_HEADER = /시간|시각|일시|일정|시작|time|when|hour|schedule|start|&/i;
/** A clock time anywhere in a line. */
const CLOCK = /\d:\d/;
/** HTML blocks that run to a closing mark rather than to a blank line (comments, <script>, <pre>, ...). */
const HTML_CLOSERS: [RegExp, string][] = [
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<script(?:\s|>|$)/i, '</script>'],
  [/^ {0,3}<pre(?:\s|>|$)/i, '</pre>'],
  [/^ {0,3}<style(?:\s|>|$)/i, '</style>'],
  [/^ {0,3}<textarea(?:\s|>|$)/i, '</textarea>'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
];
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
  // An HTML block may be open: until a blank line (html === ''), or until its closing mark.
  let html: string | null = null;
  let beforeFrom = 0;
  let beforeTo = 0;
  // Where the current run of non-blank lines began: a setext heading's text may span all of it.
  let paragraphFrom = 0;
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
    if (first === -1) paragraphFrom = to + 1;
    if (html !== null) {
      if (html === '' ? first === -1 : lineText(lineFrom, to).toLowerCase().includes(html)) html = null;
      // A heading or a time inside what may be HTML (or a paragraph a tag could not interrupt): the full lex decides.
      else if (first === HASH || (!otherShapes && CLOCK.test(content.slice(lineFrom, to)))) otherShapes = true;
      if (html !== null || first !== -1) continue;
    }
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
    if (first === EQUALS && headerFrom < headerTo && SETEXT_H1.test(content.slice(lineFrom, to))) {
      // "Title\n=====": a setext H1, the line above is its text (the post's title when it comes first).
      const above = lineText(headerFrom, headerTo);
      if (above.trim() !== '' && !HEADING.test(above) && headings[headings.length - 1] !== above) headings.push('# ' + above.trim());
    }
    if (first === HASH && matchesAt(HEADING_START_AT, content, lineFrom)) {
      const text = lineText(lineFrom, to);
      if (HEADING.test(text)) headings.push(text);
      // Indented (maybe in a list item) or holding a line separator: the full lex decides.
      if (content.charCodeAt(lineFrom) === 0x20 || LINE_SEPARATOR.test(text)) otherShapes = true;
      continue;
    }
    if (first === LT) {
      const text = lineText(lineFrom, to);
      const closer = HTML_CLOSERS.find(([open]) => open.test(text))?.[1];
      // The block may end on its own first line ("<!-- note -->").
      html = closer === undefined ? '' : text.slice(text.indexOf('<') + 2).toLowerCase().includes(closer) ? null : closer;
      if (CLOCK.test(text)) otherShapes = true; // "<h3>13:00 …</h3>", "<b>13:00</b> …"
      continue;
    }
    if (otherShapes || !isShapeMark(first)) continue;
    if (matchesAt(TIMED_LINE_AT, content, lineFrom)) otherShapes = true;
    else if (headerFrom < headerTo && (first === EQUALS || first === DASH) && isUnderline(content, lineFrom, to, first)) {
      // "Keynote (13:00 - 13:40)" over "===": a setext heading that may be a session. Its text is
      // every line since the last blank one; each is read once, as the next paragraph starts here.
      otherShapes = CLOCK.test(lineText(Math.min(paragraphFrom, headerFrom), headerTo));
      paragraphFrom = to + 1;
    } else if (headerFrom < headerTo && mayBeDelimiterRow(content, lineFrom, to)) {
      // A table's delimiter row under a header that may name a time column.
      otherShapes = TABLE_DELIMITER.test(content.slice(lineFrom, to)) && TIME_HEADER.test(lineText(headerFrom, headerTo));
    }
  }
  return { headings, otherShapes };
}

const HASH = 0x23;
const LT = 0x3c;
const EQUALS = 0x3d;
const DASH = 0x2d;
/** What marked's expressions also end a line at (U+2028, U+2029), and a carriage return. */
const LINE_SEPARATOR = /[\u2028\u2029\r]/;
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/;
const BACKTICK = 0x60;
const TILDE = 0x7e;
/** Marks a timed line (TIMED_LINE_AT) or a table's delimiter row can start with, after blanks. */
const SHAPE_MARKS = new Uint8Array(128);
for (const c of '-*+<_~`[(|:=0123456789') SHAPE_MARKS[c.charCodeAt(0)] = 1;
/** Whether a line's first mark (a code, -1 for none) is one of SHAPE_MARKS: a table look-up, asked of almost every line. */
const isShapeMark = (code: number) => code >= 0 && code < 128 && SHAPE_MARKS[code] === 1;

/** The first character after spaces and tabs, as a code; -1 for a blank line. */
function firstMark(content: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const code = content.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09) return code;
  }
  return -1;
}

/** True when the line is a setext underline: up to 3 spaces, a run of `mark` ("=" or "-"), then blanks. */
function isUnderline(content: string, from: number, to: number, mark: number): boolean {
  let i = from;
  while (i < to && content.charCodeAt(i) === 0x20) i++;
  if (i - from > 3) return false;
  while (i < to && content.charCodeAt(i) === mark) i++;
  while (i < to && (content.charCodeAt(i) === 0x20 || content.charCodeAt(i) === 0x09)) i++;
  return i === to;
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

/** How many talks a body holds: the same number of sessions of kind "talk" parsePost finds. */
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
    const kind = outlineSessionKind(title);
    if (kind === null) return null; // the full lex decides
    if (kind === 'talk') count++;
  }
  return count;
}

/**
 * What a heading makes, as extractSessions would count it: a talk, a break or
 * nothing ('none'); null when that depends on more than the heading (its talks
 * are written under it, or it is a bare start time that may belong to a log).
 */
function outlineSessionKind(text: string): 'talk' | 'break' | 'none' | null {
  const time = readHeadingTime(text);
  if (time === null) return 'none';
  if (time.kind === 'timeOnly') return null;
  if ((time.end === null && !time.tilde) || time.start === '00:00') return null;
  // Most headings hold no word a break or a log entry would: they are talks, whatever their title.
  // The title is cut from the text around the time, which is all the hint needs to read.
  if (!mayBeBreakOrNoise(time.rest)) return 'talk';
  const { title } = readTitle(readSessionHeading(text)!.title);
  return isNoiseTitle(title) ? 'none' : parseSessionKind(title);
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

/** How many talks a body holds, by lexing it in full as parsePost does (templates, footnotes and HTML read). */
export function countInFull(content: string): number {
  return extractSessions(lexBody(limitNesting(content))).filter((s) => s.kind === 'talk').length;
}
