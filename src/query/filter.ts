// Filters -> one yes/no test per session. Pure; times arrive already parsed.
import { normalizeForMatch } from '../parse/text.js';
import { toMinutes } from '../parse/time.js';
import type { Session } from '../types.js';

export interface SessionFilter {
  /** Any of these, matched against name, role, organisation and the whole speaker line. */
  speakers: string[];
  /** Words that must all appear in the title. */
  title: string | null;
  /** Minutes since midnight: sessions in progress (start <= at < end). */
  at: number | null;
  /** Minutes since midnight: sessions overlapping [from, to). */
  from: number | null;
  to: number | null;
  /** Keep breaks (registration, lunch, ...) too; else talks only. */
  breaks: boolean;
}

export const NO_FILTER: SessionFilter = { speakers: [], title: null, at: null, from: null, to: null, breaks: false };

export function isFiltering(filter: SessionFilter): boolean {
  return filter.speakers.length > 0 || filter.title !== null || filter.at !== null || filter.from !== null || filter.to !== null;
}

export function buildSessionTest(filter: SessionFilter): (session: Session) => boolean {
  const speakers = filter.speakers.map(normalizeForMatch).filter((s) => s !== '');
  const titleWords = filter.title ? normalizeForMatch(filter.title).split(' ').filter(Boolean) : [];
  // Speaker fields repeat from session to session (a folder of posts makes tens of thousands): each is normalised once.
  const normalized = new Map<string, string>();
  const normalize = (field: string): string => {
    let done = normalized.get(field);
    if (done === undefined) {
      if (normalized.size >= MAX_REMEMBERED) normalized.clear();
      normalized.set(field, (done = normalizeForMatch(field)));
    }
    return done;
  };
  return (session) => {
    if (!filter.breaks && session.kind === 'break') return false;
    if (speakers.length > 0 && !speakers.some((wanted) => speakerFields(session).some((field) => normalize(field).includes(wanted)))) return false;
    if (titleWords.length > 0) {
      const title = normalizeForMatch(session.title);
      if (!titleWords.every((word) => title.includes(word))) return false;
    }
    if (filter.at !== null || filter.from !== null || filter.to !== null) {
      const span = sessionSpan(session);
      if (!span) return false;
      if (filter.at !== null && !(span.start <= filter.at && filter.at < span.end)) return false;
      const from = filter.from ?? -Infinity;
      const to = filter.to ?? Infinity;
      if (!(span.start < to && span.end > from)) return false;
    }
    return true;
  };
}

/** Normalised speaker fields kept by one session test; past this many it starts afresh. */
const MAX_REMEMBERED = 50_000;

/** The fields --speaker looks in, as written. */
function speakerFields(session: Session): string[] {
  const fields = [session.speakerText ?? ''];
  for (const s of session.speakers) fields.push(s.name, s.role ?? '', s.org ?? '');
  return fields;
}

/**
 * A session's minutes [start, end). An unknown end is not invented: the
 * session then only covers its starting minute.
 */
export function sessionSpan(session: Session): { start: number; end: number } | null {
  if (session.start === null) return null;
  const start = toMinutes(session.start);
  const end = session.end === null ? null : endMinutes(start, toMinutes(session.end));
  // A zero-length session (12:00 - 12:00) covers its starting minute, as one with no end.
  return { start, end: end === null || end === start ? start + 1 : end };
}

/** The longest a range past midnight runs: 23:30 - 00:30 is one; 13:00 - 12:00 is no 23-hour session. */
const MAX_OVERNIGHT = 12 * 60;

/**
 * A session's end in minutes from the midnight before its start: the same
 * day when not before the start (equal is a zero-length session), the next
 * day for a range past midnight of at most 12 hours, else null (unknown).
 */
export function endMinutes(start: number, end: number): number | null {
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  if (end >= start) return end;
  return end + 24 * 60 - start <= MAX_OVERNIGHT ? end + 24 * 60 : null;
}
