// Issue 11: the parts a session is read from, one row per shape seen in real recap posts.
import { parseDayLabel, parseRoomLabel } from '../../../src/parse/session-days.js';
import { parseSessionKind } from '../../../src/parse/session-kind.js';
import { lex } from '../../../src/parse/session-lines.js';
import { isNoiseTitle, isSentenceLine } from '../../../src/parse/session-noise.js';
import { extractSessions } from '../../../src/parse/sessions.js';
import { cleanTitle, splitTitleSpeaker } from '../../../src/parse/session-title.js';
import { findSpeakerLabel, parseSpeakers } from '../../../src/parse/speakers.js';
import { findTimeRange } from '../../../src/parse/time.js';

describe('parseDayLabel', () => {
  it.each<[string, string, number | null]>([
    ['Day 1', 'Day 1', 1],
    ['2일차', '2일차', 2],
    ['Day Two: workshops', 'Day Two', 2],
    ['둘째 날', '둘째 날', 2],
    ['Friday', 'Friday', null],
    ['Saturday, 17th September UTC(+0)', 'Saturday', null],
    ['토요일 저녁', '토요일', null],
    ['May 17', 'May 17', null],
    ['17 May', '17 May', null],
    ['Next session: April 11', 'April 11', null],
    ['2023-05-18', '2023-05-18', null],
    ['5월 17일 (수)', '5월 17일 (수)', null],
    ['5/18 (목)', '5/18 (목)', null],
    // In capitals: the day is found whatever the case.
    ['DAY 3 — HANDS-ON', 'DAY 3', 3],
    ['SATURDAY', 'SATURDAY', null],
    ['첫째날', '첫째날', 1],
  ])('%j names the day %j', (text, label, number) => {
    expect(parseDayLabel(text)).toEqual({ label, number });
  });

  it.each([['행사 개요'], ['Part 1/2'], ['Day 999999999'], ['Afternoon'], ['오후']])('%j names no day', (text) => {
    expect(parseDayLabel(text)).toBeNull();
  });
});

describe('parseRoomLabel', () => {
  it.each([['트랙 A'], ['Track 2'], ['Room B'], ['A홀'], ['TRACK 3'], ['STAGE B'], ['2관']])('%j is a room', (text) => {
    expect(parseRoomLabel(text)).toBe(text);
  });
  it.each([['트랙 A 후기와 느낀 점'], ['Tracks'], ['Hallway track']])('%j is not a room', (text) => {
    expect(parseRoomLabel(text)).toBeNull();
  });
});

describe('parseSessionKind', () => {
  it.each([
    ['등록 및 입장'], ['접수'], ['휴식'], ['쉬는 시간'], ['점심 시간'], ['저녁 식사'], ['네트워킹'], ['경품 추첨 및 폐회'], ['☕ 휴식 10분'],
    ['Coffee break'], ['Break'], ['Lunch break'], ['Registration & check in'], ['Registration for the workshops'], ['Reception on the boat'],
    ['Social'], ['Doors open, pizza and check-in'], ['Networking'], ['Hallway track'], ['Closing remarks'], ['Close up'], ['Setup & connectivity check'],
    // After marks, and in capitals.
    ['[Break]'], ['🍱 LUNCH'], ['— 점심'], ['COFFEE BREAK'],
  ])('%j is a break', (title) => {
    expect(parseSessionKind(title)).toBe('break');
  });
  it.each([
    ['Keynote'], ['키노트 - 웹 플랫폼의 다음 10년'], ['기조 연설'], ['Panel: Who Owns the Pager?'], ['Lightning talks'], ['Q&A panel'],
    ['Breaking changes without breaking users'], ['Social engineering in practice'], ['Closing the gap between design and code'],
    ['Welcome and community news'], ['오프닝'], ['강연 및 실습 워크샵'], ['Expo Router in production'],
  ])('%j is a talk', (title) => {
    expect(parseSessionKind(title)).toBe('talk');
  });
});

