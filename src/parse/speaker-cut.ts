// How much of a session's region (its heading line and body) must be lexed
// for its speakers. Pure: text in, text out.
//
// A session under a heading with a time takes its speakers from its body
// alone (findSpeakerText in session-lines.ts): the first labelled line of a
// paragraph or the first line of a list item ("발표자: …", "**Speaker**: …",
// "Speaker - …", "by Jane Roe"; findSpeakerLabel in speakers.ts), else the
// first line of its first block. The rest of the session (time, title,
// room, slides) comes from the heading line. So lexing the region only up to
// a line L gives the same session as lexing all of it when both hold:
//
// 1. Every block before L comes out of marked the same, and L starts no line
//    of them: L is at column 0 (no space or tab) after a blank line (a
//    paragraph, a quote, a table, indented code and a list item have all
//    ended there), or L is a bullet item ("- x", "* x", "+ x") at column 0
//    (it interrupts a paragraph, a quote, a table and code, and ends a list
//    item). A list may go on at L, but its items before L are the same, and
//    so are their first lines. Not when a fence (``` or ~~~) opens before L
//    (it may run past L), nor when the region holds a link definition ("]:",
//    which changes links anywhere) or a "\r" (a line break to marked).
// 2. No line from L on can be a labelled line. This is judged on the raw
//    text (lastLabelLine), so the blocks after L are never lexed.
//
// Then the first labelled line, if any, is before L, and so is the first
// block. The first L after the region's first non-blank body line and after
// every line that may be labelled is taken. test/unit/parse/speaker-cut.test.ts
// compares the sessions of the cut and of the whole region on every fixture
// and on generated bodies.
import { hasTemplates } from './templates.js';

/**
 * What marked may drop from a line's text (emphasis, code spans, escapes,
 * link and image brackets, quote markers) and link destinations "](x)"; a
 * "](" whose destination is not that simple ("](a b", "](<x>)", "](a(b))")
 * becomes "\0", which counts as a possible label.
 */
const DROPPED = /\]\((?:[^\s"'()<\\]*\))?|[*_~`\\[\]!()>]/g;

/**
 * Where a labelled line may be, in the text with DROPPED taken out:
 * - a label word before a colon or a dash, with white space between
 *   (LABEL_RE and DASH_LABEL_RE in speakers.ts; emphasis around the word is
 *   dropped);
 * - "by" and white space at the start of a line, after white space, list
 *   markers ("-", "*", "+", "1.", "2)") or a task's "x" (BY_RE);
 * - "&" (an entity), "<" (HTML), "{" (a template) or "\0", anywhere.
 * Each match starts on the line where the label's word starts.
 */
const MAY_LABEL = /(?:speakers?|presenters?|발표자?|강연자|연사)\s*[:：\-–—]|(?<=^|\n)(?:[^\S\n]|[-*+\d.)x])*by\s|[<&{\0]/gi;

/**
 * The number of the last line of `text` (0 for the first) where a labelled
 * line of a paragraph or a list item may start (see MAY_LABEL); -1 when none
 * may. The text of such a line is made of the raw lines' characters in order,
 * less what marked drops (DROPPED) and with entities and HTML (MAY_LABEL): so
 * where one of the three label expressions matches a line's text, MAY_LABEL
 * matches the raw text, starting on the line where the label's word does.
 */
export function lastLabelLine(text: string): number {
  const kept = text.replace(DROPPED, (m) => (m === '](' ? '\0' : ''));
  let last = -1;
  MAY_LABEL.lastIndex = 0;
  for (let m = MAY_LABEL.exec(kept); m !== null; m = MAY_LABEL.exec(kept)) {
    last = m.index;
    MAY_LABEL.lastIndex = m.index + 1;
  }
  if (last === -1) return -1;
  // DROPPED never takes out a line feed: lines are counted as in `text`.
  let line = 0;
  for (let i = kept.indexOf('\n'); i !== -1 && i < last; i = kept.indexOf('\n', i + 1)) line++;
  return line;
}

/** A bullet item at column 0 with something in it: it interrupts a paragraph (marked's own test, less the tab). */
const BULLET = /^[-*+] +[^ \t]/;

/**
 * The start of the region's text that gives the same session as all of it
 * when lexed (see above): the region cut before L, or the whole region.
 * `region` is one heading line and the lines under it up to the next
 * heading (parse/regions.ts).
 */
export function cutForSpeakers(region: string): string {
  // lexBody (parse/post.ts) resolves templates and reads HTML across blocks: such a region is lexed whole.
  if (region.includes(']:') || region.includes('\r') || region.includes('<') || hasTemplates(region)) return region;
  let from = region.indexOf('\n') + 1;
  if (from === 0) return region;
  let seen = false;
  let previousBlank = false;
  // Lines from L0 (the first line that could be L) that may be labelled: L must come after them.
  let restFrom = -1;
  let flagged = -1;
  let line = 0;
  // The first fence mark: no cut after the line that holds it.
  const fence = firstOf(region.indexOf('```', from), region.indexOf('~~~', from));
  while (from < region.length) {
    let to = region.indexOf('\n', from);
    if (to === -1) to = region.length;
    const first = region.charCodeAt(from);
    const blank = isBlank(region, from, to);
    if (seen && !blank && first !== 0x20 && first !== 0x09 && (previousBlank || BULLET.test(region.slice(from, Math.min(to, from + 8))))) {
      if (restFrom === -1) {
        restFrom = line;
        flagged = lastLabelLine(region.slice(from));
      }
      if (line - restFrom > flagged) return region.slice(0, from);
    }
    if (fence !== -1 && fence < to) return region;
    if (!blank) seen = true;
    previousBlank = blank;
    from = to + 1;
    line++;
  }
  return region;
}

/** The smaller of two indexOf results, -1 when both are. */
function firstOf(a: number, b: number): number {
  return a === -1 ? b : b === -1 ? a : Math.min(a, b);
}

/** Whether region[from, to) holds only spaces and tabs (a blank line to marked). */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}
