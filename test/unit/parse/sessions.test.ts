import { fixturePost, sessionLines } from './fixture.js';
import fc from 'fast-check';
import { parseSessionHeading } from '../../../src/parse/sessions.js';
import { readSessionHeading, sessionHeadingKind } from '../../../src/parse/session-heading.js';

describe('parseSessionHeading', () => {
  it.each([
    ['13:00 - 13:40 나에게 맞는 AWS 데이터베이스 서비스 선택하기', '13:00', '13:40', '나에게 맞는 AWS 데이터베이스 서비스 선택하기', null],
    ['14:40 - 15:10 스폰서 강연 - AWS를 활용한 Big Data 실전 배치 사례', '14:40', '15:10', '스폰서 강연 - AWS를 활용한 Big Data 실전 배치 사례', null],
    ['13:00~13:40 데이터 파이프라인', '13:00', '13:40', '데이터 파이프라인', null],
    ['13:00 ~ 13:40 데이터 파이프라인', '13:00', '13:40', '데이터 파이프라인', null],
    ['10:30–11:15 · Room A · Building Forms', '10:30', '11:15', 'Building Forms', 'Room A'],
    ['[세션 1] 14:00 - 14:40 | 사내 API 게이트웨이 구축기', '14:00', '14:40', '사내 API 게이트웨이 구축기', null],
    ['1:30 PM - 2:15 PM Observability on a Budget', '13:30', '14:15', 'Observability on a Budget', null],
    ['Closing keynote (16:00-16:45)', '16:00', '16:45', 'Closing keynote', null],
    ['16:20 ~ 오픈 마이크', '16:20', null, '오픈 마이크', null],
    ['15:40 라이트닝 토크', '15:40', null, '라이트닝 토크', null],
  ])('%s', (text, start, end, title, room) => {
    expect(parseSessionHeading(text)).toEqual({ start, end, title, room });
  });

  it.each([['강연 트랙'], ['Day 1'], ['Top 10 tips'], ['Lunch'], ['Thoughts at 16:20 on the keynote']])('%s is not a session', (text) => {
    expect(parseSessionHeading(text)).toBeNull();
  });
});

