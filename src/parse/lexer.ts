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
// - marked's inline text and url rules look for an email address ahead at
//   every token, which is quadratic on long runs of punctuation; they are
//   run through email-runs.ts, which gives the same tokens in linear time.
import { Lexer, Tokenizer, type Links, type Token, type Tokens, type TokensList } from 'marked';
import { EmailRuns, textRuleWithoutEmail, textTokenLength } from './email-runs.js';

const URL_START = /^[A-Za-z0-9._+-]/;

/** The character after up to three spaces, where a block's mark must be. */
function blockMark(src: string): string {
  let i = 0;
  while (i < 3 && src.charCodeAt(i) === 0x20) i++;
  return src.charAt(i);
}

/**
 * Whether a line of = or - comes before the first blank line, after the
 * first line: only then can a setext heading start here. Reads no further
 * than that line, so a post of many short blocks costs what it is long.
 */
function underlinedBeforeBlank(src: string): boolean {
  for (let from = src.indexOf('\n') + 1; from > 0 && from <= src.length; ) {
    let to = src.indexOf('\n', from);
    if (to === -1) to = src.length;
    let i = from;
    while (i < to && i - from < 3 && src.charCodeAt(i) === 0x20) i++;
    const mark = src.charCodeAt(i);
    if (mark === 0x3d || mark === 0x2d) {
      while (i < to && src.charCodeAt(i) === mark) i++;
      while (i < to && (src.charCodeAt(i) === 0x20 || src.charCodeAt(i) === 0x09)) i++;
      if (i === to) return true;
    } else {
      // A blank line (only spaces and tabs) ends the paragraph.
      let j = from;
      while (j < to && (src.charCodeAt(j) === 0x20 || src.charCodeAt(j) === 0x09)) j++;
      if (j === to) return false;
    }
    from = to + 1;
  }
  return false;
}

/** The first character of the second line, after up to three spaces ("" when there is none). */
function secondLineMark(src: string): string {
  const end = src.indexOf('\n');
  return end === -1 ? '' : blockMark(src.slice(end + 1, end + 5));
}

/** One inline text being lexed: its "@"s, and what is left of it (marked's loop variable). */
interface InlineFrame {
  runs: EmailRuns;
  rest: string;
  /** Its emphasis delimiters, counted when first asked (see Delimiters). */
  delimiters?: Delimiters;
}

// Emphasis and strike-through: for each opening delimiter marked reads every
// later delimiter of the paragraph until one closes it, so a paragraph dense
// with delimiters that never close ("#*a#*a…", "#~a#~a…") costs the square of
// its length. In a paragraph that holds more than DENSE delimiters:
// - an opener is not looked at when no run of its character after it can
//   close anything (marked's own closing expressions, asked at each run):
//   marked would read to the end and find nothing;
// - otherwise it is looked for within the next `window` characters only
//   (with LOOKBACK characters before it, which marked reads to tell how it is
//   flanked): an emphasis longer than that in such a paragraph stays plain
//   text. The window is MAX_WINDOW characters, less where delimiters are
//   denser than one in 50 characters (BUDGET characters read per delimiter,
//   at least MIN_WINDOW): one in ten keeps 200, "#**a#**a…" 40. So all the
//   openers of a paragraph read at most BUDGET times its length.
// Other paragraphs, all but hostile ones, get marked's own reading.
const DENSE = 64;
const MAX_WINDOW = 1000;
const MIN_WINDOW = 32;
const BUDGET = 20;
const LOOKBACK = 64;

const stickyCopies = new Map<RegExp, RegExp>();

/** `closing`, matched only where it is asked to start (made once per expression). */
function stickyCopy(closing: RegExp): RegExp {
  let sticky = stickyCopies.get(closing);
  if (!sticky) stickyCopies.set(closing, (sticky = new RegExp(closing.source, closing.flags.replace('g', '') + 'y')));
  return sticky;
}

/** The emphasis delimiters of one masked inline text (as marked hands it to emStrong and del). */
class Delimiters {
  readonly count: number;
  /** Start of each run of a delimiter character that marked's closing expression reads as a closer, in order. */
  private readonly closers = new Map<string, number[]>();

  constructor(readonly masked: string) {
    let count = 0;
    for (let i = 0; i < masked.length; i++) {
      const c = masked.charCodeAt(i);
      if (c === 0x2a || c === 0x5f || c === 0x7e) count++;
    }
    this.count = count;
  }