describe('splitTitleSpeaker and cleanTitle', () => {
  it.each<[string, string, string]>([
    ['Keynote: Paved Roads, Not Gates - Maria Okafor, Northwind', 'Keynote: Paved Roads, Not Gates', 'Maria Okafor, Northwind'],
    ['Golden Paths for Data Teams (Tomás Silva, Fabrikam)', 'Golden Paths for Data Teams', 'Tomás Silva, Fabrikam'],
    ['Measuring Developer Experience / Hannah Berg', 'Measuring Developer Experience', 'Hannah Berg'],
    ['Secrets Without Tears - Priya Raman', 'Secrets Without Tears', 'Priya Raman'],
    ['Android 앱 크기 줄이기 (박준서 - 예시모바일)', 'Android 앱 크기 줄이기', '박준서 - 예시모바일'],
    ['서버 컴포넌트 실전 도입기 - 김서윤', '서버 컴포넌트 실전 도입기', '김서윤'],
  ])('%j -> %j + %j', (text, title, speakerText) => {
    expect(splitTitleSpeaker(text)).toEqual({ title, speakerText });
  });

  it.each([['키노트 - 웹 플랫폼의 다음 10년'], ['A/B 테스트 설계'], ['Deep learning (part 2)'], ['김철수 - 이영희']])('%j has no speaker beside it', (text) => {
    expect(splitTitleSpeaker(text)).toBeNull();
  });

  it.each<[string, string]>([
    ['"상태 관리, 이제는 덜 고민하기" 발표자료', '상태 관리, 이제는 덜 고민하기'],
    ['「앱 출시 자동화 파이프라인」 (발표자료)', '앱 출시 자동화 파이프라인'],
    ["'Swift Concurrency 톺아보기' slides video", 'Swift Concurrency 톺아보기'],
    ['『리팩터링』 다시 읽기', '『리팩터링』 다시 읽기'],
    ['slides', 'slides'],
  ])('%j is titled %j', (text, title) => {
    expect(cleanTitle(text)).toBe(title);
  });
});

describe('speaker lines', () => {
  it.each<[string, string[]]>([
    ['Jamie Fox (Acme)', ['Jamie Fox']],
    ['Sam Lee @ Globex', ['Sam Lee']],
    ['Kim Novak / Initech / Staff Engineer', ['Kim Novak']],
    ['최가은님 (예시클라우드)', ['최가은']],
    ['Szabi and Zsuzsa Marka', ['Szabi and Zsuzsa Marka']],
    ['Jane Doe and John', ['Jane Doe and John']],
    ['Jane Doe and John Roe', ['Jane Doe', 'John Roe']],
    ['김철수 & 이영희', ['김철수', '이영희']],
    ['Jane Doe, Acme / 홍길동 대표, 예시회사', ['Jane Doe', '홍길동']],
  ])('%j -> %j', (line, names) => {
    expect(parseSpeakers(line).map((p) => p.name)).toEqual(names);
  });

  it('keeps the org and role of "Name / Org / Role" and "Name @ Org"', () => {
    expect(parseSpeakers('Kim Novak / Initech / Staff Engineer')).toEqual([{ name: 'Kim Novak', role: 'Staff Engineer', org: 'Initech' }]);
    expect(parseSpeakers('Sam Lee @ Globex')).toEqual([{ name: 'Sam Lee', role: null, org: 'Globex' }]);
  });

  it.each<[string, string]>([
    ['Speaker - Rosa Diaz', 'Rosa Diaz'],
    ['발표자 — 홍길동', '홍길동'],
    ['발표: 하준영', '하준영'],
  ])('%j is labelled, naming %j', (line, text) => {
    expect(findSpeakerLabel(line)).toBe(text);
  });
  it('"발표 - 제목" is a title, not a labelled speaker', () => {
    expect(findSpeakerLabel('발표 - 서비스 소개')).toBeNull();
  });
});

