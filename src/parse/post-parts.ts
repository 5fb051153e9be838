// A post cut into its sections' regions for `search`, lexing only the regions
// asked for. Pure: text in, parts out.
import type { Token, Tokens } from 'marked';
import { parseFrontMatter } from '../load/front-matter.js';
import { limitNesting } from './nesting.js';
import { extractDate, extractTitle, lexBody } from './post.js';
import { hasTemplates } from './templates.js';
import { cutRegions } from './post-sessions.js';
import { headingTitle } from './sections.js';

/** A heading's region of a post, for `search`: where it sits and, when asked for, its tokens. */
export interface PostPart {
  /** Titles from the top section down to this one; [] for the text before the first heading. */
  path: string[];
  /** The region's Markdown. */
  text: string;
  /** Its tokens (the heading first), when `wants` asked for them; else null. */
  tokens: Token[] | null;
}

/**
 * A post's regions (parse/regions.ts) with their section paths, lexing only
 * those `wants` asks for (it sees each region's Markdown and its heading's
 * title, in order), and its body (the Markdown after the front matter).
 * Null when the body cannot be cut safely: the caller parses the post in full.
 */
export function parsePostParts(text: string, path: string, wants: (regionText: string, title: string | undefined) => boolean): { title: string; date: string | null; body: string; parts: PostPart[] } | null {
  const { frontMatter, content } = parseFrontMatter(text, path);
  // Templates are expanded over the whole body (they may span regions): read in full.
  if (hasTemplates(content)) return null;
  const cut = cutRegions(content);
  if (cut === null) return null;
  const { regions, headed, headings } = cut;
  const titles = new Map(headed.map((r, k) => [r, headingTitle(headings[k]!)]));
  const open: { depth: number; title: string }[] = [];
  const parts: PostPart[] = [];
  let firstH1: string | null = null;
  for (const region of regions) {
    const title = titles.get(region);
    if (title !== undefined) {
      while (open.length > 0 && open[open.length - 1]!.depth >= region.depth) open.pop();
      open.push({ depth: region.depth, title });
      if (firstH1 === null && region.depth === 1) firstH1 = title;
    }
    const markdown = content.slice(region.from, region.to);
    let tokens: Token[] | null = null;
    if (wants(markdown, title)) {
      tokens = lexBody(limitNesting(markdown));
      if (title !== undefined && (tokens[0]?.type !== 'heading' || headingTitle(tokens[0] as Tokens.Heading) !== title)) return null;
    }
    parts.push({ path: open.map((o) => o.title), text: markdown, tokens });
  }
  return { title: extractTitle(frontMatter, firstH1, path), date: extractDate(frontMatter, path), body: content, parts };
}
