// `timeline`: the day drawn on a time axis; `now`: what is on and what is next.
import { UsageError } from '../errors.js';
import { messages } from '../i18n.js';
import { formatClock, parseClockTime, CLOCK_FORMS } from '../parse/time.js';
import { addDays, dayNumber, localDate, MAX_DAY, pickDay } from '../query/days.js';
import { shortPostName } from '../parse/post.js';
import { findNow, type NowResult } from '../query/now.js';
import { renderJson, sessionToJson } from '../render/json.js';
import { renderNow } from '../render/now.js';
import { renderTimelineOf } from '../render/timeline.js';
import type { Session } from '../types.js';
import type { Context, FilterOptions, Outcome } from './context.js';
import { collectSessionLists, collectSessions, type ReadSpeakers, type SessionRow } from './tracks.js';

export async function runTimeline(arg: string | undefined, options: FilterOptions, ctx: Context): Promise<Outcome> {
  // Breaks are drawn too (dimmed), so the day keeps its shape. The timeline
  // draws times and titles: speakers are read only to filter by them.
  const { sessions, posts, message } = await collectSessionLists(arg, { ...options, all: true }, ctx);
  const text = renderTimelineOf(sessions, posts, ctx.render);
  return text === '' ? { stdout: '', code: 1, message } : { stdout: text, code: 0, pageable: true };
}

export interface NowOptions extends FilterOptions {
  time?: string;
  /** A day of the post(s): "2" for Day 2. */
  day?: string;
  /** The calendar date to ask about (YYYY-MM-DD). */
  date?: string;
}

/**
 * What is on and what is next, on one day: --day N, else --date, else the
 * clock's date when no --time is given (a post none of whose days it is
 * falls back to the time of day alone). A post of several days and no day
 * known is asked about (exit 2), or left out of a folder with one warning.
 */
export async function runNow(arg: string | undefined, options: NowOptions, ctx: Context): Promise<Outcome> {
  const say = messages(ctx.lang);
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
    if (parsed === null) throw new UsageError(say.badTime('time', options.time, CLOCK_FORMS));
    minutes = parsed;
  }
  const day = options.day === undefined ? null : parseDay(options.day, ctx);
  if (options.date !== undefined && addDays(options.date, 0) === null) throw new UsageError(say.badDate(options.date));
  /** The day's rows, what is on and next among them, and their speakers (read when they were not yet). */
  const pickNow = (collectedRows: SessionRow[], readSpeakers: ReadSpeakers) => {
    // Written out, not spread: a folder makes tens of thousands of rows.
    const dated = collectedRows.map((r) => ({ session: r.session, post: r.post, from: r.from, resolved: r.resolved, postDate: r.from.date, postKey: r.from.path }));
    const picked = pickDay(dated, { day, date: options.date ?? today, strict: options.date !== undefined });
    const rows = picked.rows;
    const found = findNow(rows.map((r) => r.session), minutes);
    // The rows of the two sessions found, the only ones asked about again (a folder has tens of thousands).
    const rowOf = new Map<Session, SessionRow>();
    for (const r of rows) if (r.session === found.current || r.session === found.next) rowOf.set(r.session, r);
    const postOf = new Map<Session, string | undefined>([...rowOf].map(([session, r]) => [session, r.post]));
    return { picked, rows, postOf, found, result: resolveSpeakers(found, rowOf, postOf, readSpeakers) };
  };
  // The speakers of what is on and next are read before the folder's cache is written, so that it keeps them.
  const collected = await collectSessions(arg, options, ctx, false, pickNow);
  const { where, message, folder } = collected;
  const { picked, rows, postOf, found, result } = collected.more!;
  if (picked.undecided.length > 0) {
    const days = picked.undecided.slice(0, 3).map((u) => `${folder ? `${shortPostName(u.post)}: ` : ''}days ${u.days.join(', ')}`).join('; ');
    if (!folder) throw new UsageError(say.severalDays(picked.undecided[0]!.post, picked.undecided[0]!.days.map((d) => `Day ${d}`).join(', ')));
    ctx.warn(say.postsLeftOut(picked.undecided.length, days));
  }
  // The day shown: the current session's, else the next one's.
  const shownRow = rows.find((r) => r.session === (found.current ?? found.next));
  const shownDay = shownRow ? dayNumber(shownRow.session) : null;
  const shownDate = shownRow && shownRow.postDate !== null ? addDays(shownRow.postDate, dayNumber(shownRow.session) - 1) : null;
  const nothing = result.current === null && result.next === null;
  const code = rows.length > 0 && !nothing ? 0 : 1;
  const why = message ?? (nothing ? say.nothingNow(where, formatClock(minutes)) : undefined);
  if (ctx.json) {
    const json = (s: Session | null) => (s === null ? null : sessionToJson(s, postOf.get(s)));
    return { stdout: renderJson({ time: formatClock(minutes), day: shownDay, date: shownDate, current: json(result.current), next: json(result.next) }), code, message: why };
  }
  const posts = folder ? { current: postName(postOf.get(result.current!)), next: postName(postOf.get(result.next!)) } : undefined;
  return { stdout: rows.length > 0 ? renderNow(result, minutes, ctx.render, posts) : '', code, message: why };
}

function postName(path: string | undefined): string | undefined {
  return path === undefined ? undefined : shortPostName(path);
}

function parseDay(value: string, ctx: Context): number {
  const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_DAY)) throw new UsageError(messages(ctx.lang).badDay(value, MAX_DAY));
  return n;
}

/**
 * The sessions found, their speakers read when they were not yet (new
 * sessions, entered in `postOf`): one read per post, so that the current and
 * the next session of one post are read, and cached, together. `rowOf` holds
 * the rows of the sessions found.
 */
function resolveSpeakers(result: NowResult, rowOf: ReadonlyMap<Session, SessionRow>, postOf: Map<Session, string | undefined>, readSpeakers: ReadSpeakers): NowResult {
  const wanted = [result.current, result.next].filter((s): s is Session => s !== null && rowOf.get(s)?.resolved === false);
  const read = new Map<string, Session[]>();
  const resolve = (session: Session | null): Session | null => {
    const row = session && rowOf.get(session);
    if (!session || !row || row.resolved) return session;
    const path = row.from.path;
    let sessions = read.get(path);
    if (sessions === undefined) read.set(path, (sessions = readSpeakers(path, new Set(wanted.filter((s) => rowOf.get(s)!.from.path === path).map((s) => s.index)))));
    const full = sessions.find((s) => s.index === session.index);
    if (!full) return session;
    const resolved = { ...session, speakers: full.speakers, speakerText: full.speakerText };
    postOf.set(resolved, row.post);
    return resolved;
  };
  const current = resolve(result.current);
  return { current, next: result.next === result.current ? current : resolve(result.next) };
}
