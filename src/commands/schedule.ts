// `timeline`: the day drawn on a time axis; `now`: what is on and what is next.
import { UsageError } from '../errors.js';
import { messages } from '../i18n.js';
import { formatClock, parseClockTime, CLOCK_FORMS } from '../parse/time.js';
import { sessionsOnDate } from '../query/days.js';
import { findNow } from '../query/now.js';
import { renderJson, sessionToJson } from '../render/json.js';
import { renderNow } from '../render/now.js';
import { renderTimeline } from '../render/timeline.js';
import type { Session } from '../types.js';
import type { Context, FilterOptions, Outcome } from './context.js';
import { collectSessions } from './tracks.js';

export async function runTimeline(arg: string | undefined, options: FilterOptions, ctx: Context): Promise<Outcome> {
  // Breaks are drawn too (dimmed), so the day keeps its shape.
  const { rows, message } = await collectSessions(arg, { ...options, all: true }, ctx);
  const text = renderTimeline(rows, ctx.render);
  return text === '' ? { stdout: '', code: 1, message } : { stdout: text, code: 0, pageable: true };
}

export async function runNow(arg: string | undefined, options: FilterOptions & { time?: string }, ctx: Context): Promise<Outcome> {
  // `now --at 14:00` reads as "what is on at 14:00", which is --time; --at is
  // the filter "sessions in progress at", which would silently hide the rest.
  if (options.at !== undefined) throw new UsageError(`now: --at filters sessions; to ask what is on at ${options.at}, use --time ${options.at}`);
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
  const collected = await collectSessions(arg, options, ctx);
  const { where, message } = collected;
  // By the clock, a conference day picks its own day's sessions (day N = post date + N - 1).
  const dated = collected.rows.map((r) => ({ ...r, postDate: r.from.date }));
  const rows = today === null ? dated : sessionsOnDate(dated, today);
  const postOf = new Map<Session, string | undefined>(rows.map((r) => [r.session, r.post]));
  const result = findNow(rows.map((r) => r.session), minutes);
  const nothing = result.current === null && result.next === null;
  const code = rows.length > 0 && !nothing ? 0 : 1;
  const why = message ?? (nothing ? messages(ctx.lang).nothingNow(where, formatClock(minutes)) : undefined);
  if (ctx.json) {
    const json = (s: Session | null) => (s === null ? null : sessionToJson(s, postOf.get(s)));
    return { stdout: renderJson({ time: formatClock(minutes), current: json(result.current), next: json(result.next) }), code, message: why };
  }
  return { stdout: rows.length > 0 ? renderNow(result, minutes, ctx.render) : '', code, message: why };
}

/** The clock's local date, "YYYY-MM-DD". */
function localDate(clock: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${clock.getFullYear()}-${pad(clock.getMonth() + 1)}-${pad(clock.getDate())}`;
}
