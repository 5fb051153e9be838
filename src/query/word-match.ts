// Whether a text holds search words, as `search` matches them: a word is in
// the text once it is normalised (NFKC) and lower-cased (matchForm). Pure.
//
// Lower-casing a whole post's text costs more than normalising and searching
// it together (V8 lower-cases a string of Korean a character at a time
// through ICU). For the words people type (ASCII and Hangul syllables, no
// capitals: searchWords lower-cases them), the text is only normalised, and
// each word found by a case-insensitive expression, which finds exactly what
// lower-casing finds: in normalised text, the only characters that
// lower-case to an ASCII character are its two ASCII cases, and only a
// Hangul syllable lower-cases to that syllable, save U+0130 (İ, which
// lower-cases to "i" and a dot): a text holding it is lower-cased as before.
// Both are checked over every code point by a test.
import { normalizeForMatch } from '../parse/text.js';
import { hasControls } from '../sanitize.js';
import { cutMarkup, mayMentionAll } from './mentions.js';

/** Words the expressions take: ASCII without capitals or white space, and Hangul syllables. */
const PLAIN_WORD = /^[\x21-\x40\x5b-\x7e\uac00-\ud7a3]+$/;
const SPACE = /\s/;
const SPECIAL = /[.*+?^${}()|[\]\\]/g;

/**
 * In each method, `normal` says the text is known to be as isNormalText finds
 * it (then plain words are looked for in it as it is, without normalising it).
 */
export interface WordMatcher {
  /** True when the words are plain (ASCII without capitals or white space, Hangul syllables): what they match is then the same in a text put in NFC with its runs of white space collapsed (tested). */
  plain: boolean;
  /** How many of the words the text holds. */
  count(text: string, normal?: boolean): number;
  /** Whether it holds them all. */
  holdsAll(text: string, normal?: boolean): boolean;
  /** Whether `${first}\n${second}` holds them all (for plain words, which never span a line feed, without joining them). */
  holdsAllOf(first: string, second: string, normal?: boolean): boolean;
  /** The first word it holds, else undefined. */
  firstHeld(text: string): string | undefined;
  /**
   * The lines of a text known to be normal that hold some of the (plain)
   * words, by their number from 0: how many words each holds, and where it
   * starts and ends. Lines holding none are left out.
   */
  linesHolding(text: string): Map<number, LineHolding>;
}

export interface LineHolding {
  count: number;
  start: number;
  end: number;
}

/**
 * Whether `text` is already in NFKC and holds neither U+0130 nor a control
 * character (sanitize.ts): plain words are then found in it, and in any run
 * of its lines, as it is. (NFKC never joins characters across a line feed, so
 * the lines of a text in NFKC are in NFKC, and so are texts of them joined
 * by line feeds.)
 */
export function isNormalText(text: string): boolean {
  return !text.includes('\u0130') && !hasControls(text) && text.normalize('NFKC') === text;
}

/** `text` in the form search finds `words` in: normalizeForMatch(text), or for words without white space (never spanning the spaces it collapses), only normalised and lower-cased. */
export function matchForm(text: string, words: readonly string[]): string {
  return words.some((w) => SPACE.test(w)) ? normalizeForMatch(text) : text.normalize('NFKC').toLowerCase();
}

/** A matcher for `words`; the last one made is kept, as a search asks with the same words throughout. */
export function matchWords(words: readonly string[]): WordMatcher {
  if (last?.words !== words) last = { words, matcher: makeMatcher(words) };
  return last.matcher;
}

let last: { words: readonly string[]; matcher: WordMatcher } | undefined;

