// `now`: the session in progress at a clock time, and the one after it.
import { toMinutes } from '../parse/time.js';
import type { Session } from '../types.js';
import { sessionSpan } from './filter.js';

export interface NowResult {
  /** In progress at the time; null when none. */
  current: Session | null;
  /** The first session that starts strictly later; null when none. */
  next: Session | null;
}

export const DAY = 24 * 60;

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

