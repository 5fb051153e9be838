// `now`: the session in progress at a clock time, and the one after it.
import { Chalk } from 'chalk';
import { toMinutes } from '../parse/time.js';
import { formatSpeakers, formatTimeSpan } from '../render/table.js';
import { displayWidth, pad, truncate } from '../render/wrap.js';
import { showControls } from '../sanitize.js';
import type { RenderOptions, Session } from '../types.js';
import { sessionSpan } from './filter.js';

export interface NowResult {
  /** In progress at the time; null when none. */
  current: Session | null;
  /** The first session that starts strictly later; null when none. */
  next: Session | null;
}

const DAY = 24 * 60;
const LABEL_WIDTH = 6; // "Now   ", "Next  "

/**
 * The session in progress at `minutes` (since midnight) and the next one.
 *
 * - In progress: start <= t < end. A range past midnight (23:30–00:30) also
 *   counts at 00:10. An unknown end lasts until the next later start among
 *   `sessions`; with no later start it never counts as in progress (its
 *   length is not invented).
 * - Several in progress (parallel tracks): the one that started latest;
 *   ties go to the lowest `index`.
 * - Next: the earliest start strictly after `minutes`, ties to the lowest `index`.
 * - Days are not told apart: pass one day's sessions to ask about that day.
 */
export function findNow(sessions: readonly Session[], minutes: number): NowResult {
  const starts = sessions
    .map((s) => (s.start === null ? Number.NaN : toMinutes(s.start)))
    .filter((m) => !Number.isNaN(m))
    .sort((a, b) => a - b);
  let current: Candidate | null = null;
  let next: Candidate | null = null;
  for (const session of sessions) {
    const span = sessionSpan(session);
    if (span === null || Number.isNaN(span.start)) continue;
    const here = { session, start: span.start };
    const end = session.end !== null && !Number.isNaN(span.end) ? span.end : nextStart(starts, span.start);
    if (end !== null && inProgress(span.start, end, minutes) && (current === null || startedLater(here, current))) current = here;
    if (span.start > minutes && (next === null || startsFirst(here, next))) next = here;
  }
  return { current: current?.session ?? null, next: next?.session ?? null };
}

interface Candidate {
  session: Session;
  start: number;
}

/** a started after b; on equal starts, a has the lower index. */
function startedLater(a: Candidate, b: Candidate): boolean {
  return a.start !== b.start ? a.start > b.start : a.session.index < b.session.index;
}

/** a starts before b; on equal starts, a has the lower index. */
function startsFirst(a: Candidate, b: Candidate): boolean {
  return a.start !== b.start ? a.start < b.start : a.session.index < b.session.index;
}

/** The first of the sorted `starts` after `start`, or null. */
function nextStart(starts: readonly number[], start: number): number | null {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  return starts[lo] ?? null;
}

function inProgress(start: number, end: number, t: number): boolean {
  return (start <= t && t < end) || (start <= t + DAY && t + DAY < end);
}

/** "25 min", "1 h", "1 h 20 min". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * Two lines, "Now" and "Next": time, title, speakers and a hint computed from
 * `minutes` ("ends in 25 min", "started 5 min ago", "in 10 min").
 */
export function renderNow(result: NowResult, minutes: number, options: RenderOptions): string {
  const chalk = new Chalk({ level: options.colorLevel });
  const line = (label: string, session: Session | null, hint: string, none: string) => {
    const head = chalk.bold(pad(label, LABEL_WIDTH));
    if (session === null) return head + chalk.dim(none);
    const time = [session.day ? showControls(session.day) : '', formatTimeSpan(session)].filter(Boolean).join(' ');
    const title = showControls(session.room ? `${session.room} · ${session.title}` : session.title).replace(/\s+/g, ' ').trim();
    const speaker = showControls(formatSpeakers(session.speakers, session.speakerText)).replace(/\s+/g, ' ').trim();
    const tail = `[${hint}]`;
    const room = options.width - LABEL_WIDTH - displayWidth(time) - 2 - displayWidth(tail) - 2;
    let speakerWidth = speaker ? Math.min(displayWidth(speaker), Math.floor(options.width * 0.25)) : 0;
    if (room - speakerWidth - 2 < 20) speakerWidth = 0; // the title comes first
    const titleWidth = room - (speakerWidth > 0 ? speakerWidth + 2 : 0);
    const parts = [chalk.cyan(time)];
    if (titleWidth > 0) parts.push(truncate(title, titleWidth));
    if (speakerWidth > 0) parts.push(chalk.green(truncate(speaker, speakerWidth)));
    parts.push(chalk.dim(tail));
    return truncate(head + parts.join('  '), options.width);
  };
  return [
    line('Now', result.current, result.current ? currentHint(result.current, minutes) : '', 'Nothing in progress'),
    line('Next', result.next, result.next ? `in ${formatDuration(toMinutes(result.next.start ?? '') - minutes)}` : '', 'Nothing later today'),
  ].join('\n') + '\n';
}

function currentHint(session: Session, minutes: number): string {
  const span = sessionSpan(session);
  if (span === null) return '';
  // After midnight a range that began the day before: measure from its day.
  const t = minutes < span.start ? minutes + DAY : minutes;
  return session.end === null ? `started ${formatDuration(t - span.start)} ago` : `ends in ${formatDuration(span.end - t)}`;
}
