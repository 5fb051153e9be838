// Tokens -> sessions, in the order they are written. A session is:
//  - a heading that holds a time ("### 13:00 - 13:40 Title", "#### [세션 1] 14:00~14:40 | Title",
//    "#### 10:30–11:15 · Main Hall · Title", "### 14:00 Title (Name, Org)"), its speaker from a
//    labelled line under it, else beside the title, else the first bullet or short line;
//  - under a heading that holds only a time, each "Title - Name" line, or a short title line
//    (bold, a link or plain) maybe followed by a speaker line (see session-lines.ts);
//  - a row of a schedule table (see schedule-table.ts);
//  - a line of a list or paragraph that starts with a time, when at least two lines of it do.
// Tables and timed lines count only outside a session heading's own body (up to the next heading),
// so a table under "### 13:00 - 17:00 Afternoon" stays part of that one session.
//
// Headings without a time may name the day ("Day 2", "Saturday", "5월 17일 (수)") or the room
// ("트랙 A", "Track 2") of the sessions under them. Then, over the whole post:
//  - times that are not talks are left out (see session-noise.ts);
//  - a 12-hour clock written without am/pm runs forward through a day ("1:50" after "11:30" is 13:50);
//  - each session is a talk or a break (see session-kind.ts).
import type { Token, Tokens } from 'marked';
import type { Session } from '../types.js';
import { headingTitle } from './sections.js';
import { parseDayLabel, parseRoomLabel, type DayLabel } from './session-days.js';
import { readSessionHeading, type ReadHeading } from './session-heading.js';
import { parseSessionKind } from './session-kind.js';
import { findSpeakerText, makeDraft, readTitle, timedLineSessions, timeOnlySessions, type FoundSpeaker, type SessionDraft } from './session-lines.js';
import { isNoiseGroup, isNoiseTitle } from './session-noise.js';
import { extractSlideLinks } from './session-title.js';
import { tableSessions } from './schedule-table.js';
import { extractPlainText } from './text.js';
import { formatClock, toMinutes } from './time.js';

export { parseSessionHeading } from './session-heading.js';

/** A draft with where it sits: its day, and the group it was found in (one table, one block of lines, or the headings). */
interface Placed {
  draft: SessionDraft;
  day: { label: string; number: number | null } | null;
  group: number;
  table: boolean;
}

/** The group every heading session belongs to. */
const HEADINGS = 0;

/** What a heading's text alone says: a session's time, title, room and a speaker beside the title; else the room or day it names. */
export type HeadingRead =
  | { heading: ReadHeading; title: string; speakerText: string | null }
  | { heading: null; room: string | null; day: DayLabel | null };

/**
 * Each heading token's text and what it says (HeadingRead), kept for tokens
 * read more than once: parse/post-sessions.ts reads a post's headings, then
 * reads them again with some bodies, and reads each heading once.
 */
export class HeadingMemo {
  private readonly reads = new Map<Token, { title: string; read: HeadingRead }>();

  /** The heading's text (headingTitle) and what it says. */
  of(token: Tokens.Heading): { title: string; read: HeadingRead } {
    let known = this.reads.get(token);
    if (known === undefined) {
      const title = headingTitle(token);
      this.reads.set(token, (known = { title, read: readHeadingText(title) }));
    }
    return known;
  }
}

/** What a heading's text says (see HeadingRead). */
export function readHeadingText(text: string): HeadingRead {
  const heading = readSessionHeading(text);
  if (heading === null) {
    const room = parseRoomLabel(text);
    return { heading, room, day: room === null ? parseDayLabel(text) : null };
  }
  // A heading holding only its time takes its title from the lines under it.
  if (heading.timeOnly) return { heading, title: heading.title, speakerText: null };
  return { heading, ...readTitle(heading.title) };
}

/** The sessions the tokens hold, in order. `memo` keeps what each heading says, for tokens read again. */
export function extractSessions(tokens: readonly Token[], memo?: HeadingMemo): Session[] {
  const placed: Placed[] = [];
  const days: { level: number; label: string; number: number | null }[] = [];
  const rooms: { level: number; label: string }[] = [];
  let groups = HEADINGS;
  // A paragraph that is only a room's name ("트랙 A") names the room of what follows, up to the next heading.
  let lineRoom: string | null = null;
  const room = () => lineRoom ?? (rooms.length > 0 ? rooms[rooms.length - 1]!.label : null);
  const add = (drafts: SessionDraft[], group: number, table = false) => {
    const day = days.length > 0 ? days[days.length - 1]! : null;
    for (const draft of drafts) placed.push({ draft: draft.room === null ? { ...draft, room: room() } : draft, day, group, table });
  };
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.type === 'table') add(tableSessions(token as Tokens.Table), ++groups, true);
    else if (token.type === 'paragraph' && roomOf(token as Tokens.Paragraph) !== null) lineRoom = roomOf(token as Tokens.Paragraph);
    else if (token.type === 'list' || token.type === 'paragraph') add(timedLineSessions(token, room()), ++groups);
    if (token.type !== 'heading') {
      i++;
      continue;
    }
    const { depth } = token as Tokens.Heading;
    lineRoom = null;
    while (days.length > 0 && days[days.length - 1]!.level >= depth) days.pop();
    while (rooms.length > 0 && rooms[rooms.length - 1]!.level >= depth) rooms.pop();
    const read = memo === undefined ? readHeadingText(headingTitle(token as Tokens.Heading)) : memo.of(token as Tokens.Heading).read;
    if (read.heading === null) {
      if (read.room !== null) rooms.push({ level: depth, label: read.room });
      else if (read.day) days.push({ level: depth, ...read.day });
      i++;
      continue;
    }
    const { heading, title, speakerText } = read;
    const bodyEnd = nextHeading(tokens, i + 1, 6);
    const section = tokens.slice(i, nextHeading(tokens, i + 1, depth));
    if (heading.timeOnly) add(timeOnlySessions(heading, section), HEADINGS);
    else {
      const speaker = headingSpeaker(speakerText, tokens.slice(i + 1, bodyEnd));
      add([makeDraft(heading, title, speaker, section, extractSlideLinks((token as Tokens.Heading).tokens))], HEADINGS);
    }
    i = bodyEnd;
  }
  return finish(placed);
}

