// Clock times: ranges written in session headings, and times typed on the command line.
// Every time leaves this module as "HH:MM" (24 h) or as minutes since midnight.

export interface FoundTime {
  start: string;
  end: string | null;
  /** Where the matched text ("13:00 - 13:40", "16:20 ~") starts in the input. */
  index: number;
  length: number;
  /** An am/pm was written on the start or the end ("1:30 PM"); else the clock may be 12-hour without one. */
  meridiem: boolean;
  /** Open-ended with a tilde ("16:20 ~", "9:30~"): a schedule's way of writing "from". */
  tilde: boolean;
}

/** The accepted command-line forms, for error messages. */
export const CLOCK_FORMS = '14:00, 9:05, 14, 2pm, 2:30 PM';

const MINUTES_PER_DAY = 24 * 60;

// One clock time in running text: H:MM or HH:MM, then an optional AM/PM.
//   "9:05", "13:40", "1:30 PM", "1:30pm", "11:30 a.m."
// Not glued on the left to letters, digits, "_", ":" or "." ("v1:20", "1.13:40"), and not
// followed by a digit or by ":"/"." plus a digit ("13:40:05", "13:405", "13:40.5"), so
// seconds, versions and ratios like "16:9" do not count. The meridiem must end the word
// ("13:40 Amazon" is 13:40 followed by a word, not 13:40 AM).
const TIME = String.raw`(?<![A-Za-z\p{N}_:.])(\d{1,2}):(\d{2})(?!\d|[:.]\d)(?:\s?([ap])(?:m|\.m\.)(?![A-Za-z]))?`;

// The separator between start and end, with the spaces around it:
//   "-", "–", "—", "−", "~", "～", "〜" (spaces optional: "13:00~13:40") or " to " (spaces required).
const SEPARATOR = String.raw`(\s*[-–—−~～〜]\s*|\s+to\s+)`;

const START_RE = new RegExp(TIME, 'giu');
// Sticky: tried right after a start time. "- 13:40", "~", " to 2:15 PM".
const REST_RE = new RegExp(`${SEPARATOR}(?:${TIME})?`, 'iuy');

// A time typed by the user: "14:00", "9:05", "14", "2pm", "2 pm", "2:30 PM", "2:30 p.m.".
const TYPED_RE = /^(\d{1,2})(?::(\d{2}))?\s?(?:([ap])(?:m|\.m\.))?$/i;

/** Minutes since midnight for h:m with an optional meridiem ("a"/"p"), or null when out of range. */
function clock(hour: number, minute: number, meridiem: string | undefined): number | null {
  if (minute > 59) return null;
  if (meridiem === undefined) return hour <= 23 ? hour * 60 + minute : null;
  if (hour < 1 || hour > 12) return null;
  return ((hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0)) * 60 + minute;
}

/** Finds the first clock time range in heading text (see FoundTime). */
export function findTimeRange(text: string): FoundTime | null {
  START_RE.lastIndex = 0;
  for (let m = START_RE.exec(text); m !== null; m = START_RE.exec(text)) {
    const startHour = Number(m[1]);
    const startMer = m[3];
    let start = clock(startHour, Number(m[2]), startMer);
    if (start === null) continue; // "25:00": keep looking
    const index = m.index;
    const startEnd = index + m[0].length;

    REST_RE.lastIndex = startEnd;
    const r = REST_RE.exec(text);
    if (r === null || (r[2] === undefined && /to/i.test(r[1] ?? ''))) {
      // A bare start ("16:20"); " to " only counts with a time after it.
      return { start: formatClock(start), end: null, index, length: startEnd - index, meridiem: startMer !== undefined, tilde: false };
    }
    if (r[2] === undefined) {
      // Open-ended ("16:20 ~", "16:20 - Title"): keep the separator, not the space after it.
      const length = startEnd - index + r[0].trimEnd().length;
      return { start: formatClock(start), end: null, index, length, meridiem: startMer !== undefined, tilde: /[~～〜]/u.test(r[1] ?? '') };
    }
    const endHour = Number(r[2]);
    const endMer = r[4];
    let end = clock(endHour, Number(r[3]), endMer);
    if (end === null) {
      // "13:00 - 25:00": the start alone is still a time.
      return { start: formatClock(start), end: null, index, length: startEnd - index, meridiem: startMer !== undefined, tilde: false };
    }
    if (startMer === undefined && endMer !== undefined) {
      // "1:30 - 2:15 PM": the end's meridiem applies to the start when that keeps start ≤ end.
      const shared = clock(startHour, Number(m[2]), endMer);
      if (shared !== null && shared <= end) start = shared;
    } else if (startMer !== undefined && endMer === undefined && endHour >= 1 && endHour <= 12) {
      // "11:30 AM - 1:00": same meridiem if that keeps end ≥ start, else PM.
      for (const mer of [startMer, 'p']) {
        const shared = clock(endHour, Number(r[3]), mer);
        if (shared !== null && shared >= start) {
          end = shared;
          break;
        }
      }
    } else if (startMer === undefined && endMer === undefined && end < start && endHour < 12 && end + 720 >= start) {
      // "12:30 - 1:10" written 12 h without meridiem: the end is after noon.
      end += 720;
    }
    const meridiem = startMer !== undefined || endMer !== undefined;
    return { start: formatClock(start), end: formatClock(end), index, length: startEnd + r[0].length - index, meridiem, tilde: false };
  }
  return null;
}

/** A time typed on the command line → minutes since midnight, or null (see CLOCK_FORMS). */
export function parseClockTime(value: string): number | null {
  const m = TYPED_RE.exec(value.trim());
  if (m === null) return null;
  return clock(Number(m[1]), m[2] === undefined ? 0 : Number(m[2]), m[3]);
}

/** "13:40" → 820. NaN when the text is not H:MM / HH:MM. */
export function toMinutes(hhmm: string): number {
  // "HH:MM" as postview writes it, read without a match object (a folder has tens of thousands).
  if (hhmm.length === 5 && hhmm.charCodeAt(2) === 0x3a) {
    const h1 = digit(hhmm, 0);
    const h2 = digit(hhmm, 1);
    const m1 = digit(hhmm, 3);
    const m2 = digit(hhmm, 4);
    if (h1 >= 0 && h2 >= 0 && m1 >= 0 && m2 >= 0) return (h1 * 10 + h2) * 60 + m1 * 10 + m2;
  }
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  return m === null ? Number.NaN : Number(m[1]) * 60 + Number(m[2]);
}

/** The ASCII digit at `at` in `text` as a number, else -1. */
function digit(text: string, at: number): number {
  const d = text.charCodeAt(at) - 0x30;
  return d >= 0 && d <= 9 ? d : -1;
}

/** 820 → "13:40". Wraps around midnight (1440 → "00:00", -10 → "23:50"); fractions are floored. */
export function formatClock(minutes: number): string {
  const t = ((Math.floor(minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  // Each of the day's 1,440 texts is made once: a folder's sessions repeat them by the thousand, and a text
  // seen before is found again in a Map (load/folder-sessions.ts keeps each once) without hashing it anew.
  return (CLOCK_TEXTS[t] ??= `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`);
}

const CLOCK_TEXTS: (string | undefined)[] = [];
