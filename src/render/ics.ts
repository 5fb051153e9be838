// `tracks --ics`: sessions as an iCalendar file (RFC 5545) for calendar apps.
import { createRequire } from 'node:module';
import { toMinutes } from '../parse/time.js';
import type { Session, Speaker } from '../types.js';
import { endMinutes } from '../query/filter.js';
import { showControls } from '../sanitize.js';

export interface IcsEvent {
  session: Session;
  /** The day the session takes place, "YYYY-MM-DD". */
  date: string;
  post: { path: string; title: string };
}

export interface IcsOptions {
  /** DTSTAMP: when the file was made. */
  now: Date;
  /**
   * An IANA zone ("Asia/Seoul"): times are converted from that zone to UTC
   * ("…Z"), which needs no VTIMEZONE. Absent or null: floating local times,
   * shown at the same clock time wherever the calendar is.
   */
  timezone?: string | null;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/**
 * An iCalendar file with one VEVENT per session that has a start; "" when
 * there is none (a calendar needs at least one component). An unknown end
 * writes neither DTEND nor DURATION: the event then lasts no time (RFC 5545
 * 3.6.1). A range past midnight (23:30–00:30) ends the next day; an equal
 * start and end (12:00–12:00) is an event of no length; a reversed range of
 * more than 12 hours (13:00–12:00) has an unknown end (see endMinutes).
 * Throws RangeError on a malformed date or an unknown time zone.
 */
export function renderIcs(events: readonly IcsEvent[], options: IcsOptions): string {
  const toUtc = options.timezone ? zoneToUtc(options.timezone) : null;
  const stamp = `${formatDateTime(options.now.getTime())}Z`;
  const when = (wall: number) => (toUtc ? `${formatDateTime(toUtc(wall))}Z` : formatDateTime(wall));
  const uids = new Set<string>();
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//postview//postview//EN', 'CALSCALE:GREGORIAN'];
  let count = 0;
  for (const event of events) {
    const { session } = event;
    const start = session.start === null ? Number.NaN : toMinutes(session.start);
    if (Number.isNaN(start)) continue;
    const midnight = parseDate(event.date);
    lines.push('BEGIN:VEVENT', `UID:${uniqueUid(event, uids)}`, `DTSTAMP:${stamp}`, `DTSTART:${when(midnight + start * 60_000)}`);
    const end = session.end === null ? null : endMinutes(start, toMinutes(session.end));
    if (end !== null) lines.push(`DTEND:${when(midnight + end * 60_000)}`);
    lines.push(`SUMMARY:${escapeText(session.title)}`);
    const speakers = session.speakers.length > 0 ? session.speakers.map(describeSpeaker).join('; ') : session.speakerText;
    const description = [speakers ? `Speakers: ${speakers}` : '', `From: ${event.post.title}`].filter(Boolean).join('\n');
    lines.push(`DESCRIPTION:${escapeText(description)}`);
    if (session.room) lines.push(`LOCATION:${escapeText(session.room)}`);
    lines.push('END:VEVENT');
    count++;
  }
  if (count === 0) return '';
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** "김민준 (플랫폼 엔지니어, 예시테크)". */
function describeSpeaker(s: Speaker): string {
  const about = [s.role, s.org].filter(Boolean).join(', ');
  return about ? `${s.name} (${about})` : s.name;
}

/** Stable across runs: hash of file name, date, start and title; "-2", "-3" on a repeat. */
function uniqueUid(event: IcsEvent, seen: Set<string>): string {
  const file = event.post.path.split(/[\\/]/).pop() ?? '';
  const key = [file, event.date, event.session.start ?? '', event.session.title].join('\u0000');
  const hash = sha256Hex(key).slice(0, 32);
  let uid = `${hash}@postview`;
  for (let n = 2; seen.has(uid); n++) uid = `${hash}-${n}@postview`;
  seen.add(uid);
  return uid;
}

/** "2023-11-18" → its midnight as a UTC timestamp (wall-clock arithmetic only). */
function parseDate(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`invalid date '${date}' (expected YYYY-MM-DD)`);
  return ms;
}

/** A timestamp's UTC fields as "YYYYMMDDTHHMMSS". */
function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/** Wall-clock time in `zone` (as a UTC timestamp) → the real UTC timestamp. */
function zoneToUtc(zone: string): (wall: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  const offset = (instant: number) => {
    const p = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - instant;
  };
  return (wall) => wall - offset(wall - offset(wall));
}

/**
 * A TEXT value: "\\", ";", "," and newlines escaped. TEXT has no escape for
 * other characters and allows no control character (RFC 5545 3.3.11), and a
 * calendar app would act on a bidi control in a title: controls, bidi
 * controls and invisible characters are shown as the terminal shows them
 * ("␛", "<U+202E>"), so the file reads the same in a calendar and on screen.
 */
export function escapeText(value: string): string {
  return showControls(value.replace(/\r\n?/g, '\n').replace(/\t/g, ' '))
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets of UTF-8, between characters;
 * continuations start with a space. Never next to a zero-width joiner or
 * before a variation selector, so an emoji sequence (👩‍💻) stays whole, and
 * its joiner is never left beside a line break.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  const add = (unit: string, size: number) => {
    if (octets + size > MAX_OCTETS && octets > 1) {
      parts.push(part);
      part = ' ';
      octets = 1;
    }
    part += unit;
    octets += size;
  };
  // A unit is a character with the joiners and variation selectors after it and what a joiner joins.
  let unit = '';
  let size = 0;
  let joins = false;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    const octetsOf = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    const sticks = joins || cp === 0x200d || cp === 0xfe0f;
    joins = cp === 0x200d;
    // A unit too long for a line (a hostile chain of joiners) is cut anyway.
    if (unit !== '' && (!sticks || size + octetsOf > MAX_OCTETS - 1)) {
      add(unit, size);
      unit = '';
      size = 0;
    }
    unit += ch;
    size += octetsOf;
  }
  if (unit !== '') add(unit, size);
  parts.push(part);
  return parts.join(CRLF);
}

/** node:crypto takes ~2 ms to load, so it is loaded only when a calendar is written. */
function sha256Hex(text: string): string {
  const crypto = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(text).digest('hex');
}
