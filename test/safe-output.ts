// What postview may write to a terminal: its own styles (SGR) and OSC 8 links
// with printable URLs, and no other escape or control character.

/** SGR parameters of postview's styles and of the code highlighter's colours. */
const OWN_SGR_CODES = new Set(['0', '1', '2', '3', '4', '9', '22', '23', '24', '29', '31', '32', '33', '34', '35', '36', '37', '39', '90']);
const OWN_ESCAPES = /\x1b\[[0-9;]*m|\x1b\]8;;[\x21-\x7e]*\x1b\\/g;
export const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

/** Why `text` is not safe for a terminal, or null when it is. */
export function unsafe(text: string): string | null {
  for (const [sgr, params] of text.matchAll(/\x1b\[([0-9;]*)m/g)) {
    if (!params!.split(';').every((p) => OWN_SGR_CODES.has(p))) return `not postview's own style ${JSON.stringify(sgr)}`;
  }
  const rest = text.replace(OWN_ESCAPES, '');
  const at = rest.search(RAW_CONTROL);
  return at === -1 ? null : `raw control in ${JSON.stringify(rest.slice(Math.max(0, at - 40), at + 10))}`;
}
