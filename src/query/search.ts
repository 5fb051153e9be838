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
import { parsePostParts } from '../parse/post-parts.js';
import { isNormalText, matchWords, mentionTest } from './word-match.js';

export interface SearchHit {
  post: Post;
  /** Titles from the top section down to the one that holds the words; [] for the post as a whole or its text before any heading. */
  section: string[];
  /** The text of that part, plain, one line per block line (from searchPostText, only its title when no other line could be its excerpt). */
  text: string;
  /** True when `text` is known to be as isNormalText (query/word-match.ts) finds it, so that it need not be normalised to be matched. */
  normal?: boolean;
}

/** The words of a query, as they are matched. */
export function searchWords(query: readonly string[]): string[] {
  return query.flatMap((q) => normalizeForMatch(q).split(' ')).filter((w) => w !== '');
}

/** The sections of `post` whose own text (title and body, not subsections) holds every word; else the post, when it does. */
export function searchPost(post: Post, words: readonly string[]): SearchHit[] {
  return searchIndex(indexPost(post), post, words);
}

/**
 * A post's text as search reads it: the lines blockText gives for its
 * tokens, joined, and where each part of the post lies in them. Every text
 * searchPost matches is made of these lines: the text before the first
 * heading, each section's own text (its title, then its lines), and the
 * whole post (its title, then every line). Kept by the search cache
 * (load/search-cache.ts), so a post need not be read to be searched.
 */
export interface SearchIndex {
  title: string;
  date: string | null;
  /** Each section's path (titles from the top section down), in the order searchPost checks them. */
  sections: string[][];
  /** The lines of the whole post's blocks, in order, joined by line feeds (a heading's own line among them). */
  text: string;
  /** Where each part's lines lie in `text`, [from, to) in pairs: first the text before the first heading, then the own body of each section. */
  spans: number[];
  /** Whether its title, section titles and text are as isNormalText (query/word-match.ts) finds them: already in NFKC, without U+0130 or controls. */
  normal: boolean;
}

/** Each section's path: the titles from the top section down to it. */
function sectionPaths(sections: readonly Section[]): Map<Section, string[]> {
  const paths = new Map<Section, string[]>();
  const walk = (list: readonly Section[], above: string[]) => {
    for (const s of list) {
      paths.set(s, [...above, s.title]);
      walk(s.children, paths.get(s)!);
    }
  };
  walk(sections, []);
  return paths;
}

/** A section's own body: its tokens after the heading, up to the next heading (of a subsection). */
function ownBody(section: Section): Token[] {
  const bodyEnd = section.tokens.findIndex((t, k) => k > 0 && t.type === 'heading');
  return section.tokens.slice(1, bodyEnd === -1 ? undefined : bodyEnd);
}

/** The tokens before the first heading. */
function introOf(tokens: readonly Token[]): readonly Token[] {
  const firstHeading = tokens.findIndex((t) => t.type === 'heading');
  return firstHeading === -1 ? tokens : tokens.slice(0, firstHeading);
}

/** The search index of a post; null when its sections' texts cannot be told from its lines (then the post is searched as it is). */
export function indexPost(post: Post): SearchIndex | null {
  const sections = flattenSections(post.sections);
  const paths = sectionPaths(post.sections);
  const intro = introOf(post.tokens);
  const bodies = sections.map(ownBody);
  const owner = new Map<Token, number>();
  for (const token of intro) owner.set(token, 0);
  bodies.forEach((body, k) => body.forEach((token) => owner.set(token, k + 1)));
  // Each part's lines follow one another (its tokens do): where they start and end in the text.
  const spans: number[] = [];
  const lines: string[] = [];
  let at = 0;
  let part = -1;
  for (const token of post.tokens) {
    const owned = owner.get(token) ?? -1;
    for (const line of blockLines([token])) {
      if (owned !== part && owned !== -1) {
        // A part seen before would have two runs of lines.
        if (spans.length > 2 * owned) return null;
        while (spans.length < 2 * owned) spans.push(0, 0);
        spans.push(at, at);
      }
      part = owned;
      lines.push(line);
      at += line.length + 1;
      if (owned !== -1) spans[2 * owned + 1] = at - 1;
    }
  }
  // A part without lines: an empty span.
  while (spans.length < 2 * (sections.length + 1)) spans.push(0, 0);
  const index: SearchIndex = { title: post.title, date: post.date, sections: sections.map((s) => paths.get(s)!), text: lines.join('\n'), spans, normal: false };
  index.normal = isNormalText(searchableText(index));
  // Each part's text as the lines give it must be the one its tokens give (a section's tokens are the post's own).
  const texts = partTexts(index);
  if (texts[0] !== blockText(intro) || bodies.some((body, k) => texts[k + 1] !== `${sections[k]!.title}\n${blockText(body)}`)) return null;
  return index;
}

