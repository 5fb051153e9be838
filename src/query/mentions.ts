// Whether some Markdown may hold a piece of text once its markup is gone:
// a quick, conservative test on the raw Markdown that lets whole-folder
// commands skip reading the bodies that cannot match (a `--speaker` name, a
// search word). False only when the text is surely not there: it may say
// true for text that is not there, never false for text that is.
//
// Both sides are folded the same way (foldText): Unicode NFKC (NFD typed on a
// Mac, full-width letters), lower case, and with every space and ASCII
// punctuation character dropped, so markup between letters ("양**승도**",
// "Jeff\nBarr", "`a`b") does not hide a match. Markup that carries text of
// its own (an entity such as "&#50577;", an HTML tag, a link's address) is
// handled before folding: a body with "&" or "<" may hold anything, and link
// addresses are cut out.
import { normalizeForMatch } from '../parse/text.js';

const LINK_DESTINATION = /\]\([^()]*\)/g;
const DROPPED = /[\s!-/:-@[-`{-~]+/gu;

/** Text folded for a containment test (see above). */
export function foldText(text: string): string {
  // A final sigma lower-cases by its context: fold both forms to one.
  return text.normalize('NFKC').toLowerCase().replace(DROPPED, '').replace(/ς/g, 'σ');
}

/** True unless `markdown` surely does not hold one of the folded `needles` (see above). */
export function mayMention(markdown: string, needles: readonly string[]): boolean {
  if (needles.length === 0 || needles.some((n) => n === '')) return true;
  const folded = foldMarkdown(markdown);
  return folded === null || needles.some((needle) => folded.includes(needle));
}

/** The Markdown's text folded, link addresses cut out; null when markup may spell text of its own (entities, HTML). */
function foldMarkdown(markdown: string): string | null {
  if (markdown.includes('&') || markdown.includes('<')) return null;
  const cut = markdown.includes('](') ? markdown.replace(LINK_DESTINATION, ']') : markdown;
  return cut.includes('](') ? null : foldText(cut);
}

/** The needles for mayMention from what was typed: each as the session filter reads it, then folded. */
export function foldNeedles(typed: readonly string[]): string[] {
  return typed.map(normalizeForMatch).filter((s) => s !== '').map(foldText);
}

/** True unless `markdown` surely lacks one of the folded `needles` (all must be there). */
export function mayMentionAll(markdown: string, needles: readonly string[]): boolean {
  if (needles.length === 0) return true;
  const folded = foldMarkdown(markdown);
  return folded === null || needles.every((needle) => folded.includes(needle));
}
