// marked's lexer, with shortcuts that give the same tokens.
//
// - Its setext-heading rule ("Title\n===") is a backtracking regex tried on
//   every paragraph, the costliest rule on a post of bullet lists. It can only
//   match when an underline line of = or - comes before the paragraph's first
//   blank line; otherwise it is skipped.
// - Most rules can only match when the text starts with a given mark (a block
//   after up to three spaces: "<" for HTML, ">" for a quote, "[" for a link
//   definition; inline: "<" for a tag, "~" for a strike-through, ...). Where
//   the mark is missing the rule is not tried at all, so its regular
//   expression is never compiled: a post without HTML never pays for marked's
//   largest expressions. Each guard only states what the rule's own expression
//   requires of its first characters (see test/unit/parse/lexer.test.ts).
import { Lexer, Tokenizer, type Links, type Token, type Tokens } from 'marked';

const UNDERLINE = /\n {0,3}(?:=+|-+)[ \t]*(?:\n|$)/;
const BLANK_LINE = /\n[ \t]*(?:\n|$)/;
const URL_START = /^[A-Za-z0-9._+-]/;

/** The character after up to three spaces, where a block's mark must be. */
function blockMark(src: string): string {
  let i = 0;
  while (i < 3 && src.charCodeAt(i) === 0x20) i++;
  return src.charAt(i);
}

/** The first character of the second line, after up to three spaces ("" when there is none). */
function secondLineMark(src: string): string {
  const end = src.indexOf('\n');
  return end === -1 ? '' : blockMark(src.slice(end + 1, end + 5));
}

class PostTokenizer extends Tokenizer {
  override lheading(src: string): Tokens.Heading | undefined {
    const end = src.search(BLANK_LINE);
    const block = end === -1 ? src : src.slice(0, end + 1);
    if (!UNDERLINE.test(block)) return undefined;
    return super.lheading(src);
  }

  // Blocks: " {0,3}" then the mark.
  override code(src: string): Tokens.Code | undefined {
    return src.startsWith('    ') || blockMark(src) === '\t' ? super.code(src) : undefined;
  }
  override fences(src: string): Tokens.Code | undefined {
    const mark = blockMark(src);
    return mark === '`' || mark === '~' ? super.fences(src) : undefined;
  }
  override heading(src: string): Tokens.Heading | undefined {
    return blockMark(src) === '#' ? super.heading(src) : undefined;
  }
  override hr(src: string): Tokens.Hr | undefined {
    const mark = blockMark(src);
    return mark === '-' || mark === '_' || mark === '*' ? super.hr(src) : undefined;
  }
  override blockquote(src: string): Tokens.Blockquote | undefined {
    return blockMark(src) === '>' ? super.blockquote(src) : undefined;
  }
  override list(src: string): Tokens.List | undefined {
    const mark = blockMark(src);
    return mark === '*' || mark === '+' || mark === '-' || (mark >= '0' && mark <= '9') ? super.list(src) : undefined;
  }
  override html(src: string): Tokens.HTML | undefined {
    return blockMark(src) === '<' ? super.html(src) : undefined;
  }
  override def(src: string): Tokens.Def | undefined {
    return blockMark(src) === '[' ? super.def(src) : undefined;
  }
  override table(src: string): Tokens.Table | undefined {
    // The delimiter row ("| --- |", ":--", "---|---") is the second line.
    const mark = secondLineMark(src);
    return mark === '|' || mark === ':' || mark === '-' ? super.table(src) : undefined;
  }

  // Inline: the mark is the first character.
  override escape(src: string): Tokens.Escape | undefined {
    return src[0] === '\\' ? super.escape(src) : undefined;
  }
  override tag(src: string): Tokens.Tag | undefined {
    return src[0] === '<' ? super.tag(src) : undefined;
  }
  override link(src: string): Tokens.Link | Tokens.Image | undefined {
    return src[0] === '[' || src[0] === '!' ? super.link(src) : undefined;
  }
  override reflink(src: string, links: Links): Tokens.Link | Tokens.Image | Tokens.Text | undefined {
    return src[0] === '[' || src[0] === '!' ? super.reflink(src, links) : undefined;
  }
  override emStrong(src: string, maskedSrc: string, prevChar = ''): Tokens.Em | Tokens.Strong | undefined {
    return src[0] === '*' || src[0] === '_' ? super.emStrong(src, maskedSrc, prevChar) : undefined;
  }
  override codespan(src: string): Tokens.Codespan | undefined {
    return src[0] === '`' ? super.codespan(src) : undefined;
  }
  override br(src: string): Tokens.Br | undefined {
    return src[0] === ' ' || src[0] === '\\' ? super.br(src) : undefined;
  }
  override del(src: string, maskedSrc: string, prevChar = ''): Tokens.Del | undefined {
    return src[0] === '~' ? super.del(src, maskedSrc, prevChar) : undefined;
  }
  override autolink(src: string): Tokens.Link | undefined {
    return src[0] === '<' ? super.autolink(src) : undefined;
  }
  override url(src: string): Tokens.Link | undefined {
    return URL_START.test(src) ? super.url(src) : undefined;
  }
}

/** The block and inline tokens of a Markdown body (GFM). */
export function lexMarkdown(markdown: string): Token[] {
  return new Lexer({ gfm: true, tokenizer: new PostTokenizer() }).lex(markdown);
}
