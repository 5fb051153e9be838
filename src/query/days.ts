// Which calendar day a session falls on, for `now` and for --ics.
import type { Session } from '../types.js';

/** Day numbers past this are not a conference's days ("## Day 999999999"). */
export const MAX_DAY = 10_000;

/** The day a session falls on, counted from 1: "Day 2", "2일차" and "둘째 날" are 2; weekdays and dates count in the post's order; no day is 1. */
export function dayNumber(session: Session): number {
  if (session.dayNumber !== null && session.dayNumber !== undefined) return session.dayNumber >= 1 ? session.dayNumber : 1;
  const n = Number(/\d+/.exec(session.day ?? '')?.[0] ?? 1);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

/** "YYYY-MM-DD" plus `days`; null when `date` is no real date or the sum is not a date postview can write. */
export function addDays(date: string, days: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isInteger(days) || Math.abs(days) > MAX_DAY) return null;
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) return null;
  d.setUTCDate(d.getUTCDate() + days);
  const year = d.getUTCFullYear();
  return year >= 1 && year <= 9999 ? d.toISOString().slice(0, 10) : null;
}

/** The clock's local date, "YYYY-MM-DD". */
export function localDate(clock: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${clock.getFullYear()}-${pad(clock.getMonth() + 1)}-${pad(clock.getDate())}`;
}

/** Which day `now` asks about: a day number (--day), a date (--date, or the clock's), or neither. */
export interface DayQuery {
  day: number | null;
  date: string | null;
  /** The date was given (--date): only sessions on it count. From the clock, a post none of whose days it is falls back to the time of day. */
  strict: boolean;
}

export interface DayRow {
  session: Session;
  postDate: string | null;
  /** Names the post the session is in. */
  postKey: string;
}

/**
 * The sessions of one day, so that `now` never pairs one day's session with
 * another day's. With a day number, that day of every post. With a date, the
 * sessions on it (day N of a post dated D falls on D + N - 1); from the clock,
 * when no post has sessions on it, as without a date. Without either, a post
 * of one day keeps its sessions and a post of several days is `undecided`
 * (left out: the caller asks which day).
 */
export function pickDay<T extends DayRow>(rows: readonly T[], query: DayQuery): { rows: T[]; undecided: { post: string; days: number[] }[] } {
  if (query.day !== null) return { rows: rows.filter((r) => dayNumber(r.session) === query.day), undecided: [] };
  if (query.date !== null) {
    const onDate = rows.filter((r) => r.postDate !== null && addDays(r.postDate, dayNumber(r.session) - 1) === query.date);
    if (onDate.length > 0 || query.strict) return { rows: onDate, undecided: [] };
  }
  // Each post's first day, and its set of days only when it has more than one
  // (a folder has thousands of posts, most of one day).
  const first = new Map<string, number>();
  const several = new Map<string, Set<number>>();
  for (const r of rows) {
    const day = dayNumber(r.session);
    const seen = first.get(r.postKey);
    if (seen === undefined) first.set(r.postKey, day);
    else if (seen !== day) {
      const set = several.get(r.postKey);
      if (set) set.add(day);
      else several.set(r.postKey, new Set([seen, day]));
    }
  }
  if (several.size === 0) return { rows: [...rows], undecided: [] };
  const undecided = [...first.keys()].filter((post) => several.has(post)).map((post) => ({ post, days: [...several.get(post)!].sort((a, b) => a - b) }));
  return { rows: rows.filter((r) => !several.has(r.postKey)), undecided };
}
