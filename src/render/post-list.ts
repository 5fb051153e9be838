// `list` as text: date, title, category and number of sessions of each post.
import { Chalk } from 'chalk';
import { words } from '../i18n.js';
import type { RenderOptions } from '../types.js';
import { renderColumns } from './columns.js';
import type { PostSummaryJson } from './json.js';

export function renderPostList(posts: readonly PostSummaryJson[], options: RenderOptions): string {
  const chalk = new Chalk({ level: options.colorLevel });
  // Without colour, no styling calls at all: a folder can have 10,000 rows.
  const styled = (style: (s: string) => string) => (options.colorLevel ? style : undefined);
  const names = words(options.lang ?? 'en').columns;
  return renderColumns(
    [
      { name: names.date, cells: posts.map((p) => p.date ?? ''), style: styled((s) => chalk.cyan(s)) },
      { name: names.title, cells: posts.map((p) => p.title), flexible: true },
      { name: names.category, cells: posts.map(categoryCell), maxShare: 0.2, style: styled((s) => chalk.dim(s)) },
      { name: names.sessions, cells: posts.map((p) => String(p.sessions)), align: 'right' },
    ],
    options.width,
    chalk,
  );
}

/**
 * Every category, then every tag: "Blogging, Tutorial #jekyll". Made by join,
 * as one flat string rather than a chain of concatenations that the table's
 * lookups would flatten again: a folder can have 10,000 rows.
 */
function categoryCell(post: PostSummaryJson): string {
  const cell = post.categories ? post.categories.join(', ') : (post.category ?? '');
  const tags = post.tags;
  if (!tags || tags.length === 0) return cell;
  return (cell === '' ? '#' : `${cell} #`) + tags.join(' #');
}
