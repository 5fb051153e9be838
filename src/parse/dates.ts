// Calendar dates as posts write them ("2016-05-17"): a date that does not
// exist (2016-02-30) is a mistake to report, never a day to roll over into
// the next month. Pure.

/** True for a YYYY-MM-DD that names a real day of the Gregorian calendar. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/**
 * The `date` of a front matter's raw text (YAML "date: …" or TOML
 * "date = …", quoted or not) when it starts like YYYY-MM-DD but is no real
 * day; null otherwise. Read from the text because YAML and TOML readers
 * roll 2016-02-30 over into 2016-03-01 before postview sees it.
 */
export function findImpossibleDate(frontMatterText: string): string | null {
  const m = /^date[ \t]*[:=][ \t]*["']?(\d{4}-\d{2}-\d{2})(?![\d])/m.exec(frontMatterText);
  return m && !isCalendarDate(m[1]!) ? m[1]! : null;
}
