// `now`: the session in progress at a clock time, and the one after it.
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
  // Each span worked out once (a folder asks about tens of thousands of sessions); the starts sorted as numbers.
  const spans = sessions.map(sessionSpan);
  const known = spans.filter((span): span is { start: number; end: number } => span !== null && !Number.isNaN(span.start));
  const starts = Float64Array.from(known, (span) => span.start).sort();
  let current: Candidate | null = null;
  let next: Candidate | null = null;
  for (let i = 0; i < sessions.length; i++) {
    const session = sessions[i]!;
    const span = spans[i];
    if (span === null || span === undefined || Number.isNaN(span.start)) continue;
    const end = session.end !== null && !Number.isNaN(span.end) ? span.end : nextStart(starts, span.start);
    if (end !== null && inProgress(span.start, end, minutes) && (current === null || startedLater(session, span.start, current))) current = { session, start: span.start };
    if (span.start > minutes && (next === null || startsFirst(session, span.start, next))) next = { session, start: span.start };
  }
  return { current: current?.session ?? null, next: next?.session ?? null };
}

interface Candidate {
  session: Session;
  start: number;
}

/** `a`, starting at `start`, started after b; on equal starts, a has the lower index. */
function startedLater(a: Session, start: number, b: Candidate): boolean {
  return start !== b.start ? start > b.start : a.index < b.session.index;
}

/** `a`, starting at `start`, starts before b; on equal starts, a has the lower index. */
function startsFirst(a: Session, start: number, b: Candidate): boolean {
  return start !== b.start ? start < b.start : a.index < b.session.index;
}

/** The first of the sorted `starts` after `start`, or null. */
function nextStart(starts: Float64Array, start: number): number | null {
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

