import { findSpeakerLabel, parseSpeaker, parseSpeakers } from '../../../src/parse/speakers.js';
import type { Speaker } from '../../../src/types.js';

const person = (name: string, role: string | null = null, org: string | null = null): Speaker => ({ name, role, org });

describe('findSpeakerLabel', () => {
  it.each<[string, string]>([
    ['Speaker: Jane Doe, Acme', 'Jane Doe, Acme'],
    ['speakers: Jane Doe & John Roe', 'Jane Doe & John Roe'],
    ['SPEAKER : Jane Doe', 'Jane Doe'],
    ['Presenter: Jane Doe', 'Jane Doe'],
    ['Speaker：Jane Doe', 'Jane Doe'],
    ['발표자: 홍길동 대표, 예시회사', '홍길동 대표, 예시회사'],
    ['발표자 ： 홍길동', '홍길동'],
    ['연사: 김철수', '김철수'],
    ['발표: 김철수', '김철수'],
    ['강연자: 이영희', '이영희'],
    ['by Jane Doe, Acme', 'Jane Doe, Acme'],
    ['By 홍길동', '홍길동'],
    ['- Speaker: Jane Doe', 'Jane Doe'],
    ['1. Speaker: Jane Doe', 'Jane Doe'],
    ['**Speaker:** Jane Doe', 'Jane Doe'],
    ['**Speaker**: Jane Doe', 'Jane Doe'],
    ['- **발표자**: 홍길동', '홍길동'],
    ['**Speaker: Jane Doe**', 'Jane Doe'],
    ['_Speaker:_ Jane Doe', 'Jane Doe'],
    ['Speakers:', ''],
    ['- **PRESENTER** — Rosa Diaz', 'Rosa Diaz'],
    ['발표자 - 홍길동', '홍길동'],
  ])('%j → %j', (line, text) => {
    expect(findSpeakerLabel(line)).toBe(text);
  });

  it.each([
    ['Jane Doe, Acme'],
    ['양승도 솔루션즈 아키텍트, 아마존 웹서비스'],
    ['발표자료: https://example.com/slides'],
    ['Speaker Deck: https://example.com'],
    ['The speaker: Jane'],
    ['by the way, it rained'],
    ['By default the cache is off'],
    ['By 2020, most teams moved'],
    ['Standby: none'],
    [''],
  ])('%j is not a speaker line', (line) => {
    expect(findSpeakerLabel(line)).toBeNull();
  });
});

describe('parseSpeaker', () => {
  it.each<[string, Speaker]>([
    // Hangul: the first word is the name.
    ['양승도 솔루션즈 아키텍트, 아마존 웹서비스', person('양승도', '솔루션즈 아키텍트', '아마존 웹서비스')],
    ['이한주 대표, 베스핀글로벌', person('이한주', '대표', '베스핀글로벌')],
    ['윤석찬 테크에반젤리스트, 아마존 웹서비스', person('윤석찬', '테크에반젤리스트', '아마존 웹서비스')],
    ['김기완', person('김기완')],
    ['박선용 (아마존 웹서비스)', person('박선용', null, '아마존 웹서비스')],
    ['박선용 솔루션즈 아키텍트 (아마존 웹서비스)', person('박선용', '솔루션즈 아키텍트', '아마존 웹서비스')],
    ['홍길동님', person('홍길동')],
    ['홍길동님, 예시회사', person('홍길동', null, '예시회사')],
    ['홍길동 개발자', person('홍길동', '개발자')],
    ['이한주, 베스핀글로벌', person('이한주', null, '베스핀글로벌')],
    // Latin.
    ['Jane Doe, Staff Engineer, Acme', person('Jane Doe', 'Staff Engineer', 'Acme')],
    ['Jane Doe, Staff Engineer at Acme', person('Jane Doe', 'Staff Engineer', 'Acme')],
    ['Jane Doe, Engineer @ Acme', person('Jane Doe', 'Engineer', 'Acme')],
    ['Jane Doe, VP, Platform, Acme', person('Jane Doe', 'VP, Platform', 'Acme')],
    ['Jane Doe (Acme)', person('Jane Doe', null, 'Acme')],
    ['Jane Doe （Acme）', person('Jane Doe', null, 'Acme')],
    ['Jane Doe (Staff Engineer, Acme)', person('Jane Doe', 'Staff Engineer', 'Acme')],
    ['Jane Doe (@jdoe)', person('Jane Doe')],
    ['Jane Doe (@jdoe), Acme', person('Jane Doe', null, 'Acme')],
    ['Jane Doe @jdoe', person('Jane Doe')],
    ['Jane Doe — Acme', person('Jane Doe', null, 'Acme')],
    ['Jane Doe—Acme', person('Jane Doe', null, 'Acme')],
    ['Jane Doe - Staff Engineer, Acme', person('Jane Doe', 'Staff Engineer', 'Acme')],
    ['Jane Doe, Acme', person('Jane Doe', null, 'Acme')],
    ['Jane Doe, Acme Inc.', person('Jane Doe', null, 'Acme Inc.')],
    ['Jean-Luc O\'Neil', person('Jean-Luc O\'Neil')],
    // Latin name, Hangul role.
    ['Mike Clayville 아마존 웹서비스 글로벌 세일즈 및 사업개발 부문 부사장', person('Mike Clayville', '아마존 웹서비스 글로벌 세일즈 및 사업개발 부문 부사장')],
    // Clean-up.
    ['  Jane   Doe ,  Acme.  ', person('Jane Doe', null, 'Acme')],
    ['**Jane Doe**, Acme', person('Jane Doe', null, 'Acme')],
    ['Jane Doe;', person('Jane Doe')],
    ['', person('')],
    ['   ', person('')],
    ['(Acme)', person('', null, 'Acme')],
    ['()', person('')],
  ])('%j', (text, expected) => {
    expect(parseSpeaker(text)).toEqual(expected);
  });
});

