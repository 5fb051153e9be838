// marked's lexer, with one shortcut: its setext-heading rule ("Title\n===")
// is a backtracking regex tried on every paragraph, the costliest rule on a
// post of bullet lists. It can only match when an underline line of = or -
// comes before the paragraph's first blank line; otherwise skip it.
import { Lexer, Tokenizer, type Token, type Tokens } from 'marked';

const UNDERLINE = /\n {0,3}(?:=+|-+)[ \t]*(?:\n|$)/;
const BLANK_LINE = /\n[ \t]*(?:\n|$)/;

class PostTokenizer extends Tokenizer {
  override lheading(src: string): Tokens.Heading | undefined {
    const end = src.search(BLANK_LINE);
    const block = end === -1 ? src : src.slice(0, end + 1);
    if (!UNDERLINE.test(block)) return undefined;
    return super.lheading(src);
  }
}

/** The block and inline tokens of a Markdown body (GFM). */
export function lexMarkdown(markdown: string): Token[] {
  return new Lexer({ gfm: true, tokenizer: new PostTokenizer() }).lex(markdown);
}