describe('sessions of each fixture shape', () => {
  it('seed shape: ### times under a section, speaker as first bullet', () => {
    const post = fixturePost('seed-shape.md');
    expect(sessionLines(post)).toEqual([
      '1 - 13:00-13:40 쿠버네티스 운영 1년 회고 / 김민준',
      '2 - 13:50-14:30 프론트엔드 모노레포 전환기 / 이서연',
      '3 - 14:40-15:20 장애 대응 훈련 도입하기 / 박지훈',
    ]);
    expect(post.sessions[2]!.speakers[0]).toEqual({ name: '박지훈', role: 'SRE 팀장', org: '예시클라우드' });
    expect(post.sessions[0]!.speakerText).toBe('김민준 플랫폼 엔지니어, 예시테크');
  });

  it('tilde ranges with 발표자: lines', () => {
    expect(sessionLines(fixturePost('tilde-ranges.md'))).toEqual([
      '1 - 13:00-13:40 데이터 파이프라인 비용 줄이기 / 최유진',
      '2 - 13:50-14:30 검색 품질 측정하기 / 정하늘',
      '3 - 14:40-15:20 사내 데이터 카탈로그 운영기 / 윤재원',
    ]);
  });

  it('en dash ranges with rooms and Speaker: lines', () => {
    const post = fixturePost('en-dash-rooms.md');
    expect(post.sessions.map((s) => [s.start, s.end, s.room, s.title])).toEqual([
      ['10:30', '11:15', 'Room A', "Building Forms That Don't Fight You"],
      ['11:30', '12:15', 'Room B', 'A Practical Guide to Web Workers'],
      ['13:30', '14:15', 'Room A', 'Container Queries in Production'],
    ]);
    expect(post.sessions[0]!.speakers).toEqual([{ name: 'Jane Example', role: 'Staff Engineer', org: 'Acme' }]);
  });

  it('12-hour times with by-lines', () => {
    const post = fixturePost('pm-times.md');
    expect(post.sessions.map((s) => `${s.start}-${s.end}`)).toEqual(['11:30-12:15', '13:30-14:15', '14:30-15:15']);
    expect(post.sessions[2]!.speakers).toEqual([{ name: 'Erin Walsh', role: null, org: 'Northwind Traders' }]);
  });

  it('labels and pipes, with two speakers on one 연사: line', () => {
    const post = fixturePost('labels-pipes.md');
    expect(sessionLines(post)[1]).toBe('2 - 14:50-15:30 테스트 자동화 문화 만들기 / 김철수 + 이영희');
    expect(post.sessions[0]!.title).toBe('사내 API 게이트웨이 구축기');
  });

  it.each([
    ['days.md', ['Day 1', 'Day 1', 'Day 2', 'Day 2']],
    ['days-ko.md', ['1일차', '1일차', '2일차', '2일차']],
  ])('%s gives each session its day', (name, days) => {
    const post = fixturePost(name);
    expect(post.sessions.map((s) => s.day)).toEqual(days);
    expect(post.sessions.map((s) => s.start)).toEqual(['10:00', '11:00', '10:00', '11:00']);
  });

  it('splits several speakers but not a role that holds 및', () => {
    const post = fixturePost('multi-speakers.md');
    expect(post.sessions.map((s) => s.speakers.map((p) => p.name))).toEqual([
      ['김철수', '이영희'],
      ['Ana Lima', 'Ben Ortiz'],
      ['박민수', '최지은'],
      ['정다은', '윤서진', '임하늘'],
      ['홍길동'],
    ]);
    expect(post.sessions[4]!.speakers[0]).toEqual({ name: '홍길동', role: '영업 및 마케팅 이사', org: '예시회사' });
  });

  it('start-only and open-ended times keep an unknown end', () => {
    expect(sessionLines(fixturePost('start-only.md'))).toEqual([
      '1 - 15:40-? 라이트닝 토크: 사이드 프로젝트 자랑 / 강서준',
      '2 - 16:20-? 오픈 마이크: 올해의 삽질 / 노준호',
      '3 - 17:00-? 네트워킹과 데모 부스 / 임채원',
    ]);
  });

  it('a post without sessions has none', () => {
    expect(fixturePost('no-sessions.md').sessions).toEqual([]);
  });

  it('CRLF and a BOM give exactly the sessions and sections of the plain file', () => {
    const plain = fixturePost('seed-shape.md');
    for (const name of ['crlf.md', 'bom.md']) {
      const other = fixturePost(name);
      expect(sessionLines(other)).toEqual(sessionLines(plain));
      expect(other.sections.map((s) => s.title)).toEqual(plain.sections.map((s) => s.title));
      expect(other.frontMatter).toEqual(plain.frontMatter);
    }
  });

  it('a session holds its heading and the body up to the next heading', () => {
    const session = fixturePost('seed-shape.md').sessions[0]!;
    expect(session.tokens[0]!.type).toBe('heading');
    expect(session.tokens.filter((t) => t.type === 'heading')).toHaveLength(1);
    expect(session.tokens.map((t) => t.raw).join('')).toContain('노드 자동 확장');
  });
});

describe('sessionHeadingKind says what readSessionHeading makes of a heading', () => {
  const kindOf = (text: string) => {
    const read = readSessionHeading(text);
    return read === null ? null : read.timeOnly ? 'timeOnly' : 'session';
  };
  it.each([
    ['13:00 - 13:40 Title', 'session'],
    ['13:00 - 13:40', 'timeOnly'],
    ['[세션 1] 14:00~14:40', 'timeOnly'],
    ['10:30–11:15 · Main Hall · Title', 'session'],
    ['Title (13:00-13:40)', 'session'],
    ['(13:00 - 13:40) | —', 'timeOnly'],
    ['Day 1', null],
    ['Lunch at 12:00', null],
  ])('%s', (text, kind) => {
    expect(sessionHeadingKind(text)).toBe(kind);
    expect(kindOf(text)).toBe(kind);
  });

  it('on any heading made of times, labels, separators and words', () => {
    const piece = fc.constantFrom(
      '13:00', '- 13:40', '~', '14:00~14:40', '1:30 PM', 'to', '25:00', '[세션 1]', 'Session 2:', '트랙 A |', '·', '|', '•', '—', '-', ':',
      '(', ')', '[', ']', ' ', '\u3000', 'Title', '제목', 'Main Hall', '101호', 'Day 1', '\t',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.constantFrom('', ' '), (pieces, glue) => {
        const text = pieces.join(glue);
        expect(sessionHeadingKind(text)).toBe(kindOf(text));
      }),
      { numRuns: 3000 },
    );
  });
});