/**
 * The speaker of a session under a heading with a time: a labelled line of its
 * body (`body`: its tokens up to the next heading) wins, then the one written
 * beside its title (`beside`, see readTitle), then its body's first line.
 */
export function headingSpeaker(beside: string | null, body: readonly Token[]): FoundSpeaker | null {
  const labelled = findSpeakerText(body);
  return labelled?.labelled ? labelled : beside !== null ? { text: beside, labelled: true } : labelled;
}

/** Leaves out what is not a talk's time, runs 12-hour clocks forward, numbers the sessions and tells talks from breaks. */
function finish(placed: readonly Placed[]): Session[] {
  const kept = placed.filter((p) => !isNoiseTitle(p.draft.title));
  const byGroup = new Map<number, Placed[]>();
  for (const p of kept) {
    const group = byGroup.get(p.group);
    if (group) group.push(p);
    else byGroup.set(p.group, [p]);
  }
  // forEach rather than spreading and destructuring the entries: finish runs once per post of a folder, mostly before V8 optimises it.
  const noise = new Set<number>();
  byGroup.forEach((group, id) => {
    if (isNoiseGroup(group.map((p) => p.draft), group[0]!.table)) noise.add(id);
  });
  const sessions: Session[] = [];
  const dayNumbers = new Map<string, number>();
  for (const { draft, day } of runForward(kept.filter((p) => !noise.has(p.group)))) {
    const { start, end, title, room, speakers, speakerText, tokens, links } = draft;
    let dayNumber: number | null = null;
    if (day) {
      if (!dayNumbers.has(day.label)) dayNumbers.set(day.label, day.number ?? dayNumbers.size + 1);
      dayNumber = dayNumbers.get(day.label)!;
    }
    const kind = parseSessionKind(title);
    sessions.push({ index: sessions.length + 1, day: day?.label ?? null, start, end, title, room, speakers, speakerText, kind, links, dayNumber, tokens });
  }
  return sessions;
}

const HALF_DAY = 12 * 60;

/**
 * Schedules written on a 12-hour clock without am/pm ("11:30-12:10", then "1:50-2:20"):
 * within a day and a room, a time that drops below the one before it is in the
 * afternoon. Only where the day writes no hour past 12 without am/pm.
 */
function runForward(placed: readonly Placed[]): Placed[] {
  const dayOf = (p: Placed) => p.day?.label ?? '';
  const twentyFour = new Set(placed.filter((p) => !p.draft.meridiem && Number(p.draft.start.slice(0, 2)) > 12).map(dayOf));
  let previous: { day: string; room: string | null; start: number } | null = null;
  return placed.map((p) => {
    const day = dayOf(p);
    let start = toMinutes(p.draft.start);
    let { end } = p.draft;
    const same = previous !== null && previous.day === day && previous.room === p.draft.room;
    const crossesNoon = end !== null && toMinutes(end) >= HALF_DAY;
    if (same && !p.draft.meridiem && !twentyFour.has(day) && !crossesNoon && start >= 60 && start < HALF_DAY && start < previous!.start) {
      start += HALF_DAY;
      if (end !== null && toMinutes(end) < HALF_DAY) end = formatClock(toMinutes(end) + HALF_DAY);
      p = { ...p, draft: { ...p.draft, start: formatClock(start), end } };
    }
    previous = { day, room: p.draft.room, start };
    return p;
  });
}

/** The room a short paragraph names ("트랙 A"), else null. */
function roomOf(paragraph: Tokens.Paragraph): string | null {
  return paragraph.raw.length <= 40 ? parseRoomLabel(extractPlainText(paragraph.tokens)) : null;
}

/** Index of the next heading at `depth` or higher, else the end. */
function nextHeading(tokens: readonly Token[], from: number, depth: number): number {
  for (let j = from; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.type === 'heading' && (t as Tokens.Heading).depth <= depth) return j;
  }
  return tokens.length;
}
