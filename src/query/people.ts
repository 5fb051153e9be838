// Speakers across sessions: one entry per person, however the name was
// written (spacing, case, Unicode form), with their talks, organisations and
// years. Pure.
import { normalizeForMatch } from '../parse/text.js';
import type { Session, Speaker } from '../types.js';

export interface TalkRow {
  session: Session;
  /** The post's path, when several posts are covered. */
  post?: string;
  /** "YYYY-MM-DD" of the post, else null. */
  postDate: string | null;
}

export interface Person {
  /** The name as most often written (the first seen on a tie). */
  name: string;
  orgs: string[];
  years: string[];
  talks: TalkRow[];
}

/** What tells people apart: the name without case, spacing or Unicode form differences. */
export function personKey(name: string): string {
  return normalizeForMatch(name).replace(/\s+/g, '');
}

/**
 * Every speaker of `rows`, most talks first (then by name). With `wanted`,
 * only people whose name, role or organisation holds one of those words.
 */
export function groupSpeakers(rows: readonly TalkRow[], wanted: readonly string[] = []): Person[] {
  const needles = wanted.map(normalizeForMatch).filter((w) => w !== '');
  const people = new Map<string, { names: Map<string, number>; orgs: Map<string, { text: string; count: number }>; years: Set<string>; talks: TalkRow[] }>();
  for (const row of rows) {
    const seen = new Set<string>();
    for (const speaker of row.session.speakers) {
      const key = personKey(speaker.name);
      if (key === '' || seen.has(key) || !matches(speaker, needles)) continue;
      seen.add(key);
      let person = people.get(key);
      if (!person) people.set(key, (person = { names: new Map(), orgs: new Map(), years: new Set(), talks: [] }));
      person.names.set(speaker.name, (person.names.get(speaker.name) ?? 0) + 1);
      if (speaker.org) {
        const orgKey = personKey(speaker.org);
        const org = person.orgs.get(orgKey) ?? { text: speaker.org, count: 0 };
        org.count++;
        person.orgs.set(orgKey, org);
      }
      if (row.postDate) person.years.add(row.postDate.slice(0, 4));
      person.talks.push(row);
    }
  }
  const byCount = <T>(entries: Iterable<[T, number]>) => [...entries].sort((a, b) => b[1] - a[1]).map(([v]) => v);
  return [...people.values()]
    .map((p) => ({
      name: byCount(p.names)[0]!,
      orgs: [...p.orgs.values()].sort((a, b) => b.count - a.count).map((o) => o.text),
      years: [...p.years].sort(),
      talks: p.talks,
    }))
    .sort((a, b) => b.talks.length - a.talks.length || a.name.localeCompare(b.name));
}

function matches(speaker: Speaker, needles: readonly string[]): boolean {
  if (needles.length === 0) return true;
  const fields = [speaker.name, speaker.role ?? '', speaker.org ?? ''].map(normalizeForMatch);
  return needles.some((n) => fields.some((f) => f.includes(n)));
}
