// Nothing from a post may reach the terminal as a control character: these
// helpers turn C0/C1 controls into visible text. Newline and tab survive.
import { loadHtmlLib } from './html-lib.js';

const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Shows control characters visibly: C0 as Unicode control pictures (ESC is
 * "␛"), DEL as "␡", and a C1 control as "␛" plus its 7-bit equivalent
 * (CSI 0x9B is "␛["), the form a terminal would have read it as.
 */
export function showControls(text: string): string {
  return text.replace(CONTROLS, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\u241b' + String.fromCharCode(code - 0x40);
  });
}

/** True when the text holds a control character other than newline and tab. */
export function hasControls(text: string): boolean {
  CONTROLS.lastIndex = 0;
  const found = CONTROLS.test(text);
  CONTROLS.lastIndex = 0;
  return found;
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
 * Decodes HTML character references (as marked leaves them in token text)
 * and shows any control character they produce: "&#27;" becomes "␛".
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return showControls(text);
  const decoded = text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? loadHtmlLib().decodeHTMLStrict(whole);
  });
  return showControls(decoded);
}

/** The text of a URL that is safe to print or to put in an OSC 8 link. */
export function cleanUrl(url: string): string {
  return decodeEntities(url).replace(/[\u2400-\u2421\s]/g, (ch) => encodeURIComponent(ch));
}
