import { readSessionsText, renderSessionsText, type CachedSessions } from '../../../src/load/session-cache.js';
import type { Session } from '../../../src/types.js';

const session = (index: number, extra: Record<string, unknown> = {}): Session => ({
  index, day: 'Day 1', start: '09:00', end: null, title: `Talk ${index}`, room: null,
  speakers: [{ name: '양승도', role: '솔루션즈 아키텍트', org: '아마존 웹서비스' }], speakerText: '양승도 솔루션즈 아키텍트, 아마존 웹서비스', tokens: [], kind: 'talk', links: [], dayNumber: null, ...extra,
});

describe('cached sessions', () => {
  it('come back as they were written, fields sessions may grow included', () => {
    const sessions: CachedSessions = { list: [session(1), session(2, { kind: 'break', links: [{ text: 'slides', url: 'https://x.test/s' }], dayNumber: 2 })], resolved: [true, false], absent: ['jeffbarr'] };
    expect(readSessionsText(renderSessionsText(sessions), 2)).toEqual(sessions);
  });

  it.each([
    ['not JSON', '[', 1],
    ['another count', renderSessionsText({ list: [session(1)], resolved: [true], absent: [] }), 2],
    ['a number for a title', '[[["d","09:00",null,5,null,[],null]],"1",[]]', 1],
    ['flags of another length', '[[["d","09:00",null,"t",null,[],null]],"10",[]]', 1],
    ['a prototype key', '[[["d","09:00",null,"t",null,[],null,{"index":1,"__proto__":{"x":1}}]],"1",[]]', 1],
    ['a known field among the extra ones', '[[["d","09:00",null,"t",null,[],null,{"index":1,"title":"x"}]],"1",[]]', 1],
  ])('are refused when %s', (_, text, count) => {
    expect(readSessionsText(text as string, count as number)).toBeNull();
  });
});
