// What the summary cache (summary-cache.ts) keeps of a post's sessions, for
// the commands that cover a whole folder: each session without its tokens,
// whether its speakers are known (its body was read), and the names already
// looked for in the bodies not read (folded, see query/mentions.ts), so that
// asking again for the same speaker reads nothing.
//
// On disk a post's sessions are one flat list of whole numbers, and every
// text is a number too: its place in the file's table of strings, each string
// written once (days, times, rooms and speakers repeat from post to post).
// Loading 10,000 posts is then one JSON.parse of mostly small numbers, and
// the texts are shared rather than copied per session. The numbers are
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

/** A post's sessions as the cache file holds them: numbers (see above), checked only when decoded. */
export interface StoredSessions {
  cells: readonly unknown[];
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

/** The sessions of a post that has `count` of them, or null when `stored` is not what encodeSessions writes. */
export function decodeSessions({ cells, strings }: StoredSessions, count: number): CachedSessions | null {
  if (cells.length > MAX_CELLS) return null;
  let at = 0;
  let bad = false;
  const whole = (min: number, max: number): number => {
    const n = cells[at++];
    if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max) return n;
    bad = true;
    return min;
  };
  const text = (): string => strings[whole(0, strings.length - 1)] ?? '';
  const textOrNull = (): string | null => {
    const n = whole(NULL, strings.length - 1);
    return n === NULL ? null : strings[n] ?? '';
  };
  const absentCount = whole(0, MAX_ABSENT);
  const absent = Array.from({ length: absentCount }, text);
  const list: Session[] = [];
  const resolved: boolean[] = [];
  for (let k = 0; k < count && !bad; k++) {
    const flags = whole(0, RESOLVED | BREAK);
    const index = whole(1, Number.MAX_SAFE_INTEGER);
    const day = whole(NULL, Number.MAX_SAFE_INTEGER);
    const speakerCount = whole(0, cells.length);
    const linkCount = whole(0, cells.length);
    if (bad || at + 6 + 3 * speakerCount + 2 * linkCount > cells.length) return null;
    const session: Session = {
      index, day: textOrNull(), start: textOrNull(), end: textOrNull(), title: text(), room: textOrNull(), speakers: [], speakerText: textOrNull(), tokens: [],
      kind: flags & BREAK ? 'break' : 'talk', links: [], dayNumber: day === NULL ? null : day,
    };
    for (let i = 0; i < speakerCount; i++) session.speakers.push({ name: text(), role: textOrNull(), org: textOrNull() });
    for (let i = 0; i < linkCount; i++) session.links.push({ text: text(), url: text() });
    list.push(session);
    resolved.push((flags & RESOLVED) !== 0);
  }
  return bad || at !== cells.length ? null : { list, resolved, absent };
}

/** Whether `value` can be a table of strings encodeSessions filled (each string is checked here, once per file). */
export function isStringTable(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((s) => typeof s === 'string' && s.length <= MAX_TEXT);
}
