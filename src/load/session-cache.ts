// What the summary cache (summary-cache.ts) keeps of a post's sessions, for
// the commands that cover a whole folder: each session without its tokens,
// whether its speakers are known (its body was read), and the names already
// looked for in the bodies not read (folded, see query/mentions.ts), so that
// asking again for the same speaker reads nothing. Checked field by field
// when read, as the rest of the cache: a post whose cached sessions are not
// as expected is read again.
import type { Session, Speaker } from '../types.js';

export interface CachedSessions {
  /** The sessions, their tokens left out (always []). */
  list: Session[];
  /** Per session: its speakers are known. */
  resolved: boolean[];
  /** Folded names known to be in none of the bodies not read. */
  absent: string[];
}

/** Names looked for that are remembered per post. */
export const MAX_ABSENT = 16;
const MAX_TEXT = 10_000;
const MAX_DEPTH = 4;

/** A session on disk: [day, start, end, title, room, [[name, role, org]...], speakerText, {other fields}?]. */
type SessionRow = [string | null, string | null, string | null, string, string | null, [string, string | null, string | null][], string | null, Record<string, unknown>?];
const KNOWN = new Set(['index', 'day', 'start', 'end', 'title', 'room', 'speakers', 'speakerText', 'tokens']);

/** Sessions data longer than this is not from postview. */
const MAX_SESSIONS_TEXT = 4 * 1024 * 1024;

/** Whether a cache row's sessions field can be one renderSessionsText wrote (its content is checked when read). */
export function isSessionsText(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_SESSIONS_TEXT;
}

/** The cached sessions of a post that has `count` sessions, or null when the text is not as renderSessionsText writes it. */
export function readSessionsText(text: string, count: number): CachedSessions | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  return isSessionsRow(data, count) ? parseSessionsRow(data) : null;
}

export function renderSessionsText(sessions: CachedSessions): string {
  return JSON.stringify(renderSessionsRow(sessions));
}

/** On disk: [sessions, "1011" (resolved flags), absent names]. */
function renderSessionsRow(sessions: CachedSessions): unknown {
  const list = sessions.list.map((s, k): SessionRow => {
    const row: SessionRow = [s.day, s.start, s.end, s.title, s.room, s.speakers.map((p) => [p.name, p.role, p.org]), s.speakerText];
    // Fields sessions may grow (a kind, a track...) are kept as they are.
    const other = Object.keys(s).filter((key) => !KNOWN.has(key));
    if (other.length > 0 || s.index !== k + 1) row.push(Object.fromEntries([...other.map((key) => [key, (s as unknown as Record<string, unknown>)[key]]), ['index', s.index]]));
    return row;
  });
  return [list, sessions.resolved.map((r) => (r ? '1' : '0')).join(''), sessions.absent];
}

/** The sessions of a row isSessionsRow accepted. */
function parseSessionsRow(data: unknown): CachedSessions {
  const [rows, resolved, absent] = data as [SessionRow[], string, string[]];
  const list = rows.map(([day, start, end, title, room, people, speakerText, other], k): Session => {
    const speakers: Speaker[] = people.map(([name, role, org]) => ({ name, role, org }));
    // The fields sessions grew (kind, links, dayNumber...) come back from `other`.
    return { index: k + 1, day, start, end, title, room, speakers, speakerText, tokens: [], ...other } as unknown as Session;
  });
  return { list, resolved: [...resolved].map((c) => c === '1'), absent };
}

/** True when `data` is a row renderSessionsRow writes, holding `count` sessions. */
function isSessionsRow(data: unknown, count: unknown): boolean {
  if (!Array.isArray(data) || data.length !== 3) return false;
  const [list, resolved, absent] = data as unknown[];
  return (
    Array.isArray(list) && list.length === count && list.every(isSessionRow) &&
    typeof resolved === 'string' && resolved.length === list.length && /^[01]*$/.test(resolved) &&
    Array.isArray(absent) && absent.length <= MAX_ABSENT && absent.every(isText)
  );
}

const isText = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_TEXT;
const isTextOrNull = (x: unknown) => x === null || isText(x);

function isSessionRow(row: unknown): boolean {
  if (!Array.isArray(row) || (row.length !== 7 && row.length !== 8)) return false;
  const [day, start, end, title, room, people, speakerText, other] = row as unknown[];
  return (
    isTextOrNull(day) && isTextOrNull(start) && isTextOrNull(end) && isText(title) && isTextOrNull(room) && isTextOrNull(speakerText) &&
    Array.isArray(people) && people.every((p) => Array.isArray(p) && p.length === 3 && isText(p[0]) && isTextOrNull(p[1]) && isTextOrNull(p[2])) &&
    (row.length === 7 || isOtherFields(other))
  );
}

/** Extra fields: plain JSON data, no field of the known shape, a whole-number index. */
function isOtherFields(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !isPlainData(value, 0)) return false;
  const record = value as Record<string, unknown>;
  return Number.isInteger(record.index) && (record.index as number) >= 1 && Object.keys(record).every((key) => key === 'index' || !KNOWN.has(key));
}

/** JSON data only: bounded strings, finite numbers, shallow nesting, no prototype keys. */
function isPlainData(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= MAX_TEXT;
  if (depth >= MAX_DEPTH || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.every((v) => isPlainData(v, depth + 1));
  return Object.keys(value).every((k) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype' && isPlainData((value as Record<string, unknown>)[k], depth + 1));
}
