// The words of `postview browse` and `show --watch`, in English and Korean
// (the language is chosen once, as for every command: see i18n.ts).
import type { Lang } from '../i18n.js';

export interface KeyHelp {
  keys: string;
  what: string;
}

export interface BrowseWords {
  posts: (shown: number, total: number) => string;
  reading: string;
  sessions: (shown: number, total: number) => string;
  noPosts: string;
  noMatches: string;
  noSessions: string;
  noSections: string;
  filterPrompt: string;
  searchPrompt: string;
  atPrompt: string;
  at: (time: string) => string;
  filtered: (text: string) => string;
  notFound: (query: string) => string;
  match: (n: number, of: number) => string;
  badTime: (text: string) => string;
  reloaded: string;
  unreadable: (count: number) => string;
  gone: string;
  helpTitle: string;
  helpHint: string;
  sectionsTitle: string;
  top: string;
  bottom: string;
  keys: { list: KeyHelp[]; page: KeyHelp[]; sessions: KeyHelp[]; tree: KeyHelp[]; prompt: KeyHelp[]; all: KeyHelp[] };
  /** show --watch */
  watchSessions: (count: number) => string;
  watchUnread: (heading: string) => string;
  watchHint: string;
}

const EN: BrowseWords = {
  posts: (shown, total) => (shown === total ? `${total} posts` : `${shown} of ${total} posts`),
  reading: 'reading…',
  sessions: (shown, total) => (shown === total ? `${total} sessions` : `${shown} of ${total} sessions`),
  noPosts: 'No posts in this folder.',
  noMatches: 'Nothing matches.',
  noSessions: 'No sessions (no heading with a time such as "### 13:00 - 13:40 Title").',
  noSections: 'This post has no headings.',
  filterPrompt: 'Filter: ',
  searchPrompt: 'Search: ',
  atPrompt: 'At (14:00, 2pm): ',
  at: (time) => `at ${time}`,
  filtered: (text) => `“${text}”`,
  notFound: (query) => `Not found: ${query}`,
  match: (n, of) => `match ${n}/${of}`,
  badTime: (text) => `Not a time: ${text} (expected 14:00 or 2pm)`,
  reloaded: 'reloaded',
  unreadable: (count) => `${count} post${count === 1 ? '' : 's'} could not be read (said when you quit)`,
  gone: 'the file is gone; showing what was last read',
  helpTitle: 'Keys',
  helpHint: 'press any key to go back',
  sectionsTitle: 'Sections (Enter jumps, Esc closes)',
  top: 'Top',
  bottom: 'End',
  keys: {
    list: [
      { keys: 'j k ↓ ↑ wheel', what: 'move' },
      { keys: 'space b PgDn PgUp', what: 'page down, up' },
      { keys: 'g G Home End', what: 'first, last post' },
      { keys: '/', what: 'filter as you type (title, file name, category, speakers)' },
      { keys: 'Enter', what: 'open the post' },
      { keys: 's', what: "sessions of every post in the folder" },
      { keys: 'e', what: 'edit the post in $VISUAL / $EDITOR' },
      { keys: 'Esc', what: 'clear the filter' },
    ],
    page: [
      { keys: 'j k ↓ ↑ wheel', what: 'scroll a line' },
      { keys: 'space b PgDn PgUp', what: 'scroll a page' },
      { keys: 'd u', what: 'scroll half a page' },
      { keys: 'g G Home End', what: 'top, end' },
      { keys: '/  n N', what: 'search; next, previous match' },
      { keys: 't', what: 'section tree (Enter jumps)' },
      { keys: '[ ]', what: 'previous, next section' },
      { keys: 's', what: "the post's sessions" },
      { keys: 'e', what: 'edit in $VISUAL / $EDITOR, reload after' },
      { keys: 'Esc Backspace', what: 'back' },
    ],
    sessions: [
      { keys: 'j k ↓ ↑ wheel', what: 'move' },
      { keys: 'space b PgDn PgUp', what: 'page down, up' },
      { keys: 'g G Home End', what: 'first, last session' },
      { keys: '/', what: 'filter by speaker or title as you type' },
      { keys: '@', what: 'what runs at a time (14:00, 2pm); empty to clear' },
      { keys: 'n', what: 'now and next, by the clock' },
      { keys: 'Enter', what: 'the session in full' },
      { keys: 'Esc Backspace', what: 'clear the filter, then back' },
    ],
    tree: [
      { keys: 'j k ↓ ↑ wheel', what: 'move' },
      { keys: 'space b g G', what: 'page down, up; first, last' },
      { keys: 'Enter', what: 'jump to the section' },
      { keys: 'Esc t', what: 'close' },
    ],
    prompt: [
      { keys: 'Enter', what: 'done (a filter stays)' },
      { keys: 'Esc', what: 'cancel (a filter is cleared)' },
      { keys: 'Backspace Ctrl-W Ctrl-U', what: 'delete a character, a word, all' },
    ],
    all: [
      { keys: '?', what: 'these keys' },
      { keys: 'q Ctrl-C', what: 'quit' },
    ],
  },
  watchSessions: (count) => `${count} session${count === 1 ? '' : 's'}`,
  watchUnread: (heading) => `warning: time-like heading not read as a session: "${heading}"`,
  watchHint: 'watching; Ctrl-C to stop',
};

