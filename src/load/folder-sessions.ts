// The sessions of every post of a folder, one post at a time, for `tracks`,
// `timeline`, `now`, `speakers` and `search` over a folder. Nothing of a post
// is held after it is handed on but its sessions (without tokens), so memory
// does not grow with the folder beyond the sessions a command keeps.
//
// A post is read only as far as the command needs (parse/post-sessions.ts):
// its headings always, a session's body only when its speakers matter. With
// the summary cache (folders of 500 posts or more), what was read is kept, and
// an unchanged post whose cached sessions answer the question is not read.
import { InputError } from '../errors.js';
import { parsePostSessions } from '../parse/post-sessions.js';
import { extractCategories, extractCategory, extractTags } from '../parse/post.js';
import { mayMention } from '../query/mentions.js';
import type { Session } from '../types.js';
import { decodePost, readPostBytesSync } from './read-post.js';
import { MAX_ABSENT, type CachedSessions } from './session-cache.js';
import type { CachedSummary, SummaryCache } from './summary-cache.js';

export interface SessionNeeds {
  /** Which sessions need their speakers: none, those whose body may hold one of `needles`, or every one `keep` keeps. */
  speakers: 'none' | 'mentioned' | 'all';
  /** Folded names (query/mentions.ts), for 'mentioned'. */
  needles: string[];
  /** For 'all': the sessions that may be shown, judged from their headings (time, title). */
  keep: (session: Session) => boolean;
  /** `keep` keeps every session (no filter on times or titles). */
  keepsAll?: boolean;
}

export interface FolderPost {
  path: string;
  title: string;
  date: string | null;
  /** Sessions without tokens (shared with the cache: not to be changed); those not resolved have no speakers yet. */
  sessions: Session[];
  resolved: boolean[];
}

/**
 * Hands each post of `paths` that can matter to `visit`, in order. A post
 * that fails to read is one `warn`ing; the others go on.
 */
export function readFolderSessions(paths: readonly string[], cache: SummaryCache | null, needs: SessionNeeds, warn: (message: string) => void, visit: (post: FolderPost) => void): void {
  // Texts seen in the sessions read so far: days, times, rooms and speakers repeat from post to post, and are kept once.
  const texts = new Map<string, string>();
  const readPost = (path: string, prior: CachedSessions | null, mayskip: boolean) => readSessions(path, needs, prior, mayskip, texts);
  for (const path of paths) {
    let read: { summary: CachedSummary; sessions: CachedSessions } | null;
    try {
      read = cache ? cache.withSessions(path, (cached) => (cached && answers(cached.sessions, needs) ? cached : readPost(path, cached?.sessions ?? null, false)!)) : readPost(path, null, true);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      warn(error.message);
      continue;
    }
    if (read === null) continue;
    const { summary, sessions } = read;
    visit({ path, title: summary.title, date: summary.date, sessions: sessions.list, resolved: sessions.resolved });
  }
}

/**
 * The sessions of one post, with the speakers of those numbered in `indexes`
 * read. With the folder's cache, sessions it knows are taken from it, and
 * what is read is kept in it. A post that fails to read throws.
 */
export function readSessionsOf(path: string, indexes: ReadonlySet<number>, cache: SummaryCache | null): Session[] {
  if (cache === null) {
    const text = decodePost(readPostBytesSync(path), path);
    return parsePostSessions(text, path, (session) => indexes.has(session.index)).sessions;
  }
  const needs: SessionNeeds = { speakers: 'all', needles: [], keep: (session) => indexes.has(session.index) };
  let sessions: Session[] = [];
  const fail = (message: string) => {
    throw new InputError(message);
  };
  readFolderSessions([path], cache, needs, fail, (post) => (sessions = post.sessions));
  return sessions;
}

/** Whether cached sessions hold all that `needs` asks. */
function answers(cached: CachedSessions, needs: SessionNeeds): boolean {
  if (needs.speakers === 'none') return true;
  if (needs.speakers === 'mentioned') return cached.resolved.every((r) => r) || needs.needles.every((n) => cached.absent.includes(n));
  return cached.list.every((s, k) => cached.resolved[k] || !needs.keep(s));
}

/**
 * Reads a post for `needs`, keeping what `prior` (its cached sessions, same
 * file) already knows. With `mayskip`, a post that surely holds none of the
 * needles is skipped (null): nothing is cached then, so nothing is lost.
 */
function readSessions(path: string, needs: SessionNeeds, prior: CachedSessions | null, mayskip: boolean, texts: Map<string, string>): { summary: CachedSummary; sessions: CachedSessions } | null {
  const text = decodePost(readPostBytesSync(path), path);
  if (mayskip && needs.speakers === 'mentioned' && !mayMention(text, needs.needles)) return null;
  const known = (index: number) => prior !== null && prior.resolved[index - 1] === true;
  const wants = (session: Session, region: string): boolean => {
    if (known(session.index)) return false;
    if (needs.speakers === 'mentioned') return mayMention(region, needs.needles);
    return needs.speakers === 'all' && needs.keep(session);
  };
  const parsed = parsePostSessions(text, path, needs.speakers === 'all' && needs.keepsAll && prior === null ? 'all' : wants);
  const same = prior !== null && prior.list.length === parsed.sessions.length;
  // Copied through JSON: a string cut from the post's text may keep all of the text alive in V8.
  const fresh = JSON.parse(JSON.stringify(parsed.sessions)) as Session[];
  for (const session of fresh) shareTexts(session, texts);
  const list = fresh.map((s, k) => (!parsed.resolved[k] && same && prior.resolved[k] ? prior.list[k]! : s));
  const resolved = parsed.resolved.map((r, k) => r || (same && prior.resolved[k] === true));
  let absent = same ? prior.absent : [];
  if (needs.speakers === 'mentioned' && resolved.some((r) => !r)) absent = [...needs.needles, ...absent.filter((a) => !needs.needles.includes(a))].slice(0, MAX_ABSENT);
  return {
    // Copied too: a title cut from the text would keep the whole post alive for as long as its sessions are shown.
    // All that `list` shows of the post: the cache answers `list` with it too.
    summary: JSON.parse(
      JSON.stringify({
        title: parsed.title,
        date: parsed.date,
        category: extractCategory(parsed.frontMatter),
        sessions: list.length,
        categories: extractCategories(parsed.frontMatter),
        tags: extractTags(parsed.frontMatter),
      }),
    ) as CachedSummary,
    sessions: { list, resolved, absent },
  };
}

/** Points the texts of `session` at equal ones seen before (kept in `texts`), so each is held once. */
function shareTexts(session: Session, texts: Map<string, string>): void {
  const share = <T extends string | null>(text: T): T => {
    if (text === null) return text;
    const seen = texts.get(text);
    if (seen !== undefined) return seen as T;
    texts.set(text, text);
    return text;
  };
  session.day = share(session.day);
  session.start = share(session.start);
  session.end = share(session.end);
  session.title = share(session.title);
  session.room = share(session.room);
  session.speakerText = share(session.speakerText);
  for (const speaker of session.speakers) {
    speaker.name = share(speaker.name);
    speaker.role = share(speaker.role);
    speaker.org = share(speaker.org);
  }
}

/**
 * The decoded text of each post of `paths`, handed to `visit` one at a time.
 * A post that fails to read, or that `visit` finds broken (an InputError), is
 * one `warn`ing; the others go on.
 */
export function readFolderTexts(paths: readonly string[], warn: (message: string) => void, visit: (path: string, text: string) => void): void {
  for (const path of paths) {
    try {
      visit(path, decodePost(readPostBytesSync(path), path));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      warn(error.message);
    }
  }
}
