// Headings (and lines) that name a day or a room of the schedule under them:
//   days:  "Day 1", "2일차", "Day Two", "첫째 날", "Friday", "토요일", "May 17",
//          "17 May", "2023-05-17", "5월 17일 (수)", "5/17 (수)"
//   rooms: "트랙 A", "Track 2", "Room B", "A홀"

export interface DayLabel {
  /** The words that name the day, as written ("5월 17일 (수)", "Saturday"). */
  label: string;
  /** The day's number when the words give one ("Day 2", "둘째 날"); null for weekdays and dates. */
  number: number | null;
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const KO_WEEKDAY = '[월화수목금토일]';
const EN_WEEKDAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}';
const WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven'];
const KO_WORDS = ['첫', '둘', '셋', '넷', '다섯'];

// Alternatives, tried left to right at each position (the leftmost match wins). No u flag:
// nothing in it needs one, and it compiles in fewer instructions without.
const DAY_RE = new RegExp(
  [
    String.raw`\bday\s*(\d{1,3})\b`, // Day 1
    String.raw`(\d{1,3})\s*일\s*차`, // 2일차
    String.raw`\bday\s+(${WORDS.join('|')})\b`, // Day One
    String.raw`(${KO_WORDS.join('|')})째\s*날`, // 첫째 날
    String.raw`\b\d{4}-\d{2}-\d{2}\b`, // 2023-05-17
    String.raw`\d{1,2}월\s*\d{1,2}일(?:\s*\(${KO_WEEKDAY}\))?`, // 5월 17일 (수)
    String.raw`\b\d{1,2}/\d{1,2}\s*\((?:${KO_WEEKDAY}|${EN_WEEKDAY})\)`, // 5/17 (수)
    String.raw`\b${MONTH}\.?\s+\d{1,2}(?:st|nd|rd|th)?\b`, // May 17
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}\b`, // 17 May
    String.raw`\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`, // Saturday
    `${KO_WEEKDAY}요일`, // 토요일
  ].join('|'),
  'i',
);

/**
 * Whether DAY_RE may match: each of its shapes holds a digit, "day" (weekdays too),
 * "째" or "요일". Most headings hold none, and are spared compiling DAY_RE (~8
 * million instructions).
 */
function mayNameDay(text: string): boolean {
  return /\d/.test(text) || text.toLowerCase().includes('day') || text.includes('째') || text.includes('요일');
}

/** The day a heading names, or null. */
export function parseDayLabel(text: string): DayLabel | null {
  if (!mayNameDay(text)) return null;
  const m = DAY_RE.exec(text);
  if (m === null) return null;
  const label = m[0].replace(/\s+/g, ' ').trim();
  const digits = m[1] ?? m[2];
  if (digits !== undefined) return { label, number: Number(digits) };
  if (m[3] !== undefined) return { label, number: WORDS.indexOf(m[3].toLowerCase()) + 1 };
  if (m[4] !== undefined) return { label, number: KO_WORDS.indexOf(m[4]) + 1 };
  return { label, number: null };
}

/** A heading or line that is only a room's name: "트랙 A", "Track 2", "Room B", "A홀". */
const ROOM_LABEL = /^(?:트랙|track|room|hall|stage|룸|홀)(?:\s+[A-Za-z0-9가-힣]{1,3}|\s*\d{1,3})$|^[A-Za-z0-9]{1,3}\s*(?:트랙|홀|룸|관)$/i;
/** Words ROOM_LABEL needs one of (lower case): most text holds none, and is spared compiling it. */
const ROOM_WORDS = ['트랙', 'track', 'room', 'hall', 'stage', '룸', '홀', '관'];

/** The room a heading or line names ("트랙 A"), or null. */
export function parseRoomLabel(text: string): string | null {
  if (text.length > 40) return null;
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length > 20) return null;
  const lower = t.toLowerCase();
  return ROOM_WORDS.some((word) => lower.includes(word)) && ROOM_LABEL.test(t) ? t : null;
}
