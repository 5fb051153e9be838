// The quick test `list` runs on every timed heading of thousands of posts:
// may this heading be a break or a log entry (see session-kind.ts,
// session-noise.ts)? Without a hint word it is a talk, whatever its title.
//
// It says what this expression says of the heading lower-cased:
//   (?:^|[^a-z])(?:WORD_START...)|(?:^|[^a-z])(?:WHOLE...)\b|\d{4}|ANYWHERE...
// without lower-casing the heading (an /i expression), and with the letter
// before a word looked behind for rather than matched. Measured on `list` of
// the bench's 10,000 posts, cold (valgrind): the hint cost ~180 million
// instructions of ~4,430 (30,000 timed headings), this form ~27 million fewer.
// A JavaScript loop over the characters cost more, being interpreted for most
// of the run; one test per post (the headings joined) cost more too.
// One difference, on the safe side: a heading holding U+0130 or U+212A (the
// two characters that lower-case into ASCII letters) is always a "maybe".
import { BREAK_HINT_WORDS } from './session-kind.js';
import { NOISE_HINT_WORDS } from './session-noise.js';

let hint: RegExp | undefined;

const escape = (s: string) => s.replace(/[-[\]{}()*+?.\\^$|]/g, '\\$&');

/**
 * Words as alternatives grouped by their first character ("b(?:reak|runch)"):
 * V8 tries each alternative at each character, and a group is one try where
 * its words share their first character (~35% fewer instructions on `list`'s
 * 30,000 headings than one alternative per word).
 */
function alternatives(words: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  for (const word of words) {
    const first = word.charAt(0);
    byFirst.set(first, [...(byFirst.get(first) ?? []), word.slice(1)]);
  }
  return [...byFirst].map(([first, rests]) => (rests.length === 1 ? escape(first + rests[0]) : `${escape(first)}(?:${rests.map(escape).join('|')})`)).join('|');
}

function buildHint(): RegExp {
  const anywhere = alternatives([...BREAK_HINT_WORDS.anywhere, ...NOISE_HINT_WORDS.anywhere]);
  // No u flag: without it, /i folds no other character into an ASCII letter.
  return new RegExp(`[\\u0130\\u212a]|\\d{4}|${anywhere}|(?<![a-z])(?:${alternatives(BREAK_HINT_WORDS.wordStart)}|(?:${alternatives(NOISE_HINT_WORDS.whole)})\\b)`, 'i');
}

/** Whether a heading may be a break or a log entry: false only when it holds none of the hint words. */
export function mayBeBreakOrNoise(text: string): boolean {
  return (hint ??= buildHint()).test(text);
}
