// `timeline`: the day drawn on a time axis; `now`: what is on and what is next.
import { UsageError } from '../errors.js';
import { messages } from '../i18n.js';
import { formatClock, parseClockTime, CLOCK_FORMS } from '../parse/time.js';
import { sessionsOnDate } from '../query/days.js';
import { findNow, type NowResult } from '../query/now.js';
import { readSessionsOf } from '../load/folder-sessions.js';
import { renderJson, sessionToJson } from '../render/json.js';
import { renderNow } from '../render/now.js';
import { renderTimeline } from '../render/timeline.js';
import type { Session } from '../types.js';
import type { Context, FilterOptions, Outcome } from './context.js';
import { collectSessions, type SessionRow } from './tracks.js';

export async function runTimeline(arg: string | undefined, options: FilterOptions, ctx: Context): Promise<Outcome> {
  // The timeline draws times and titles: speakers are read only to filter by them.
  const { rows, message } = await collectSessions(arg, options, ctx, false);
  const text = renderTimeline(rows, ctx.render);
  return text === '' ? { stdout: '', code: 1, message } : { stdout: text, code: 0, pageable: true };
}

export async function runNow(arg: string | undefined, options: FilterOptions & { time?: string }, ctx: Context): Promise<Outcome> {
  let minutes: number;
  let today: string | null = null;
  if (options.time === undefined) {
    const clock = ctx.clock();
    minutes = clock.getHours() * 60 + clock.getMinutes();
    today = localDate(clock);
  } else {
    const parsed = parseClockTime(options.time);
    if (parsed === null) throw new UsageError(messages(ctx.lang).badTime('time', options.time, CLOCK_FORMS));
    minutes = parsed;
  }
  const collected = await collectSessions(arg, options, ctx, false);
  const { where, message } = collected;
  // By the clock, a conference day picks its own day's sessions (day N = post date + N - 1).
  const dated = collected.rows.map((r) => ({ ...r, postDate: r.from.date }));
  const rows = today === null ? dated : sessionsOnDate(dated, today);
  const postOf = new Map<Session, string | undefined>(rows.map((r) => [r.session, r.post]));
  const result = resolveSpeakers(findNow(rows.map((r) => r.session), minutes), rows, postOf);
  const nothing = result.current === null && result.next === null;
  const code = rows.length > 0 && !nothing ? 0 : 1;
  const why = message ?? (nothing ? messages(ctx.lang).nothingNow(where, formatClock(minutes)) : undefined);
  if (ctx.json) {
    const json = (s: Session | null) => (s === null ? null : sessionToJson(s, postOf.get(s)));
    return { stdout: renderJson({ time: formatClock(minutes), current: json(result.current), next: json(result.next) }), code, message: why };
  }
  return { stdout: rows.length > 0 ? renderNow(result, minutes, ctx.render) : '', code, message: why };
}

/** The sessions found, their speakers read when they were not yet (new sessions, entered in `postOf`). */
function resolveSpeakers(result: NowResult, rows: readonly SessionRow[], postOf: Map<Session, string | undefined>): NowResult {
  const rowOf = new Map(rows.map((r) => [r.session, r]));
  const resolve = (session: Session | null): Session | null => {
    const row = session && rowOf.get(session);
    if (!session || !row || row.resolved) return session;
    const full = readSessionsOf(row.from.path, new Set([session.index])).find((s) => s.index === session.index);
    if (!full) return session;
    const resolved = { ...session, speakers: full.speakers, speakerText: full.speakerText };
    postOf.set(resolved, row.post);
    return resolved;
  };
  const current = resolve(result.current);
  return { current, next: result.next === result.current ? current : resolve(result.next) };
}

/** The clock's local date, "YYYY-MM-DD". */
function localDate(clock: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${clock.getFullYear()}-${pad(clock.getMonth() + 1)}-${pad(clock.getDate())}`;
}
