// Times that are not talks. Posts hold clock times for many reasons; a reader
// lists none of these as a session:
//  - log entries: a time zone right after the time ("13:47 MSK - …", "02:00 - 04:00 UTC: …"),
//    or a date beside it ("13:17 Thursday 29 August 2019 JST");
//  - trips: a train, a bus or a flight ("07:30 ~ 10:05 KTX 103 (서울 → 부산)");
//  - sentences: minutes and incident timelines ("14:05 민수: 배포 일정을 미루자고 제안했다.");
//  - elapsed time: video chapters and lesson plans that start at 0:00;
//  - a log of start times alone: every time in a group of headings or lines is a bare start
//    ("### 13:40 …", "- **09:00** — …"), none written open-ended with "~", and no speaker is
//    named (a schedule table says what it is in its header, so this does not apply to one).

/** Time zones written right after a time, at the start of what follows it. */
const ZONE = /^[\s(]*(?:UTC|GMT|KST|JST|CST|EST|EDT|PST|PDT|MST|MDT|CET|CEST|EET|EEST|BST|IST|MSK|AEST|AEDT|SGT|HKT|WIB|Z)\b/;
const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** A full date: "2019-08-29", "2017/12/18", "29 August 2019", "August 29, 2019", "2024년 3월 12일". */
const DATE = new RegExp(String.raw`\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}\s+(?:${MONTH})\s+\d{4}\b|\b(?:${MONTH})\s+\d{1,2},?\s+\d{4}\b|\d{4}년\s*\d{1,2}월`, 'iu');
/** A trip: an arrow between places, or a train, bus or flight (tested on the lower-cased title: no i flag is faster). */
const TRIP = /→|⇒|->|\b(?:ktx|srt|itx|tgv|ice|eurostar|shinkansen|train|flight|bus|ferry)\b|열차|기차|고속버스|항공편|비행기/;

/** A year, without which DATE cannot match (a cheap test that spares most titles the long one). */
const YEAR = /\d{4}/;

/**
 * What a log entry's or a trip's title holds somewhere (lower case): a zone or a vehicle as a
 * whole word (no letter a-z before it, no letter, digit or _ after it), four digits in a row (a
 * year), an arrow, a Korean vehicle word. For a quick test on many headings at once (outline.ts).
 */
export const NOISE_HINT_WORDS = {
  anywhere: ['→', '⇒', '->', '열차', '기차', '버스', '항공', '비행기'],
  whole: [
    'utc', 'gmt', 'kst', 'jst', 'cst', 'est', 'edt', 'pst', 'pdt', 'mst', 'mdt', 'cet', 'cest', 'eet', 'eest', 'bst', 'ist', 'msk', 'aest', 'aedt',
    'sgt', 'hkt', 'wib', 'z', 'ktx', 'srt', 'itx', 'tgv', 'ice', 'eurostar', 'shinkansen', 'train', 'flight', 'bus', 'ferry',
  ],
};


/** A session title that is a log entry or a trip, not a talk. */
export function isNoiseTitle(title: string): boolean {
  return ZONE.test(title) || (YEAR.test(title) && DATE.test(title)) || TRIP.test(title.toLowerCase());
}

/** A line written as a sentence: it ends with a full stop (or 다./요.) and runs to several words. */
export function isSentenceLine(text: string): boolean {
  const t = text.trim();
  return /(?:[.。]|[다요]\.?)$/u.test(t) && !/\b(?:Inc|Ltd|Co|Corp|Jr|Sr|Dr|St|etc)\.$/u.test(t) && t.split(/\s+/).length >= 4;
}

/** What the group rules need of a session. */
export interface Timed {
  start: string | null;
  end: string | null;
  tilde: boolean;
  /** A speaker line that reads as a person was found. */
  person: boolean;
}

/** Whether a group of sessions (one table, one block of lines, or all headings) is not a schedule. */
export function isNoiseGroup(group: readonly Timed[], table: boolean): boolean {
  if (group.length === 0) return false;
  // Elapsed time: chapters and lesson plans count from 0:00.
  if (group[0]!.start === '00:00') return true;
  // A log of bare start times with nobody speaking.
  return !table && group.every((s) => s.end === null && !s.tilde && !s.person);
}
