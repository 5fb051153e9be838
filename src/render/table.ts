// Sessions as a table: number, (post, day,) time, title, speaker.
import { Chalk } from 'chalk';
import type { RenderOptions, Session, Speaker } from '../types.js';
import { renderColumns, type Column } from './columns.js';
import { words } from '../i18n.js';
import { shortPostName } from '../parse/post.js';

export interface TableRow {
  session: Session;
  /** The post a session came from, when several posts are listed together. */
  post?: string;
}

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
  const columns: Column[] = [{ name: names.number, cells: rows.map((r) => String(r.session.index)), align: 'right', style: (s) => chalk.dim(s) }];
  // The post by its short name (the full path is in the JSON).
  if (rows.some((r) => r.post)) {
    // Once per post: a folder's rows come a post at a time.
    let last: string | undefined;
    let lastName = '';
    const nameOf = (post: string | undefined): string => {
      if (post !== last) lastName = post ? shortPostName(post) : '';
      last = post;
      return lastName;
    };
    columns.push({ name: names.post, cells: rows.map((r) => nameOf(r.post)), maxShare: 0.2 });
  }
  if (rows.some((r) => r.session.day)) columns.push({ name: names.day, cells: rows.map((r) => r.session.day ?? ''), maxShare: 0.15 });
  columns.push({ name: names.time, cells: rows.map((r) => formatTimeSpan(r.session)), style: (s) => chalk.cyan(s) });
  columns.push({ name: names.title, cells: rows.map((r) => r.session.title), flexible: true });
  columns.push({ name: names.speaker, cells: rows.map((r) => formatSpeakers(r.session.speakers, r.session.speakerText)), maxShare: 0.35, style: (s) => chalk.green(s) });
  return renderColumns(columns, options.width, chalk);
}
