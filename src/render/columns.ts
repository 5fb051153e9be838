// A table of plain-text columns that lines up on screen: widths are display
// widths (Hangul = 2), the row fits the width, and a cell too long for its
// column is cut with "…" rather than breaking the table. When the flexible
// column (a title) would get fewer than MIN_FLEXIBLE columns, each row is a
// block instead: the columns before it, then the title wrapped beside them,
// then the columns after it on a line of their own (stacked).
import { wrapText } from './wrap.js';
import type { ChalkInstance } from 'chalk';
import { showControls } from '../sanitize.js';
import { displayWidth, truncateMeasured } from './wrap.js';

export interface Column {
  name: string;
  cells: string[];
  /** Takes what is left of the width, after the other columns. */
  flexible?: boolean;
  /** At most this share of the width. */
  maxShare?: number;
  align?: 'left' | 'right';
  /** Styles a body cell (after it is fitted); `row` is its row's index. */
  style?: (text: string, row: number) => string;
}

export interface ColumnsOptions {
  /** A first line of column names in bold (default true). */
  header?: boolean;
}

const GAP = '  ';
/** The fewest columns a title gets in a table; below, rows are stacked. */
export const MIN_FLEXIBLE = 20;

/** Header in bold, then one line per row (or one block, stacked); every line at most `width` columns. */
export function renderColumns(columns: readonly Column[], width: number, chalk: ChalkInstance, options: ColumnsOptions = {}): string {
  // A capped column (a category, a post's name, a day) repeats its cells down
  // a folder: each distinct cell of one is cleaned, measured and fitted once.
  const repeats = columns.map((c) => c.maxShare !== undefined);
  const cells = columns.map((c, i) => c.cells.map(repeats[i] ? once(cleanCell) : cleanCell));
  // Each cell is measured once: a folder of posts makes tens of thousands.
  const cellWidths = cells.map((column, i) => column.map(repeats[i] ? once(displayWidth) : (cell) => displayWidth(cell)));
  const nameWidths = columns.map((c) => displayWidth(c.name));
  const widths = fitColumns(columns, cellWidths, nameWidths, width);
  const flex = columns.findIndex((c) => c.flexible);
  const rowCount = cells[0]?.length ?? 0;
  if (flex !== -1 && widths[flex]! < MIN_FLEXIBLE && cellWidths[flex]!.some((w) => w > widths[flex]!)) {
    return renderStacked(columns, cells, cellWidths, flex, width);
  }
  const fit = (i: number, text: string, measured: number): string => {
    const column = columns[i]!;
    const [fitted, used] = truncateMeasured(text, widths[i]!, measured);
    const last = i === columns.length - 1 && column.align !== 'right';
    const room = last ? 0 : widths[i]! - used;
    return room <= 0 ? fitted : column.align === 'right' ? ' '.repeat(room) + fitted : fitted + ' '.repeat(room);
  };
  const lines = options.header === false ? [] : [columns.map((c, i) => chalk.bold(fit(i, c.name, nameWidths[i]!))).join(GAP).trimEnd()];
  const fittedOnce = columns.map((_, i) => (repeats[i] ? new Map<string, string>() : null));
  for (let r = 0; r < rowCount; r++) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      const text = cells[i]![r]!;
      const memo = fittedOnce[i];
      let fitted = memo?.get(text);
      if (fitted === undefined) {
        fitted = fit(i, text, cellWidths[i]![r]!);
        memo?.set(text, fitted);
      }
      const style = columns[i]!.style;
      line += (i > 0 ? GAP : '') + (style && cells[i]![r] !== '' ? style(fitted, r) : fitted);
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n') + '\n';
}

/**
 * One block per row: the columns before the flexible one (aligned across
 * rows), the flexible cell wrapped beside them, and the columns after it,
 * wrapped, on the next line under it. A number column after the flexible one
 * is shown with its name ("Sessions 6"). Blocks are separated by a blank line.
 */
function renderStacked(columns: readonly Column[], cells: string[][], cellWidths: number[][], flex: number, width: number): string {
  const natural = cellWidths.map((column) => column.reduce((max, w) => Math.max(max, w), 0));
  const lead = columns.slice(0, flex).map((_, i) => i).filter((i) => natural[i]! > 0);
  let indent = lead.reduce((sum, i) => sum + natural[i]! + GAP.length, 0);
  // Too little room beside the lead columns: they take their own line(s)
  // and the title starts under them.
  const beside = width - indent >= 12;
  if (!beside) indent = Math.min(GAP.length, indent);
  const room = Math.max(1, width - indent);
  const margin = ' '.repeat(indent);
  const styled = (i: number, text: string, r: number) => (columns[i]!.style ? columns[i]!.style!(text, r) : text);
  // A title and a lone cell after it are wrapped once per text (a folder repeats them: a speaker's talks).
  const wrapTitle = once((text: string) => wrapText(text, room).split('\n'));
  const packOne = once((cell: string) => packCells([cell], room));
  const blocks: string[] = [];
  for (let r = 0; r < (cells[0]?.length ?? 0); r++) {
    const leadText = lead
      .map((i) => {
        const gap = ' '.repeat(natural[i]! - cellWidths[i]![r]!);
        return columns[i]!.align === 'right' ? gap + styled(i, cells[i]![r]!, r) : styled(i, cells[i]![r]!, r) + gap;
      })
      .join(GAP);
    const title = wrapTitle(cells[flex]![r]!).map((line) => styled(flex, line, r));
    const leadLines = beside ? [] : packCells(lead.map((i) => styled(i, cells[i]![r]!, r)).filter((cell) => cell !== ''), width);
    const first = lead.length > 0 ? `${leadText}${GAP}${title[0] ?? ''}` : (title[0] ?? '');
    const lines = beside ? [first.trimEnd(), ...title.slice(1).map((line) => margin + line)] : [...leadLines, ...title.map((line) => margin + line)];
    const after = columns
      .map((c, i) => ({ c, i, text: cells[i]![r]! }))
      .filter(({ i, text }) => i > flex && text !== '')
      .map(({ c, i, text }) => (c.align === 'right' ? `${c.name} ${text}` : styled(i, text, r)));
    for (const line of after.length === 1 ? packOne(after[0]!) : packCells(after, room)) lines.push(margin + line);
    blocks.push(lines.filter((line) => line.trim() !== '').join('\n'));
  }
  return blocks.length === 0 ? '' : blocks.join('\n\n') + '\n';
}

/** Cells on as few lines of `room` columns as can hold them; a cell is wrapped only when wider than a line. */
function packCells(cells: readonly string[], room: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const cell of cells) {
    const joined = line === '' ? cell : `${line}${GAP}${cell}`;
    if (displayWidth(joined) <= room) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    const wrapped = wrapText(cell, room).split('\n');
    line = wrapped.pop() ?? '';
    lines.push(...wrapped);
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `f`, remembering its answer for each text it was asked about (`f` must depend on nothing else). */
function once<T>(f: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) answers.set(text, (answer = f(text)));
    return answer;
  };
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
