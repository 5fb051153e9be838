import { CLOCK_FORMS, findTimeRange, formatClock, parseClockTime, toMinutes } from '../../../src/parse/time.js';

// [heading text, start, end, matched text]
const ranges: [string, string, string | null, string][] = [
  ['13:00 - 13:40 데이터베이스 고르기', '13:00', '13:40', '13:00 - 13:40'],
  ['13:00~13:40 세션', '13:00', '13:40', '13:00~13:40'],
  ['13:00 ~ 13:40 세션', '13:00', '13:40', '13:00 ~ 13:40'],
  ['13:00–13:40 en dash', '13:00', '13:40', '13:00–13:40'],
  ['13:00—13:40 em dash', '13:00', '13:40', '13:00—13:40'],
  ['13:00-13:40 hyphen', '13:00', '13:40', '13:00-13:40'],
  ['13:00 ～ 13:40 full-width tilde', '13:00', '13:40', '13:00 ～ 13:40'],
  ['13:00 to 13:40 Keynote', '13:00', '13:40', '13:00 to 13:40'],
  ['1:30 PM - 2:15 PM Panel', '13:30', '14:15', '1:30 PM - 2:15 PM'],
  ['1:30PM–2:15PM Panel', '13:30', '14:15', '1:30PM–2:15PM'],
  ['11:30 AM - 1:00 PM Lunch', '11:30', '13:00', '11:30 AM - 1:00 PM'],
  ['10:00 a.m. - 10:45 a.m. Opening', '10:00', '10:45', '10:00 a.m. - 10:45 a.m.'],
  ['12:00 AM - 12:30 AM Night owls', '00:00', '00:30', '12:00 AM - 12:30 AM'],
  ['1:30 - 2:15 PM trailing meridiem', '13:30', '14:15', '1:30 - 2:15 PM'],
  ['11:30 - 1:00 PM trailing meridiem kept off', '11:30', '13:00', '11:30 - 1:00 PM'],
  ['11:30 AM - 1:00 leading meridiem', '11:30', '13:00', '11:30 AM - 1:00'],
  ['12:30 - 1:10 no meridiem, past noon', '12:30', '13:10', '12:30 - 1:10'],
  ['23:30 - 0:30 overnight', '23:30', '00:30', '23:30 - 0:30'],
  ['9:05 - 9:30 short hours', '09:05', '09:30', '9:05 - 9:30'],
  ['16:20 ~', '16:20', null, '16:20 ~'],
  ['16:20 - 클로징', '16:20', null, '16:20 -'],
  ['16:20 휴식', '16:20', null, '16:20'],
  ['16:20 to celebrate', '16:20', null, '16:20'],
  ['13:00 - 25:00 bad end', '13:00', null, '13:00'],
  ['[세션 1] 14:00~14:40 · Room A · Title', '14:00', '14:40', '14:00~14:40'],
  ['Day 2 — 09:00 - 09:50 Registration', '09:00', '09:50', '09:00 - 09:50'],
  ['2016-05-17 13:00 - 13:40 date first', '13:00', '13:40', '13:00 - 13:40'],
  ['25:00 invalid, then 14:00 - 14:30', '14:00', '14:30', '14:00 - 14:30'],
  ['13:00 - 13:40 then 14:00 - 14:40', '13:00', '13:40', '13:00 - 13:40'],
  ['13:40 Amazon is a word, not AM', '13:40', null, '13:40'],
];

describe('findTimeRange', () => {
  it.each(ranges)('%j', (text, start, end, matched) => {
    const found = findTimeRange(text);
    expect(found).not.toBeNull();
    expect(found).toMatchObject({ start, end });
    expect(text.slice(found!.index, found!.index + found!.length)).toBe(matched);
  });

  it('reports where the range starts', () => {
    expect(findTimeRange('### 13:00 - 13:40 Title'.slice(4))?.index).toBe(0);
    expect(findTimeRange('[세션 1] 14:00~14:40 Title')?.index).toBe(7);
  });

  it.each([
    ['no time at all'],
    [''],
    ['v1:20 version-ish'],
    ['3:1 one-digit minutes'],
    ['2016-05-17 date only'],
    ['release 1.2.3'],
    ['16:9 aspect ratio'],
    ['1080p16:90x'],
    ['13:405 too many digits'],
    ['13:40:05 with seconds'],
    ['1.13:40 glued to a dot'],
    ['25:00 - 26:00 out of range'],
    ['14:60 bad minutes'],
    ['13:00 PM is not a 12-hour time'],
  ])('finds nothing in %j', (text) => {
    expect(findTimeRange(text)).toBeNull();
  });
});

describe('parseClockTime', () => {
  it.each<[string, number]>([
    ['14:00', 840],
    ['9:05', 545],
    ['09:05', 545],
    ['0:00', 0],
    ['23:59', 1439],
    ['14', 840],
    ['0', 0],
    ['2pm', 840],
    ['2 pm', 840],
    ['2:30 PM', 870],
    ['2:30pm', 870],
    ['2:30 p.m.', 870],
    ['9am', 540],
    ['12am', 0],
    ['12:30am', 30],
    ['12pm', 720],
    ['  14:00  ', 840],
  ])('%j → %i', (value, minutes) => {
    expect(parseClockTime(value)).toBe(minutes);
  });

  it.each([['25:00'], ['24'], ['14:60'], ['abc'], [''], ['2.30'], ['9:5'], ['13pm'], ['0am'], ['2 p m'], ['14:00:00'], ['-1']])(
    'rejects %j',
    (value) => {
      expect(parseClockTime(value)).toBeNull();
    },
  );

  it('names the forms it accepts', () => {
    for (const form of CLOCK_FORMS.split(', ')) expect(parseClockTime(form)).not.toBeNull();
  });
});

describe('toMinutes / formatClock', () => {
  it.each<[string, number]>([
    ['00:00', 0],
    ['09:05', 545],
    ['13:40', 820],
    ['23:59', 1439],
  ])('%s ⇄ %i', (hhmm, minutes) => {
    expect(toMinutes(hhmm)).toBe(minutes);
    expect(formatClock(minutes)).toBe(hhmm);
  });

  it('reads one-digit hours', () => expect(toMinutes('9:05')).toBe(545));
  it('gives NaN for text that is not a time', () => expect(toMinutes('soon')).toBeNaN());

  it.each<[number, string]>([
    [1440, '00:00'],
    [-10, '23:50'],
    [820.7, '13:40'],
  ])('wraps %d → %s', (minutes, text) => expect(formatClock(minutes)).toBe(text));
});

describe('toMinutes on five characters', () => {
  // The quick path for "HH:MM" must read every text as the expression does.
  const byExpression = (text: string) => {
    const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
    return m === null ? Number.NaN : Number(m[1]) * 60 + Number(m[2]);
  };
  it('agrees with /^(\\d{1,2}):(\\d{2})$/ on every text of 5 characters from a mixed alphabet', () => {
    const alphabet = ['0', '1', '5', '9', ':', ' ', '/', 'a', '\u0663', '\uff11'];
    let checked = 0;
    const differ: string[] = [];
    const walk = (prefix: string): void => {
      if (prefix.length === 5) {
        if (!Object.is(toMinutes(prefix), byExpression(prefix))) differ.push(prefix);
        checked++;
        return;
      }
      for (const ch of alphabet) walk(prefix + ch);
    };
    walk('');
    expect(checked).toBe(100_000);
    expect(differ).toEqual([]);
  });
});
