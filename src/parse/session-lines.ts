// The lines under a session heading: who speaks, and, under a heading that
// holds only a time, which talks. Also schedules written one line per talk:
//   ### 14:00 - 14:40            ### 10:00 ~ 10:40           - 13:00 - 13:40 Title - 홍길동님
//   - Title - 홍길동님           **Title**                    - 13:50 - 14:30 Title – Jane Doe (@jdoe)
//   - Title – Jane Doe (@jdoe)   김철수 | 예시회사 개발자
import type { Token, Tokens } from 'marked';
import type { Session } from '../types.js';
import { lexMarkdown } from './lexer.js';
import { readsAsPerson } from './names.js';
import { readSessionHeading, type ReadHeading } from './session-heading.js';
import { findSpeakerLabel, parseSpeakers } from './speakers.js';
import { extractFirstLine, extractLines, extractPlainText } from './text.js';
import { findTimeRange } from './time.js';

/** A session before it is numbered and placed in its day. */
export type SessionDraft = Omit<Session, 'index' | 'day'>;

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
}

/** Markdown -> tokens, the way parsePost lexes a body. */
export const lex = lexMarkdown;

export function makeDraft(time: { start: string; end: string | null; room: string | null }, title: string, speakerText: string | null, tokens: Token[]): SessionDraft {
  const { start, end, room } = time;
  return { start, end, title, room, speakers: speakerText ? parseSpeakers(speakerText) : [], speakerText, tokens };
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

/**
 * The sessions under a heading that holds only a time. Its first block decides:
 * lines "Title - Name" make one session each, all at the heading's time (a
 * single one keeps the whole section as its tokens; several each get the
 * heading and their own line); else a bold or short first line followed by a
 * speaker line is the title; else one session titled by the time.
 */
export function timeOnlySessions(heading: ReadHeading, section: readonly Token[]): SessionDraft[] {
  const direct = section.findIndex((t, k) => k > 0 && t.type === 'heading');
  const body = section.slice(1, direct === -1 ? section.length : direct);
  const blocks = body.filter((t) => t.type !== 'space');
  const [first, second] = blocks;
  const entries = first ? blockEntries(first) : [];
  if (entries[0] && splitTalkLine(entries[0].text)) {
    const talks = entries.flatMap((entry) => {
      const talk = splitTalkLine(entry.text);
      return talk ? [{ entry, talk }] : [];
    });
    if (talks.length === 1) return [makeDraft(heading, talks[0]!.talk.title, talks[0]!.talk.speakerText, [...section])];
    return talks.map(({ entry, talk }) => makeDraft(heading, talk.title, talk.speakerText, [section[0]!, ...lex(entry.raw)]));
  }
  if (first?.type === 'paragraph') {
    const lines = extractLines(first);
    const next = lines[1] ?? (second ? blockEntries(second)[0]?.text : undefined);
    const leader = (first as Tokens.Paragraph).tokens[0];
    const bold = leader?.type === 'strong' && extractPlainText([leader]).trim() === lines[0];
    const title = lines[0] ?? '';
    const speakerish = next !== undefined && isSpeakerish(next);
    if (title !== '' && !isSpeakerish(title) && title.length <= MAX_TITLE_LINE && (bold || (speakerish && !isSentence(title)))) {
      const labelled = findLabelled(body);
      return [makeDraft(heading, title, labelled ?? (speakerish ? next : null), [...section])];
    }
  }
  return [makeDraft(heading, heading.title, findSpeakerText(body), [...section])];
}

/** Sessions from a list or paragraph outside any session whose lines start with a time; at least two such lines. */
export function timedLineSessions(block: Token): SessionDraft[] {
  const found = blockEntries(block).flatMap((entry) => {
    const draft = readTimedLine(entry);
    return draft ? [draft] : [];
  });
  return found.length >= 2 ? found : [];
}

/** "13:00 - 13:40 Title - 홍길동님", "16:20 ~ Title | Jane Doe", "15:40 Title" -> a session, else null. */
function readTimedLine(entry: Entry): SessionDraft | null {
  const time = findTimeRange(entry.text);
  if (!time || entry.text.slice(0, time.index).trim() !== '') return null;
  let text = entry.text;
  let speakerText: string | null = null;
  const pipes = text.split(PIPE);
  if (pipes.length >= 2 && readsAsPerson(pipes[pipes.length - 1]!)) {
    speakerText = pipes.pop()!.trim();
    text = pipes.join(' | ');
  }
  const heading = readSessionHeading(text);
  if (!heading || heading.timeOnly) return null;
  const talk = speakerText === null ? splitTalkLine(heading.title) : null;
  return makeDraft(heading, talk?.title ?? heading.title, talk?.speakerText ?? speakerText, lex(entry.raw));
}

/** A list's items (first lines) or a paragraph's lines. */
function blockEntries(block: Token): Entry[] {
  if (block.type === 'list') {
    return (block as Tokens.List).items.map((item) => ({ text: extractFirstLine(item as Token), raw: item.raw.trimEnd() }));
  }
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

function findLabelled(body: readonly Token[]): string | null {
  for (const block of body) {
    for (const { text } of blockEntries(block)) {
      const labelled = findSpeakerLabel(text);
      if (labelled !== null && labelled.trim() !== '') return labelled.trim();
    }
  }
  return null;
}

/** A labelled line anywhere in the body wins; else the first bullet or a short first line. */
export function findSpeakerText(body: readonly Token[]): string | null {
  const labelled = findLabelled(body);
  if (labelled !== null) return labelled;
  const first = body.find((t) => t.type !== 'space');
  if (!first) return null;
  const line =
    first.type === 'list' ? extractFirstLine((first as Tokens.List).items[0] as Token) :
    first.type === 'paragraph' ? (extractLines(first)[0] ?? '') : '';
  return line !== '' && line.length <= MAX_SPEAKER_LINE && !isSentence(line) ? line : null;
}
