// Which calendar day a session falls on, for `now` by the clock and for --ics.
import type { Session } from '../types.js';

/** The day a session falls on, counted from 1: "Day 2", "2일차" and "둘째 날" are 2; weekdays and dates count in the post's order; no day is 1. */
export function dayNumber(session: Session): number {
  if (session.dayNumber !== null && session.dayNumber !== undefined) return session.dayNumber >= 1 ? session.dayNumber : 1;
  const n = Number(/\d+/.exec(session.day ?? '')?.[0] ?? 1);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

/** "YYYY-MM-DD" plus `days`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The sessions taking place on `today` ("YYYY-MM-DD"): day N of a post dated
 * D falls on D + N - 1. When `today` is none of a post's days (or the post
 * has no date), all of its sessions are kept and the clock time alone decides.
 */
export function sessionsOnDate<T extends { session: Session; postDate: string | null }>(rows: readonly T[], today: string): T[] {
  const onToday = (row: T) => row.postDate !== null && addDays(row.postDate, dayNumber(row.session) - 1) === today;
  const postsToday = new Set(rows.filter(onToday).map((row) => row.postDate));
  return rows.filter((row) => !postsToday.has(row.postDate) || onToday(row));
}
