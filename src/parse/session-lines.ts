// The lines under a session heading: who speaks, and, under a heading that
// holds only a time, which talks. Also schedules written one line per talk:
//   ### 14:00 - 14:40            ### 10:00 ~ 10:40           - 13:00 - 13:40 Title - 홍길동님
//   - Title - 홍길동님           **Title**                    [12:50 ~ 13:30] Title (Name - Org)
//   - Title – Jane Doe (@jdoe)   김철수 | 예시회사 개발자     7:10 PM - 7:50 PM: Title
// A plain line or heading naming a room ("트랙 A", "Track 2") gives the lines after it their room.
import type { Token, Tokens } from 'marked';
import type { Session, SessionLink } from '../types.js';
import { lexMarkdown } from './lexer.js';
import { readsAsPerson } from './names.js';
import { parseRoomLabel } from './session-days.js';
import { readSessionHeading, type ReadHeading } from './session-heading.js';
import { isSentenceLine } from './session-noise.js';
import { cleanTitle, extractSlideLinks, splitTitleSpeaker } from './session-title.js';
import { findSpeakerLabel, parseSpeakers } from './speakers.js';
import { extractFirstLine, extractLines } from './text.js';
import { findTimeRange } from './time.js';

/** A session before it is numbered, placed in its day and told talk from break. */
export interface SessionDraft extends Pick<Session, 'end' | 'title' | 'room' | 'speakers' | 'speakerText' | 'tokens' | 'links'> {
  /** A draft always has its start time. */
  start: string;
  /** An am/pm was written: the time is not a 12-hour clock without one. */
  meridiem: boolean;
  /** Written open-ended with a tilde ("16:20 ~"). */
  tilde: boolean;
  /** The speaker was labelled ("Speaker:") or reads as a person. */
  person: boolean;
}

/** Where a session's time came from, with how it was written. */
export interface DraftTime {
  start: string;
  end: string | null;
  room: string | null;
  meridiem?: boolean;
  tilde?: boolean;
}

/** A speaker line found under a heading, and whether a label said it is one. */
export interface FoundSpeaker {
  text: string;
  labelled: boolean;
}

/** A fallback speaker line is short and not a sentence. */
const MAX_SPEAKER_LINE = 100;
/** A title on its own line is short. */
const MAX_TITLE_LINE = 100;
/** " - ", " – ", " — " between a talk's title and its speaker. */
const DASH = /\s+[-–—]\s+/gu;
/** " | " before a speaker at the end of a schedule line. */
const PIPE = /\s+[|｜]\s+/u;

/** One line of a list (an item's first line) or of a paragraph, with the Markdown it came from. */
interface Entry {
  text: string;
  raw: string;
  /** The list and item this line is, when the block already has its tokens (made into a list of just this item on demand). */
  list?: Tokens.List;
  item?: Tokens.ListItem;
}

/** Longer lines are not lexed again for a session's tokens: their text stands as written. */
const MAX_RELEX = 2000;

/** A line's tokens for printing its session: its own when known, else lexed (or plain, when very long). */
function entryTokens(entry: Entry): Token[] {
  if (entry.list && entry.item) return [{ ...entry.list, raw: entry.raw, items: [entry.item] } as Token];
  if (entry.raw.length <= MAX_RELEX) return lex(entry.raw);
  return [{ type: 'paragraph', raw: entry.raw, text: entry.text, tokens: [{ type: 'text', raw: entry.text, text: entry.text, escaped: false }] } as Token];
}

/** Markdown -> tokens, the way parsePost lexes a body (a function: the built CLI sets marked up on the first lex, see scripts/build.mjs). */
export function lex(markdown: string): Token[] {
  return lexMarkdown(markdown);
}

