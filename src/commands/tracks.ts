// `tracks`: the sessions as a table (or an iCalendar file); `track <which>`: one session in full.
import { UsageError } from '../errors.js';
import { messages } from '../i18n.js';
import { buildSessionTest } from '../query/filter.js';
import { addDays, dayNumber } from '../query/days.js';
import { selectSessions } from '../query/select.js';
import { renderIcs, type IcsEvent } from '../render/ics.js';
import { renderJson, sessionToJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { formatTimeSpan, renderSessionTable, type TableRow } from '../render/table.js';
import type { Post } from '../types.js';
import { bodyOptions, describeFilter, loadOnePost, loadPosts, parseFilterOptions, type Context, type FilterOptions, type Outcome } from './context.js';
import { isCalendarDate } from '../parse/dates.js';

export interface TracksOptions extends FilterOptions {
  ics?: boolean;
  date?: string;
}

/** The sessions of a post or of every post in a folder that pass the filters. */
export async function collectSessions(arg: string | undefined, options: FilterOptions, ctx: Context): Promise<{ rows: (TableRow & { from: Post })[]; where: string; message?: string }> {
  const test = buildSessionTest(parseFilterOptions(options, ctx.lang));
  const { posts, folder } = await loadPosts(arg, ctx);
  const rows: (TableRow & { from: Post })[] = [];
  for (const post of posts) {
    for (const session of post.sessions) if (test(session)) rows.push(folder ? { session, post: post.path, from: post } : { session, from: post });
  }
  const where = folder ? (arg ?? ctx.dir) : (posts[0]?.path ?? '');
  const filtered = describeFilter(options);
  const say = messages(ctx.lang);
  const message = rows.length > 0 ? undefined : filtered ? say.noSessionMatches(where, filtered) : say.noSessions(where);
  return { rows, where, message };
}

export async function runTracks(arg: string | undefined, options: TracksOptions, ctx: Context): Promise<Outcome> {
  if (options.date !== undefined && !isCalendarDate(options.date)) throw new UsageError(messages(ctx.lang).badDate(options.date));
  const { rows, message } = await collectSessions(arg, options, ctx);
  const code = rows.length > 0 ? 0 : 1;
  if (options.ics && ctx.json) throw new UsageError('--ics and --json: choose one (--ics writes a calendar, --json the sessions as data)');
  if (options.ics) return { stdout: rows.length > 0 ? renderIcs(toEvents(rows, options.date, ctx), { now: ctx.clock() }) : '', code, message };
  if (ctx.json) return { stdout: renderJson(rows.map((r) => sessionToJson(r.session, r.post))), code, message };
  return { stdout: rows.length > 0 ? renderSessionTable(rows, ctx.render) : '', code, message, pageable: true };
}

/**
 * Each session on its calendar day: the post's date (or --date) is its first
 * day; a session under "Day 2" / "2일차" falls that many days later.
 */
function toEvents(rows: readonly (TableRow & { from: Post })[], dateOption: string | undefined, ctx: Context): IcsEvent[] {
  return rows.map(({ session, from }) => {
    const first = from.date ?? dateOption;
    if (!first) throw new UsageError(messages(ctx.lang).noDate(from.path));
    return { session, date: addDays(first, dayNumber(session) - 1), post: { path: from.path, title: from.title } };
  });
}

/** One session chosen among the talks (and the breaks too with `all`). */
export async function runTrack(which: string, arg: string | undefined, ctx: Context, all = false): Promise<Outcome> {
  const post = await loadOnePost(arg, ctx);
  const say = messages(ctx.lang);
  const found = selectSessions(all ? post.sessions : post.sessions.filter((s) => s.kind === 'talk'), which);
  if (found.length === 0) {
    const breaks = !all && selectSessions(post.sessions, which).length > 0;
    const message = post.sessions.length === 0 ? say.noSessions(post.path) : breaks ? say.onlyBreaks(post.path, which) : say.noTrack(post.path, which, post.sessions.length);
    return { stdout: ctx.json ? renderJson(null) : '', code: 1, message };
  }
  if (found.length > 1) {
    const list = found.map((s) => `  ${s.index}  ${formatTimeSpan(s)}  ${s.title}`).join('\n');
    throw new UsageError(`${say.severalTracks(post.path, found.length, which)}\n${list}`);
  }
  const session = found[0]!;
  if (ctx.json) return { stdout: renderJson(sessionToJson(session)), code: 0 };
  return { stdout: renderMarkdown(session.tokens, bodyOptions(session.tokens, ctx)), code: 0, pageable: true };
}