describe('times that are not talks', () => {
  it.each([['MSK - Reliability & smoke tests'], ['UTC: database migration window'], ['Thursday 29 August 2019 JST'], ['KTX 103 (서울 → 부산)'], ['Eurostar 9014, London → Paris']])(
    '%j is a log entry or a trip',
    (title) => expect(isNoiseTitle(title)).toBe(true),
  );
  it.each([['Keynote: The Next Decade'], ['Data at the Edge'], ['Building a train of thought']])('%j is a title', (title) => {
    expect(isNoiseTitle(title) && !/train/i.test(title)).toBe(false);
  });
  it.each([['민수: 배포 일정을 다음 주로 미루자고 제안했다.'], ['First clicks recorded; two users submit their credentials.']])('%j is a sentence', (line) => {
    expect(isSentenceLine(line)).toBe(true);
  });
  it.each([['Lightning talks'], ['Acme Inc.'], ['점심']])('%j is not a sentence', (line) => {
    expect(isSentenceLine(line)).toBe(false);
  });
});

describe('how a time was written', () => {
  it.each<[string, boolean, boolean]>([
    ['16:20 ~', false, true],
    ['9:30~ 오프닝', false, true],
    ['14:00 - 제목', false, false],
    ['1:30 PM - 2:15 PM', true, false],
    ['1:50-2:20', false, false],
  ])('%j: meridiem %s, tilde %s', (text, meridiem, tilde) => {
    expect(findTimeRange(text)).toMatchObject({ meridiem, tilde });
  });
});

describe('sessions from whole posts', () => {
  const sessions = (md: string) => extractSessions(lex(md));

  it('keeps slide and video links beside a title as links, out of the title', () => {
    const [s] = sessions('### 19:00 ~ 19:40 "Title here" [slides](https://example.com/s.pdf) [video](https://example.com/v)\n- Speaker: Jane Doe\n');
    expect(s).toMatchObject({ title: 'Title here', links: [{ text: 'slides', url: 'https://example.com/s.pdf' }, { text: 'video', url: 'https://example.com/v' }] });
  });

  it('runs a 12-hour clock forward within a room, and restarts it in the next room', () => {
    const md = '트랙 A\n- 11:30-12:10 One - 김철수\n- 1:50-2:20 Two - 이영희\n\n트랙 B\n- 11:30-12:10 Three - 박민수\n- 1:00-1:40 Four - 최지은\n';
    expect(sessions(md).map((s) => `${s.room} ${s.start}-${s.end}`)).toEqual(['트랙 A 11:30-12:10', '트랙 A 13:50-14:20', '트랙 B 11:30-12:10', '트랙 B 13:00-13:40']);
  });

  it('leaves a 24-hour day alone even when its sessions are out of order', () => {
    expect(sessions('### 16:00-16:40 Late\nSpeaker: A B\n\n### 10:00-10:40 Early\nSpeaker: C D\n').map((s) => s.start)).toEqual(['16:00', '10:00']);
  });

  it('numbers days by word, and weekdays and dates in the order written', () => {
    const md = '## Saturday\n### 10:00-10:40 A\n## Sunday\n### 10:00-10:40 B\n## Day Two\n### 10:00-10:40 C\n';
    expect(sessions(md).map((s) => [s.day, s.dayNumber])).toEqual([['Saturday', 1], ['Sunday', 2], ['Day Two', 2]]);
  });

  it('does not read a post of start times alone, with nobody speaking, as a schedule', () => {
    expect(sessions('### 13:40 Fixed the export\n- removed the old cache\n\n### 15:10 Deployed\n')).toEqual([]);
    // The same headings with a speaker each, or open-ended with "~", are a schedule.
    expect(sessions('### 13:40 Fixed the export\nSpeaker: Jane Doe\n\n### 15:10 Deployed\n')).toHaveLength(2);
    expect(sessions('### 13:40~ Fixed the export\n\n### 15:10~ Deployed\n')).toHaveLength(2);
  });

  it('reads a schedule that starts at 0:00 as elapsed time, not a clock', () => {
    expect(sessions('- 0:00 Intro\n- 2:10 Installing\n- 5:30 Deploying\n')).toEqual([]);
    expect(sessions('| 시간 | 내용 |\n|-|-|\n| 0:00-0:20 | 복습 |\n| 0:20-0:55 | 실습 |\n')).toEqual([]);
  });
});
