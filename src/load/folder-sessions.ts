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
import { parseFrontMatter } from './front-matter.js';
import { mayMentionBytes, mayMentionLatin1 } from './mention-bytes.js';
import { checkPostBytes, parsePostSessionsBytes } from './post-bytes.js';
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
  const readPost = (path: string, prior: CachedSessions | null, mayskip: boolean) => readSessions(path, needs, prior, mayskip, cache !== null, texts);
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
    return parsePostSessionsBytes(readPostBytesSync(path), path, (session) => indexes.has(session.index)).sessions;
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
 * Without `forCache`, the summary holds only what the commands read of it
 * (title and date): its category, categories and tags, which only `list`
 * shows from the cache, are left empty.
 */
function readSessions(path: string, needs: SessionNeeds, prior: CachedSessions | null, mayskip: boolean, forCache: boolean, texts: Map<string, string>): { summary: CachedSummary; sessions: CachedSessions } | null {
  const bytes = readPostBytesSync(path);
  let text: string | null = null;
  if (mayskip && needs.speakers === 'mentioned') {
    // Most posts never name the speaker: for a Korean name, their bytes tell so without decoding them
    // (load/mention-bytes.ts); the others are read from their bytes, each body looked at alone.
    const may = mayMentionBytes(bytes, needs.needles);
    if (may === false) {
      checkPostBytes(bytes, path);
      return null;
    }
    if (may === null) text = decodePost(bytes, path);
    if (text !== null && !mayMention(text, needs.needles)) {
      // Passed over, but a post whose front matter cannot be read is still one warning, as when it is read.
      parseFrontMatter(text, path);
      return null;
    }
  }
  const known = (index: number) => prior !== null && prior.resolved[index - 1] === true;
  const wants = (session: Session, region: () => string, regionBytes?: string): boolean => {
    if (known(session.index)) return false;
    // A body whose bytes cannot name the speaker is not decoded (load/mention-bytes.ts), as for a whole post.
    if (needs.speakers === 'mentioned') return (regionBytes === undefined || mayMentionLatin1(regionBytes, needs.needles) !== false) && mayMention(region(), needs.needles);
    return needs.speakers === 'all' && needs.keep(session);
  };
  const wanted = needs.speakers === 'all' && needs.keepsAll && prior === null ? 'all' : wants;
  const parsed = text === null ? parsePostSessionsBytes(bytes, path, wanted) : parsePostSessions(text, path, wanted);
  const same = prior !== null && prior.list.length === parsed.sessions.length;
  const keep = keeper(texts);
  // A title cut from its own heading line is kept as it is (titles seldom repeat: a copy of each would cost a JSON round trip).
  const fresh = parsed.sessions.map((s) => copySession(s, keep, parsed.titlesFromLines ? (title) => title : keep));
  const list = fresh.map((s, k) => (!parsed.resolved[k] && same && prior.resolved[k] ? prior.list[k]! : s));
  const resolved = parsed.resolved.map((r, k) => r || (same && prior.resolved[k] === true));
  let absent = same ? prior.absent : [];
  if (needs.speakers === 'mentioned' && resolved.some((r) => !r)) absent = [...needs.needles, ...absent.filter((a) => !needs.needles.includes(a))].slice(0, MAX_ABSENT);
  return {
    // All that `list` shows of the post: the cache answers `list` with it too.
    summary: {
      title: keep(parsed.title),
      date: keepOrNull(parsed.date, keep),
      category: forCache ? keepOrNull(extractCategory(parsed.frontMatter), keep) : null,
      sessions: list.length,
      categories: forCache ? extractCategories(parsed.frontMatter).map(keep) : [],
      tags: forCache ? extractTags(parsed.frontMatter).map(keep) : [],
    },
    sessions: { list, resolved, absent },
  };
}

/**
 * A function that gives each text as one kept in `texts`: days, times, rooms
 * and speakers repeat from post to post, and are held once. A text seen for
 * the first time is copied: a string cut from a post's text may keep all of
 * that text alive in V8, for as long as the sessions are kept.
 */
export function keeper(texts: Map<string, string>): (text: string) => string {
  return (text) => {
    const seen = texts.get(text);
    if (seen !== undefined) return seen;
    // Short strings are copied when cut; longer ones may be slices of the text they were cut from.
    const own = text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
    texts.set(own, own);
    return own;
  };
}

function keepOrNull(text: string | null, keep: (text: string) => string): string | null {
  return text === null ? null : keep(text);
}

/** A session without tokens, its texts given by `keep` (see keeper), its title by `keepTitle`: what a JSON copy of it gives. */
export function copySession(s: Session, keep: (text: string) => string, keepTitle = keep): Session {
  return {
    index: s.index,
    day: keepOrNull(s.day, keep),
    start: keepOrNull(s.start, keep),
    end: keepOrNull(s.end, keep),
    title: keepTitle(s.title),
    room: keepOrNull(s.room, keep),
    speakers: s.speakers.map((p) => ({ name: keep(p.name), role: keepOrNull(p.role, keep), org: keepOrNull(p.org, keep) })),
    speakerText: keepOrNull(s.speakerText, keep),
    kind: s.kind,
    links: s.links.map((l) => ({ text: keep(l.text), url: keep(l.url) })),
    dayNumber: s.dayNumber,
    tokens: [],
  };
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