describe('parseSpeakers', () => {
  it.each<[string, Speaker[]]>([
    ['', []],
    ['   ', []],
    ['김기완', [person('김기완')]],
    // Connectors between people split.
    ['김철수 & 이영희', [person('김철수'), person('이영희')]],
    ['김철수 및 이영희', [person('김철수'), person('이영희')]],
    ['김철수 대표, 예시회사 & 이영희 이사, 다른회사', [person('김철수', '대표', '예시회사'), person('이영희', '이사', '다른회사')]],
    ['Jane Doe and John Roe', [person('Jane Doe'), person('John Roe')]],
    ['Jane Doe & John Roe, Acme', [person('Jane Doe'), person('John Roe', null, 'Acme')]],
    ['Jane Doe, Staff Engineer, Acme and John Roe, CTO, Initech', [person('Jane Doe', 'Staff Engineer', 'Acme'), person('John Roe', 'CTO', 'Initech')]],
    ['Jane Doe and 김철수', [person('Jane Doe'), person('김철수')]],
    // Role phrases do not.
    ['Mike Clayville 아마존 웹서비스 글로벌 세일즈 및 사업개발 부문 부사장', [person('Mike Clayville', '아마존 웹서비스 글로벌 세일즈 및 사업개발 부문 부사장')]],
    ['홍길동 기획 및 마케팅 팀장', [person('홍길동', '기획 및 마케팅 팀장')]],
    ['홍길동 클라우드 및 서비스 총괄, 예시회사', [person('홍길동', '클라우드 및 서비스 총괄', '예시회사')]],
    ['Jane Doe, Research and Development Lead, Acme', [person('Jane Doe', 'Research and Development Lead', 'Acme')]],
    ['Research and Development Lead', [person('Research and Development Lead')]],
    ['Jane Doe, Head of Sales & Marketing', [person('Jane Doe', null, 'Head of Sales & Marketing')]],
    ['Jane Doe, Tools and Infrastructure, Acme', [person('Jane Doe', 'Tools and Infrastructure', 'Acme')]],
    // ";" and " / " always split.
    ['Jane Doe; John Roe', [person('Jane Doe'), person('John Roe')]],
    ['김철수 대표；이영희', [person('김철수', '대표'), person('이영희')]],
    ['Jane Doe, Acme / 홍길동 대표, 예시회사', [person('Jane Doe', null, 'Acme'), person('홍길동', '대표', '예시회사')]],
    ['Jane Doe\nJohn Roe', [person('Jane Doe'), person('John Roe')]],
    // Commas between bare names split; a name and an org do not.
    ['김철수, 이영희, 박민수', [person('김철수'), person('이영희'), person('박민수')]],
    ['Jane Doe, John Roe', [person('Jane Doe'), person('John Roe')]],
    ['Jane Doe, John Roe and Max Mustermann', [person('Jane Doe'), person('John Roe'), person('Max Mustermann')]],
    ['Jane Doe, Acme', [person('Jane Doe', null, 'Acme')]],
    ['Jane Doe, Staff Engineer', [person('Jane Doe', null, 'Staff Engineer')]],
    ['이한주, 베스핀글로벌', [person('이한주', null, '베스핀글로벌')]],
    ['김철수, 대표', [person('김철수', null, '대표')]],
    // Empty parts are dropped.
    ['Jane Doe; ; John Roe;', [person('Jane Doe'), person('John Roe')]],
    ['; / ;', []],
  ])('%j', (text, expected) => {
    expect(parseSpeakers(text)).toEqual(expected);
  });
});