  /** How far past an opener to look for its closer. */
  get window(): number {
    return Math.max(MIN_WINDOW, Math.min(MAX_WINDOW, Math.floor((BUDGET * this.masked.length) / this.count)));
  }

  /** Whether a run of `mark` that can close starts in (from, to]. */
  closerAfter(mark: string, closing: RegExp, from: number, to: number): boolean {
    const starts = this.closerStarts(mark, closing);
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= from) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length && starts[lo]! <= to;
  }

  /**
   * Runs of `mark` that `closing` (marked's emStrongRDelim or delRDelim)
   * captures as a closer (groups 1, 2, 5, 6) when matched from the character
   * before the run. marked's own scan always tries a match there (its first
   * alternatives stop before a delimiter), and what it captures depends only
   * on that character and those after: a run this leaves out never closes.
   */
  private closerStarts(mark: string, closing: RegExp): number[] {
    let starts = this.closers.get(mark);
    if (starts) return starts;
    starts = [];
    const sticky = stickyCopy(closing);
    const text = this.masked;
    for (let i = 1; i < text.length; i++) {
      if (text[i] !== mark || text[i - 1] === mark) continue;
      sticky.lastIndex = i - 1;
      const m = sticky.exec(text);
      if (m && (m[1] || m[2] || m[5] || m[6])) starts.push(i);
    }
    this.closers.set(mark, starts);
    return starts;
  }
}

class PostTokenizer extends Tokenizer {
  /** The inline texts being lexed, innermost last (emphasis and links lex their content inside). */
  readonly inline: InlineFrame[] = [];

  override lheading(src: string): Tokens.Heading | undefined {
    return underlinedBeforeBlank(src) ? super.lheading(src) : undefined;
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
    // marked tries this rule first on every token: what is left of the text.
    const frame = this.inline.at(-1);
    if (frame) frame.rest = src;
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
    if (src[0] !== '*' && src[0] !== '_') return undefined;
    const closing = src[0] === '*' ? this.rules.inline.emStrongRDelimAst : this.rules.inline.emStrongRDelimUnd;
    return this.withinWindow(src, maskedSrc, closing, (s, m) => super.emStrong(s, m, prevChar));
  }
  override codespan(src: string): Tokens.Codespan | undefined {
    return src[0] === '`' ? super.codespan(src) : undefined;
  }
  override br(src: string): Tokens.Br | undefined {
    return src[0] === ' ' || src[0] === '\\' ? super.br(src) : undefined;
  }
  override del(src: string, maskedSrc: string, prevChar = ''): Tokens.Del | undefined {
    if (src[0] !== '~') return undefined;
    return this.withinWindow(src, maskedSrc, this.rules.inline.delRDelim, (s, m) => super.del(s, m, prevChar));
  }
  override autolink(src: string): Tokens.Link | undefined {
    return src[0] === '<' ? super.autolink(src) : undefined;
  }
  override url(src: string): Tokens.Link | undefined {
    if (!URL_START.test(src)) return undefined;
    const at = this.position(src);
    return at === null || at.frame.runs.mayBeUrl(at.offset, src.length) ? super.url(src) : undefined;
  }
  override inlineText(src: string): Tokens.Text | undefined {
    const at = this.position(src);
    const noEmail = textRuleWithoutEmail(this.rules.inline.text);
    const length = at && noEmail ? textTokenLength(at.frame.runs, at.offset, src.length, noEmail) : null;
    return super.inlineText(length === null || length === src.length ? src : src.slice(0, length));
  }

  /** An emphasis or strike-through opening at `src`, read as marked reads it, bounded in a dense paragraph (see Delimiters). */
  private withinWindow<T extends { raw: string }>(src: string, maskedSrc: string, closing: RegExp, tokenize: (src: string, maskedSrc: string) => T | undefined): T | undefined {
    const delimiters = this.delimitersOf(maskedSrc);
    if (delimiters.count <= DENSE) return tokenize(src, maskedSrc);
    const at = maskedSrc.length - src.length;
    const window = delimiters.window;
    if (!delimiters.closerAfter(src[0]!, closing, at, src.length <= window ? maskedSrc.length : at + window)) return undefined;
    if (src.length <= window) return tokenize(src, maskedSrc);
    const from = Math.max(0, at - LOOKBACK);
    // A run of the same delimiter reaching back past the lookback: marked counts all of it.
    let runStart = at;
    while (runStart > from && maskedSrc.charCodeAt(runStart - 1) === src.charCodeAt(0)) runStart--;
    if (runStart === from && from > 0) return tokenize(src, maskedSrc);
    const token = tokenize(src.slice(0, window), maskedSrc.slice(from, at + window));
    // A closer at the window's edge may read differently with what follows it: ask again in full.
    return token !== undefined && token.raw.length > window - 2 ? tokenize(src, maskedSrc) : token;
  }

