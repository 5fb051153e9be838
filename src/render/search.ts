// `search` hits as text: the post, the section path, and a short excerpt
// around the first word with every word highlighted.
import { Chalk } from 'chalk';
import { shortPostName } from '../parse/post.js';
import type { SearchHit } from '../query/search.js';
import { matchWords, type WordMatcher } from '../query/word-match.js';
import { hasControls, showControls } from '../sanitize.js';
import type { RenderOptions } from '../types.js';
import { truncate } from './wrap.js';

/** Characters kept before the first word in an excerpt. */
const LEAD = 24;

export function renderSearchHits(hits: readonly SearchHit[], words: readonly string[], options: RenderOptions): string {
  return searchHitsDrawer(words, options)(hits);
}

/**
 * What draws hits as renderSearchHits does, a few at a time: drawing each
 * post's hits in turn and joining the results gives renderSearchHits of them
 * all (a post's name is shown once for its hits, which follow one another).
 * A warm folder search draws each post's hits as soon as they are found, so
 * that its text is not kept until the end: a drawn hit is a new string,
 * while a hit's text is a slice of its post's whole text, which V8 keeps
 * whole (the bench's 3,104 hits kept the heap growing to 30 MB, scavenges
 * copying it: 29 ms of collection, 13 ms now).
 */
export function searchHitsDrawer(words: readonly string[], options: RenderOptions): (hits: readonly SearchHit[]) => string {
  const chalk = new Chalk({ level: options.colorLevel });
  const highlight = highlighter(words, chalk);
  return (hits) => {
    const out: string[] = [];
    let path: string | undefined;
    let name = '';
    for (const hit of hits) {
      if (hit.post.path !== path) {
        path = hit.post.path;
        name = oneLine(showControls(shortPostName(path)));
      }
      // A normal hit's section titles hold no controls (see isNormalText).
      const sections = hit.section.map((s) => oneLine(hit.normal ? s : showControls(s)));
      out.push(truncate(`${chalk.bold(name)}${sections.length > 0 ? `  ${sections.join(' › ')}` : ''}`, options.width));
      out.push(`  ${highlight(excerpt(hit.text, words, options.width - 2, hit.normal))}`);
    }
    return out.join('\n') + '\n';
  };
}

/** Printable ASCII and Hangul syllables, most lines: their only white space is the space. */
const PLAIN_LINE = /^[\x20-\x7e\uac00-\ud7a3]*$/;

/**
 * A text on one line: its runs of white space made one space, and none at
 * either end. A plain line is tested first with a class of two ranges: V8
 * matches \s outside Latin-1 through a call per character, which cost more
 * than the rest of drawing a hit.
 */
export function oneLine(text: string): string {
  if (PLAIN_LINE.test(text)) return (text.includes('  ') ? text.replace(/ {2,}/g, ' ') : text).trim();
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The line that holds most of the words (a body line before the title line
 * it starts with), cut to `width` columns from a word boundary a little
 * before the first word. `normal`: the text is known to be as isNormalText
 * (query/word-match.ts) finds it.
 */
export function excerpt(text: string, words: readonly string[], width: number, normal = false): string {
  const matcher = matchWords(words);
  const line = normal && matcher.plain ? normalLine(text, matcher) : pickLine(text, matcher, normal);
  const at = findWord(line, matcher.firstHeld(line) ?? '');
  let from = at > LEAD ? at - LEAD : 0;
  // Start at a word: after the first space past the cut, when there is one before the word.
  const space = from > 0 ? line.indexOf(' ', from) : -1;
  if (space !== -1 && space < at) from = space + 1;
  // Cut where a character starts, never inside a surrogate pair.
  const start = from > 0 && /[\uDC00-\uDFFF]/.test(line.charAt(from)) ? from - 1 : from;
  return truncate((start > 0 ? '…' : '') + line.slice(start), width);
}

/** excerpt's line, shown: each line scored (how many of the words it holds, as shown), the best taken. */
function pickLine(text: string, matcher: WordMatcher, normal: boolean): string {
  const raw = text.split('\n');
  const shown: string[] = [];
  // A normal text is in NFKC, so in NFC, and holds no controls: it is only put on one line.
  const show = (k: number) => (shown[k] ??= oneLine(normal ? raw[k]! : showControls(raw[k]!.normalize('NFC'))));
  // Showing a line without controls changes nothing plain words can match (it
  // normalises to NFC and collapses spaces), so only the line picked is shown.
  const scores = raw.map((l, k) => (normal ? matcher.count(l, true) : matcher.count(matcher.plain && !hasControls(l) ? l : show(k))));
  let best = 0;
  for (let k = 1; k < raw.length; k++) if (scores[k]! > scores[best]! || (scores[k] === scores[best] && scores[k]! > 0 && show(best) === show(0))) best = k;
  return show(best);
}

/**
 * pickLine for a normal text and plain words, without cutting the text into
 * lines: only the lines where a word is found can score (a line scoring
 * nothing is never picked over the first), and they are found by looking for
 * each word through the whole text (a word never spans a line feed).
 */
function normalLine(text: string, matcher: WordMatcher): string {
  const found = matcher.linesHolding(text);
  const show = (k: number) => {
    const place = found.get(k);
    return oneLine(place === undefined ? text.slice(0, lineEnd(text, 0)) : text.slice(place.start, place.end));
  };
  const score = (k: number) => found.get(k)?.count ?? 0;
  let first: string | undefined;
  let best = 0;
  let shown = '';
  for (const k of [...found.keys()].sort((a, b) => a - b)) {
    if (k === 0) continue;
    if (score(k) > score(best) || (score(k) === score(best) && (shown ||= show(best)) === (first ??= show(0)))) {
      best = k;
      shown = '';
    }
  }
  return shown || show(best);
}

const lineEnd = (text: string, from: number): number => {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
};

/** Where `word` (normalised) starts in `line`, as far as the line's own form allows; 0 when not found. */
function findWord(line: string, word: string): number {
  const at = line.toLowerCase().indexOf(word);
  return at === -1 ? 0 : at;
}

/** What puts every word of a text in bold yellow (nothing without colour). */
function highlighter(words: readonly string[], chalk: InstanceType<typeof Chalk>): (text: string) => string {
  if (chalk.level === 0 || words.length === 0) return (text) => text;
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  return (text) => text.replace(pattern, (m) => chalk.bold.yellow(m));
}
