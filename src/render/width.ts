// Columns a piece of plain text takes on a terminal, string-width's rules
// (a grapheme is 2 columns when East Asian Wide/Fullwidth or an RGI emoji, 0
// when it is only marks, format or ignorable code points, else 1) with the
// costly parts (a grapheme segmenter, the RGI emoji regex: ~30 ms of start-up
// in string-width) built only when text needs them. Hangul, CJK, kana, ASCII
// and Latin-1 never do.
import { eastAsianWidth } from 'get-east-asian-width';

/** Text made only of characters that are each one grapheme of width 1 (below U+3000) or 2. */
const SIMPLE = /^[\x20-\x7e\xa0-\xac\xae-\xff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25fc\u25ff\u2610-\u2612\u3001-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u3131-\u3163\u3165-\u318e\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff60]*$/;

/**
 * SIMPLE's usual case, ASCII and Hangul syllables: a class of so few ranges
 * V8 checks inline, where SIMPLE's twenty take a call per character past
 * Latin-1 (~100 instructions; `list` of 10,000 Korean titles measured their
 * cells with ~1.3 million of them). Tried first, SIMPLE only when it fails.
 */
const COMMON = /^[\x20-\x7e\uac00-\ud7a3]*$/;

export function isSimpleText(text: string): boolean {
  return COMMON.test(text) || SIMPLE.test(text);
}

/** Width of one character of simple text (see isSimpleText). */
export function simpleCharWidth(code: number): 1 | 2 {
  return code >= 0x3000 ? 2 : 1;
}

let segmenter: Intl.Segmenter | undefined;
let visible: RegExp | undefined;
let spacingMark: RegExp | undefined;
let rgiEmoji: RegExp | undefined;

/** The graphemes of a text (user-perceived characters: "👩‍💻" is one). */
export function splitGraphemes(text: string): string[] {
  if (isSimpleText(text)) return Array.from(text);
  segmenter ??= new Intl.Segmenter();
  if (text.length <= 2 * SEGMENT_WINDOW) return Array.from(segmenter.segment(text), (g) => g.segment);
  // Intl.Segmenter slows down with the square of a string's length (a 160 kB
  // line of emoji took 15 s): segment a window at a time. The window's last
  // grapheme may go on past it, so the next window starts there; starting at
  // a boundary gives the same graphemes as segmenting the whole text.
  const out: string[] = [];
  for (let start = 0; start < text.length; ) {
    const end = Math.min(text.length, start + SEGMENT_WINDOW);
    const parts = Array.from(segmenter.segment(text.slice(start, end)), (g) => g.segment);
    if (end < text.length && parts.length > 1) parts.pop();
    for (const part of parts) {
      out.push(part);
      start += part.length;
    }
  }
  return out;
}

/** Code units segmented at once by splitGraphemes; far longer than any grapheme. */
const SEGMENT_WINDOW = 1024;

/** Widths of graphemes seen before: the emoji regex costs microseconds a test. */
const widthCache = new Map<string, number>();

function graphemeWidth(grapheme: string): number {
  let width = widthCache.get(grapheme);
  if (width === undefined) {
    width = measureGrapheme(grapheme);
    if (widthCache.size >= 10_000) widthCache.clear();
    widthCache.set(grapheme, width);
  }
  return width;
}

function measureGrapheme(grapheme: string): number {
  visible ??= /[^\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]/v;
  rgiEmoji ??= /^\p{RGI_Emoji}$/v;
  const at = grapheme.search(visible);
  if (at === -1) return 0;
  if (rgiEmoji.test(grapheme)) return 2;
  // The first visible character's width, plus that of spacing marks and
  // halfwidth/fullwidth forms after it ("का", "ｶﾞ"), as string-width counts them.
  let width = 0;
  for (const ch of grapheme.slice(at)) {
    const code = ch.codePointAt(0)!;
    if (width === 0) width = eastAsianWidth(code);
    else if ((code >= 0xff00 && code <= 0xffef) || (spacingMark ??= /\p{Spacing_Mark}/v).test(ch)) width += eastAsianWidth(code);
  }
  return width;
}

/** Columns of text without escape sequences. */
export function textWidth(text: string): number {
  if (isSimpleText(text)) {
    let width = text.length;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x3000) width++; // simpleCharWidth
    return width;
  }
  let width = 0;
  for (const grapheme of splitGraphemes(text)) width += graphemeWidth(grapheme);
  return width;
}

/** Width of one grapheme. */
export function charWidth(grapheme: string): number {
  return grapheme.length === 1 && isSimpleText(grapheme) ? simpleCharWidth(grapheme.charCodeAt(0)) : textWidth(grapheme);
}
