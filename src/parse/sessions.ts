// Sections -> sessions. A heading that holds a time range is a session
// wherever it sits ("### 13:00 - 13:40 Title", "#### [세션 1] 14:00~14:40 | Title",
// "#### 10:30–11:15 · Main Hall · Title"); its speaker comes from a labelled
// line under it, else from the first bullet or short line.
import type { Token, Tokens } from 'marked';
import type { Session } from '../types.js';
import { headingTitle } from './sections.js';
import { findSpeakerLabel, parseSpeakers } from './speakers.js';
import { extractFirstLine, extractLines } from './text.js';
import { findTimeRange } from './time.js';

/** "[세션 1]", "Session 2:", "세션 3 -", "Track A |" before the time. */
const LABEL = /^\s*(?:\[[^\]]{1,40}\]|(?:session|talk|track|세션|발표|트랙)\s*[\w가-힣]{0,4}\s*[:.\-–|]?)\s*/iu;
/** "Day 1", "DAY 2", "1일차", "2 일차", "첫째 날". */
const DAY = /\bday\s*\d+\b|\d+\s*일\s*차|(?:첫|둘|셋|넷)째\s*날/iu;
/** Separators between time, room and title. */
const SEPARATOR = /\s+[·|•]\s+|\s*\|\s*|\s+·\s*|^\s*[-–—:·|]\s*/u;
const ROOM = /\b(?:room|hall|track|stage|floor|auditorium)\b|(?:홀|룸|트랙|강당|회의실|[A-Z]\d?관)$/iu;
/** A fallback speaker line is short and not a sentence. */
const MAX_SPEAKER_LINE = 100;

interface SessionHeading {
  start: string;
  end: string | null;
  title: string;
  room: string | null;
}

/** Reads a heading's text as a session heading, or null when it holds no time. */
export function parseSessionHeading(text: string): SessionHeading | null {
  const label = LABEL.exec(text);
  const afterLabel = label ? text.slice(label[0].length) : text;
  const time = findTimeRange(afterLabel);
  if (!time) return null;
  // A lone start time counts only where a schedule puts it: first.
  if (time.end === null && afterLabel.slice(0, time.index).trim() !== '') return null;
  // "Title (13:00-13:40)": the brackets around the time go with it.
  const before = afterLabel.slice(0, time.index).replace(/[\s([]+$/u, '');
  const after = afterLabel.slice(time.index + time.length).replace(/^[\s)\]]+/u, ' ');
  const rest = `${before} | ${after}`.trim();
  const parts = rest
    .split(SEPARATOR)
    .map((part) => part.replace(/^[\s·|•:–—-]+|[\s·|•:]+$/gu, ''))
    .filter((part) => part !== '');
  let room: string | null = null;
  if (parts.length > 1) {
    const roomAt = parts.findIndex((part) => ROOM.test(part));
    const at = roomAt === -1 ? 0 : roomAt;
    room = parts.splice(at, 1)[0] ?? null;
  }
  const title = parts.join(' · ') || (label ? label[0].trim() : '') || `${time.start}`;
  return { start: time.start, end: time.end, title, room };
}

export function extractSessions(tokens: readonly Token[]): Session[] {
  const sessions: Session[] = [];
  const days: { level: number; label: string }[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== 'heading') return;
    const { depth } = token as Tokens.Heading;
    while (days.length > 0 && days[days.length - 1]!.level >= depth) days.pop();
    const text = headingTitle(token as Tokens.Heading);
    const heading = parseSessionHeading(text);
    if (!heading) {
      const day = DAY.exec(text);
      if (day) days.push({ level: depth, label: day[0].replace(/\s+/g, ' ') });
      return;
    }
    const end = nextHeading(tokens, i + 1, depth);
    const body = tokens.slice(i + 1, nextHeading(tokens, i + 1, 6));
    const speakerText = findSpeakerText(body);
    sessions.push({
      index: sessions.length + 1,
      day: days.length > 0 ? days[days.length - 1]!.label : null,
      start: heading.start,
      end: heading.end,
      title: heading.title,
      room: heading.room,
      speakers: speakerText ? parseSpeakers(speakerText) : [],
      speakerText,
      tokens: tokens.slice(i, end),
    });
  });
  return sessions;
}

/** Index of the next heading at `depth` or higher, else the end. */
function nextHeading(tokens: readonly Token[], from: number, depth: number): number {
  for (let j = from; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.type === 'heading' && (t as Tokens.Heading).depth <= depth) return j;
  }
  return tokens.length;
}

/** A labelled line anywhere in the body wins; else the first bullet or a short first line. */
function findSpeakerText(body: readonly Token[]): string | null {
  const blocks = body.filter((t) => t.type !== 'space');
  for (const block of blocks) {
    for (const line of blockLines(block)) {
      const labelled = findSpeakerLabel(line);
      if (labelled !== null && labelled.trim() !== '') return labelled.trim();
    }
  }
  const first = blocks[0];
  if (!first) return null;
  const line =
    first.type === 'list' ? extractFirstLine((first as Tokens.List).items[0] as Token) :
    first.type === 'paragraph' ? (extractLines(first)[0] ?? '') : '';
  return looksLikeSpeakerLine(line) ? line : null;
}

function blockLines(block: Token): string[] {
  if (block.type === 'paragraph') return extractLines(block);
  if (block.type === 'list') return (block as Tokens.List).items.map((item) => extractFirstLine(item as Token));
  return [];
}

function looksLikeSpeakerLine(line: string): boolean {
  return line !== '' && line.length <= MAX_SPEAKER_LINE && !/[.!?。]$|다\.?$|요\.?$/u.test(line);
}
