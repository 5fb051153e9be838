// Nothing from a post may reach the terminal as a control character, or as
// a character that changes how the text around it reads without showing
// itself: these helpers turn C0/C1 controls, bidi controls and invisible
// characters into visible text. Newline and tab survive in text; in a name
// or an argument echoed in a message, a line feed shows as "⏎".
import { loadHtmlLib } from './html-lib.js';

/**
 * C0 and C1 controls (not newline or tab); bidi embeddings, overrides and
 * isolates (U+202A–202E, U+2066–2069) and marks (U+061C, U+200E/F);
 * zero-width and invisible characters (U+200B–200D, U+2060–2064,
 * U+206A–206F, U+FEFF); line and paragraph separators (U+2028/2029). A
 * zero-width joiner between two pictographs (an emoji sequence) is kept.
 * Right-to-left letters (Hebrew, Arabic) are text and pass.
 */
const CONTROLS =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200C\u200E-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]|(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

/**
 * Shows control characters visibly: C0 as Unicode control pictures (ESC is
 * "␛"), DEL as "␡", and a C1 control as "␛" plus its 7-bit equivalent
 * (CSI 0x9B is "␛["), the form a terminal would have read it as. A bidi
 * control or invisible character shows as its code point, "<U+202E>", as
 * less shows it.
 */
export function showControls(text: string): string {
  // Most texts hold none: one look with the plain class is cheaper than the replace (no lookarounds).
  return MAYBE_CONTROLS.test(text) ? text.replace(CONTROLS, pictureOf) : text;
}

function pictureOf(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  if (code <= 0x9f) return '\u241b' + String.fromCharCode(code - 0x40);
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * What postview itself writes and a terminal may act on: its SGR styles, its
 * OSC 8 links (printable ASCII targets, ESC \\ ends them) and the CRLF line
 * ends of a calendar file. Any other control is a stray.
 */
const OWN_SEQUENCES = String.raw`\x1b\[[0-9;]*m|\x1b\]8;;[\x21-\x7e]*\x1b\\|\r\n`;
let stray: RegExp | undefined;

/**
 * The last look before text leaves for stdout: every control, bidi or
 * invisible character shown as showControls shows it, except postview's own
 * escape sequences. Render has shown everything from a post already; this
 * only catches what a renderer missed. JSON holds none (renderJson escapes
 * them), so it passes unchanged.
 */
export function showStrayControls(text: string): string {
  if (!MAYBE_CONTROLS.test(text)) return text;
  stray ??= new RegExp(`(${OWN_SEQUENCES})|${CONTROLS.source}`, 'gu');
  return text.replace(stray, (ch: string, own: string | undefined) => own ?? pictureOf(ch));
}

/** CONTROLS as one character class (any ZWJ): a quicker first look over a whole post. */
const MAYBE_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/;

/** True when the text may hold a character showControls would change (a ZWJ in an emoji says yes too). */
export function hasControls(text: string): boolean {
  return MAYBE_CONTROLS.test(text);
}

/** The pictures of bidi controls and invisible characters, as showControls makes them. */
export const INVISIBLE_PICTURE = /<U\+[0-9A-F]{4}>/;

/**
 * A name or argument as echoed in a message or a list: controls shown, and
 * a line feed (or carriage return) as "⏎", so it cannot start a line of
 * its own and pass for another message.
 */
export function showName(name: string): string {
  return showControls(name.replace(/\r\n?|\n/g, '\u23ce')).replace(/\t/g, '\u2409');
}

/** The common few, decoded without loading the full HTML5 table (src/html-lib.ts). */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', middot: '·', bull: '•',
  times: '×', divide: '÷', laquo: '«', raquo: '»', rarr: '→', larr: '←',
  harr: '↔', uarr: '↑', darr: '↓', deg: '°', plusmn: '±', euro: '€',
  yen: '¥', pound: '£', cent: '¢', sect: '§', para: '¶', frac12: '½',
  Tab: '\t', NewLine: '\n',
};

/**
 * Decodes HTML character references (as marked leaves them in token text),
 * keeping what they stand for: "&#27;" is ESC, for JSON to carry. What is
 * drawn for the terminal goes through showControls (see showText).
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? loadHtmlLib().decodeHTMLStrict(whole);
  });
}

/** Token text as drawn for the terminal: entities decoded, then controls shown ("&#27;" is "␛"). */
export function showText(text: string): string {
  return showControls(decodeEntities(text));
}

/** The text of a URL that is safe to print or to put in an OSC 8 link. */
export function cleanUrl(url: string): string {
  return showText(url).replace(/[\u2400-\u2421\s]/g, (ch) => encodeURIComponent(ch));
}