/** The own text of each part of an indexed post: [the text before the first heading, section 1's, section 2's, ...]. */
function partTexts(index: SearchIndex): string[] {
  const own = (k: number) => index.text.slice(index.spans[2 * k], index.spans[2 * k + 1]);
  return [own(0), ...index.sections.map((path, k) => `${path[path.length - 1]}\n${own(k + 1)}`)];
}

/** Every text searchIndex matches is made of this one's lines (a word without white space lies within one): the title, the section titles, then the text. */
export function searchableText(index: SearchIndex): string {
  return [index.title, ...index.sections.map((path) => path[path.length - 1]!), index.text].join('\n');
}

/** searchPost on a post's index; the hits carry `post`. */
export function searchIndex(index: SearchIndex | null, post: Post, words: readonly string[]): SearchHit[] {
  if (words.length === 0) return [];
  if (index === null) return searchTokens(post, words);
  // Each part as partTexts gives it, its title and body matched apart (see holdsAllOf) and joined only for a hit.
  const matcher = matchWords(words);
  const { text, spans, sections, normal } = index;
  const hits: SearchHit[] = [];
  const intro = text.slice(spans[0], spans[1]);
  if (matcher.holdsAll(intro, normal)) hits.push({ post, section: [], text: intro, normal });
  sections.forEach((path, k) => {
    const title = path[path.length - 1]!;
    const own = text.slice(spans[2 * k + 2], spans[2 * k + 3]);
    if (matcher.holdsAllOf(title, own, normal)) hits.push({ post, section: path, text: `${title}\n${own}`, normal });
  });
  if (hits.length === 0 && matcher.holdsAllOf(index.title, text, normal)) hits.push({ post, section: [], text: `${index.title}\n${text}`, normal });
  return hits;
}

/** searchPost straight from the post's tokens. */
function searchTokens(post: Post, words: readonly string[]): SearchHit[] {
  const holds = (text: string) => holdsEvery(text, words);
  const hits: SearchHit[] = [];
  const intro = blockText(introOf(post.tokens));
  if (holds(intro)) hits.push({ post, section: [], text: intro });
  const paths = sectionPaths(post.sections);
  for (const section of flattenSections(post.sections)) {
    const text = `${section.title}\n${blockText(ownBody(section))}`;
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
 * only normalised and lower-cased (matchForm in query/word-match.ts), or for the words people
 * type, only normalised (query/word-match.ts).
 */
export function holdsEvery(text: string, words: readonly string[]): boolean {
  return matchWords(words).holdsAll(text);
}

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
  // A section whose title holds every word is a hit whatever its body holds.
  // When its body cannot hold them all, no line of it can be the hit's excerpt
  // (the line holding the most words, the title first: render/search.ts), so
  // the body is not lexed and the hit's text is the title alone.
  const byTitle: boolean[] = [];
  const mayMention = mentionTest(needles);
  const read = parsePostParts(text, path, (markdown, title) => {
    const lineEnd = markdown.indexOf('\n');
    const titled = title !== undefined && holdsEvery(title, words) && lineEnd !== -1 && !mayMention(markdown.slice(lineEnd + 1));
    byTitle.push(titled);
    return !titled && mayMention(markdown);
  });
  if (read !== null) {
    const post: Post = { path, title: read.title, date: read.date, category: null, frontMatter: {}, tokens: [], sections: [], sessions: [] };
    const hits = read.parts.flatMap((part, k) => {
      if (byTitle[k]) return [{ post, section: part.path, text: part.path[part.path.length - 1]! }];
      if (part.tokens === null) return [];
      const own = partText(part.path, part.tokens);
      return holdsEvery(own, words) ? [{ post, section: part.path, text: own }] : [];
    });
    if (hits.length > 0) return hits;
    // No section holds every word: the post as a whole may. When its title holds them and its body cannot, so
    // that no body line could be the excerpt (as above), that is a hit without lexing the body.
    if (holdsEvery(read.title, words) && !mayMention(read.body)) return [{ post, section: [], text: read.title }];
  }
  // Sessions play no part in a search (and finding them throws nothing): they are not looked for.
  const whole = parsePost(text, path, false);
  return searchPost(whole, words).map((hit) => ({ ...hit, post: { ...whole, tokens: [], sections: [], sessions: [] } }));
}

/** Block tokens -> their plain text, a line per line of text. */
export function blockText(tokens: readonly Token[]): string {
  return blockLines(tokens).join('\n');
}

/** The lines blockText joins (a line may hold line feeds: a list item's own lines). */
function blockLines(tokens: readonly Token[]): string[] {
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
  return lines.filter((l) => l.trim() !== '');
}
