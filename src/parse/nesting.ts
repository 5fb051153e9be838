// Markdown nesting deeper than any post needs is flattened before lexing:
// marked's work grows with the square of list depth (3,000 nested levels
// take minutes) and deep block quotes overflow its stack.

/** Columns of leading indentation kept: about 30 levels of nested lists. */
export const MAX_INDENT = 64;
/** Block-quote levels kept. */
export const MAX_QUOTES = 32;

const DEEP_INDENT = new RegExp(`^[ \\t]{${MAX_INDENT + 1},}`, 'm');
const DEEP_QUOTES = new RegExp(`^(?:[ \\t]*>){${MAX_QUOTES + 1},}`, 'm');

/** The text with indentation past MAX_INDENT columns and quotes past MAX_QUOTES levels cut back. */
export function limitNesting(text: string): string {
  let out = text;
  if (DEEP_INDENT.test(out)) {
    out = out.replace(new RegExp(`^([ \\t]{${MAX_INDENT}})[ \\t]+`, 'gm'), '$1');
  }
  if (DEEP_QUOTES.test(out)) {
    out = out.replace(new RegExp(`^((?:[ \\t]*>){${MAX_QUOTES}})(?:[ \\t]*>)+`, 'gm'), '$1');
  }
  return out;
}
