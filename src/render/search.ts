// `search` hits as text: the post, the section path, and a short excerpt
// around the first word with every word highlighted.
import { Chalk } from 'chalk';
import { shortPostName } from '../parse/post.js';
import type { SearchHit } from '../query/search.js';
import { matchWords } from '../query/word-match.js';
import { hasControls, showControls } from '../sanitize.js';
import type { RenderOptions } from '../types.js';
import { truncate } from './wrap.js';

/** Characters kept before the first word in an excerpt. */
const LEAD = 24;

export function renderSearchHits(hits: readonly SearchHit[], words: readonly string[], options: RenderOptions): string {
  const chalk = new Chalk({ level: options.colorLevel });
  const out: string[] = [];
  for (const hit of hits) {
    const where = [shortPostName(hit.post.path), ...hit.section].map((s) => showControls(s).replace(/\s+/g, ' ').trim());
    out.push(truncate(`${chalk.bold(where[0]!)}${where.length > 1 ? `  ${where.slice(1).join(' › ')}` : ''}`, options.width));
    out.push(`  ${highlight(excerpt(hit.text, words, options.width - 2, hit.normal), words, chalk)}`);
  }
  return out.join('\n') + '\n';
}

/**
 * The line that holds most of the words (a body line before the title line
 * it starts with), cut to `width` columns from a word boundary a little
 * before the first word. `normal`: the text is known to be as isNormalText
 * (query/word-match.ts) finds it.
 */
export function excerpt(text: string, words: readonly string[], width: number, normal = false): string {
  const raw = text.split('\n');
  const shown: string[] = [];
  const show = (k: number) => (shown[k] ??= showControls(raw[k]!.normalize('NFC')).replace(/\s+/g, ' ').trim());
  // Each line's score once: how many of the words it holds, as shown. Showing a
  // line without controls changes nothing plain words can match (it normalises
  // to NFC and collapses spaces), so only the line picked is shown.
  const matcher = matchWords(words);
  const scores = raw.map((l, k) => (normal ? matcher.count(l, true) : matcher.count(matcher.plain && !hasControls(l) ? l : show(k))));
  let best = 0;
  for (let k = 1; k < raw.length; k++) if (scores[k]! > scores[best]! || (scores[k] === scores[best] && scores[k]! > 0 && show(best) === show(0))) best = k;
  const line = raw.length > 0 ? show(best) : '';
  const at = findWord(line, matcher.firstHeld(line) ?? '');
  let from = at > LEAD ? at - LEAD : 0;
  // Start at a word: after the first space past the cut, when there is one before the word.
  const space = from > 0 ? line.indexOf(' ', from) : -1;
  if (space !== -1 && space < at) from = space + 1;
  // Cut where a character starts, never inside a surrogate pair.
  const start = from > 0 && /[\uDC00-\uDFFF]/.test(line.charAt(from)) ? from - 1 : from;
  return truncate((start > 0 ? '…' : '') + line.slice(start), width);
}

/** Where `word` (normalised) starts in `line`, as far as the line's own form allows; 0 when not found. */
function findWord(line: string, word: string): number {
  const at = line.toLowerCase().indexOf(word);
  return at === -1 ? 0 : at;
}

function highlight(text: string, words: readonly string[], chalk: InstanceType<typeof Chalk>): string {
  if (chalk.level === 0 || words.length === 0) return text;
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  return text.replace(pattern, (m) => chalk.bold.yellow(m));
}
