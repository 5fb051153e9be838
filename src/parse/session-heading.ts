// A heading (or a schedule line) that holds a time: "### 13:00 - 13:40 Title",
// "#### [세션 1] 14:00~14:40 | Title", "#### 10:30–11:15 · Main Hall · Title",
// or a time alone ("### 14:00 - 14:40") whose talks are written under it.
import { isWhiteSpace } from './text.js';
import { findTimeRange } from './time.js';

/** "[세션 1]", "Session 2:", "세션 3 -", "Track A |" before the time; "[12:50 ~ 13:30]" is the time itself. */
const LABEL = /^\s*(?:\[(?![^\]]{0,40}\d:\d)[^\]]{1,40}\]|(?:session|talk|track|세션|발표|트랙)\s*[\w가-힣]{0,4}\s*[:.\-–|]?)\s*/iu;
/** Separators between time, room and title. */
const SEPARATOR = /\s+[·|•]\s+|\s*\|\s*|\s+·\s*|^\s*[-–—:·|]\s*/u;
const ROOM = /\b(?:room|hall|track|stage|floor|auditorium)\b|(?:홀|룸|트랙|강당|회의실|[A-Z]\d?관)$/iu;
/**
 * Whether ROOM may match: each of its words holds an "a" or an "o" (no other
 * character folds to either), and each of its Hangul endings ends with one of
 * these syllables. Most titles are spared the expression, which is slow to fail.
 */
function mayNameRoom(part: string): boolean {
  return ROOM_ENDS.includes(part[part.length - 1] ?? '') || /[ao]/i.test(part);
}
const ROOM_ENDS = '홀룸랙당실관';

export interface SessionHeading {
  start: string;
  end: string | null;
  title: string;
  room: string | null;
}

/** How the time was written (see FoundTime in time.ts). */
export interface TimeWriting {
  meridiem: boolean;
  tilde: boolean;
}

export interface ReadHeading extends SessionHeading, TimeWriting {
  /** Nothing but the time (and maybe a "[세션 1]" label): the title is written under it. */
  timeOnly: boolean;
}

/** Reads a heading's text as a session heading, or null when it holds no time. */
export function parseSessionHeading(text: string): SessionHeading | null {
  const read = readSessionHeading(text);
  return read && { start: read.start, end: read.end, title: read.title, room: read.room };
}

const HAS_CLOCK = /\d:\d/;
const START_DIGIT = /^\s*\d/;

/** The time in a heading's text, after any label, or null when it holds none a schedule would use. */
function locateTime(text: string) {
  // Every clock time has a digit, a colon and a digit (see time.ts).
  if (!HAS_CLOCK.test(text)) return null;
  // A label starts with "[" or a word; most headings start with their time.
  const label = START_DIGIT.test(text) ? null : LABEL.exec(text);
  const afterLabel = label ? text.slice(label[0].length) : text;
  const time = findTimeRange(afterLabel);
  if (!time) return null;
  // A lone start time counts only where a schedule puts it: first.
  if (time.end === null && afterLabel.slice(0, time.index).trim() !== '') return null;
  // "Title (13:00-13:40)": the brackets around the time go with it.
  // What `.replace(/[\s([]+$/u, '')` and `.replace(/^[\s)\]]+/u, ' ')` give, without building a string for nothing.
  let beforeEnd = time.index;
  while (beforeEnd > 0 && (isWhiteSpace(afterLabel.charCodeAt(beforeEnd - 1)) || afterLabel[beforeEnd - 1] === '(' || afterLabel[beforeEnd - 1] === '[')) beforeEnd--;
  const before = afterLabel.slice(0, beforeEnd);
  const afterFrom = time.index + time.length;
  let afterStart = afterFrom;
  while (afterStart < afterLabel.length && (isWhiteSpace(afterLabel.charCodeAt(afterStart)) || afterLabel[afterStart] === ')' || afterLabel[afterStart] === ']')) afterStart++;
  const after = afterStart === afterFrom || (afterStart === afterFrom + 1 && afterLabel[afterFrom] === ' ') ? afterLabel.slice(afterFrom) : ` ${afterLabel.slice(afterStart)}`;
  return { label, time, before, after };
}

/** Only separators: what a heading holding nothing but its time has left (see readSessionHeading's parts). */
const NOTHING_LEFT = /^[\s·|•:–—-]*$/u;

/**
 * What readSessionHeading would make of a heading, without building it:
 * 'session', 'timeOnly' (the talks are written under it) or null. For
 * counting sessions over thousands of posts.
 */
export function sessionHeadingKind(text: string): 'session' | 'timeOnly' | null {
  return readHeadingTime(text)?.kind ?? null;
}

/**
 * sessionHeadingKind, with how the time was written: enough to count most
 * headings without reading their titles. `rest` is the text around the time
 * (label and time gone): every character of the title readSessionHeading
 * makes is in it, next to the same letters.
 */
export function readHeadingTime(text: string): { kind: 'session' | 'timeOnly'; start: string; end: string | null; tilde: boolean; rest: string } | null {
  const found = locateTime(text);
  if (!found) return null;
  const { start, end, tilde } = found.time;
  const rest = `${found.before} | ${found.after}`.trim();
  return { kind: headingKindOf(rest), start, end, tilde, rest };
}

function headingKindOf(rest: string): 'session' | 'timeOnly' {
  // A part survives readSessionHeading's splitting and trimming exactly when
  // it holds a character other than white space and separators.
  return NOTHING_LEFT.test(rest) ? 'timeOnly' : 'session';
}

/** Separator marks inside a part: without one, a part is whole (and the split is skipped). */
const SEPARATOR_MARK = /[·|•]/;

/** The parts of the text on one side of the time, split at separators and trimmed of them. */
function splitParts(text: string): string[] {
  const pieces = SEPARATOR_MARK.test(text) ? text.split(SEPARATOR) : [text];
  const parts: string[] = [];
  for (const piece of pieces) {
    const part = trimSeparators(piece);
    if (part !== '') parts.push(part);
  }
  return parts;
}

/**
 * What `part.replace(/^[\s·|•:–—-]+|[\s·|•:]+$/gu, '')` gives, without a
 * regular expression (which tried its second branch at every white space).
 */
function trimSeparators(part: string): string {
  let from = 0;
  while (from < part.length && (isWhiteSpace(part.charCodeAt(from)) || LEAD_MARKS.includes(part[from]!))) from++;
  let to = part.length;
  while (to > from && (isWhiteSpace(part.charCodeAt(to - 1)) || TRAIL_MARKS.includes(part[to - 1]!))) to--;
  return from === 0 && to === part.length ? part : part.slice(from, to);
}

const LEAD_MARKS = '·|•:–—-';
const TRAIL_MARKS = '·|•:';

/** parseSessionHeading, also telling whether the heading holds only its time. */
export function readSessionHeading(text: string): ReadHeading | null {
  const found = locateTime(text);
  if (!found) return null;
  const { label, time, before, after } = found;
  const parts = [...splitParts(before), ...splitParts(after)];
  let room: string | null = null;
  if (parts.length > 1) {
    const roomAt = parts.findIndex((part) => mayNameRoom(part) && ROOM.test(part));
    const at = roomAt === -1 ? 0 : roomAt;
    room = parts.splice(at, 1)[0] ?? null;
  }
  const title = parts.join(' · ') || (label ? label[0].trim() : '') || `${time.start}`;
  return { start: time.start, end: time.end, title, room, timeOnly: parts.length === 0, meridiem: time.meridiem, tilde: time.tilde };
}