const KO: BrowseWords = {
  posts: (shown, total) => (shown === total ? `글 ${total}개` : `글 ${total}개 중 ${shown}개`),
  reading: '읽는 중…',
  sessions: (shown, total) => (shown === total ? `세션 ${total}개` : `세션 ${total}개 중 ${shown}개`),
  noPosts: '이 폴더에 글이 없습니다.',
  noMatches: '맞는 것이 없습니다.',
  noSessions: '세션이 없습니다 ("### 13:00 - 13:40 제목"처럼 시간이 있는 제목이 없음).',
  noSections: '이 글에는 제목이 없습니다.',
  filterPrompt: '거르기: ',
  searchPrompt: '찾기: ',
  atPrompt: '시각 (14:00, 2pm): ',
  at: (time) => `${time}에`,
  filtered: (text) => `“${text}”`,
  notFound: (query) => `찾지 못함: ${query}`,
  match: (n, of) => `${of}개 중 ${n}번째`,
  badTime: (text) => `시각이 아닙니다: ${text} (14:00이나 2pm 형식)`,
  reloaded: '다시 읽음',
  unreadable: (count) => `글 ${count}개를 읽지 못했습니다 (끝낼 때 알려 드립니다)`,
  gone: '파일이 없어졌습니다. 마지막으로 읽은 내용을 보여 줍니다',
  helpTitle: '키',
  helpHint: '아무 키나 누르면 돌아갑니다',
  sectionsTitle: '절 목록 (Enter 이동, Esc 닫기)',
  top: '처음',
  bottom: '끝',
  keys: {
    list: [
      { keys: 'j k ↓ ↑ 휠', what: '이동' },
      { keys: 'space b PgDn PgUp', what: '한 화면 아래, 위' },
      { keys: 'g G Home End', what: '처음, 마지막 글' },
      { keys: '/', what: '입력하는 대로 거르기 (제목, 파일 이름, 분류, 발표자)' },
      { keys: 'Enter', what: '글 열기' },
      { keys: 's', what: '폴더 안 모든 글의 세션' },
      { keys: 'e', what: '$VISUAL / $EDITOR로 글 고치기' },
      { keys: 'Esc', what: '거르기 지우기' },
    ],
    page: [
      { keys: 'j k ↓ ↑ 휠', what: '한 줄 스크롤' },
      { keys: 'space b PgDn PgUp', what: '한 화면 스크롤' },
      { keys: 'd u', what: '반 화면 스크롤' },
      { keys: 'g G Home End', what: '처음, 끝' },
      { keys: '/  n N', what: '찾기; 다음, 이전 결과' },
      { keys: 't', what: '절 목록 (Enter로 이동)' },
      { keys: '[ ]', what: '이전, 다음 절' },
      { keys: 's', what: '이 글의 세션' },
      { keys: 'e', what: '$VISUAL / $EDITOR로 고치고 다시 읽기' },
      { keys: 'Esc Backspace', what: '뒤로' },
    ],
    sessions: [
      { keys: 'j k ↓ ↑ 휠', what: '이동' },
      { keys: 'space b PgDn PgUp', what: '한 화면 아래, 위' },
      { keys: 'g G Home End', what: '처음, 마지막 세션' },
      { keys: '/', what: '입력하는 대로 발표자나 제목으로 거르기' },
      { keys: '@', what: '그 시각에 진행 중인 세션 (14:00, 2pm); 비우면 해제' },
      { keys: 'n', what: '지금과 다음 세션 (현재 시각 기준)' },
      { keys: 'Enter', what: '세션 전체 보기' },
      { keys: 'Esc Backspace', what: '거르기 지우기, 그다음 뒤로' },
    ],
    tree: [
      { keys: 'j k ↓ ↑ 휠', what: '이동' },
      { keys: 'space b g G', what: '한 화면 아래, 위; 처음, 끝' },
      { keys: 'Enter', what: '그 절로 이동' },
      { keys: 'Esc t', what: '닫기' },
    ],
    prompt: [
      { keys: 'Enter', what: '마침 (거르기는 남음)' },
      { keys: 'Esc', what: '취소 (거르기는 지워짐)' },
      { keys: 'Backspace Ctrl-W Ctrl-U', what: '한 글자, 한 낱말, 전부 지우기' },
    ],
    all: [
      { keys: '?', what: '이 키 목록' },
      { keys: 'q Ctrl-C', what: '끝내기' },
    ],
  },
  watchSessions: (count) => `세션 ${count}개`,
  watchUnread: (heading) => `경고: 세션으로 읽지 못한 시간 같은 제목: "${heading}"`,
  watchHint: '지켜보는 중; 끝내려면 Ctrl-C',
};

export function browseWords(lang: Lang): BrowseWords {
  return lang === 'ko' ? KO : EN;
}
