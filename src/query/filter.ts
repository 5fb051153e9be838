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
  return (session) => {
    if (!filter.breaks && session.kind === 'break') return false;
    if (speakers.length > 0 && !speakers.some((wanted) => speakerHaystack(session).some((field) => field.includes(wanted)))) return false;
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

function speakerHaystack(session: Session): string[] {
  const fields = [session.speakerText ?? ''];
  for (const s of session.speakers) fields.push(s.name, s.role ?? '', s.org ?? '');
  return fields.map(normalizeForMatch);
}

/**
 * A session's minutes [start, end). An unknown end is not invented: the
 * session then only covers its starting minute.
 */
export function sessionSpan(session: Session): { start: number; end: number } | null {
  if (session.start === null) return null;
  const start = toMinutes(session.start);
  const end = session.end === null ? start + 1 : toMinutes(session.end);
  // A range past midnight (23:30 - 00:30) ends the next day.
  return { start, end: end <= start ? end + 24 * 60 : end };
}
