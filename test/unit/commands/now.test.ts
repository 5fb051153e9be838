import { runNow } from '../../../src/commands/schedule.js';
import type { Context } from '../../../src/commands/context.js';
import { FIXTURES } from '../parse/fixture.js';

// days.md: dated 2024-09-14, Day 1 and Day 2 both 10:00-10:45 and 11:00-11:45.
const context = (clock: Date): Context => ({
  dir: FIXTURES,
  render: { width: 100, textWidth: 100, colorLevel: 0, hyperlinks: false },
  json: true,
  warn: () => {},
  lang: 'en',
  clock: () => clock,
});

async function nowAt(clock: Date, time?: string, more: { day?: string; date?: string } = {}) {
  const outcome = await runNow(`${FIXTURES}days.md`, { ...(time ? { time } : {}), ...more }, context(clock));
  return JSON.parse(outcome.stdout) as { current: { title: string; day: string } | null; next: { title: string; day: string } | null };
}

describe('now by the clock on a multi-day post', () => {
  it('on the second day picks the second day', async () => {
    const result = await nowAt(new Date(2024, 8, 15, 10, 30));
    expect(result.current?.day).toBe('Day 2');
    expect(result.current?.title).toBe('Governance for Small Projects');
    expect(result.next?.title).toBe('Funding Maintainers');
  });

  it('on the first day picks the first day', async () => {
    expect((await nowAt(new Date(2024, 8, 14, 11, 10))).current?.title).toBe('Writing Docs People Actually Read');
  });

  it('with --time, or on another date, asks which day instead of mixing days', async () => {
    await expect(nowAt(new Date(2024, 8, 15, 8, 0), '10:30')).rejects.toThrow(/several days \(Day 1, Day 2\); say which with --day N or --date/);
    await expect(nowAt(new Date(2030, 0, 1, 10, 30))).rejects.toThrow(/--day N or --date/);
  });

  it('between two sessions of Day 2, next is Day 2\'s, never Day 1\'s', async () => {
    const result = await nowAt(new Date(2030, 0, 1), '10:50', { day: '2' });
    expect(result.current).toBeNull();
    expect(result.next).toMatchObject({ day: 'Day 2', title: 'Funding Maintainers' });
    expect(await nowAt(new Date(2030, 0, 1), '10:50', { date: '2024-09-15' })).toEqual(result);
  });

  it('names the day and its date in JSON', async () => {
    const result = (await nowAt(new Date(2030, 0, 1), '10:30', { day: '2' })) as unknown as { day: number; date: string };
    expect(result.day).toBe(2);
    expect(result.date).toBe('2024-09-15');
  });

  it.each(['0', '99999999', 'two'])('refuses --day %s', async (day) => {
    await expect(nowAt(new Date(2030, 0, 1), '10:30', { day })).rejects.toThrow(/--day: invalid day/);
  });
});
