// `search`: the parts of a post whose text holds every word. Pure.
//
// Words match case-insensitively and whatever the Unicode form (NFD typed on
// a Mac, full-width letters), inside longer words too: Korean attaches
// particles to words ("서비스를"), so "서비스" must find it.
import type { Token, Tokens } from 'marked';
import { flattenSections } from '../parse/sections.js';
import { extractPlainText, normalizeForMatch } from '../parse/text.js';
import type { Post, Section } from '../types.js';
import { parsePost } from '../parse/post.js';
import { parsePostParts } from '../parse/post-sessions.js';
import { mayMentionAll } from './mentions.js';

export interface SearchHit {
  post: Post;
  /** Titles from the top section down to the one that holds the words; [] for the post as a whole or its text before any heading. */
  section: string[];
  /** The text of that part, plain, one line per block line. */
  text: string;
}

/** The words of a query, as they are matched. */
export function searchWords(query: readonly string[]): string[] {
  return query.flatMap((q) => normalizeForMatch(q).split(' ')).filter((w) => w !== '');
}

/** The sections of `post` whose own text (title and body, not subsections) holds every word; else the post, when it does. */
export function searchPost(post: Post, words: readonly string[]): SearchHit[] {
  if (words.length === 0) return [];
  const holds = (text: string) => holdsEvery(text, words);
  const hits: SearchHit[] = [];
  const firstHeading = post.tokens.findIndex((t) => t.type === 'heading');
  const intro = blockText(firstHeading === -1 ? post.tokens : post.tokens.slice(0, firstHeading));
  if (holds(intro)) hits.push({ post, section: [], text: intro });
  const paths = new Map<Section, string[]>();
  const walk = (sections: readonly Section[], above: string[]) => {
    for (const s of sections) {
      paths.set(s, [...above, s.title]);
      walk(s.children, [...above, s.title]);
    }
  };
  walk(post.sections, []);
  for (const section of flattenSections(post.sections)) {
    const bodyEnd = section.tokens.findIndex((t, k) => k > 0 && t.type === 'heading');
    const text = `${section.title}\n${blockText(section.tokens.slice(1, bodyEnd === -1 ? undefined : bodyEnd))}`;
    if (holds(text)) hits.push({ post, section: paths.get(section)!, text });
  }
  if (hits.length === 0) {
    const whole = `${post.title}\n${blockText(post.tokens)}`;
    if (holds(whole)) hits.push({ post, section: [], text: whole });
  }
  return hits;
}

/**
 * Whether some text holds every word (as searchPost matches): each word is
 * in normalizeForMatch(text). A word without white space (as searchWords
 * gives them) never spans the spaces that function collapses, so the text is
 * only normalised and lower-cased, not rewritten by a regular expression.
 */
export function holdsEvery(text: string, words: readonly string[]): boolean {
  const normal = matchForm(text, words);
  return words.every((w) => normal.includes(w));
}

/** `text` in a form where `words` are found as in normalizeForMatch(text) (see holdsEvery). */
export function matchForm(text: string, words: readonly string[]): string {
  return words.some((w) => SPACE.test(w)) ? normalizeForMatch(text) : text.normalize('NFKC').toLowerCase();
}

const SPACE = /\s/;

/**
 * The text searchPost matches for one region of a post (see parsePostParts):
 * a section's title and own body, or the text before the first heading.
 */
export function partText(path: readonly string[], tokens: readonly Token[]): string {
  return path.length === 0 ? blockText(tokens) : `${path[path.length - 1]}\n${blockText(tokens.slice(1))}`;
}

/**
 * searchPost on a post's text, lexing only the sections whose Markdown may
 * hold every word (`needles`: the words folded, see query/mentions.ts); the
 * post is parsed whole only when the words may be spread over it. The hits
 * carry the post without its tokens.
 */
export function searchPostText(text: string, path: string, words: readonly string[], needles: readonly string[]): SearchHit[] {
  const read = parsePostParts(text, path, (markdown) => mayMentionAll(markdown, needles));
  if (read !== null) {
    const post: Post = { path, title: read.title, date: read.date, category: null, frontMatter: {}, tokens: [], sections: [], sessions: [] };
    const hits = read.parts.flatMap((part) => {
      if (part.tokens === null) return [];
      const own = partText(part.path, part.tokens);
      return holdsEvery(own, words) ? [{ post, section: part.path, text: own }] : [];
    });
    if (hits.length > 0) return hits;
  }
  // Sessions play no part in a search (and finding them throws nothing): they are not looked for.
  const whole = parsePost(text, path, false);
  return searchPost(whole, words).map((hit) => ({ ...hit, post: { ...whole, tokens: [], sections: [], sessions: [] } }));
}

/** Block tokens -> their plain text, a line per line of text. */
export function blockText(tokens: readonly Token[]): string {
  const lines: string[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
      case 'hr':
      case 'def':
        break;
      case 'code':
        lines.push(token.text as string);
        break;
      case 'html':
        lines.push(token.raw.replace(/<[^>]*>/g, ''));
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) lines.push(blockText(item.tokens));
        break;
      case 'blockquote':
        lines.push(blockText((token as Tokens.Blockquote).tokens));
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) lines.push(row.map((cell) => extractPlainText(cell.tokens)).join(' | '));
        break;
      }
      default: {
        const inline = (token as { tokens?: Token[] }).tokens;
        lines.push(inline ? extractPlainText(inline) : ((token as { text?: string }).text ?? ''));
      }
    }
  }
  return lines.filter((l) => l.trim() !== '').join('\n');
}
