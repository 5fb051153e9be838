// The tokens marked makes of a session's body when all of it is one plain
// line, a bullet ("- 양승도 솔루션즈 아키텍트, 아마존 웹서비스") or a
// paragraph ("발표자: 양승도 솔루션즈 아키텍트"), made without marked. A
// `tracks DIR --speaker` lexes the body of every session that may name the
// speaker, only as far as its speaker line (parse/speaker-cut.ts), and that
// part is most often this one line: marked's list and paragraph rules cost a
// tenth of such a run.
//
// For blank lines, one "- X" line ("*" and "+" too) and blank lines, marked
// makes a space token of the blank lines before, then a tight list of one
// item whose text is X, one text token; for a line X alone, a paragraph of
// one text token. So X must start with a letter (no marker, number, heading,
// quote or code that would open a block, inside the item or alone), end with
// one (no trailing space: a hard break), hold no tab, and hold nothing that
// may start inline markup, an entity, an HTML tag or an automatic link (as
// for headings, parse/plain-heading.ts). Anything else is null: the caller
// lexes the body. test/unit/parse/plain-bullet.test.ts compares these tokens
// and the speakers read from them with marked's on generated bodies.
import type { Token, Tokens } from 'marked';

/** Blank lines, one line (a bullet, or not), blank lines: the bullet's marker if any, and the text. */
const ONE_LINE = /^\n*(?:([-*+]) )?(\p{L}[^\n\t]*)\n*$/u;
/** What may make marked read the text as more than one plain text (see parse/plain-heading.ts). */
const NOT_PLAIN = /[\\`*_~[\]<>&!@\r\u2028\u2029]|:\/\/|www\./i;
/** The text ends with a letter, a digit or a closing mark that starts nothing. */
const PLAIN_END = /[\p{L}\p{N}).,'"]$/u;

/** The tokens lexing `body` gives, less its space tokens, when it is one plain line (see above); else null. */
export function plainLineTokens(body: string): Token[] | null {
  const m = ONE_LINE.exec(body);
  if (m === null) return null;
  const text = m[2]!;
  if (NOT_PLAIN.test(text) || !PLAIN_END.test(text)) return null;
  if (m[1] === undefined) return [{ type: 'paragraph', raw: text, text, tokens: [{ type: 'text', raw: text, text, escaped: false }] } as Tokens.Paragraph];
  const raw = `${m[1]} ${text}`;
  const item: Tokens.ListItem = { type: 'list_item', raw, task: false, loose: false, text, tokens: [{ type: 'text', raw: text, text, tokens: [{ type: 'text', raw: text, text, escaped: false }] } as Token] };
  return [{ type: 'list', raw, ordered: false, start: '', loose: false, items: [item] } as Tokens.List];
}
