// Calendar dates as posts write them ("2016-05-17"): a date that does not
// exist (2016-02-30) is a mistake to report, never a day to roll over into
// the next month. Pure.

/** True for a YYYY-MM-DD that names a real day of the Gregorian calendar. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when month (1-12) and day name a real day of the year. */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0);
}

/**
 * The `date` of a front matter's raw text (YAML "date: …" or TOML
 * "date = …", quoted or not) when it starts like YYYY-MM-DD but is no real
 * day; null otherwise. Read from the text because YAML and TOML readers
 * roll 2016-02-30 over into 2016-03-01 before postview sees it.
 */
export function findImpossibleDate(frontMatterText: string): string | null {
  // What /^date…/m finds, less dearly: a pattern that starts with a word is
  // looked for as that word, where "^" in multiline mode is tried at every
  // character. A match never spans a line, so the first at a line's start is
  // the one /m would find (`list` reads 10,000 front matters).
  DATE_FIELD.lastIndex = 0;
  for (let m = DATE_FIELD.exec(frontMatterText); m !== null; m = DATE_FIELD.exec(frontMatterText)) {
    if (startsLine(frontMatterText, m.index)) return isCalendarDate(m[1]!) ? null : m[1]!;
  }
  return null;
}

const DATE_FIELD = /date[ \t]*[:=][ \t]*["']?(\d{4}-\d{2}-\d{2})(?![\d])/g;

/** Whether `at` starts a line, as "^" means in multiline mode (after \n, \r, U+2028 or U+2029). */
function startsLine(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  return before === 0x0a || before === 0x0d || before === 0x2028 || before === 0x2029;
}
