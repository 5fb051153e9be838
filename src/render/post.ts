// A post's header and its section tree, for the terminal.
import { Chalk } from 'chalk';
import type { Token, Tokens } from 'marked';
import type { Post, RenderOptions, Section } from '../types.js';
import { showControls } from '../sanitize.js';
import { extractCategories, extractTags } from '../parse/post.js';
import { headingTitle } from '../parse/sections.js';
import { renderMarkdown } from './markdown.js';
import { displayWidth, truncate, wrapText } from './wrap.js';

/** A whole post: its header, then its body. */
export function renderPost(post: Post, options: RenderOptions): string {
  return renderPostHeader(post, options) + renderMarkdown(bodyTokens(post), options);
}

/**
 * The body's tokens, without the H1 the header already shows: a post without
 * a front-matter title takes its title from its first H1, and when that H1
 * opens the body it would otherwise print twice.
 */
export function bodyTokens(post: Post): Token[] {
  const first = post.tokens.findIndex((t) => t.type !== 'space');
  const token = post.tokens[first];
  if (!token || token.type !== 'heading' || (token as Tokens.Heading).depth !== 1) return post.tokens;
  if (headingTitle(token as Tokens.Heading) !== post.title) return post.tokens;
  return post.tokens.slice(first + 1);
}

/** Title, then categories · date · tags; layout and other plumbing keys are not shown. */
export function renderPostHeader(post: Post, options: RenderOptions): string {
  const chalk = new Chalk({ level: options.colorLevel });
  const title = wrapText(showControls(post.title), options.textWidth);
  const meta: string[] = [];
  const categories = extractCategories(post.frontMatter);
  if (categories.length > 0) meta.push(categories.join(', '));
  if (post.date) meta.push(post.date);
  const tags = extractTags(post.frontMatter);
  if (tags.length > 0) meta.push(tags.map((t) => `#${t}`).join(' '));
  const author = post.frontMatter.author;
  if (typeof author === 'string' && author.trim()) meta.unshift(author.trim());
  const rule = '━'.repeat(Math.min(options.textWidth, Math.max(10, ...title.split('\n').map(displayWidth))));
  const lines = [chalk.bold.magenta(title)];
  if (meta.length > 0) lines.push(chalk.dim(wrapText(showControls(meta.join(' · ')), options.textWidth)));
  lines.push(chalk.dim(rule));
  return lines.join('\n') + '\n\n';
}

/** The heading tree, indented by level: "강연 트랙" then its talks under it. */
export function renderSectionTree(sections: readonly Section[], options: RenderOptions): string {
  const chalk = new Chalk({ level: options.colorLevel });
  const lines: string[] = [];
  const walk = (list: readonly Section[], depth: number) => {
    for (const section of list) {
      // At most 10 levels of indent, and always 10 columns left for the title; a long title is cut with "…".
      const indent = '  '.repeat(Math.min(depth, 10, Math.max(0, Math.floor((options.width - 10) / 2))));
      const text = truncate(showControls(section.title).replace(/\s+/g, ' '), options.width - indent.length);
      lines.push(indent + (depth === 0 ? chalk.bold(text) : text));
      walk(section.children, depth + 1);
    }
  };
  walk(sections, 0);
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
