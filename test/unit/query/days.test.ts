import { addDays, dayNumber, sessionsOnDate } from '../../../src/query/days.js';
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

  describe('sessionsOnDate', () => {
    const post = fixturePost('days.md'); // Day 1 and Day 2, two sessions each
    const rows = post.sessions.map((session) => ({ session, postDate: post.date }));
    const days = (today: string) => sessionsOnDate(rows, today).map((r) => r.session.day);

    it('on a conference day keeps that day only', () => {
      expect(post.date).not.toBeNull();
      expect(days(post.date!)).toEqual(['Day 1', 'Day 1']);
      expect(days(addDays(post.date!, 1))).toEqual(['Day 2', 'Day 2']);
    });

    it('on any other day keeps every session', () => {
      expect(days(addDays(post.date!, 30))).toHaveLength(4);
      const undated = post.sessions.map((session) => ({ session, postDate: null }));
      expect(sessionsOnDate(undated, post.date!)).toHaveLength(4);
    });
  });
});
