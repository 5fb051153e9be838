import { buildSessionTest, NO_FILTER, type SessionFilter } from '../../../src/query/filter.js';
import { selectSections, selectSessions } from '../../../src/query/select.js';
import { fixturePost } from '../parse/fixture.js';

const seed = fixturePost('seed-shape.md'); // 13:00-13:40, 13:50-14:30, 14:40-15:20
const indexes = (filter: Partial<SessionFilter>, post = seed) =>
  post.sessions.filter(buildSessionTest({ ...NO_FILTER, ...filter })).map((s) => s.index);

describe('session filters', () => {
  it.each<[string, Partial<SessionFilter>, number[]]>([
    ['no filter keeps all', {}, [1, 2, 3]],
    ['speaker by name', { speakers: ['이서연'] }, [2]],
    ['speaker by organisation', { speakers: ['예시테크'] }, [1, 2]],
    ['speaker by role, any case', { speakers: ['sre'] }, [3]],
    ['any of several speakers', { speakers: ['김민준', '박지훈'] }, [1, 3]],
    ['speaker typed in NFD (as on a Mac)', { speakers: ['이서연'.normalize('NFD')] }, [2]],
    ['title words, any order', { title: '회고 쿠버네티스' }, [1]],
    ['at: start is inside', { at: 13 * 60 + 50 }, [2]],
    ['at: end is outside', { at: 13 * 60 + 40 }, []],
    ['at: in the middle', { at: 14 * 60 }, [2]],
    ['from/to: overlapping window', { from: 13 * 60 + 30, to: 14 * 60 + 45 }, [1, 2, 3]],
    ['from only', { from: 14 * 60 + 30 }, [3]],
    ['to only: sessions that start before it', { to: 13 * 60 + 50 }, [1]],
    ['filters combine', { speakers: ['예시테크'], from: 13 * 60 + 45 }, [2]],
  ])('%s', (_name, filter, expected) => {
    expect(indexes(filter)).toEqual(expected);
  });

  it('an unknown end is not invented: an open session only covers its start', () => {
    const post = fixturePost('start-only.md'); // 15:40, 16:20 ~, 17:00~
    expect(indexes({ at: 16 * 60 + 20 }, post)).toEqual([2]);
    expect(indexes({ at: 16 * 60 + 30 }, post)).toEqual([]);
  });
});

describe('selectSessions (track <which>)', () => {
  it.each([
    ['2', [2]],
    ['13:50', [2]],
    ['1:50pm', [2]],
    ['모노레포', [2]],
    ['CI 빌드', []],
    ['99', []],
    ['12:00', []],
  ])('%s', (which, expected) => {
    expect(selectSessions(seed.sessions, which).map((s) => s.index)).toEqual(expected);
  });

  it('several title matches are all returned (the command then asks which)', () => {
    expect(selectSessions(seed.sessions, '기').map((s) => s.index)).toEqual([2, 3]);
  });
});

describe('selectSections (section <title>)', () => {
  const post = fixturePost('similar-sections.md');
  it('an exact title wins over partial matches', () => {
    expect(selectSections(post.sections, '좋았던 점').map((s) => s.title)).toEqual(['좋았던 점']);
  });
  it('a partial title finds every section that holds it', () => {
    expect(selectSections(post.sections, '던 점').map((s) => s.title)).toEqual(['좋았던 점', '안 좋았던 점', '아쉬웠던 점 정리']);
  });
  it('case and normalisation do not matter', () => {
    expect(selectSections(post.sections, '마무리'.normalize('NFD')).map((s) => s.title)).toEqual(['마무리']);
  });
});
