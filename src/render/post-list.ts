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
      { name: names.category, cells: categoryCells(posts), maxShare: 0.2, style: styled((s) => chalk.dim(s)) },
      { name: names.sessions, cells: posts.map((p) => String(p.sessions)), align: 'right' },
    ],
    options.width,
    chalk,
  );
}

/**
 * Every category, then every tag: "Blogging, Tutorial #jekyll", as
 * categories.join(', ') then " #" before each tag. A folder's 10,000 rows
 * mostly repeat a few such cells: each is made once, found again by its
 * names one at a time (names the summaries share, src/load/summary.ts, so
 * no cell string is made, flattened or hashed anew for a repeat).
 */
function categoryCells(posts: readonly PostSummaryJson[]): string[] {
  const root: CellNode = { cell: '', next: null, tags: null };
  const cells: string[] = new Array(posts.length);
  for (let p = 0; p < posts.length; p++) {
    const post = posts[p]!;
    const categories = post.categories;
    if (!categories) {
      cells[p] = plainCell(post);
      continue;
    }
    let at = root;
    for (let i = 0; i < categories.length; i++) {
      const name = categories[i]!;
      let child = at.next?.get(name);
      if (child === undefined) (at.next ??= new Map()).set(name, (child = newNode(i === 0 ? name : `${at.cell}, ${name}`)));
      at = child;
    }
    // Tags hang from a node of their own: ["a"] then ["b"] is not ["a", "b"].
    at = at.tags ??= newNode(at.cell);
    for (const tag of post.tags ?? []) {
      let child = at.next?.get(tag);
      if (child === undefined) (at.next ??= new Map()).set(tag, (child = newNode(at.cell === '' ? `#${tag}` : `${at.cell} #${tag}`)));
      at = child;
    }
    cells[p] = at.cell;
  }
  return cells;
}

/** A cell, the cells that add one more name to it, and (for categories) where its tags start. */
interface CellNode {
  cell: string;
  next: Map<string, CellNode> | null;
  tags: CellNode | null;
}

function newNode(cell: string): CellNode {
  return { cell, next: null, tags: null };
}

/** The cell of a summary without its list of categories: its category, then its tags. */
function plainCell(post: PostSummaryJson): string {
  const cell = post.category ?? '';
  const tags = post.tags;
  if (!tags || tags.length === 0) return cell;
  return (cell === '' ? '#' : `${cell} #`) + tags.join(' #');
}
