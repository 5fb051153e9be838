// The heading token marked makes of an ATX heading line without markup, made
// without marked. Thousands of posts are read at a time by the folder
// commands, and most of their heading lines are plain ("### 09:30 - 10:10
// Title"): lexing them cost an eighth of a cold `timeline`.
//
// For such a line marked's heading rule takes the text after the "#"s,
// trimmed (JavaScript's trim: every Unicode space), and its inline lexer
// makes one text token of it, as written. Every character that could make it
// do more is refused (null: the caller lexes the line): anything that may
// start inline markup, an entity or an HTML tag, the "@", "://" and "www." of
// an automatic link, a closing "#", and what ends a line for marked's
// expressions (\r, U+2028, U+2029). test/unit/parse/plain-heading.test.ts
// compares the token with marked's on generated lines.
import type { Tokens } from 'marked';

/** What may make marked read a heading's text as more than one plain text. */
const NOT_PLAIN = /[\\`*_~[\]<>&!@\r\u2028\u2029]|:\/\/|www\./i;

/**
 * The token lexing `line` alone gives, for a heading line that starts with
 * `depth` "#"s then a space, a tab or its end; null when its text may hold
 * markup (see above).
 */
export function plainHeadingToken(line: string, depth: number): Tokens.Heading | null {
  if (NOT_PLAIN.test(line)) return null;
  const text = line.slice(depth).trim();
  if (text.endsWith('#')) return null;
  return { type: 'heading', raw: line, depth, text, tokens: text === '' ? [] : [{ type: 'text', raw: text, text, escaped: false }] };
}
