// What the summary cache (summary-cache.ts) keeps of a post's sessions, for
// the commands that cover a whole folder: each session without its tokens,
// whether its speakers are known (its body was read), and the names already
// looked for in the bodies not read (folded, see query/mentions.ts), so that
// asking again for the same speaker reads nothing. Checked field by field
// when read, as the rest of the cache; anything unexpected and the whole
// cache file is ignored.
import type { Session } from '../types.js';

/** A session as cached: the session without its tokens. */
export type CachedSession = Omit<Session, 'tokens'>;

export interface CachedSessions {
  list: CachedSession[];
  /** Per session: its speakers are known. */
  resolved: boolean[];
  /** Folded names known to be in none of the bodies not read. */
  absent: string[];
}

/** Names looked for that are remembered per post. */
export const MAX_ABSENT = 16;
const MAX_TEXT = 10_000;
const MAX_DEPTH = 4;

/** On disk: [sessions, "1011" (resolved flags), absent names]. */
export function renderSessionsRow(sessions: CachedSessions): unknown {
  return [sessions.list, sessions.resolved.map((r) => (r ? '1' : '0')).join(''), sessions.absent];
}

export function parseSessionsRow(data: unknown): CachedSessions {
  const [list, resolved, absent] = data as [CachedSession[], string, string[]];
  return { list, resolved: [...resolved].map((c) => c === '1'), absent };
}

/** True when `data` is a row renderSessionsRow writes, holding `count` sessions. */
export function isSessionsRow(data: unknown, count: unknown): boolean {
  if (!Array.isArray(data) || data.length !== 3) return false;
  const [list, resolved, absent] = data as unknown[];
  return (
    Array.isArray(list) && list.length === count && list.every(isCachedSession) &&
    typeof resolved === 'string' && resolved.length === list.length && /^[01]*$/.test(resolved) &&
    Array.isArray(absent) && absent.length <= MAX_ABSENT && absent.every((a) => typeof a === 'string' && a.length <= MAX_TEXT)
  );
}

function isCachedSession(value: unknown): boolean {
  if (!isPlainData(value, 0) || typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const s = value as Record<string, unknown>;
  const text = (x: unknown) => typeof x === 'string';
  const textOrNull = (x: unknown) => x === null || text(x);
  return (
    Number.isInteger(s.index) && (s.index as number) >= 1 && textOrNull(s.day) && textOrNull(s.start) && textOrNull(s.end) &&
    text(s.title) && textOrNull(s.room) && textOrNull(s.speakerText) && Array.isArray(s.speakers) &&
    s.speakers.every((p: unknown) => {
      const person = p as Record<string, unknown> | null;
      return typeof person === 'object' && person !== null && text(person.name) && textOrNull(person.role) && textOrNull(person.org);
    }) &&
    !('tokens' in s)
  );
}

/** JSON data only: bounded strings, finite numbers, shallow nesting, no prototype keys. */
function isPlainData(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= MAX_TEXT;
  if (depth >= MAX_DEPTH || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.every((v) => isPlainData(v, depth + 1));
  return Object.keys(value).every((k) => k !== '__proto__' && isPlainData((value as Record<string, unknown>)[k], depth + 1));
}
