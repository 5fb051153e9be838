// Speaker lines: "Speaker: Jane Doe, Staff Engineer, Acme", "양승도 솔루션즈 아키텍트, 아마존 웹서비스".
// Heuristic and forgiving: these functions never throw, and unknown shapes fall back to "all name".
import type { Speaker } from '../types.js';

// A label at the start of a line, with an optional list marker and bold/italic around the label:
//   "Speaker: Jane", "- **발표자**: 홍길동", "**Speakers：** A & B", "연사 : 김철수"
// "발표자료: …" (slides) and "Speaker Deck: …" are not labels: the colon must follow the label.
const LABEL_RE =
  /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(\*\*|__|\*|_)?\s*(?:speakers?|presenters?|발표자|강연자|연사|발표)\s*\1?\s*[:：]\s*\1?(.*)$/iu;
// "by Jane Doe, Acme" / "By 홍길동"; what follows must read as a name ("by the way" is prose).
const BY_RE = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(\*\*|__|\*|_)?[Bb]y\s+(.*)$/u;

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
const HANGUL_RE = /\p{Script=Hangul}/u;
const HANGUL_WORD_RE = /^\p{Script=Hangul}+$/u;
// A capitalised Latin word: "Jane", "O'Neil", "Jean-Luc".
const CAPITAL_WORD_RE = /^\p{Lu}[\p{L}'’.-]*$/u;

// Common Korean surnames: a 3-syllable Hangul word starting with one of these reads as a name.
const SURNAMES = new Set([...'김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설길연위표명']);
const DOUBLE_SURNAMES = new Set(['남궁', '제갈', '선우', '독고', '황보', '사공', '서문']);
// 3-syllable words that start like a surname but are role/org words ("클라우드 및 서비스 …").
const NOT_NAMES = new Set(['서비스', '모바일', '인프라', '연구소', '연구원', '연구자', '전문가', '이사장', '한국어', '설계자', '진행자', '도메인', '오라클']);
// Latin words that make a capitalised run a role or an org rather than a person.
const NOT_NAME_WORDS = new Set(
  ('the a an of engineer engineering developer developers development research researcher lead head manager ' +
    'management director officer architect evangelist advocate president vice founder co-founder cofounder ' +
    'consultant specialist analyst scientist science designer design product products sales marketing operations ' +
    'support solutions solution services service cloud data software platform infrastructure security team group ' +
    'department division inc inc. corp corp. corporation ltd ltd. llc labs lab staff senior principal chief vp ceo ' +
    'cto cfo coo technology technologies relations community business strategy program project qa intern partner ' +
    'partners member devops web mobile systems university institute company studio')
    .split(' '),
);

/** Collapses spaces and trims spaces and punctuation at both ends (keeps "Inc." and the like). */
function clean(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s,，;:：·、\-–—]+/u, '')
    .replace(/[\s,，;:：·、。!?]+$/u, '')
    .replace(/(?<!\b(?:Inc|Ltd|Co|Corp|Jr|Sr|Dr|St))\.+$/, '')
    .trim();
}

/** "김철수", "홍길동님", "남궁민수": one Hangul word that reads as a Korean full name. */
function isHangulName(word: string): boolean {
  const bare = word.replace(/님$/, '');
  if (!HANGUL_WORD_RE.test(bare)) return false;
  const syllables = [...bare];
  if (syllables.length === 3) return SURNAMES.has(syllables[0]!) && !bare.endsWith('팀') && !NOT_NAMES.has(bare);
  if (syllables.length === 4) return DOUBLE_SURNAMES.has(bare.slice(0, 2));
  return syllables.length === 2 && bare !== word && SURNAMES.has(syllables[0]!); // "김현님"
}

/** Capitalised Latin words at the start of `text`, up to the first other word or comma. */
function leadingCapitals(text: string): string[] {
  const words = (text.split(/[,，(（—]/)[0] ?? '').trim().split(/\s+/);
  const run: string[] = [];
  for (const w of words) {
    if (!CAPITAL_WORD_RE.test(w)) break;
    run.push(w);
  }
  return run;
}

/** Does `text` start with something that reads as a person's name? */
function startsLikePerson(text: string): boolean {
  const t = text.trim();
  if (HANGUL_RE.test(t.charAt(0))) return isHangulName(t.split(/[\s,，(（]/)[0] ?? '');
  const run = leadingCapitals(t);
  return run.length > 0 && run.every((w) => !NOT_NAME_WORDS.has(w.toLowerCase()));
}

/** A part that is only a name: "김철수", "Jane Doe" (2–3 words, so a lone "Acme" stays an org). */
function isBareName(part: string): boolean {
  if (HANGUL_RE.test(part)) return isHangulName(part);
  const run = leadingCapitals(part);
  return run.length >= 2 && run.length <= 3 && run.join(' ') === part && startsLikePerson(part);
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
  return text
    .split(HARD_SPLIT_RE)
    .flatMap(splitConnectors)
    .flatMap(splitCommas)
    .map(parseSpeaker)
    .filter((s) => s.name !== '');
}

/** One person: "Name Role, Org" → name, role, org (name is "" when there is none). */
export function parseSpeaker(text: string): Speaker {
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
