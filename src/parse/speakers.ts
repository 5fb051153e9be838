// Speaker lines: "Speaker: Jane Doe, Staff Engineer, Acme", "양승도 솔루션즈 아키텍트, 아마존 웹서비스".
// Heuristic and forgiving: these functions never throw, and unknown shapes fall back to "all name".
import type { Speaker } from '../types.js';
import { HANGUL_RE, isBareName, startsLikePerson } from './names.js';

// A label at the start of a line, with an optional list marker and bold/italic around the label:
//   "Speaker: Jane", "- **발표자**: 홍길동", "**Speakers：** A & B", "연사 : 김철수"
// "발표자료: …" (slides) and "Speaker Deck: …" are not labels: the colon must follow the label.
// Each run of white space is read whole ("(?!\s)"): two "\s*" side by side
// otherwise try every split of a long run (quadratic).
const LABEL_RE =
  /^\s*(?!\s)(?:[-*+]\s+(?!\s)|\d+[.)]\s+(?!\s))?(\*\*|__|\*|_)?\s*(?:speakers?|presenters?|발표자|강연자|연사|발표)\s*(?!\s)\1?\s*[:：]\s*(?!\s)\1?(.*)$/iu;
// "by Jane Doe, Acme" / "By 홍길동"; what follows must read as a name ("by the way" is prose).
const BY_RE = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(\*\*|__|\*|_)?[Bb]y\s+(.*)$/u;

// After a name, its org and role: "김철수 | 예시회사 백엔드 개발자", "Jane Doe | Acme Staff Engineer".
const PIPE_RE = /\s*[|｜]\s*/;
// Words that start a role, not an org, right after the pipe ("김철수 | 백엔드 개발자").
const ROLE_START_RE =
  /^(?:백엔드|프론트엔드|풀스택|서버|안드로이드|데이터|플랫폼|인프라|시니어|주니어|수석|책임|선임|개발자|엔지니어|디자이너|리드|팀장|대표|이사|매니저|연구원|(?:ios|ml|ai|qa|sre)|engineer|developer|lead|manager|director|architect|designer|evangelist|advocate|founder|co-founder|cto|ceo|vp|head|staff|senior|principal|chief|scientist|researcher|consultant|analyst|intern)$/iu;

// Between people, always: "A; B", "A；B", "A / B", or a line break.
const HARD_SPLIT_RE = /\s*[;；\n]\s*|\s+\/\s+/;
// Between people, only when both sides look like people: "A & B", "A and B", "A 및 B".
const CONNECTOR_RE = /\s+(?:&|and|및)\s+/gi;
// Between a name and its role/org: "Jane Doe, Acme", "Jane Doe — Acme", "Jane Doe - Acme".
const PART_SPLIT_RE = /\s*[,，]\s*|\s+[-–—]\s+|\s*—\s*/;
// A parenthesised note: "(아마존 웹서비스)", "(@jdoe)", "（Acme）".
const PAREN_RE = /\s*[(（]([^()（）]*)[)）]/g;
// "Staff Engineer at Acme", "Engineer @ Acme".
const AT_RE = /^(.+?)\s+(?:at|@)\s+(.+)$/;
/** Collapses spaces and trims spaces and punctuation at both ends (keeps "Inc." and the like). */
function clean(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').replace(/^[\s,，;:：·、\-–—]+/u, '');
  return dropTrailingDots(dropTrailing(collapsed, TRAILING)).trim();
}

/** What clean() drops at the end: spaces and punctuation. */
const TRAILING = /[\s,，;:：·、。!?]/u;
/** Abbreviations that keep one final dot ("Acme Inc."). */
const ABBREVIATION_END = /\b(?:Inc|Ltd|Co|Corp|Jr|Sr|Dr|St)$/;

/**
 * `text` less its trailing characters of `chars` (one UTF-16 unit each):
 * what `replace(/[…]+$/u, '')` gives, in one pass from the end (that
 * expression reads every run of such characters to its end: quadratic).
 */
function dropTrailing(text: string, chars: RegExp): string {
  let end = text.length;
  while (end > 0 && chars.test(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/** `replace(/(?<!\b(?:Inc|Ltd|Co|Corp|Jr|Sr|Dr|St))\.+$/, '')`, in one pass from the end. */
function dropTrailingDots(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2e) end--;
  if (end === text.length) return text;
  return text.slice(0, ABBREVIATION_END.test(text.slice(0, end)) ? end + 1 : end);
}

/** Splits on " & ", " and ", " 및 " where both sides read as people. */
function splitConnectors(text: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const m of text.matchAll(CONNECTOR_RE)) {
    const after = text.slice(m.index + m[0].length);
    if (startsLikePerson(text.slice(from, m.index)) && startsLikePerson(after)) {
      parts.push(text.slice(from, m.index));
      from = m.index + m[0].length;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

/** Splits "김철수, 이영희" / "Jane Doe, John Roe" when every comma part is just a name. */
function splitCommas(text: string): string[] {
  const parts = text.split(/\s*[,，]\s*/).map(clean);
  return parts.length >= 2 && parts.every(isBareName) ? parts : [text];
}

/** If the line is a labelled speaker line, the text after the label ("" when nothing follows it), else null. */
export function findSpeakerLabel(line: string): string | null {
  const by = BY_RE.exec(line);
  const m = LABEL_RE.exec(line) ?? (by !== null && startsLikePerson(by[2] ?? '') ? by : null);
  if (m === null) return null;
  let rest = m[2] ?? '';
  const emphasis = m[1];
  if (emphasis !== undefined && rest.trimEnd().endsWith(emphasis)) rest = rest.trimEnd().slice(0, -emphasis.length);
  return rest.trim();
}

/** Splits a speaker line into people and parses each; blank → []. */
export function parseSpeakers(text: string): Speaker[] {
  // Every run of white space as one space (or one line break, which splits
  // people): nothing below tells runs apart, and the splitting expressions
  // ("\s*[;；\n]\s*" and the like) are quadratic on long ones.
  return text
    .replace(/\s+/g, (run) => (run.includes('\n') ? '\n' : ' '))
    .split(HARD_SPLIT_RE)
    .flatMap(splitConnectors)
    .flatMap(splitCommas)
    .map(parseSpeaker)
    .filter((s) => s.name !== '');
}

/** One person: "Name Role, Org" → name, role, org (name is "" when there is none). */
export function parseSpeaker(text: string): Speaker {
  const piped = text.replace(/\*\*|__/g, '').split(PIPE_RE);
  if (piped.length > 1) return parsePiped(piped);
  let parenOrg: string | null = null;
  let parenRole: string | null = null;
  const plain = text.replace(/\*\*|__/g, '').replace(PAREN_RE, (_, inner: string) => {
    const note = clean(inner);
    if (note !== '' && !note.startsWith('@') && parenOrg === null) {
      const bits = note.split(/\s*[,，]\s*/).map(clean).filter(Boolean);
      parenOrg = bits.pop() ?? null;
      parenRole = bits.length > 0 ? bits.join(', ') : null;
    }
    return ' '; // handles like "(@jdoe)" are dropped
  });

  const segments = plain.split(PART_SPLIT_RE).map(clean).filter(Boolean);
  const words = (segments[0] ?? '').split(' ').filter((w) => w !== '' && !w.startsWith('@'));
  // Hangul: the name is the first word. Latin: every word up to the first Hangul one.
  const firstHangul = words.findIndex((w) => HANGUL_RE.test(w));
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
      const split = roleAt === 0 ? 0 : HANGUL_RE.test(words[0]!) ? 1 : roleAt === -1 ? words.length : roleAt;
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
