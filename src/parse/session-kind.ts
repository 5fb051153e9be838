// Talks and breaks. A session is a break when its title starts with what a
// schedule writes for time that is not a talk: registration, breaks, meals,
// coffee, networking, receptions, closing remarks (in Korean and English).
// Everything else is a talk: keynotes, panels, lightning talks, Q&A, openings.
//   "점심 시간", "Coffee break", "Registration for the workshops" -> break
//   "키노트 - 웹 플랫폼의 다음 10년", "Lightning talks", "Q&A panel"  -> talk
import type { SessionKind } from '../types.js';

/**
 * What a break's title starts with; English words end at a word boundary ("Breaking changes" is a talk).
 * No u flag: nothing in it needs one, and V8 compiles it in half the instructions without (~4 million
 * fewer, once per run, measured with valgrind --tool=callgrind).
 */
const BREAK_START = new RegExp(
  '^(?:' +
    [
      // Korean: meals, rest, registration, networking, prizes, the close.
      '등록', '접수', '입장', '체크인', '휴식', '쉬는\\s*시간', '점심', '저녁', '아침\\s*식사', '조식', '중식', '석식', '식사', '만찬', '다과',
      '커피', '티\\s*타임', '네트워킹', '리셉션', '경품', '폐회', '폐막', '기념\\s*촬영', '단체\\s*사진', '전시\\s*부스', '부스\\s*관람',
      // English.
      '(?:coffee|tea|comfort|short|long|lunch|afternoon|morning)?\\s*break\\b', 'coffee\\b', 'tea\\b', 'lunch\\b', 'breakfast\\b', 'brunch\\b',
      'dinner\\b', 'supper\\b', 'snacks?\\b', 'pizza\\b', 'drinks\\b', 'happy\\s+hour\\b', 'registration\\b', 'check[\\s-]?in\\b',
      'doors(?:\\s+open)?\\b', 'reception\\b', 'social(?:\\s+(?:hour|event|night|time))?\\s*$', 'networking\\b', 'hallway\\b',
      'expo\\s+hall\\b', 'exhibition\\b', 'raffle\\b', 'prize\\b', 'giveaways?\\b', 'closing(?:\\s+(?:remarks?|words|ceremony|notes?))?\\s*$',
      'close[\\s-]up\\b', 'wrap[\\s-]?up\\s*$', 'end\\s+of\\s+day\\b', 'set[\\s-]?up\\b', 'group\\s+photo\\b', 'free\\s+time\\b',
    ].join('|') +
    ')',
  'i',
);

/**
 * Words any break's title holds somewhere (lower case), for a quick test on many
 * headings at once (see outline.ts): without one, a heading is a talk. Korean
 * words anywhere; English words at a word's start (no letter a-z before them).
 */
export const BREAK_HINT_WORDS = {
  anywhere: ['등록', '접수', '입장', '체크인', '휴식', '쉬는', '점심', '저녁', '아침', '조식', '중식', '석식', '식사', '만찬', '다과', '커피', '티', '네트워킹', '리셉션', '경품', '폐회', '폐막', '촬영', '사진', '부스'],
  wordStart: [
    'break', 'coffee', 'tea', 'lunch', 'breakfast', 'brunch', 'dinner', 'supper', 'snack', 'pizza', 'drinks', 'happy', 'registration', 'check', 'doors',
    'reception', 'social', 'networking', 'hallway', 'expo', 'exhibition', 'raffle', 'prize', 'giveaway', 'clos', 'wrap', 'end', 'set', 'group', 'free',
  ],
};


/** Marks before a title's first word: emoji, bullets, brackets ("☕ 휴식 10분", "[Break]"); built on first use (its classes cost ~1.3 million instructions to build). */
let lead: RegExp | undefined;
/** A first character that is a letter or a digit: nothing to strip (most titles; the lead's classes cost ~4 million instructions to compile). */
const PLAIN_START = /^[A-Za-z0-9가-힣]/;

/** "talk" or "break", from the session's title. */
export function parseSessionKind(title: string): SessionKind {
  return BREAK_START.test(PLAIN_START.test(title) ? title : title.replace((lead ??= /^[^\p{L}\p{N}]*/u), '')) ? 'break' : 'talk';
}
