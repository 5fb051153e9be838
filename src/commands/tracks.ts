// `tracks`: the sessions as a table (or an iCalendar file); `track <which>`: one session in full.
import { UsageError } from '../errors.js';
import { messages } from '../i18n.js';
import { buildSessionTest, isFiltering } from '../query/filter.js';
import { addDays, dayNumber } from '../query/days.js';
import { selectSessions } from '../query/select.js';
import { renderIcs, type IcsEvent } from '../render/ics.js';
import { renderJson, sessionToJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { formatTimeSpan, renderSessionTable, type TableRow } from '../render/table.js';
import type { Post, Session } from '../types.js';
import { bodyOptions, describeFilter, loadOnePost, loadPost, openFolderCache, resolveSource, parseFilterOptions, type Context, type FilterOptions, type Outcome } from './context.js';
import { listPostFiles } from '../load/posts-dir.js';
import { readFolderSessions, readSessionsOf, type SessionNeeds } from '../load/folder-sessions.js';
import { foldNeedles } from '../query/mentions.js';
import { isCalendarDate } from '../parse/dates.js';

export interface TracksOptions extends FilterOptions {
  ics?: boolean;
  date?: string;
}

/** Where a session came from: enough to date it and name its post. */
export type PostRef = Pick<Post, 'path' | 'title' | 'date'>;

export interface SessionRow extends TableRow {
  from: PostRef;
  /** False when its speakers were not read (they were not needed). */
  resolved: boolean;
}

/** Reads the speakers of the sessions numbered `indexes` of the post at `path`, through the folder's cache when it has one. */
export type ReadSpeakers = (path: string, indexes: ReadonlySet<number>) => Session[];

/**
 * The sessions of a post or of every post in a folder that pass the filters.
 * A folder is read a post at a time, only as far as needed: with `speakers`
 * false, a session's speakers are read only for a --speaker filter. `more`,
 * when given, runs before the folder's cache is written, to read the
 * speakers of a few sessions afterwards (and keep them in the cache).
 */
export async function collectSessions<T = undefined>(
  arg: string | undefined,
  options: FilterOptions,
  ctx: Context,
  speakers = true,
  more?: (rows: SessionRow[], readSpeakers: ReadSpeakers) => T,
): Promise<{ rows: SessionRow[]; where: string; folder: boolean; message?: string; more?: T }> {
  const rows: SessionRow[] = [];
  const gathered = await gatherSessions(arg, options, ctx, speakers, (session, from, post, resolved) => rows.push({ session, post, from, resolved }), more && ((readSpeakers) => more(rows, readSpeakers)));
  return { rows, ...gathered };
}

/**
 * The sessions collectSessions keeps as two lists, each session and the path
 * of its post (in a folder), rather than an object each: all that `timeline`
 * draws, for the tens of thousands of sessions of a folder.
 */
export async function collectSessionLists(arg: string | undefined, options: FilterOptions, ctx: Context): Promise<{ sessions: Session[]; posts: (string | undefined)[]; message?: string }> {
  const sessions: Session[] = [];
  const posts: (string | undefined)[] = [];
  const { message } = await gatherSessions(arg, options, ctx, false, (session, _from, post) => {
    sessions.push(session);
    posts.push(post);
  });
  return { sessions, posts, message };
}

/** Hands each session that passes the filters to `keep`, with its post (and the post's path in a folder); see collectSessions. */
async function gatherSessions<T>(
  arg: string | undefined,
  options: FilterOptions,
  ctx: Context,
  speakers: boolean,
  keep: (session: Session, from: PostRef, post: string | undefined, resolved: boolean) => void,
  more?: (readSpeakers: ReadSpeakers) => T,
): Promise<{ where: string; folder: boolean; message?: string; more?: T }> {
  const filter = parseFilterOptions(options, ctx.lang);
  const test = buildSessionTest(filter);
  const source = resolveSource(arg, ctx);
  let count = 0;
  let first: PostRef | undefined;
  const folder = source.kind === 'folder';
  let extra: T | undefined;
  if (source.kind === 'file') {
    const post = await loadPost(source.path);
    for (const session of post.sessions) {
      if (!test(session)) continue;
      keep(session, post, undefined, true);
      first ??= post;
      count++;
    }
    extra = more?.((path, indexes) => readSessionsOf(path, indexes, null));
  } else {
    const paths = listPostFiles(source.path);
    const needles = foldNeedles(filter.speakers);
    const keeps = buildSessionTest({ ...filter, speakers: [] });
    const needs: SessionNeeds = { speakers: needles.length > 0 ? 'mentioned' : speakers ? 'all' : 'none', needles, keep: keeps, keepsAll: !isFiltering({ ...filter, speakers: [] }) };
    const cache = openFolderCache(source.path, paths.length, ctx);
    readFolderSessions(paths, cache, needs, ctx.warn, (post) => {
      // A loop, not forEach: a closure less per post.
      const { sessions, resolved } = post;
      for (let k = 0; k < sessions.length; k++) {
        if (!test(sessions[k]!)) continue;
        keep(sessions[k]!, post, post.path, resolved[k]!);
        count++;
      }
    });
    try {
      extra = more?.((path, indexes) => readSessionsOf(path, indexes, cache));
    } finally {
      cache?.save();
    }
  }
  const where = folder ? source.path : (first?.path ?? source.path);
  const filtered = describeFilter(options);
  const say = messages(ctx.lang);
  const message = count > 0 ? undefined : filtered ? say.noSessionMatches(where, filtered) : say.noSessions(where);
  return { where, folder, message, more: extra };
}

export async function runTracks(arg: string | undefined, options: TracksOptions, ctx: Context): Promise<Outcome> {
  if (options.date !== undefined && !isCalendarDate(options.date)) throw new UsageError(messages(ctx.lang).badDate(options.date));
  if (options.ics && ctx.json) throw new UsageError('--ics and --json: choose one (--ics writes a calendar, --json the sessions as data)');
  const { rows, message, folder } = await collectSessions(arg, options, ctx);
  const code = rows.length > 0 ? 0 : 1;
  if (options.ics) {
    const events = rows.length > 0 ? toEvents(rows, options.date, ctx, folder) : [];
    return { stdout: events.length > 0 ? renderIcs(events, { now: ctx.clock() }) : '', code: events.length > 0 ? 0 : 1, message };
  }
  if (ctx.json) return { stdout: renderJson(rows.map((r) => sessionToJson(r.session, r.post))), code, message };
  return { stdout: rows.length > 0 ? renderSessionTable(rows, ctx.render) : '', code, message, pageable: true };
}

/**
 * Each session on its calendar day: the post's date (or --date) is its first
 * day; a session under "Day 2" / "2일차" falls that many days later.
 */
function toEvents(rows: readonly SessionRow[], dateOption: string | undefined, ctx: Context, folder: boolean): IcsEvent[] {
  const events: IcsEvent[] = [];
  const failed = new Set<string>();
  for (const { session, from } of rows) {
    const first = from.date ?? dateOption;
    if (!first) throw new UsageError(messages(ctx.lang).noDate(from.path));
    const date = addDays(first, dayNumber(session) - 1);
    if (date !== null) {
      events.push({ session, date, post: { path: from.path, title: from.title } });
      continue;
    }
    // An impossible date or day: in a folder, one warning for the post, and the others still go out.
    const why = messages(ctx.lang).badCalendarDay(from.path, session.day ?? 'Day 1', first);
    if (!folder) throw new UsageError(why);
    if (!failed.has(from.path)) ctx.warn(why);
    failed.add(from.path);
  }
  return events.filter((e) => !failed.has(e.post.path));
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