function makeMatcher(words: readonly string[]): WordMatcher {
  const slow = byForm(words, (text) => matchForm(text, words));
  if (!words.every((w) => PLAIN_WORD.test(w))) return { ...slow, plain: false };
  const patterns = words.map((w) => new RegExp(w.replace(SPECIAL, '\\$&'), 'i'));
  const countIn = (normal: string) => {
    let n = 0;
    for (const p of patterns) if (p.test(normal)) n++;
    return n;
  };
  // The same expressions, to find every place of a word in a text.
  const everywhere = patterns.map((p) => new RegExp(p.source, 'gi'));
  return {
    plain: true,
    linesHolding: (text) => {
      const lines = new Map<number, LineHolding>();
      for (const pattern of everywhere) {
        pattern.lastIndex = 0;
        // The line being read: its number, start and end (a word never spans a line feed).
        let line = 0;
        let start = 0;
        let end = text.indexOf('\n');
        let counted = -1;
        for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
          while (end !== -1 && end < m.index) {
            line++;
            start = end + 1;
            end = text.indexOf('\n', start);
          }
          if (line === counted) continue;
          counted = line;
          const seen = lines.get(line);
          if (seen) seen.count++;
          else lines.set(line, { count: 1, start, end: end === -1 ? text.length : end });
        }
      }
      return lines;
    },
    count: (text, known) => {
      if (known) return countIn(text);
      const normal = text.normalize('NFKC');
      return normal.includes('\u0130') ? slow.count(text) : countIn(normal);
    },
    holdsAll: (text, known) => {
      const normal = known ? text : text.normalize('NFKC');
      return !known && normal.includes('\u0130') ? slow.holdsAll(text) : patterns.every((p) => p.test(normal));
    },
    holdsAllOf: (first, second, known) => {
      const one = known ? first : first.normalize('NFKC');
      const two = known ? second : second.normalize('NFKC');
      if (!known && (one.includes('\u0130') || two.includes('\u0130'))) return slow.holdsAll(`${first}\n${second}`);
      return patterns.every((p) => p.test(one) || p.test(two));
    },
    firstHeld: (text) => {
      const normal = text.normalize('NFKC');
      return normal.includes('\u0130') ? slow.firstHeld(text) : words[patterns.findIndex((p) => p.test(normal))];
    },
  };
}

/** A matcher that puts the text in `form` and looks for each word in it. */
function byForm(words: readonly string[], form: (text: string) => string): Omit<WordMatcher, 'plain'> {
  const holdsAll = (text: string) => {
    const normal = form(text);
    return words.every((w) => normal.includes(w));
  };
  return {
    linesHolding: (text) => {
      // Each line as the plain matcher reads a normal one: not normalised again (form() does), as it is.
      const lines = new Map<number, LineHolding>();
      let start = 0;
      text.split('\n').forEach((line, k) => {
        const normal = form(line);
        const count = words.filter((w) => normal.includes(w)).length;
        if (count > 0) lines.set(k, { count, start, end: start + line.length });
        start += line.length + 1;
      });
      return lines;
    },
    holdsAllOf: (first, second) => holdsAll(`${first}\n${second}`),
    count: (text) => {
      const normal = form(text);
      return words.filter((w) => normal.includes(w)).length;
    },
    holdsAll,
    firstHeld: (text) => {
      const normal = form(text);
      return words.find((w) => normal.includes(w));
    },
  };
}

// The same for mayMentionAll (query/mentions.ts), the quick test on raw
// Markdown that lets search skip what cannot match: each folded needle is
// found by a case-insensitive expression on the normalised text that steps
// over the characters folding drops, rather than by lower-casing the text.
// Markup that may spell text of its own is handled as mayMentionAll does (cutMarkup).
/** What foldText drops, as a class: white space (as \s reads it) and ASCII punctuation. */
const DROPPED = '[\\t-\\r !-/:-@[-`{-~\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]*';
/** Folded needles the expressions take: ASCII letters and digits, Hangul syllables. */
const PLAIN_NEEDLE = /^[0-9a-z\uac00-\ud7a3]*$/;

/** `(markdown) => mayMentionAll(markdown, needles)`, the same answers; the last one made is kept. */
export function mentionTest(needles: readonly string[]): (markdown: string) => boolean {
  if (lastTest?.needles !== needles) lastTest = { needles, test: makeMentionTest(needles) };
  return lastTest.test;
}

let lastTest: { needles: readonly string[]; test: (markdown: string) => boolean } | undefined;

function makeMentionTest(needles: readonly string[]): (markdown: string) => boolean {
  if (needles.length === 0 || !needles.every((n) => PLAIN_NEEDLE.test(n))) return (markdown) => mayMentionAll(markdown, needles);
  const patterns = needles.map((n) => new RegExp([...n].join(DROPPED), 'i'));
  return (markdown) => {
    const cut = cutMarkup(markdown);
    if (cut === null) return true;
    const normal = cut.normalize('NFKC');
    return normal.includes('\u0130') ? mayMentionAll(markdown, needles) : patterns.every((p) => p.test(normal));
  };
}
