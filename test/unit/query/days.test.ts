import { addDays, dayNumber, pickDay } from '../../../src/query/days.js';
import { fixturePost } from '../parse/fixture.js';

describe('days', () => {
  it.each([
    ['Day 1', 1],
    ['Day 2', 2],
    ['2일차', 2],
    [null, 1],
  ])('%s is day %i', (day, n) => {
    const session = { ...fixturePost('seed-shape.md').sessions[0]!, day };
    expect(dayNumber(session)).toBe(n);
  });

  it('adds days across a month end', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });

  it.each([
    ['an impossible date', '2024-02-30', 0],
    ['a day far past any conference', '2024-01-01', 999_999_998],
    ['a year past 9999', '9999-12-31', 1],
    ['no date at all', 'soon', 0],
  ])('is null for %s', (_, date, days) => {
    expect(addDays(date, days)).toBeNull();
  });

  describe('pickDay', () => {
    const post = fixturePost('days.md'); // 2024-09-14: Day 1 and Day 2, two sessions each
    const rows = post.sessions.map((session) => ({ session, postDate: post.date, postKey: post.path }));
    const days = (query: Parameters<typeof pickDay>[1]) => pickDay(rows, query);

    it('with a day number keeps that day', () => {
      expect(days({ day: 2, date: null, strict: false }).rows.map((r) => r.session.day)).toEqual(['Day 2', 'Day 2']);
    });

    it('on a conference date keeps that day only', () => {
      expect(days({ day: null, date: '2024-09-14', strict: false }).rows.map((r) => r.session.day)).toEqual(['Day 1', 'Day 1']);
      expect(days({ day: null, date: addDays(post.date!, 1), strict: true }).rows.map((r) => r.session.day)).toEqual(['Day 2', 'Day 2']);
    });

    it('on a date given that is none of its days keeps nothing', () => {
      expect(days({ day: null, date: '2030-01-01', strict: true })).toEqual({ rows: [], undecided: [] });
    });

    it('without a day it cannot tell (the clock on another date included): the post is undecided, never mixed', () => {
      for (const date of [null, '2030-01-01']) {
        const picked = days({ day: null, date, strict: false });
        expect(picked.rows).toEqual([]);
        expect(picked.undecided).toEqual([{ post: post.path, days: [1, 2] }]);
      }
    });

    it('a post of one day keeps its sessions without a day', () => {
      const single = fixturePost('seed-shape.md');
      const one = single.sessions.map((session) => ({ session, postDate: null, postKey: single.path }));
      expect(pickDay(one, { day: null, date: null, strict: false }).rows).toHaveLength(one.length);
    });
  });
});
