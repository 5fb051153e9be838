// Dates and times that used to come out silently wrong: a day that does not
// exist (2016-02-30 became 2016-03-01), an equal start and end (a 24-hour
// event), a reversed range in a table (a 23-hour one), a reversed --from/--to
// window ("no match" instead of a usage error).
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runList } from '../../../src/commands/list.js';
import { runTracks } from '../../../src/commands/tracks.js';
import { parseFilterOptions, type Context } from '../../../src/commands/context.js';
import { UsageError } from '../../../src/errors.js';
import { parseFrontMatter } from '../../../src/load/front-matter.js';
import { findImpossibleDate, isCalendarDate } from '../../../src/parse/dates.js';
import { extractDate } from '../../../src/parse/post.js';
import { endMinutes, sessionSpan } from '../../../src/query/filter.js';
import type { Session } from '../../../src/types.js';

describe('isCalendarDate', () => {
  it.each([
    ['2016-02-29', true],
    ['2016-02-30', false],
    ['2015-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2024-04-31', false],
    ['2024-12-31', true],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-1-01', false],
  ])('%s is %s', (text, real) => {
    expect(isCalendarDate(text)).toBe(real);
  });
});

describe('a front-matter date that is no real day', () => {
  it.each([
    ['YAML', '---\ndate: 2016-02-30\n---\n'],
    ['YAML, quoted', '---\ndate: "2016-02-30"\n---\n'],
    ['YAML, single-quoted, with a time', "---\ntitle: x\ndate: '2016-02-30 10:00:00'\n---\n"],
    ['YAML through js-yaml', '---\ndate: 2016-02-30\ntags: [a, b]\nnested:\n  k: v\n---\n'],
    ['TOML', '+++\ndate = 2016-02-30\n+++\n'],
    ['TOML, quoted', '+++\ntitle = "x"\ndate = "2016-02-30"\n+++\n'],
  ])('is an error for the post (%s)', (_shape, text) => {
    expect(() => parseFrontMatter(text, 'posts/x.md')).toThrow("posts/x.md: invalid date '2016-02-30' in the front matter (expected a real calendar date, YYYY-MM-DD)");
  });

  it('a real date, and other keys, are as before', () => {
    expect(parseFrontMatter('---\ndate: 2016-02-29\n---\n', 'x.md').frontMatter.date).toBe('2016-02-29');
    expect(findImpossibleDate('title: 2016-02-30 notes\nupdate: 2016-02-30\n')).toBeNull();
  });

  it('finds what the multiline expression finds, at any line of any front matter', () => {
    const byRegex = (text: string) => {
      const m = /^date[ \t]*[:=][ \t]*["']?(\d{4}-\d{2}-\d{2})(?![\d])/m.exec(text);
      return m && !isCalendarDate(m[1]!) ? m[1]! : null;
    };
    const pieces = ['date', 'update', 'Date', ':', '=', ' ', '\t', '"', "'", '2016-02-30', '2016-02-29', '2016-02-300', 'x', '\n', '\r', '\u2028', '\u2029', 'date: 2015-02-29'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(findImpossibleDate(text)).toBe(byRegex(text));
      }),
      { numRuns: 3000 },
    );
    expect(findImpossibleDate('title: x\rdate: 2016-02-30\n')).toBe('2016-02-30');
    expect(findImpossibleDate('xdate: 2016-02-30\ndate: 2016-02-31\n')).toBe('2016-02-31');
  });

  it('a file name date that is no real day is no date', () => {
    expect(extractDate({}, 'posts/2016-02-30-x.md')).toBeNull();
    expect(extractDate({}, 'posts/2016-02-29-x.md')).toBe('2016-02-29');
  });

  it('in a folder, is a warning for that post and the others are listed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pv-dates-'));
    try {
      writeFileSync(join(dir, 'bad.md'), '---\ntitle: Bad\ndate: 2016-02-30\n---\n');
      writeFileSync(join(dir, 'good.md'), '---\ntitle: Good\ndate: 2016-02-28\n---\n');
      const warnings: string[] = [];
      const ctx: Context = { dir, render: { width: 80, textWidth: 80, colorLevel: 0, hyperlinks: false }, json: true, warn: (m) => warnings.push(m), lang: 'en', clock: () => new Date(), cacheDir: null };
      const listed = JSON.parse((await runList(dir, ctx)).stdout) as Array<{ title: string; date: string }>;
      expect(listed.map((p) => [p.title, p.date])).toEqual([['Good', '2016-02-28']]);
      expect(warnings).toEqual([expect.stringMatching(/bad\.md: invalid date '2016-02-30'/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const session = (start: string, end: string | null): Session => ({ index: 1, day: null, start, end, title: 't', room: null, speakers: [], speakerText: null, tokens: [] }) as unknown as Session;

describe('session spans', () => {
  it.each([
    ['12:00', '12:00', { start: 720, end: 721 }, 'zero-length: its starting minute, as with no end'],
    ['13:00', '12:00', { start: 780, end: 781 }, 'reversed by 23 hours: an unknown end, not a 23-hour session'],
    ['23:30', '00:30', { start: 1410, end: 1470 }, 'past midnight: ends the next day'],
    ['22:00', '06:00', { start: 1320, end: 1800 }, 'overnight, 8 hours'],
    ['10:00', '10:40', { start: 600, end: 640 }, 'ordinary'],
    ['10:00', null, { start: 600, end: 601 }, 'no end'],
  ] as Array<[string, string | null, { start: number; end: number }, string]>)('%s - %s is %j (%s)', (start, end, span) => {
    expect(sessionSpan(session(start, end))).toEqual(span);
  });

  it.each([
    [720, 720, 720],
    [780, 720, null],
    [1410, 30, 1470],
  ])('endMinutes(%s, %s) is %s', (start, end, want) => {
    expect(endMinutes(start, end)).toBe(want);
  });
});

describe('--ics of such sessions', () => {
  it('12:00 - 12:00 is an event of no length; 13:00-12:00 in a table has no end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pv-ics-'));
    try {
      const post = join(dir, 'p.md');
      writeFileSync(post, '---\ndate: 2016-02-28\n---\n| Time | Title | Speaker |\n|:--|:--|:--|\n| 13:00-12:00 | Reversed | Kim |\n| 12:00 - 12:00 | Zero | Lee |\n');
      const ctx: Context = { dir, render: { width: 80, textWidth: 80, colorLevel: 0, hyperlinks: false }, json: false, warn: () => {}, lang: 'en', clock: () => new Date(Date.UTC(2024, 0, 1)), cacheDir: null };
      const ics = (await runTracks(post, { ics: true }, ctx)).stdout;
      const events = ics.split('BEGIN:VEVENT').slice(1).map((e) => e.split('\r\n').filter((l) => /^(DTSTART|DTEND|SUMMARY)/.test(l)));
      expect(events).toEqual([
        ['DTSTART:20160228T130000', 'SUMMARY:Reversed'],
        ['DTSTART:20160228T120000', 'DTEND:20160228T120000', 'SUMMARY:Zero'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a reversed --from/--to window', () => {
  it('is a usage error (exit 2) naming both', () => {
    expect(() => parseFilterOptions({ from: '18', to: '9' })).toThrow(UsageError);
    expect(() => parseFilterOptions({ from: '18', to: '9' })).toThrow('--from 18 is after --to 9 (expected a window that starts before it ends)');
    expect(parseFilterOptions({ from: '9', to: '18' })).toMatchObject({ from: 540, to: 1080 });
  });
});
