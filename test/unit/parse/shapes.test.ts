// Issue 6: sessions written as schedule tables, "Title - Name" lines, "Name | Org Role" lines.
// Every expected value below was read off the fixture files by hand.
import { fixturePost } from './fixture.js';
import type { Speaker } from '../../../src/types.js';

const p = (name: string, role: string | null = null, org: string | null = null): Speaker => ({ name, role, org });

type Row = [file: string, index: number, day: string | null, start: string, end: string | null, title: string, room: string | null, speakers: Speaker[]];

describe.each<[string, Row[]]>([
  [
    'Korean schedule table, columns 장소 | 발표자 | 주제 | 시간, a 점심 row and a start-only row',
    [
      ['schedule-table.md', 1, null, '10:00', '10:40', '쿠버네티스 비용 최적화', 'A홀', [p('김민준', '플랫폼 엔지니어', '예시테크')]],
      ['schedule-table.md', 2, null, '10:50', '11:30', '검색 랭킹 실험기', 'B홀', [p('이서연')]],
      ['schedule-table.md', 3, null, '13:00', '13:40', '장애 회고 문화 만들기', 'A홀', [p('박지훈', 'SRE 팀장', '예시클라우드'), p('최유진', '데이터 엔지니어', '예시데이터')]],
      ['schedule-table.md', 4, null, '16:20', null, '라이트닝 토크', 'B홀', [p('정하늘')]],
    ],
  ],
  [
    'English schedule tables under day headings, Time | Title | Speaker | Room',
    [
      ['schedule-table-en.md', 1, 'Day 1', '09:30', '10:15', 'Opening Keynote: The Next Decade of Tooling', 'Main Hall', [p('Ada Park', 'CTO', 'Lumen')]],
      ['schedule-table-en.md', 2, 'Day 1', '10:30', '11:15', 'Faster Builds with Remote Caching', 'Room 2', [p('Sam Rivera', null, 'Buildkite')]],
      ['schedule-table-en.md', 3, 'Day 1', '13:00', null, 'Unconference', 'Room 3', []],
      ['schedule-table-en.md', 4, 'Day 2', '10:00', '10:45', 'Debugging in Production', 'Main Hall', [p('Lee Chang', 'Staff Engineer', 'Globex')]],
    ],
  ],
  [
    '"Title - Name님" and "Title – Name (@handle)" lines under time-only headings and as timed bullets',
    [
      ['name-lines.md', 1, null, '14:00', '14:40', '대규모 트래픽 처리 경험', null, [p('홍길동')]],
      ['name-lines.md', 2, null, '14:50', '15:30', '디자인 시스템 운영기', null, [p('Jane Doe')]],
      ['name-lines.md', 3, null, '14:50', '15:30', '웹 접근성 자동 점검', null, [p('김현')]],
      ['name-lines.md', 4, null, '16:00', null, 'React 서버 컴포넌트 도입기', null, [p('남궁민수')]],
      ['name-lines.md', 5, null, '17:00', '17:10', '타입스크립트 팁 모음', null, [p('이영희')]],
      ['name-lines.md', 6, null, '17:10', '17:20', 'Vite 플러그인 만들기', null, [p('Alex Kim')]],
    ],
  ],
  [
    '"Name | Org Role" lines; titles in the heading, on a bold line, or on a line of their own',
    [
      ['pipe-speakers.md', 1, null, '10:00', '10:40', '이벤트 소싱 실전 도입기', null, [p('김철수', '백엔드 개발자', '예시회사')]],
      ['pipe-speakers.md', 2, null, '10:50', '11:30', '결제 시스템 장애 대응기', null, [p('이영희', 'SRE 팀장', '예시페이')]],
      ['pipe-speakers.md', 3, null, '11:40', '12:20', 'Data Contracts Between Teams', null, [p('Jane Doe', 'Staff Engineer', 'Acme')]],
      ['pipe-speakers.md', 4, null, '13:30', '14:10', '모놀리스 쪼개기 1년', null, [p('박민수', '플랫폼 리드', '예시커머스')]],
    ],
  ],
])('%s', (_shape, rows) => {
  it.each(rows)('%s #%i', (file, index, day, start, end, title, room, speakers) => {
    const session = fixturePost(file).sessions[index - 1];
    expect(session && { index: session.index, day: session.day, start: session.start, end: session.end, title: session.title, room: session.room, speakers: session.speakers }).toEqual({
      index, day, start, end, title, room, speakers,
    });
  });

  it('finds exactly these sessions', () => {
    expect(fixturePost(rows[0]![0]).sessions).toHaveLength(rows.length);
  });
});

describe('speaker text as written', () => {
  it.each<[string, number, string | null]>([
    ['schedule-table.md', 3, '박지훈 SRE 팀장, 예시클라우드; 최유진 데이터 엔지니어, 예시데이터'],
    ['schedule-table-en.md', 3, null],
    ['name-lines.md', 1, '홍길동님'],
    ['name-lines.md', 2, 'Jane Doe (@janedoe)'],
    ['pipe-speakers.md', 1, '김철수 | 예시회사 백엔드 개발자'],
  ])('%s #%i', (file, index, text) => {
    expect(fixturePost(file).sessions[index - 1]!.speakerText).toBe(text);
  });
});

describe('tokens for printing a session in full', () => {
  const raw = (file: string, index: number) => fixturePost(file).sessions[index - 1]!.tokens.map((t) => t.raw).join('');

  it('a table row is a made-up paragraph (time, room, the title cell as written) and a bullet per speaker', () => {
    expect(raw('schedule-table.md', 2)).toBe('**10:50–11:30** · B홀 · **검색 랭킹** 실험기\n\n- 이서연');
    expect(raw('schedule-table.md', 3)).toBe('**13:00–13:40** · A홀 · 장애 회고 문화 만들기\n\n- 박지훈 SRE 팀장, 예시클라우드\n- 최유진 데이터 엔지니어, 예시데이터');
    expect(raw('schedule-table-en.md', 3)).toBe('**13:00** · Room 3 · Unconference');
  });

  it('one talk under a time-only heading keeps the whole section; several each get the heading and their line', () => {
    expect(raw('name-lines.md', 1)).toContain('캐시 계층을 세 단계로 나눈 이야기.');
    expect(raw('name-lines.md', 2)).toBe('### 14:50 ~ 15:30\n- 디자인 시스템 운영기 – Jane Doe (@janedoe)');
    expect(raw('name-lines.md', 3)).toBe('### 14:50 ~ 15:30\n- 웹 접근성 자동 점검 - 김현님');
  });

  it('a timed bullet is its own line', () => {
    expect(raw('name-lines.md', 5)).toBe('- 17:00 - 17:10 타입스크립트 팁 모음 - 이영희님');
  });
});
