// Sessions as a table that lines up on screen: columns are measured in
// display width (Hangul = 2) and a title too long for the width is cut with "…".
import { Chalk } from 'chalk';
import type { RenderOptions, Session, Speaker } from '../types.js';
import { showControls } from '../sanitize.js';
import { displayWidth, truncate } from './wrap.js';
import { words } from '../i18n.js';

export interface TableRow {
  session: Session;
  /** The post a session came from, when several posts are listed together. */
  post?: string;
}

interface Column {
  name: string;
  cells: string[];
  /** Takes what is left of the width, after the other columns. */
  flexible?: boolean;
  /** At most this share of the width. */
  maxShare?: number;
  /** Styled as a time or a speaker. */
  kind?: 'time' | 'speaker';
}

const GAP = '  ';

export function formatTimeSpan(session: Session): string {
  if (session.start === null) return '';
  return session.end === null ? `${session.start}–` : `${session.start}–${session.end}`;
}

export function formatSpeakers(speakers: readonly Speaker[], fallback: string | null): string {
  if (speakers.length === 0) return fallback ?? '';
  if (speakers.length === 1) {
    const [s] = speakers;
    return s!.org ? `${s!.name} (${s!.org})` : s!.name;
  }
  return speakers.map((s) => s.name).join(', ');
}

export function renderSessionTable(rows: readonly TableRow[], options: RenderOptions): string {
  const chalk = new Chalk({ level: options.colorLevel });
  const names = words(options.lang ?? 'en').columns;
  const columns: Column[] = [{ name: names.number, cells: rows.map((r) => String(r.session.index)) }];
  if (rows.some((r) => r.post)) columns.push({ name: names.post, cells: rows.map((r) => r.post ?? ''), maxShare: 0.2 });
  if (rows.some((r) => r.session.day)) columns.push({ name: names.day, cells: rows.map((r) => r.session.day ?? ''), maxShare: 0.15 });
  columns.push({ name: names.time, kind: 'time', cells: rows.map((r) => formatTimeSpan(r.session)) });
  columns.push({ name: names.title, cells: rows.map((r) => r.session.title), flexible: true });
  columns.push({ name: names.speaker, kind: 'speaker', cells: rows.map((r) => formatSpeakers(r.session.speakers, r.session.speakerText)), maxShare: 0.35 });
  for (const column of columns) column.cells = column.cells.map((cell) => showControls(cell).replace(/\s+/g, ' '));

  const widths = fitColumns(columns, options.width);
  const line = (cells: string[], style: (s: string) => string = (s) => s) =>
    cells
      .map((cell, i) => {
        const fitted = truncate(cell, widths[i]!);
        const padded = i === cells.length - 1 ? fitted : fitted + ' '.repeat(Math.max(0, widths[i]! - displayWidth(fitted)));
        return i === 0 ? padded.padStart(widths[0]!) : padded;
      })
      .map((cell) => style(cell))
      .join(GAP)
      .trimEnd();
  const header = line(columns.map((c) => c.name), (s) => chalk.bold(s));
  const body = rows.map((_, r) =>
    columns
      .map((c, i) => {
        const fitted = truncate(c.cells[r]!, widths[i]!);
        const pad = ' '.repeat(Math.max(0, widths[i]! - displayWidth(fitted)));
        if (i === 0) return chalk.dim(pad + fitted);
        const styled = c.kind === 'time' ? chalk.cyan(fitted) : c.kind === 'speaker' ? chalk.green(fitted) : fitted;
        return i === columns.length - 1 ? styled : styled + pad;
      })
      .join(GAP)
      .trimEnd(),
  );
  return [header, ...body].join('\n') + '\n';
}

/** Natural widths, shrunk until the row fits: flexible column first, then capped ones. */
function fitColumns(columns: readonly Column[], width: number): number[] {
  // No argument spreading: a post may hold a hundred thousand sessions.
  const natural = columns.map((c) => c.cells.reduce((max, cell) => Math.max(max, displayWidth(cell)), displayWidth(c.name)));
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
