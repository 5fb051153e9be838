// What the summary cache (summary-cache.ts) keeps of a post's sessions, for
// the commands that cover a whole folder: each session without its tokens,
// whether its speakers are known (its body was read), and the names already
// looked for in the bodies not read (folded, see query/mentions.ts), so that
// asking again for the same speaker reads nothing.
//
// On disk a post's sessions are one flat list of whole numbers, and every
// text is a number too: its place in the file's table of strings, each string
// written once (days, times, rooms and speakers repeat from post to post).
// Loading 10,000 posts is then one JSON.parse of the table (the numbers are
// bytes in the file: summary-cache.ts), and the texts are shared rather than
// copied per session. The numbers are
// checked one by one when a post's sessions are asked for (a place in the
// table, a count that fits, nothing left over): a post whose cached sessions
// are not as expected is read again.
import type { Session, SessionLink, Speaker } from '../types.js';

export interface CachedSessions {
  /** The sessions, their tokens left out (always []). */
  list: Session[];
  /** Per session: its speakers are known. */
  resolved: boolean[];
  /** Folded names known to be in none of the bodies not read. */
  absent: string[];
}

/**
 * A post's sessions as the cache file holds them: numbers (see above), checked
 * only when decoded; `cells[from..to)` when given, else all of `cells`.
 */
export interface StoredSessions {
  cells: ArrayLike<unknown>;
  from?: number;
  to?: number;
  strings: readonly string[];
}

/** Names looked for that are remembered per post. */
export const MAX_ABSENT = 16;
/** Longer texts are not from postview. */
export const MAX_TEXT = 10_000;
/** Cells of one post longer than this are not from postview. */
export const MAX_CELLS = 1 << 22;

/** The fields a session has; one with any other field is not cached (it would come back without it). */
const FIELDS = new Set(['index', 'day', 'start', 'end', 'title', 'room', 'speakers', 'speakerText', 'kind', 'links', 'dayNumber', 'tokens']);
const NULL = -1;
const RESOLVED = 1;
const BREAK = 2;

/**
 * The cells of `sessions`, texts turned into numbers by `intern`; null when a
 * session has a field this format does not know (then the post is not cached).
 *
 * Layout: [absent count, absent...], then per session: flags (1 resolved,
 * 2 break), index, dayNumber (-1 none), speaker count, link count, day,
 * start, end, title, room, speakerText, then name, role, org per speaker and
 * text, url per link. A text is its place in the table, -1 for null.
 */
export function encodeSessions(sessions: CachedSessions, intern: (text: string) => number): number[] | null {
  const text = (value: string | null) => (value === null ? NULL : intern(value));
  const cells = [sessions.absent.length, ...sessions.absent.map(intern)];
  for (const [k, s] of sessions.list.entries()) {
    if (!Object.keys(s).every((key) => FIELDS.has(key)) || !s.speakers.every(isPlainSpeaker) || !s.links.every(isPlainLink)) return null;
    cells.push((sessions.resolved[k] ? RESOLVED : 0) | (s.kind === 'break' ? BREAK : 0), s.index, s.dayNumber ?? NULL, s.speakers.length, s.links.length);
    cells.push(text(s.day), text(s.start), text(s.end), intern(s.title), text(s.room), text(s.speakerText));
    for (const p of s.speakers) cells.push(intern(p.name), text(p.role), text(p.org));
    for (const l of s.links) cells.push(intern(l.text), intern(l.url));
  }
  return cells;
}

const isPlainSpeaker = (p: Speaker) => Object.keys(p).length === 3;
const isPlainLink = (l: SessionLink) => Object.keys(l).length === 2;

/** Shared by every decoded session that has none: a cached session has no tokens, and is not to be changed. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Reads cells one at a time, each checked; `bad` once one was not as expected. */
class CellReader {
  at: number;
  bad = false;
  constructor(
    private readonly cells: ArrayLike<unknown>,
    from: number,
    readonly end: number,
    private readonly strings: readonly string[],
  ) {
    this.at = from;
  }

  whole(min: number, max: number): number {
    const n = this.at < this.end ? this.cells[this.at] : undefined;
    this.at++;
    if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max) return n;
    this.bad = true;
    return min;
  }

  text(): string {
    return this.strings[this.whole(0, this.strings.length - 1)] ?? '';
  }

  textOrNull(): string | null {
    const n = this.whole(NULL, this.strings.length - 1);
    return n === NULL ? null : (this.strings[n] ?? '');
  }
}

/** The sessions of a post that has `count` of them, or null when `stored` is not what encodeSessions writes. */
export function decodeSessions({ cells, from = 0, to = cells.length, strings }: StoredSessions, count: number): CachedSessions | null {
  if (to - from > MAX_CELLS || from < 0 || to > cells.length || from > to) return null;
  const r = new CellReader(cells, from, to, strings);
  const absentCount = r.whole(0, MAX_ABSENT);
  const absent: string[] = absentCount === 0 ? NONE : [];
  for (let i = 0; i < absentCount; i++) absent.push(r.text());
  const list: Session[] = [];
  const resolved: boolean[] = [];
  for (let k = 0; k < count && !r.bad; k++) {
    const flags = r.whole(0, RESOLVED | BREAK);
    const index = r.whole(1, Number.MAX_SAFE_INTEGER);
    const day = r.whole(NULL, Number.MAX_SAFE_INTEGER);
    const speakerCount = r.whole(0, to - from);
    const linkCount = r.whole(0, to - from);
    if (r.bad || r.at + 6 + 3 * speakerCount + 2 * linkCount > to) return null;
    const session: Session = {
      index, day: r.textOrNull(), start: r.textOrNull(), end: r.textOrNull(), title: r.text(), room: r.textOrNull(), speakers: NONE, speakerText: r.textOrNull(), tokens: NONE,
      kind: flags & BREAK ? 'break' : 'talk', links: NONE, dayNumber: day === NULL ? null : day,
    };
    if (speakerCount > 0) {
      session.speakers = [];
      for (let i = 0; i < speakerCount; i++) session.speakers.push({ name: r.text(), role: r.textOrNull(), org: r.textOrNull() });
    }
    if (linkCount > 0) {
      session.links = [];
      for (let i = 0; i < linkCount; i++) session.links.push({ text: r.text(), url: r.text() });
    }
    list.push(session);
    resolved.push((flags & RESOLVED) !== 0);
  }
  return r.bad || r.at !== to ? null : { list, resolved, absent };
}

/** Whether `value` can be a table of strings encodeSessions filled (each string is checked here, once per file). */
export function isStringTable(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((s) => typeof s === 'string' && s.length <= MAX_TEXT);
}