export function makeDraft(time: DraftTime, title: string, speaker: FoundSpeaker | string | null, tokens: Token[], links: SessionLink[] = []): SessionDraft {
  const { start, end, room } = time;
  const found = typeof speaker === 'string' ? { text: speaker, labelled: false } : speaker;
  return {
    start,
    end,
    title,
    room,
    ...speakerFields(found),
    tokens,
    links,
    meridiem: time.meridiem ?? false,
    tilde: time.tilde ?? false,
    person: found !== null && (found.labelled || readsAsPerson(found.text)),
  };
}

/** A session's speaker line (or none) and the people it names. */
export function speakerFields(found: FoundSpeaker | null): Pick<Session, 'speakers' | 'speakerText'> {
  const speakerText = found?.text ?? null;
  return { speakers: speakerText ? parseSpeakers(speakerText) : [], speakerText };
}

/** "Title - 홍길동님" -> title and speaker text, split at the last dash; null unless the part after it reads as a person. */
export function splitTalkLine(line: string): { title: string; speakerText: string } | null {
  let last: RegExpMatchArray | undefined;
  for (const m of line.matchAll(DASH)) last = m;
  if (last?.index === undefined) return null;
  const title = line.slice(0, last.index).trim();
  const speakerText = line.slice(last.index + last[0].length).trim();
  return title !== '' && readsAsPerson(speakerText) && !readsAsPerson(title) ? { title, speakerText } : null;
}

/** A title as written in a heading or on a line -> the title a reader lists, and a speaker written beside it. */
export function readTitle(text: string): { title: string; speakerText: string | null } {
  const bare = cleanTitle(text);
  const split = splitTitleSpeaker(bare);
  return split ? { title: cleanTitle(split.title), speakerText: split.speakerText } : { title: bare, speakerText: null };
}

/**
 * The sessions under a heading that holds only a time. Its first block decides:
 * lines "Title - Name" make one session each, all at the heading's time (a
 * single one keeps the whole section as its tokens; several each get the
 * heading and their own line); else a short first line (bold, a link or plain,
 * not a sentence) is the title and a speaker line may follow; else one session
 * titled by the time.
 */
export function timeOnlySessions(heading: ReadHeading, section: readonly Token[]): SessionDraft[] {
  const direct = section.findIndex((t, k) => k > 0 && t.type === 'heading');
  const body = section.slice(1, direct === -1 ? section.length : direct);
  const blocks = body.filter((t) => t.type !== 'space' && t.type !== 'hr');
  const [first, second] = blocks;
  const entries = first ? blockEntries(first) : [];
  if (entries[0] && splitTalkLine(entries[0].text)) {
    const talks = entries.flatMap((entry) => {
      const talk = splitTalkLine(entry.text);
      return talk ? [{ entry, talk }] : [];
    });
    const person = (text: string): FoundSpeaker => ({ text, labelled: true });
    if (talks.length === 1) return [makeDraft(heading, cleanTitle(talks[0]!.talk.title), person(talks[0]!.talk.speakerText), [...section])];
    return talks.map(({ entry, talk }) => makeDraft(heading, cleanTitle(talk.title), person(talk.speakerText), [section[0]!, ...entryTokens(entry)]));
  }
  if (first?.type === 'paragraph') {
    const lines = extractLines(first);
    const next = lines[1] ?? (second ? blockEntries(second)[0]?.text : undefined);
    const line = lines[0] ?? '';
    const speakerish = next !== undefined && isSpeakerish(next);
    if (line !== '' && !isSpeakerish(line) && line.length <= MAX_TITLE_LINE && !isSentenceLine(line) && !isSentence(line)) {
      const labelled = findLabelled(body);
      const { title, speakerText } = readTitle(line);
      const speaker = labelled ?? (speakerText !== null ? { text: speakerText, labelled: true } : speakerish ? { text: next!, labelled: false } : null);
      return [makeDraft(heading, title, speaker, [...section], extractSlideLinks((first as Tokens.Paragraph).tokens))];
    }
  }
  return [makeDraft(heading, heading.title, findSpeakerText(body), [...section])];
}

