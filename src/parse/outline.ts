// A quick pass over a post's lines for its ATX headings, without lexing the
// whole body: enough for `list` to count sessions across thousands of posts.
import { Lexer, type Tokens } from 'marked';
import { headingTitle } from './sections.js';
import { parseSessionHeading } from './sessions.js';

const HEADING = /^ {0,3}#{1,6}[ \t]+\S/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The heading lines of a Markdown body, skipping fenced code. */
export function scanHeadingLines(content: string): string[] {
  const lines: string[] = [];
  let fence: string | null = null;
  let from = 0;
  while (from <= content.length) {
    let to = content.indexOf('\n', from);
    if (to === -1) to = content.length;
    const line = content.slice(from, to);
    from = to + 1;
    const open = FENCE.exec(line);
    if (fence !== null) {
      if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length) fence = null;
    } else if (open) {
      fence = open[1]!;
    } else if (HEADING.test(line)) {
      lines.push(line);
    }
  }
  return lines;
}

/** How many sessions a body holds, counted from its heading lines. */
export function countSessions(content: string): number {
  const lines = scanHeadingLines(content);
  if (lines.length === 0) return 0;
  // Lexing only the heading lines keeps inline markup handling identical to a full parse.
  const tokens = new Lexer({ gfm: true }).lex(lines.join('\n\n'));
  let count = 0;
  for (const token of tokens) {
    if (token.type === 'heading' && parseSessionHeading(headingTitle(token as Tokens.Heading))) count++;
  }
  return count;
}
