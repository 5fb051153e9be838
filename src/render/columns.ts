// A table of plain-text columns that lines up on screen: widths are display
// widths (Hangul = 2), the row fits the width, and a cell too long for its
// column is cut with "…" rather than breaking the table.
import type { ChalkInstance } from 'chalk';
import { showControls } from '../sanitize.js';
import { displayWidth, pad, truncate } from './wrap.js';

export interface Column {
  name: string;
  cells: string[];
  /** Takes what is left of the width, after the other columns. */
  flexible?: boolean;
  /** At most this share of the width. */
  maxShare?: number;
  align?: 'left' | 'right';
  /** Styles a body cell (after it is fitted). */
  style?: (text: string) => string;
}

const GAP = '  ';

/** Header in bold, then one line per row; every line at most `width` columns. */
export function renderColumns(columns: readonly Column[], width: number, chalk: ChalkInstance): string {
  const cells = columns.map((c) => c.cells.map((cell) => showControls(cell).replace(/\s+/g, ' ')));
  const widths = fitColumns(columns, cells, width);
  const line = (texts: string[], styleOf: (i: number) => (text: string) => string) =>
    texts
      .map((text, i) => {
        const fitted = truncate(text, widths[i]!);
        const last = i === texts.length - 1 && columns[i]!.align !== 'right';
        return styleOf(i)(last ? fitted : pad(fitted, widths[i]!, columns[i]!.align ?? 'left'));
      })
      .join(GAP)
      .trimEnd();
  const rows = (cells[0] ?? []).map((_, r) => line(cells.map((column) => column[r]!), (i) => columns[i]!.style ?? ((s) => s)));
  return [line(columns.map((c) => c.name), () => (s) => chalk.bold(s)), ...rows].join('\n') + '\n';
}

/** Natural widths, shrunk until the row fits: flexible column first, then capped ones. */
function fitColumns(columns: readonly Column[], cells: readonly string[][], width: number): number[] {
  // No argument spreading: a post may hold a hundred thousand sessions.
  const natural = columns.map((c, i) => cells[i]!.reduce((max, cell) => Math.max(max, displayWidth(cell)), displayWidth(c.name)));
  const widths = natural.map((w, i) => {
    const share = columns[i]!.maxShare;
    return share ? Math.min(w, Math.max(displayWidth(columns[i]!.name), Math.floor(width * share))) : w;
  });
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
  const flex = columns.findIndex((c) => c.flexible);
  if (total() > width && flex !== -1) widths[flex] = Math.max(8, widths[flex]! - (total() - width));
  // Still too wide (a very narrow terminal): shrink the widest of the others
  // down to 4 columns, then any column down to 1 ("…").
  for (const floor of [4, 1]) {
    while (total() > width) {
      let widest = -1;
      widths.forEach((w, i) => {
        if ((i !== flex || floor === 1) && w > floor && (widest === -1 || w > widths[widest]!)) widest = i;
      });
      if (widest === -1) break;
      widths[widest]! -= 1;
    }
  }
  return widths;
}
