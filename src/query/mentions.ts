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
// its own (an entity such as "&#50577;", an HTML tag, a template, a reference
// link's label, a link's address) is handled before folding: a body with
// "&", "<", "{{", "{%" or "][" may hold anything, and link addresses are cut
// out (cutMarkup).
//
// A body is not folded into a new string to be searched (dropping the marks
// with a regular expression cost more than all the rest): holdsFolded walks
// the normalised, lower-cased text from each place a needle's first character
// appears, stepping over the characters folding drops. It finds exactly what
// `foldText(text).includes(needle)` finds (a property test compares them).
import { hasTemplates } from '../parse/templates.js';
import { isWhiteSpace, normalizeForMatch } from '../parse/text.js';

const LINK_DESTINATION = /\]\([^()]*\)/g;
const DROPPED = /[\s!-/:-@[-`{-~]+/gu;

/** Text folded for a containment test (see above). */
export function foldText(text: string): string {
  // A final sigma lower-cases by its context: fold both forms to one.
  return text.normalize('NFKC').toLowerCase().replace(DROPPED, '').replace(/ς/g, 'σ');
}

/** Whether a UTF-16 unit is one foldText drops: white space (as \s reads it) or ASCII punctuation. */
function isDropped(c: number): boolean {
  if (c > 0x20 && c < 0x80) return c < 0x30 || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
  return isWhiteSpace(c);
}

/** Text as foldText sees it before dropping marks: normalised and lower-cased (final sigma as sigma). */
export function lowerText(text: string): string {
  const lower = text.normalize('NFKC').toLowerCase();
  return lower.includes('ς') ? lower.replace(/ς/g, 'σ') : lower;
}

/** `foldText(text).includes(needle)` for `lower` = lowerText(text) and a folded, non-empty `needle`, without building the folded text. */
export function holdsFolded(lower: string, needle: string): boolean {
  if (needle === '') return true;
  const first = needle[0]!;
  for (let at = lower.indexOf(first); at !== -1; at = lower.indexOf(first, at + 1)) {
    let k = at + 1;
    let j = 1;
    for (; j < needle.length; j++, k++) {
      while (k < lower.length && isDropped(lower.charCodeAt(k))) k++;
      if (k >= lower.length || lower.charCodeAt(k) !== needle.charCodeAt(j)) break;
    }
    if (j === needle.length) return true;
  }
  return false;
}

/**
 * Hangul syllables and ASCII digits: no character lower-cases to text that
 * holds one of them, or white space or ASCII punctuation, but they and those
 * marks themselves, which lower-case to themselves. So for needles made only
 * of them, holdsFolded finds in the normalised text what it finds in the
 * normalised, lower-cased text, and lower-casing (4% of the instructions of
 * a cold `tracks DIR --speaker 양승도`) is skipped. A property test compares them.
 */
const CASELESS = /^[\uac00-\ud7a30-9]*$/;

/** True unless `markdown` surely does not hold one of the folded `needles` (see above). */
export function mayMention(markdown: string, needles: readonly string[]): boolean {
  if (needles.length === 0 || needles.some((n) => n === '')) return true;
  const lower = lowerMarkdown(markdown, needles);
  return lower === null || needles.some((needle) => holdsFolded(lower, needle));
}

/**
 * The Markdown's text as lowerText gives it (normalised alone for caseless
 * `needles`, see CASELESS), link addresses cut out; null when markup may
 * spell text of its own (see cutMarkup).
 */
function lowerMarkdown(markdown: string, needles: readonly string[]): string | null {
  const cut = cutMarkup(markdown);
  if (cut === null) return null;
  return needles.every((n) => CASELESS.test(n)) ? cut.normalize('NFKC') : lowerText(cut);
}

/**
 * The Markdown with its link addresses cut out, for a containment test; null
 * when its markup may print text that is not written there, or hide text
 * that sits between letters: an entity or a tag ("&", "<"), a template
 * ("{{ page.speaker }}" prints a front-matter value, "{% if %}" and
 * "{: .class}" print nothing: parse/templates.ts), or a reference link
 * ("[Dynamo][r]DB" reads "DynamoDB").
 */
export function cutMarkup(markdown: string): string | null {
  if (markdown.includes('&') || markdown.includes('<') || markdown.includes('][') || hasTemplates(markdown)) return null;
  const cut = markdown.includes('](') ? markdown.replace(LINK_DESTINATION, ']') : markdown;
  return cut.includes('](') ? null : cut;
}


/** The needles for mayMention from what was typed: each as the session filter reads it, then folded. */
export function foldNeedles(typed: readonly string[]): string[] {
  return typed.map(normalizeForMatch).filter((s) => s !== '').map(foldText);
}

/** True unless `markdown` surely lacks one of the folded `needles` (all must be there). */
export function mayMentionAll(markdown: string, needles: readonly string[]): boolean {
  if (needles.length === 0) return true;
  const lower = lowerMarkdown(markdown, needles);
  return lower === null || needles.every((needle) => holdsFolded(lower, needle));
}
