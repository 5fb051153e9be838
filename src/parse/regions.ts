// A post's body cut at its ATX heading lines: each region is one heading and
// the lines under it up to the next heading of any level. marked starts a new
// top-level block at such a line whatever came before it (a heading ends a
// paragraph, a list, a quote, a table or indented code), so lexing a region
// alone gives the tokens that lexing the whole body gives there.
//
// Where that may not hold, the body is not cut (null), and callers lex it
// whole: a heading line indented 1-3 spaces (it may sit inside a list item),
// an HTML block (it may swallow the lines after it), a link reference
// definition (it is used across the whole body), a setext underline (a
// heading this scan does not see) or an indented code fence (it ends with its
// list item, which this scan does not follow).
import { isWhiteSpace } from './text.js';

export interface Region {
  /** Offset of the region's first line in the body. */
  from: number;
  /** Offset just past its last line (the next heading line's offset, or the body's length). */
  to: number;
  /** The heading line ("## Day 1"), or null for the text before the first heading. */
  heading: string | null;
  /** The heading's level, 1-6 (0 for the text before the first heading). */
  depth: number;
}

/** A heading line as marked reads it: 1-6 "#" then white space or the end of the line. */
const HEADING = /^(#{1,6})(?:[ \t]|$)/;
const INDENTED_HEADING = /^ {1,3}#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HTML_START = /^ {0,3}</;
const LINK_DEFINITION = /^ {0,3}\[[^\]]*\]:/;

/** The body cut into regions at its heading lines; null when it cannot be cut safely (see above). */
export function splitRegions(content: string): Region[] | null {
  const regions: Region[] = [];
  let current: Region = { from: 0, to: content.length, heading: null, depth: 0 };
  let fence: string | null = null;
  let previousBlank = true;
  for (let from = 0; from < content.length; ) {
    let to = content.indexOf('\n', from);
    if (to === -1) to = content.length;
    const lineFrom = from;
    from = to + 1;
    const first = content.charCodeAt(lineFrom);
    if (fence !== null) {
      // A closing fence starts with a space or the fence's own mark.
      if ((first === 0x20 || first === fence.charCodeAt(0)) && isClosingFence(content.slice(lineFrom, to), fence)) fence = null;
      previousBlank = false;
      continue;
    }
    if (first === 0x23 /* # */) {
      const line = content.slice(lineFrom, to);
      const heading = HEADING.exec(line);
      if (heading) {
        current.to = lineFrom;
        if (current.heading !== null || lineFrom > 0) regions.push(current);
        current = { from: lineFrom, to: content.length, heading: line, depth: heading[1]!.length };
        previousBlank = false;
        continue;
      }
    } else if (first === 0x20 || first === 0x60 || first === 0x7e || first === 0x3c || first === 0x5b || first === 0x3d || first === 0x2d) {
      // Every mark below comes after at most 3 spaces, and each starts with its own character: that
      // character picks the one expression that may match (most lines, bullets and prose, need none).
      let mark = lineFrom;
      while (mark < to && mark - lineFrom < 4 && content.charCodeAt(mark) === 0x20) mark++;
      const code = mark - lineFrom < 4 ? content.charCodeAt(mark) : -1;
      if (code === 0x23 /* # */ || code === 0x3c /* < */ || code === 0x5b /* [ */) {
        const line = content.slice(lineFrom, to);
        if (INDENTED_HEADING.test(line) || HTML_START.test(line) || LINK_DEFINITION.test(line)) return null;
      } else if (code === 0x3d /* = */ || code === 0x2d /* - */) {
        if (!previousBlank && isUnderlineAt(content, mark, to, code)) return null;
      } else if (code === 0x60 /* ` */ || code === 0x7e /* ~ */) {
        const open = FENCE_OPEN.exec(content.slice(lineFrom, to));
        if (open) {
          if (open[1] !== '' || (open[2]![0] === '`' && open[3]!.includes('`'))) return null;
          fence = open[2]!;
          previousBlank = false;
          continue;
        }
      }
    }
    previousBlank = isBlankAt(content, lineFrom);
  }
  if (current.heading !== null || content.length > 0) regions.push(current);
  return regions;
}

/** Whether the line at `from` is blank (white space as trim() reads it): what `line.trim() === ''` says of it, without cutting it out. */
function isBlankAt(content: string, from: number): boolean {
  for (let i = from; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c === 0x0a) return true;
    if (!isWhiteSpace(c)) return false;
  }
  return true;
}

/**
 * Whether the line from `mark` (its first character after at most 3 spaces,
 * `code`) to `to` is a setext underline: what /^ {0,3}(?:=+|-+)[ \t]*$/ says
 * of the line, without cutting it out.
 */
function isUnderlineAt(content: string, mark: number, to: number, code: number): boolean {
  let i = mark;
  while (i < to && content.charCodeAt(i) === code) i++;
  while (i < to && (content.charCodeAt(i) === 0x20 || content.charCodeAt(i) === 0x09)) i++;
  return i === to;
}

/** marked's closing fence: the opening run (or longer), then only fence marks and spaces. */
function isClosingFence(line: string, fence: string): boolean {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 0x20) i++;
  if (!line.startsWith(fence, i)) return false;
  return /^[~`]* *$/.test(line.slice(i + fence.length));
}
