// Speaker lines: "Speaker: Jane Doe, Staff Engineer, Acme", "양승도 솔루션즈 아키텍트, 아마존 웹서비스".
// Heuristic and forgiving: these functions never throw, and unknown shapes fall back to "all name".
import type { Speaker } from '../types.js';
import { hasHangul, isBareName, readsAsPerson, startsLikePerson } from './names.js';

// A label at the start of a line, with an optional list marker and bold/italic around the label:
//   "Speaker: Jane", "- **발표자**: 홍길동", "**Speakers：** A & B", "연사 : 김철수"
// "발표자료: …" (slides) and "Speaker Deck: …" are not labels: the colon must follow the label.
// Each run of white space is read whole ("(?!\s)"): two "\s*" side by side
// otherwise try every split of a long run (quadratic). No u flag on these two:
// nothing in them needs it, and V8 compiles them in fewer instructions without.
const LABEL_RE =
  /^\s*(?!\s)(?:[-*+]\s+(?!\s)|\d+[.)]\s+(?!\s))?(\*\*|__|\*|_)?\s*(?:speakers?|presenters?|발표자|강연자|연사|발표)\s*(?!\s)\1?\s*[:：]\s*(?!\s)\1?(.*)$/i;
// "Speaker - Rosa Diaz", "발표자 — 홍길동": a dash after the label (not after "발표", which starts titles).
const DASH_LABEL_RE = /^\s*(?:[-*+]\s+)?(\*\*|__)?(?:speakers?|presenters?|발표자|강연자|연사)\1? [-–—] (.*)$/i;
/** Words one of which each label holds (lower case): a line without any is spared compiling the two above. */
const LABEL_WORDS = ['speaker', 'presenter', '발표', '강연자', '연사'];
// "by Jane Doe, Acme" / "By 홍길동"; what follows must read as a name ("by the way" is prose).
const BY_RE = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(\*\*|__|\*|_)?[Bb]y\s+(.*)$/u;

// After a name, its org and role: "김철수 | 예시회사 백엔드 개발자", "Jane Doe | Acme Staff Engineer".
const PIPE_RE = / ?[|｜] ?/;
// Words that start a role, not an org, right after the pipe ("김철수 | 백엔드 개발자").
const ROLE_START_RE =
  /^(?:백엔드|프론트엔드|풀스택|서버|안드로이드|데이터|플랫폼|인프라|시니어|주니어|수석|책임|선임|개발자|엔지니어|디자이너|리드|팀장|대표|이사|매니저|연구원|(?:ios|ml|ai|qa|sre)|engineer|developer|lead|manager|director|architect|designer|evangelist|advocate|founder|co-founder|cto|ceo|vp|head|staff|senior|principal|chief|scientist|researcher|consultant|analyst|intern)$/iu;

// Every expression below runs on text whose white space is already one space at a time
// (see oneSpace), so none of them backtracks over a long run: each is linear in its input.

// Between people, always: "A; B", "A；B", or a line break. " / " splits when every part reads as a person.
const HARD_SPLIT_RE = /[;；\n]/;
// Between people, only when both sides look like people: "A & B", "A and B", "A 및 B".
const CONNECTOR_RE = / (?:&|and|및) /gi;
/** CONNECTOR_RE, to learn whether it matches at all. */
const CONNECTOR_SEEN = / (?:&|and|및) /i;
// Between a name and its role/org: "Jane Doe, Acme", "Jane Doe — Acme", "Jane Doe - Acme".
const PART_SPLIT_RE = / ?[,，] ?| [-–—] | ?— ?/;
// A parenthesised note: "(아마존 웹서비스)", "(@jdoe)", "（Acme）".
const PAREN_RE = /[(（]([^()（）]*)[)）]/g;
// "Staff Engineer at Acme", "Engineer @ Acme".
const AT_RE = /^(.+?) (?:at|@) (.+)$/;
/** Characters trimmed from both ends of a part ("Acme.", "; Jane"), as UTF-16 codes (each is one): no string is made per character looked at. */
const EDGE_LEAD = new Set([...' ,，;:：·、-–—'].map((c) => c.charCodeAt(0)));
const EDGE_TRAIL = new Set([...' ,，;:：·、。!?'].map((c) => c.charCodeAt(0)));
const ABBREVIATION_END = /\b(?:Inc|Ltd|Co|Corp|Jr|Sr|Dr|St)$/;

/** White space collapsed to single spaces (line breaks kept: they split people). */
function oneSpace(text: string): string {
  // Most lines hold single spaces alone, which collapsing would leave as they are: not rebuilt.
  return LOOSE_LINE_SPACE.test(text) ? text.replace(/[^\S\n]+/g, ' ') : text;
}