/** Sessions from a list or paragraph outside any session whose lines start with a time; at least two such lines. */
export function timedLineSessions(block: Token, room: string | null = null): SessionDraft[] {
  let here = room;
  const found: SessionDraft[] = [];
  for (const entry of eachEntry(block)) {
    const named = parseRoomLabel(entry.text);
    if (named !== null) {
      here = named;
      continue;
    }
    const draft = readTimedLine(entry, here);
    if (draft) found.push(draft);
  }
  return found.length >= 2 ? found : [];
}

/** "[", "(" or nothing before a line's time. */
const BEFORE_TIME = /^[[(]?$/u;

/** "13:00 - 13:40 Title - 홍길동님", "[12:50 ~ 13:30] Title (Name - Org)", "7:10 PM - 7:50 PM: Title" -> a session, else null. */
function readTimedLine(entry: Entry, room: string | null): SessionDraft | null {
  const time = findTimeRange(entry.text);
  if (!time || !BEFORE_TIME.test(entry.text.slice(0, time.index).trim())) return null;
  let text = entry.text.slice(time.index);
  if (/^[[(]/u.test(entry.text.trim())) text = text.replace(/^([^\])]*?)[\])]/u, '$1');
  let speakerText: string | null = null;
  const pipes = text.split(PIPE);
  if (pipes.length >= 2 && readsAsPerson(pipes[pipes.length - 1]!)) {
    speakerText = pipes.pop()!.trim();
    text = pipes.join(' | ');
  }
  const heading = readSessionHeading(text);
  if (!heading || heading.timeOnly || isSentenceLine(heading.title)) return null;
  const read = speakerText === null ? readTitle(heading.title) : { title: cleanTitle(heading.title), speakerText };
  const speaker = read.speakerText === null ? null : { text: read.speakerText, labelled: true };
  return makeDraft({ ...heading, room: heading.room ?? room }, read.title, speaker, entryTokens(entry));
}

/**
 * A list's items (first lines) one at a time, or a paragraph's lines. A list
 * can hold 260,000 one-word items (a 1 MB post): an entry each, made up front
 * with a copy of the list per item, took 87 MB; the list of just one item is
 * now made only for a line that becomes a session (entryTokens).
 */
function* eachEntry(block: Token): Generator<Entry> {
  if (block.type !== 'list') return yield* blockEntries(block);
  const list = block as Tokens.List;
  for (const item of list.items) yield { text: extractFirstLine(item as Token), raw: item.raw.trimEnd(), list, item };
}

/** A list's items (first lines) or a paragraph's lines. */
function blockEntries(block: Token): Entry[] {
  if (block.type === 'list') return [...eachEntry(block)];
  if (block.type !== 'paragraph') return [];
  const lines = extractLines(block);
  const raws = block.raw.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.map((text, k) => ({ text, raw: raws.length === lines.length ? raws[k]! : text }));
}

function isSpeakerish(line: string): boolean {
  return findSpeakerLabel(line) !== null || readsAsPerson(line);
}

function isSentence(line: string): boolean {
  return /[.!?。]$|다\.?$|요\.?$/u.test(line);
}

function findLabelled(body: readonly Token[]): FoundSpeaker | null {
  for (const block of body) {
    for (const { text } of eachEntry(block)) {
      const labelled = findSpeakerLabel(text);
      if (labelled !== null && labelled.trim() !== '') return { text: labelled.trim(), labelled: true };
    }
  }
  return null;
}

/** A labelled line anywhere in the body wins; else the first bullet or a short first line. */
export function findSpeakerText(body: readonly Token[]): FoundSpeaker | null {
  const labelled = findLabelled(body);
  if (labelled !== null) return labelled;
  const first = body.find((t) => t.type !== 'space');
  if (!first) return null;
  const line =
    first.type === 'list' ? extractFirstLine((first as Tokens.List).items[0] as Token) :
    first.type === 'paragraph' ? (extractLines(first)[0] ?? '') : '';
  return line !== '' && line.length <= MAX_SPEAKER_LINE && !isSentence(line) ? { text: line, labelled: false } : null;
}
