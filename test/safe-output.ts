// What postview may write to a terminal: its own styles (SGR) and OSC 8 links
// with printable URLs, and no other escape or control character, nor any
// bidi control or invisible character (a zero-width joiner inside an emoji
// sequence is text).

/** SGR parameters of postview's styles, of the code highlighter's colours and of browse's reverse mark. */
const OWN_SGR_CODES = new Set(['0', '1', '2', '3', '4', '7', '9', '22', '23', '24', '27', '29', '31', '32', '33', '34', '35', '36', '37', '39', '90']);
const OWN_ESCAPES = /\x1b\[[0-9;]*m|\x1b\]8;;[\x21-\x7e]*\x1b\\/g;
/** C0 (but newline and tab) and C1 controls, DEL. */
export const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
/**
 * Bidi embeddings, overrides, isolates and marks, zero-width and invisible
 * characters, line and paragraph separators: written out here rather than
 * taken from src/sanitize.ts, so the test does not share a mistake with it.
 */
export const RAW_INVISIBLE = /[\u061c\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]|(?<!\p{Extended_Pictographic}\ufe0f?)\u200d|\u200d(?!\p{Extended_Pictographic})/u;
/** Either: nothing a terminal may get raw. */
export const RAW_TERMINAL = new RegExp(`${RAW_CONTROL.source}|${RAW_INVISIBLE.source}`, 'u');

/** Why `text` is not safe for a terminal, or null when it is. */
export function unsafe(text: string, ownSgr: ReadonlySet<string> = OWN_SGR_CODES): string | null {
  for (const [sgr, params] of text.matchAll(/\x1b\[([0-9;]*)m/g)) {
    if (!params!.split(';').every((p) => ownSgr.has(p))) return `not postview's own style ${JSON.stringify(sgr)}`;
  }
  const rest = text.replace(OWN_ESCAPES, '');
  const at = rest.search(RAW_TERMINAL);
  return at === -1 ? null : `raw control in ${escapeOdd(rest.slice(Math.max(0, at - 40), at + 10))}`;
}

/** JSON with everything outside printable ASCII escaped, to read odd characters in a failure. */
export const escapeOdd = (text: string) => JSON.stringify(text).replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
