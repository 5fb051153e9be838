import { parsePost } from '../../../src/parse/post.js';
import { readsAsPerson } from '../../../src/parse/names.js';
import { splitTalkLine } from '../../../src/parse/session-lines.js';
import { parseSpeaker } from '../../../src/parse/speakers.js';
import { sessionLines } from './fixture.js';

const lines = (markdown: string) => sessionLines(parsePost(markdown, 'x.md'));

describe('splitTalkLine', () => {
  it.each<[string, string, string]>([
    ['대규모 트래픽 처리 경험 - 홍길동님', '대규모 트래픽 처리 경험', '홍길동님'],
    ['디자인 시스템 운영기 – Jane Doe (@janedoe)', '디자인 시스템 운영기', 'Jane Doe (@janedoe)'],
    ['Rust - 안전한 시스템 프로그래밍 - 김철수', 'Rust - 안전한 시스템 프로그래밍', '김철수'],
    ['Observability — Erin Walsh, Staff Engineer, Northwind', 'Observability', 'Erin Walsh, Staff Engineer, Northwind'],
    ['모니터링 개선기 - 박민수 백엔드 개발자, 예시회사', '모니터링 개선기', '박민수 백엔드 개발자, 예시회사'],
  ])('%j', (line, title, speakerText) => {
    expect(splitTalkLine(line)).toEqual({ title, speakerText });
  });

  it.each([
    ['스폰서 강연 - AWS를 활용한 Big Data 실전 배치 사례'],
    ['Kubernetes - Deep dive into the scheduler'],
    ['CQRS - 이벤트 소싱'],
    ['세션 사이 쉬는 시간 - 10분이 짧았다.'],
    ['Jane Doe - Staff Engineer, Acme'],
    ['홍길동 - 예시회사'],
    ['No dash here'],
  ])('%j is not a talk line', (line) => {
    expect(splitTalkLine(line)).toBeNull();
  });
});

describe('readsAsPerson', () => {
  it.each([['홍길동님'], ['김현님'], ['Jane Doe (@jdoe)'], ['Jane (@jane)'], ['김철수 | 예시회사 백엔드 개발자'], ['양승도 솔루션즈 아키텍트, 아마존 웹서비스']])('%j', (text) => {
    expect(readsAsPerson(text)).toBe(true);
  });
  it.each([['이벤트 소싱 도입기'], ['AWS를 활용한 사례'], ['Acme'], ['점심'], ['']])('%j is not a person', (text) => {
    expect(readsAsPerson(text)).toBe(false);
  });
});

describe('parseSpeaker with a pipe: "Name | Org Role"', () => {
  it.each<[string, string, string | null, string | null]>([
    ['김철수 | 예시회사 백엔드 개발자', '김철수', '백엔드 개발자', '예시회사'],
    ['김철수 | 예시회사', '김철수', null, '예시회사'],
    ['김철수 | 백엔드 개발자', '김철수', '백엔드 개발자', null],
    ['김철수 | 백엔드 개발자, 예시회사', '김철수', '백엔드 개발자', '예시회사'],
    ['김철수 | 예시회사 | 백엔드 개발자', '김철수', '백엔드 개발자', '예시회사'],
    ['**김철수** | 예시회사 CTO', '김철수', 'CTO', '예시회사'],
    ['Jane Doe | Acme Staff Engineer', 'Jane Doe', 'Staff Engineer', 'Acme'],
    ['Jane Doe | Acme', 'Jane Doe', null, 'Acme'],
    ['Jane Doe | Staff Engineer at Acme', 'Jane Doe', 'Staff Engineer', 'Acme'],
  ])('%j', (text, name, role, org) => {
    expect(parseSpeaker(text)).toEqual({ name, role, org });
  });
});

describe('shapes written inline', () => {
  it('a time-only heading with nothing under it is titled by its time', () => {
    expect(lines('### 14:00 - 14:40\n\n본문은 길게 쓴 문장이다.\n')).toEqual(['1 - 14:00-14:40 14:00 / ']);
  });

  it('a time-only heading over a seed-style speaker bullet keeps that speaker', () => {
    expect(lines('### 14:00 - 14:40\n- 김민준 플랫폼 엔지니어, 예시테크\n- 메모\n')).toEqual(['1 - 14:00-14:40 14:00 / 김민준']);
  });

  it('one line that starts with a time is a note, two or more are a schedule', () => {
    expect(lines('## 후기\n- 13:00 발표가 좋았다.\n')).toEqual([]);
    expect(lines('13:00 - 13:40 Opening - Jane Doe\n13:50 Closing | John Roe\n')).toEqual(['1 - 13:00-13:40 Opening / Jane Doe', '2 - 13:50-? Closing / John Roe']);
  });

  it('tables: headers in any case and order; no time or no title column means no schedule', () => {
    expect(lines('| SPEAKER | title | TiMe |\n|-|-|-|\n| Jane Doe | Hello | 9:00 - 9:30 |\n')).toEqual(['1 - 09:00-09:30 Hello / Jane Doe']);
    expect(lines('| 이름 | 점수 |\n|-|-|\n| 13:00 | 10 |\n')).toEqual([]);
    expect(lines('| 시간 | 발표자 |\n|-|-|\n| 13:00 | 김철수 |\n')).toEqual([]);
  });

  it('table rows: the time must come first in its cell, and a row needs a title', () => {
    expect(lines('| 시간 | 주제 |\n|-|-|\n| 약 13:00 | A |\n| 13:00 | |\n| 14:00~ | B |\n')).toEqual(['1 - 14:00-? B / ']);
  });

  it('a table or timed lines inside a session heading’s body belong to that session', () => {
    const md = '### 13:00 - 17:00 오후 세션\n\n| 시간 | 주제 |\n|-|-|\n| 13:00 | A |\n\n- 14:00 B\n- 15:00 C\n';
    expect(lines(md)).toEqual(['1 - 13:00-17:00 오후 세션 / ']);
  });

  it('numbers table, line and heading sessions together in file order', () => {
    const md = '## Day 1\n\n| Time | Talk |\n|-|-|\n| 10:00 | A |\n\n### 11:00 B\n\n## Day 2\n\n### 10:00\n- C - 홍길동님\n- D - 김철수님\n';
    expect(lines(md)).toEqual(['1 Day 1 10:00-? A / ', '2 Day 1 11:00-? B / ', '3 Day 2 10:00-? C / 홍길동', '4 Day 2 10:00-? D / 김철수']);
  });
});