  /**
   * The delimiters of the masked text marked is lexing, kept with its inline
   * frame: emphasis lexes its content inside, and a cache of one text alone
   * would count the paragraph again after each emphasis (quadratic).
   */
  private delimitersOf(maskedSrc: string): Delimiters {
    const frame = this.inline.at(-1);
    if (frame?.delimiters?.masked === maskedSrc) return frame.delimiters;
    const delimiters = new Delimiters(maskedSrc);
    if (frame && frame.runs.text.length === maskedSrc.length) frame.delimiters = delimiters;
    return delimiters;
  }

  /** Where `src` (what is left of the innermost inline text, or the start of it) begins in that text; null when unknown. */
  private position(src: string): { frame: InlineFrame; offset: number } | null {
    const frame = this.inline.at(-1);
    if (!frame || src.length > frame.rest.length) return null;
    const offset = frame.runs.text.length - frame.rest.length;
    return offset >= 0 && frame.runs.text.charCodeAt(offset) === src.charCodeAt(0) ? { frame, offset } : null;
  }
}

class PostLexer extends Lexer {
  constructor(private readonly postTokenizer: PostTokenizer) {
    super({ gfm: true, tokenizer: postTokenizer });
  }
  /**
   * The array marked will fill with a block's inline tokens (after every
   * block is read), made with room for one token. A list of one-word items
   * has one such array per item, and V8 gives an empty array that is pushed
   * to once room for 17: 128 bytes lost each, held to the end of the lex and
   * after (a 1 MB list: 34 MB). An array that has had one element and lost
   * it keeps room for exactly one.
   */
  override inline(src: string, tokens?: Token[]): Token[] {
    if (tokens !== undefined) return super.inline(src, tokens);
    const roomForOne: Token[] = [undefined as unknown as Token];
    roomForOne.pop();
    return super.inline(src, roomForOne);
  }
  /** A list item's blocks (marked keeps what this returns, in an array pushed to: see inline) in an array of their own length. */
  override blockTokens(src: string, tokens?: Token[], lastParagraphClipped?: boolean): Token[];
  override blockTokens(src: string, tokens?: TokensList, lastParagraphClipped?: boolean): TokensList;
  override blockTokens(src: string, tokens?: Token[], lastParagraphClipped?: boolean): Token[] {
    const out = super.blockTokens(src, tokens, lastParagraphClipped);
    return out === this.tokens ? out : out.slice();
  }
  /**
   * marked masks an inline text for emphasis (a pass over it and a copy)
   * when the text holds * _ or ~, and also, for every text, whenever the
   * tokenizer's emStrong or del is not marked's own. Ours (see withinWindow)
   * are only wanted where there is a delimiter; elsewhere marked's own stand
   * in, and give the same answer: no emphasis.
   */
  override inlineTokens(src: string, tokens?: Token[]): Token[] {
    const tokenizer = this.postTokenizer;
    const { emStrong, del } = tokenizer;
    const delimited = src.includes('*') || src.includes('_') || src.includes('~');
    tokenizer.emStrong = delimited ? PostTokenizer.prototype.emStrong : Tokenizer.prototype.emStrong;
    tokenizer.del = delimited ? PostTokenizer.prototype.del : Tokenizer.prototype.del;
    tokenizer.inline.push({ runs: new EmailRuns(src), rest: src });
    try {
      return super.inlineTokens(src, tokens);
    } finally {
      tokenizer.inline.pop();
      tokenizer.emStrong = emStrong;
      tokenizer.del = del;
    }
  }
}

/** The block and inline tokens of a Markdown body (GFM). */
export function lexMarkdown(markdown: string): Token[] {
  return new PostLexer(new PostTokenizer()).lex(markdown);
}

