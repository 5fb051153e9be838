// Schedule tables: a GFM table whose header names a time column and a title
// column (speaker, room and end columns optional, any order, any case):
//   | 시간 | 주제 | 발표자 | 장소 |      | Time | Title | Speaker | Room |
//   | Start | End | Session | Speaker |
// Each row whose time cell starts with a time ("13:00-13:40", "13:00 ~ 13:40",
// "16:20 ~", "15:40") and whose title cell is not empty is a session; other
// rows ("점심", breaks without a time) are skipped.
//
// A row has no heading of its own, so its `tokens` are made up: a paragraph
// "**13:00–13:40** · Room · Title" and a bullet list of its speakers, lexed
// from the cells' own Markdown (links and emphasis survive).
import type { Token, Tokens } from 'marked';
import { lex, makeDraft, type SessionDraft } from './session-lines.js';
import { extractPlainText } from './text.js';
import { findTimeRange } from './time.js';

type Column = 'time' | 'end' | 'title' | 'speaker' | 'room';

const COLUMNS: [Column, RegExp][] = [
  ['time', /^(?:시간|시각|일시|time|times|when|hours?|schedule|일정|start|starts|시작|시작 시간)$/u],
  ['end', /^(?:end|ends|finish|종료|끝|종료 시간)$/u],
  ['title', /^(?:(?:세션|발표|강연|talk|session)\s*(?:주제|제목|명|title|topic|name)|주제|제목|세션|sessions?|talks?|titles?|topics?|발표|강연|내용|프로그램|program|agenda)$/u],
  ['speaker', /^(?:발표자|연사|강연자|speakers?|presenters?|by|who)(?:\s*[/·&]\s*(?:소속|회사|org|organi[sz]ation|affiliation|company))?$/u],
  ['room', /^(?:장소|room|rooms|트랙|track|tracks|hall|홀|룸|location|stage|venue|강연장|발표장)$/u],
];

/** A cell's lines as plain text: "<br>" starts a new line. */
function cellLines(cell: Tokens.TableCell): string[] {
  const lines: string[] = [''];
  for (const token of cell.tokens) {
    // A <br> is a `br` token once parse/html.ts has read the cell's HTML.
    if (token.type === 'br' || (token.type === 'html' && /^<br\s*\/?>$/iu.test(token.raw.trim()))) lines.push('');
    else lines[lines.length - 1] += extractPlainText([token]);
  }
  return lines.map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== '' && !/^[-–—]$/u.test(line));
}

function headerKind(cell: Tokens.TableCell): Column | null {
  const name = extractPlainText(cell.tokens).toLowerCase().replace(/\s*[(（][^)）]*[)）]\s*/gu, '').trim();
  return COLUMNS.find(([, re]) => re.test(name))?.[0] ?? null;
}

/** Which column holds what; null when the table is not a schedule (no time or no title column). */
function columnsOf(table: Tokens.Table): Partial<Record<Column, number>> | null {
  const found: Partial<Record<Column, number>> = {};
  table.header.forEach((cell, i) => {
    const kind = headerKind(cell);
    if (kind !== null && found[kind] === undefined) found[kind] = i;
  });
  return found.time !== undefined && found.title !== undefined ? found : null;
}

/** Escapes what would start a block at the beginning of a line ("# ", "- ", "1. ", "> "). */
function inlineOnly(markdown: string): string {
  return /^(?:[#>+*-]|\d+[.)])/u.test(markdown) ? `\\${markdown}` : markdown;
}

function rowTokens(time: string, room: Tokens.TableCell | undefined, title: Tokens.TableCell, speaker: Tokens.TableCell | undefined): Token[] {
  const head = [`**${time}**`, room && cellLines(room).length > 0 ? room.text.trim() : '', title.text.trim()].filter(Boolean).join(' · ');
  const people = speaker ? speaker.text.split(/<br\s*\/?>/iu).map((s) => s.trim()).filter((s) => s !== '' && !/^[-–—]$/u.test(s)) : [];
  return lex([head, ...(people.length > 0 ? ['', ...people.map((p) => `- ${inlineOnly(p)}`)] : [])].join('\n'));
}

/** The sessions of a schedule table, in row order; [] when the table is not a schedule. */
export function tableSessions(table: Tokens.Table): SessionDraft[] {
  const columns = columnsOf(table);
  if (columns === null) return [];
  const drafts: SessionDraft[] = [];
  for (const row of table.rows) {
    const cell = (column: Column) => (columns[column] === undefined ? undefined : row[columns[column]!]);
    const [timeCell, titleCell, roomCell, speakerCell] = [cell('time'), cell('title'), cell('room'), cell('speaker')];
    if (!timeCell || !titleCell) continue;
    const endCell = cell('end');
    const timeText = [...cellLines(timeCell), ...(endCell ? ['-', ...cellLines(endCell)] : [])].join(' ');
    const time = findTimeRange(timeText);
    const title = cellLines(titleCell).join(' ');
    if (!time || timeText.slice(0, time.index).trim() !== '' || title === '') continue;
    const room = roomCell ? cellLines(roomCell).join(' ') || null : null;
    const people = speakerCell ? cellLines(speakerCell) : [];
    const speakerText = people.length > 0 ? people.join('; ') : null;
    const span = time.end === null ? time.start : `${time.start}–${time.end}`;
    const tokens = rowTokens(span, roomCell, titleCell, speakerCell);
    const speaker = speakerText === null ? null : { text: speakerText, labelled: true };
    drafts.push(makeDraft({ start: time.start, end: time.end, room, meridiem: time.meridiem, tilde: time.tilde }, title, speaker, tokens));
  }
  return drafts;
}
