// Picking one session or one section by what the user typed.
import { normalizeForMatch } from '../parse/text.js';
import { flattenSections } from '../parse/sections.js';
import { formatClock, parseClockTime } from '../parse/time.js';
import type { Section, Session } from '../types.js';

/**
 * `track <which>`: a number is the session's index, a time ("13:50", "2pm")
 * its start, anything else words of its title (all of them, any case).
 */
export function selectSessions(sessions: readonly Session[], which: string): Session[] {
  const wanted = which.trim();
  if (/^\d+$/.test(wanted) && !wanted.includes(':')) {
    return sessions.filter((s) => s.index === Number(wanted));
  }
  if (/^\d{1,2}(:\d{2})?\s*([ap]\.?m\.?)?$/i.test(wanted)) {
    const minutes = parseClockTime(wanted);
    if (minutes !== null) {
      const start = formatClock(minutes);
      return sessions.filter((s) => s.start === start);
    }
  }
  const words = normalizeForMatch(wanted).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  return sessions.filter((s) => {
    const title = normalizeForMatch(s.title);
    return words.every((word) => title.includes(word));
  });
}

/**
 * `section <title>`: an exact title (any case, normalised) wins over partial
 * matches, so "좋았던 점" never picks "안 좋았던 점".
 */
export function selectSections(sections: readonly Section[], title: string): Section[] {
  const wanted = normalizeForMatch(title);
  if (wanted === '') return [];
  const all = flattenSections(sections);
  const exact = all.filter((s) => normalizeForMatch(s.title) === wanted);
  if (exact.length > 0) return exact;
  return all.filter((s) => normalizeForMatch(s.title).includes(wanted));
}
