// A table of plain-text columns that lines up on screen: widths are display
// widths (Hangul = 2), the row fits the width, and a cell too long for its
// column is cut with "…" rather than breaking the table.
import type { ChalkInstance } from 'chalk';
import { showControls } from '../sanitize.js';
import { displayWidth, truncate } from './wrap.js';

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
  const cells = columns.map((c) => c.cells.map(cleanCell));
  // Each cell is measured once: a folder of posts makes tens of thousands.
  const cellWidths = cells.map((column) => column.map((cell) => displayWidth(cell)));
  const nameWidths = columns.map((c) => displayWidth(c.name));
  const widths = fitColumns(columns, cellWidths, nameWidths, width);
  const fit = (i: number, text: string, measured: number): string => {
    const column = columns[i]!;
    let fitted = text;
    let used = measured;
    if (used > widths[i]!) {
      fitted = truncate(text, widths[i]!);
      used = displayWidth(fitted);
    }
    const last = i === columns.length - 1 && column.align !== 'right';
    const room = last ? 0 : widths[i]! - used;
    return room <= 0 ? fitted : column.align === 'right' ? ' '.repeat(room) + fitted : fitted + ' '.repeat(room);
  };
  const lines = [columns.map((c, i) => chalk.bold(fit(i, c.name, nameWidths[i]!))).join(GAP).trimEnd()];
  const rows = cells[0]?.length ?? 0;
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      const fitted = fit(i, cells[i]![r]!, cellWidths[i]![r]!);
      const style = columns[i]!.style;
      line += (i > 0 ? GAP : '') + (style ? style(fitted) : fitted);
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n') + '\n';
}

/** A cell on one line, its control characters shown. */
function cleanCell(cell: string): string {
  const shown = showControls(cell);
  return LOOSE_SPACE.test(shown) ? shown.replace(/\s+/g, ' ') : shown;
}

/** White space that collapsing would change: anything but a single space. */
const LOOSE_SPACE = /[^\S ]| {2}/;

/** Natural widths, shrunk until the row fits: flexible column first, then capped ones. */
function fitColumns(columns: readonly Column[], cellWidths: readonly number[][], nameWidths: readonly number[], width: number): number[] {
  // No argument spreading: a post may hold a hundred thousand sessions.
  const natural = columns.map((_, i) => cellWidths[i]!.reduce((max, w) => Math.max(max, w), nameWidths[i]!));
  const widths = natural.map((w, i) => {
    const share = columns[i]!.maxShare;
    return share ? Math.min(w, Math.max(nameWidths[i]!, Math.floor(width * share))) : w;
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
