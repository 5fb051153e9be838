// Markdown nesting deeper than any post needs is flattened before lexing:
// marked's work grows with the square of list depth (3,000 nested levels
// take minutes) and containers nested deep ("> > > …", "- - > 1. …") overflow
// its stack.

/** Columns of leading indentation kept: about 30 levels of nested lists. */
export const MAX_INDENT = 64;
/** Container markers (quote ">", list "-", "1.") kept at the start of one line. */
export const MAX_MARKERS = 32;

const DEEP_INDENT = new RegExp(`^[ \\t]{${MAX_INDENT + 1},}`, 'm');
/** One container marker: "> ", "- ", "* ", "+ ", "1. ", "1) ". */
const MARKER = String.raw`[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))`;
const DEEP_MARKERS = new RegExp(`^(?:${MARKER}){${MAX_MARKERS + 1},}`, 'm');

/** The text with indentation past MAX_INDENT columns and markers past MAX_MARKERS on a line cut back. */
export function limitNesting(text: string): string {
  let out = text;
  if (DEEP_INDENT.test(out)) {
    out = out.replace(new RegExp(`^([ \\t]{${MAX_INDENT}})[ \\t]+`, 'gm'), '$1');
  }
  if (DEEP_MARKERS.test(out)) {
    out = out.replace(new RegExp(`^((?:${MARKER}){${MAX_MARKERS}})(?:${MARKER})+`, 'gm'), '$1');
  }
  return out;
}