/** White space (but a line break) that oneSpace would change: anything but a single space. */
const LOOSE_LINE_SPACE = /[^\S\n ]| {2}/;
/** White space that collapsing to single spaces would change. */
const LOOSE_SPACE = /[^\S ]| {2}/;

/** Collapses spaces and trims spaces and punctuation at both ends (keeps "Inc." and the like). */
function clean(text: string): string {
  const t = LOOSE_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
  let from = 0;
  let to = t.length;
  while (from < to && EDGE_LEAD.has(t.charCodeAt(from))) from++;
  while (to > from && EDGE_TRAIL.has(t.charCodeAt(to - 1))) to--;
  let dots = to;
  while (dots > from && t[dots - 1] === '.') dots--;
  // All trailing dots go, but one stays after an abbreviation ("Acme Inc.").
  if (dots < to) to = ABBREVIATION_END.test(t.slice(Math.max(from, dots - 8), dots)) ? dots + 1 : dots;
  return t.slice(from, to).trim();
}

/** A part with one Latin word and no Hangul ("Szabi"): too short to stand as a name of its own. */
function isOneLatinWord(text: string): boolean {
  if (text.length > 100) return false;
  const t = text.trim();
  return t !== '' && !t.includes(' ') && !hasHangul(t);
}

/** Splits on " & ", " and ", " 및 " where both sides read as people, keeping a pair whole when a side would be one Latin word ("Szabi and Zsuzsa Marka"). */
function splitConnectors(text: string): string[] {
  if (!CONNECTOR_SEEN.test(text)) return [text];
  const parts: string[] = [];
  let from = 0;
  for (const m of text.matchAll(CONNECTOR_RE)) {
    const left = text.slice(from, m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + NAME_REACH);
    const right = after.split(/[,，(（]| (?:&|and|및) /i)[0] ?? '';
    if (startsLikePerson(left) && startsLikePerson(after) && !isOneLatinWord(left) && !isOneLatinWord(right)) {
      parts.push(left);
      from = m.index + m[0].length;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

/** How far past a connector to look for the next name (names are short). */
const NAME_REACH = 200;

/** Splits "김철수, 이영희" / "Jane Doe, John Roe" when every comma part is just a name. */
function splitCommas(text: string): string[] {
  if (!text.includes(',') && !text.includes('，')) return [text];
  const parts = text.split(/ ?[,，] ?/).map(clean);
  return parts.length >= 2 && parts.every(isBareName) ? parts : [text];
}

/** Splits "A / B" into people when every part reads as one; else "Name / Org / Role" stays one person. */
function splitSlashes(text: string): string[] {
  const parts = text.split(' / ');
  if (parts.length === 1) return parts;
  const named = parts.map((p) => p.trim()).filter((p) => p !== '');
  return named.every(readsAsPerson) ? parts : [parts.map((p) => p.trim()).join(' | ')];
}

/** If the line is a labelled speaker line, the text after the label ("" when nothing follows it), else null. */
export function findSpeakerLabel(line: string): string | null {
  const by = BY_RE.exec(line);
  const lower = line.toLowerCase();
  const labelled = LABEL_WORDS.some((word) => lower.includes(word)) ? (LABEL_RE.exec(line) ?? DASH_LABEL_RE.exec(line)) : null;
  const m = labelled ?? (by !== null && startsLikePerson(by[2] ?? '') ? by : null);
  if (m === null) return null;
  let rest = m[2] ?? '';
  const emphasis = m[1];
  if (emphasis !== undefined && rest.trimEnd().endsWith(emphasis)) rest = rest.trimEnd().slice(0, -emphasis.length);
  return rest.trim();
}

/**
 * Longest speaker line read: twenty people with their roles fit many times over.
 * Past it the line is read up to its last separator before the limit, so a
 * hostile line of 100 KB costs what 4 KB does.
 */
export const MAX_SPEAKER_TEXT = 4000;

/** A speaker line cut to MAX_SPEAKER_TEXT, at a separator between people when there is one. */
function boundSpeakerText(text: string): string {
  if (text.length <= MAX_SPEAKER_TEXT) return text;
  const head = text.slice(0, MAX_SPEAKER_TEXT);
  const cut = Math.max(head.lastIndexOf(';'), head.lastIndexOf('\n'), head.lastIndexOf(' & '), head.lastIndexOf(' and '), head.lastIndexOf(','), head.lastIndexOf(' / '));
  return cut > 0 ? head.slice(0, cut) : head;
}

/** Splits a speaker line into people and parses each; blank → []. */
export function parseSpeakers(text: string): Speaker[] {
  const line = oneSpace(boundSpeakerText(text));
  const speakers: Speaker[] = [];
  // Nested loops rather than a chain of flatMap, which V8 runs slowly (a folder's tracks parse thousands of lines).
  for (const hard of HARD_SPLIT_RE.test(line) ? line.split(HARD_SPLIT_RE) : [line]) {
    for (const slashed of splitSlashes(hard)) {
      for (const connected of splitConnectors(slashed)) {
        for (const part of splitCommas(connected)) {
          const speaker = parseSpeaker(part);
          if (speaker.name !== '') speakers.push(speaker);
        }
      }
    }
  }
  return speakers;
}

/** One person: "Name Role, Org" → name, role, org (name is "" when there is none). */
export function parseSpeaker(text: string): Speaker {
  const spaced = oneSpace(text.replace(/\*\*|__/g, '').replace(/\n/g, ' '));
  const piped = spaced.split(PIPE_RE);
  if (piped.length > 1) return parsePiped(piped);
  let parenOrg: string | null = null;
  let parenRole: string | null = null;
  const plain = spaced
    .replace(PAREN_RE, (_, inner: string) => {
      const note = clean(inner);
      if (note !== '' && !note.startsWith('@') && parenOrg === null) {
        const bits = note.split(/ ?[,，] ?/).map(clean).filter(Boolean);
        parenOrg = bits.pop() ?? null;
        parenRole = bits.length > 0 ? bits.join(', ') : null;
      }
      return ' '; // handles like "(@jdoe)" are dropped
    })
    // "Sam Lee @ Globex": a spaced "@" stands between a name and an org.
    .replace(/ @ /g, ', ')
    .replace(/ {2,}/g, ' ');

  const segments = plain.split(PART_SPLIT_RE).map(clean).filter(Boolean);
  const words = (segments[0] ?? '').split(' ').filter((w) => w !== '' && !w.startsWith('@'));
  // Hangul: the name is the first word. Latin: every word up to the first Hangul one.
  const firstHangul = words.findIndex((w) => hasHangul(w));
  const nameLength = firstHangul === 0 ? 1 : firstHangul < 0 ? words.length : firstHangul;
  const joined = clean(words.slice(0, nameLength).join(' ').replace(/님$/, ''));
  const name = /[\p{L}\p{N}]/u.test(joined) ? joined : ''; // punctuation alone is no name
  const inline = clean(words.slice(nameLength).join(' '));
  const tail = segments.slice(1);

  let role: string | null = null;
  let org: string | null = null;
  if (parenOrg !== null) {
    org = parenOrg;
    role = [inline, ...tail, parenRole ?? ''].filter(Boolean).join(', ') || null;
  } else if (tail.length === 0) {
    role = inline || null;
  } else {
    org = tail[tail.length - 1]!;
    role = [inline, ...tail.slice(0, -1)].filter(Boolean).join(', ') || null;
  }
  const at = role === null && org !== null ? AT_RE.exec(org) : org === null && role !== null ? AT_RE.exec(role) : null;
  if (at !== null) {
    role = clean(at[1]!);
    org = clean(at[2]!);
  }
  return { name, role, org };
}

/** "김철수 | 예시회사 백엔드 개발자": for Hangul the first word after the pipe is the org, the rest the role. */
function parsePiped([head, ...rest]: string[]): Speaker {
  const base = parseSpeaker(head ?? '');
  const parts = rest.map(clean).filter(Boolean);
  let role: string | null = null;
  let org: string | null = null;
  const at = parts.length === 1 ? AT_RE.exec(parts[0]!) : null;
  if (parts.length > 1) {
    // "Name | Org | Role"
    org = parts[0]!;
    role = parts.slice(1).join(', ');
  } else if (at !== null) {
    role = clean(at[1]!);
    org = clean(at[2]!);
  } else if (parts.length === 1) {
    const segments = parts[0]!.split(PART_SPLIT_RE).map(clean).filter(Boolean);
    if (segments.length > 1) {
      // "Name | Role, Org"
      org = segments.pop()!;
      role = segments.join(', ');
    } else {
      const words = parts[0]!.split(' ');
      // Hangul: one org word; Latin: the words before the first role word ("Acme Staff Engineer").
      const roleAt = words.findIndex((w) => ROLE_START_RE.test(w));
      const split = roleAt === 0 ? 0 : hasHangul(words[0]!) ? 1 : roleAt === -1 ? words.length : roleAt;
      org = words.slice(0, split).join(' ') || null;
      role = words.slice(split).join(' ') || null;
    }
  }
  return {
    name: base.name,
    role: [base.role, role].filter(Boolean).join(', ') || null,
    org: org ?? base.org,
  };
}
