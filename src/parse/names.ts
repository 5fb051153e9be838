// Does a piece of text read as a person's name? Heuristics shared by speaker
// lines ("김철수 대표, 예시회사") and line-per-session shapes ("Title - 홍길동님").
// Never throws; unknown shapes read as "not a name".

// Built on first use: a Unicode property class costs V8 about half a million to
// a million instructions to build (valgrind --tool=callgrind), and only the
// session parsers ask, so `show` of a whole post never pays for these three.
let hangul: RegExp | undefined;
let hangulWord: RegExp | undefined;
let capitalWord: RegExp | undefined;

/** Whether the text holds a Hangul character. */
export function hasHangul(text: string): boolean {
  return (hangul ??= /\p{Script=Hangul}/u).test(text);
}

/** "김철수": Hangul alone. */
const isHangulWord = (word: string) => (hangulWord ??= /^\p{Script=Hangul}+$/u).test(word);
/** A capitalised Latin word: "Jane", "O'Neil", "Jean-Luc". */
const isCapitalWord = (word: string) => (capitalWord ??= /^\p{Lu}[\p{L}'’.-]*$/u).test(word);

// Common Korean surnames: a 3-syllable Hangul word starting with one of these reads as a name.
const SURNAMES = new Set([...'김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설길연위표명']);
const DOUBLE_SURNAMES = new Set(['남궁', '제갈', '선우', '독고', '황보', '사공', '서문']);
// 3-syllable words that start like a surname but are role/org words ("클라우드 및 서비스 …").
const NOT_NAMES = new Set(['서비스', '모바일', '인프라', '연구소', '연구원', '연구자', '전문가', '이사장', '한국어', '설계자', '진행자', '도메인', '오라클']);
// Latin words that make a capitalised run a role or an org rather than a person.
export const NOT_NAME_WORDS = new Set(
  ('the a an of engineer engineering developer developers development research researcher lead head manager ' +
    'management director officer architect evangelist advocate president vice founder co-founder cofounder ' +
    'consultant specialist analyst scientist science designer design product products sales marketing operations ' +
    'support solutions solution services service cloud data software platform infrastructure security team group ' +
    'department division inc inc. corp corp. corporation ltd ltd. llc labs lab staff senior principal chief vp ceo ' +
    'cto cfo coo technology technologies relations community business strategy program project qa intern partner ' +
    'partners member devops web mobile systems university institute company studio')
    .split(' '),
);

/** "김철수", "홍길동님", "남궁민수": one Hangul word that reads as a Korean full name. */
export function isHangulName(word: string): boolean {
  const bare = word.replace(/님$/, '');
  if (!isHangulWord(bare)) return false;
  const syllables = [...bare];
  if (syllables.length === 3) return SURNAMES.has(syllables[0]!) && !bare.endsWith('팀') && !NOT_NAMES.has(bare);
  if (syllables.length === 4) return DOUBLE_SURNAMES.has(bare.slice(0, 2));
  return syllables.length === 2 && bare !== word && SURNAMES.has(syllables[0]!); // "김현님"
}

/** Capitalised Latin words at the start of `text`, up to the first other word or comma. */
function leadingCapitals(text: string): string[] {
  // Word by word, stopping at the first other word: splitting the whole text
  // first made "A & B & C …" (8,000 names) quadratic.
  const run: string[] = [];
  WORD_AT.lastIndex = 0;
  for (let m = WORD_AT.exec(text); m !== null && m[1] !== ''; m = WORD_AT.exec(text)) {
    if (!isCapitalWord(m[1]!)) break;
    run.push(m[1]!);
  }
  return run;
}

/** How much of a text's start can hold a name and its first words (keeps the tests below linear). */
const NAME_HEAD = 200;

/** The next word before the first "," "，" "(" "（" or "—" (an empty one there, or at the end). */
const WORD_AT = /\s*([^\s,，(（—]*)/y;

/** Does `text` start with something that reads as a person's name? */
export function startsLikePerson(text: string): boolean {
  const t = text.slice(0, NAME_HEAD).trim();
  if (hasHangul(t.charAt(0))) return isHangulName(/^[^\s,，(（]*/.exec(t)![0]);
  const run = leadingCapitals(t);
  return run.length > 0 && run.every((w) => !NOT_NAME_WORDS.has(w.toLowerCase()));
}

/** A part that is only a name: "김철수", "Jane Doe" (2–3 words, so a lone "Acme" stays an org). */
export function isBareName(part: string): boolean {
  if (hasHangul(part)) return isHangulName(part);
  const run = leadingCapitals(part);
  return run.length >= 2 && run.length <= 3 && run.join(' ') === part && startsLikePerson(part);
}

/** How Korean job titles end: 개발자, 팀장, 연구원, 대표, 리드, 매니저, 엔지니어, 아키텍트, 이사 … */
const ROLE_END = /(?:자|가|원|장|표|드|저|어|너|트|사|관|님|CTO|CEO|VP|Lead|Engineer|Manager)$/iu;

/** Longer than any "name, role, org" written after a talk's title. */
const MAX_PERSON_TEXT = 80;

/**
 * Is `text` a person as written after a talk title or on a line of its own?
 * "홍길동님", "Jane Doe (@jdoe)", "김철수 백엔드 개발자, 예시회사", "김철수 | 예시회사",
 * "Jane Doe, Acme". Stricter than startsLikePerson: "AWS를 활용한 …" and "Deep learning" are not.
 * A bare two- or three-word capitalised phrase ("Best Practices") still reads as a name.
 */
export function readsAsPerson(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.length > MAX_PERSON_TEXT) return false;
  const handle = /(?:^|\s|[(（])@[\w.-]+/u.test(t);
  const core = t.replace(/\s*[(（][^()（）]*[)）]/gu, ' ').replace(/(?:^|\s)@[\w.-]+/gu, ' ');
  const first = (core.split(/\s*[,，|｜]\s*|\s+[-–—]\s+/u)[0] ?? '').trim();
  if (first === '') return false;
  if (hasHangul(first.charAt(0))) {
    // "김철수 백엔드 개발자" but not "이벤트 소싱": more words must end like a role, or more parts follow.
    const words = first.split(/\s+/);
    return isHangulName(words[0]!) && (words.length === 1 || first !== core.trim() || ROLE_END.test(words[words.length - 1]!));
  }
  if (/님$/u.test(first)) return true; // "Jane님"
  return isBareName(first) || (handle && startsLikePerson(first));
}
