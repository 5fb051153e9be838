// `now` as text: a "Now" and a "Next" row with time, title, speaker and a hint.
import { Chalk } from 'chalk';
import { words } from '../i18n.js';
import { toMinutes } from '../parse/time.js';
import { DAY, type NowResult } from '../query/now.js';
import { sessionSpan } from '../query/filter.js';
import type { RenderOptions, Session } from '../types.js';
import { formatSpeakers, formatTimeSpan } from './table.js';
import { renderColumns, type Column } from './columns.js';

/** "25 min", "1 h", "1 h 20 min" (or in Korean: "25분", "1시간 20분"). */
export function formatDuration(minutes: number, lang: RenderOptions['lang'] = 'en'): string {
  return words(lang ?? 'en').duration(minutes);
}

/**
 * Two rows, "Now" and "Next", sharing one set of columns: time, title,
 * speakers and a hint computed from `minutes` ("ends in 25 min", "started 5
 * min ago", "in 10 min"). Too narrow for a readable title: a block each.
 */
export function renderNow(result: NowResult, minutes: number, options: RenderOptions, posts?: { current?: string; next?: string }): string {
  const chalk = new Chalk({ level: options.colorLevel });
  const w = words(options.lang ?? 'en');
  const rows = [
    { label: w.now, session: result.current, hint: result.current ? currentHint(result.current, minutes, options) : '', none: w.nothingNow, post: posts?.current },
    { label: w.next, session: result.next, hint: result.next ? w.startsIn(formatDuration(toMinutes(result.next.start ?? '') - minutes, options.lang)) : '', none: w.nothingNext, post: posts?.next },
  ];
  const empty = rows.map((row) => row.session === null);
  const cell = (get: (session: Session) => string) => rows.map((row) => (row.session ? get(row.session) : ''));
  const columns: Column[] = [
    { name: '', cells: rows.map((row) => row.label), style: (s) => chalk.bold(s) },
    { name: '', cells: cell((session) => [session.day ?? '', formatTimeSpan(session)].filter(Boolean).join(' ')), style: (s) => chalk.cyan(s) },
    { name: '', cells: rows.map((row) => (row.session ? titleOf(row.session, row.post) : row.none)), flexible: true, style: (s, r) => (empty[r] ? chalk.dim(s) : s) },
    { name: '', cells: cell((session) => formatSpeakers(session.speakers, session.speakerText)), maxShare: 0.25, style: (s) => chalk.green(s) },
    { name: '', cells: rows.map((row) => (row.session && row.hint ? `[${row.hint}]` : '')), style: (s) => chalk.dim(s) },
  ];
  // A column empty in both rows (no speakers, nothing now) takes no room.
  return renderColumns(columns.filter((c) => c.flexible || c.cells.some(Boolean)), options.width, chalk, { header: false });
}

/** "Room · Title"; in a folder, the post first: "jsconf-recap: Keynote". */
function titleOf(session: Session, post: string | undefined): string {
  const title = session.room ? `${session.room} · ${session.title}` : session.title;
  return post ? `${post}: ${title}` : title;
}

function currentHint(session: Session, minutes: number, options: RenderOptions): string {
  const w = words(options.lang ?? 'en');
  const span = sessionSpan(session);
  if (span === null) return '';
  // After midnight a range that began the day before: measure from its day.
  const t = minutes < span.start ? minutes + DAY : minutes;
  return session.end === null ? w.startedAgo(formatDuration(t - span.start, options.lang)) : w.endsIn(formatDuration(span.end - t, options.lang));
}
