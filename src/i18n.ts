// The interface's words in English and Korean. The language is the --lang
// flag, else the locale (LC_ALL, LC_MESSAGES, LANG: ko_* is Korean), else English.
import { showName } from './sanitize.js';
export type Lang = 'en' | 'ko';

export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag === 'en' || flag === 'ko') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ko(?:[_.@-]|$)/i.test(locale) ? 'ko' : 'en';
}

/** Finds --lang in raw arguments, before commander has parsed them (help is built first). */
export function findLangFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

export interface Words {
  columns: { number: string; time: string; title: string; speaker: string; day: string; post: string; date: string; category: string; sessions: string };
  now: string;
  next: string;
  nothingNow: string;
  nothingNext: string;
  duration: (minutes: number) => string;
  endsIn: (duration: string) => string;
  startedAgo: (duration: string) => string;
  startsIn: (duration: string) => string;
}

/** "1 h 20 min", "25 min", "2 h" (or "1시간 20분"). */
function hoursAndMinutes(minutes: number, hour: string, minute: string): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m}${minute}` : m === 0 ? `${h}${hour}` : `${h}${hour} ${m}${minute}`;
}

const EN: Words = {
  columns: { number: '#', time: 'Time', title: 'Title', speaker: 'Speaker', day: 'Day', post: 'Post', date: 'Date', category: 'Category', sessions: 'Sessions' },
  now: 'Now',
  next: 'Next',
  nothingNow: 'Nothing in progress',
  nothingNext: 'Nothing later today',
  duration: (m) => hoursAndMinutes(m, ' h', ' min'),
  endsIn: (d) => `ends in ${d}`,
  startedAgo: (d) => `started ${d} ago`,
  startsIn: (d) => `in ${d}`,
};

const KO: Words = {
  columns: { number: '#', time: '시간', title: '제목', speaker: '발표자', day: '날짜', post: '글', date: '날짜', category: '분류', sessions: '세션' },
  now: '지금',
  next: '다음',
  nothingNow: '진행 중인 세션 없음',
  nothingNext: '이후 세션 없음',
  duration: (m) => hoursAndMinutes(m, '시간', '분'),
  endsIn: (d) => `${d} 후 끝남`,
  startedAgo: (d) => `${d} 전 시작`,
  startsIn: (d) => `${d} 후`,
};

export function words(lang: Lang): Words {
  return lang === 'ko' ? KO : EN;
}

/** Messages on stderr: each says where, what happened and what was expected. */
export interface Messages {
  noSessionMatches: (where: string, filter: string) => string;
  noSessions: (where: string) => string;
  noTrack: (where: string, which: string, count: number) => string;
  onlyBreaks: (where: string, which: string) => string;
  severalTracks: (where: string, count: number, which: string) => string;
  noSection: (where: string, title: string) => string;
  severalSections: (where: string, count: number, title: string) => string;
  noPosts: (dir: string) => string;
  badTime: (option: string, value: string, forms: string) => string;
  badWidth: (value: string) => string;
  badColor: (value: string) => string;
  badDate: (value: string) => string;
  reversedWindow: (from: string, to: string) => string;
  noDate: (where: string) => string;
  nothingNow: (where: string, time: string) => string;
  badDay: (value: string, max: number) => string;
  severalDays: (where: string, days: string) => string;
  postsLeftOut: (count: number, days: string) => string;
  badCalendarDay: (where: string, day: string, first: string) => string;
  stdinFromTerminal: () => string;
}

const EN_MESSAGES: Messages = {
  noSessionMatches: (where, filter) => `${where}: no session matches ${filter}`,
  noSessions: (where) => `${where}: no sessions (no heading with a time range such as "### 13:00 - 13:40 Title", and no schedule table)`,
  noTrack: (where, which, count) => `${where}: no session matches '${which}' (expected a number from 1 to ${count}, a start time like 13:50, or words of a title)`,
  onlyBreaks: (where, which) => `${where}: '${which}' matches only breaks (registration, lunch, ...); add --all to show them`,
  severalTracks: (where, count, which) => `${where}: ${count} sessions match '${which}'; name one by number:`,
  noSection: (where, title) => `${where}: no section titled '${title}' (see \`postview sections\`)`,
  severalSections: (where, count, title) => `${where}: ${count} sections match '${title}'; give more of the title:`,
  noPosts: (dir) => `${dir}: no posts could be read (expected .md, .markdown, .mdown, .mkd or .txt files)`,
  badTime: (option, value, forms) => `--${option}: invalid time '${value}' (expected a time like ${forms})`,
  badWidth: (value) => `--width: invalid value '${value}' (expected a whole number of columns from 20 to 1000)`,
  badColor: (value) => `--color: invalid value '${value}' (expected auto, always or never)`,
  badDate: (value) => `--date: invalid date '${value}' (expected YYYY-MM-DD)`,
  reversedWindow: (from, to) => `--from ${from} is after --to ${to} (expected a window that starts before it ends)`,
  noDate: (where) => `${where}: no date for the calendar (expected a front-matter date, a YYYY-MM-DD- file name, or --date YYYY-MM-DD)`,
  nothingNow: (where, time) => `${where}: nothing in progress at ${time} and nothing after it`,
  badDay: (value, max) => `--day: invalid day '${value}' (expected a whole number from 1 to ${max})`,
  severalDays: (where, days) => `${where}: the post has several days (${days}); say which with --day N or --date YYYY-MM-DD`,
  postsLeftOut: (count, days) => `${count} post(s) with several days left out (${days}); say which with --day N or --date YYYY-MM-DD`,
  badCalendarDay: (where, day, first) => `${where}: '${day}' from ${first} is not a date (expected a real date and a day number up to 10000); its sessions are left out`,
  stdinFromTerminal: () => 'reading a post from the terminal: type or paste it, then press Ctrl-D on a line of its own (Ctrl-C to cancel)',
};

const KO_MESSAGES: Messages = {
  noSessionMatches: (where, filter) => `${where}: ${filter} 조건에 맞는 세션이 없습니다`,
  noSessions: (where) => `${where}: 세션이 없습니다 ("### 13:00 - 13:40 제목"처럼 시간이 있는 제목이나 시간표 표가 없음)`,
  noTrack: (where, which, count) => `${where}: '${which}'에 맞는 세션이 없습니다 (1부터 ${count}까지의 번호, 13:50 같은 시작 시간, 또는 제목의 낱말을 주세요)`,
  onlyBreaks: (where, which) => `${where}: '${which}'에는 쉬는 시간(등록, 점심 등)만 맞습니다; 보려면 --all을 붙이세요`,
  severalTracks: (where, count, which) => `${where}: '${which}'에 맞는 세션이 ${count}개입니다. 번호로 하나를 고르세요:`,
  noSection: (where, title) => `${where}: '${title}' 절이 없습니다 (\`postview sections\`로 목록을 보세요)`,
  severalSections: (where, count, title) => `${where}: '${title}'에 맞는 절이 ${count}개입니다. 제목을 더 적어 주세요:`,
  noPosts: (dir) => `${dir}: 읽을 수 있는 글이 없습니다 (.md, .markdown, .mdown, .mkd, .txt 파일이 필요합니다)`,
  badTime: (option, value, forms) => `--${option}: 잘못된 시간 '${value}' (${forms} 같은 형식이어야 합니다)`,
  badWidth: (value) => `--width: 잘못된 값 '${value}' (20부터 1000까지의 정수여야 합니다)`,
  badColor: (value) => `--color: 잘못된 값 '${value}' (auto, always, never 중 하나여야 합니다)`,
  badDate: (value) => `--date: 잘못된 날짜 '${value}' (YYYY-MM-DD 형식이어야 합니다)`,
  reversedWindow: (from, to) => `--from ${from}이(가) --to ${to}보다 늦습니다 (시작이 끝보다 앞선 시간대여야 합니다)`,
  noDate: (where) => `${where}: 달력에 넣을 날짜가 없습니다 (front matter의 date, YYYY-MM-DD- 파일 이름, 또는 --date YYYY-MM-DD가 필요합니다)`,
  nothingNow: (where, time) => `${where}: ${time}에 진행 중이거나 그 뒤에 열리는 세션이 없습니다`,
  badDay: (value, max) => `--day: 잘못된 날 '${value}' (1부터 ${max}까지의 정수여야 합니다)`,
  severalDays: (where, days) => `${where}: 여러 날에 걸친 글입니다 (${days}). --day N 또는 --date YYYY-MM-DD로 날을 정해 주세요`,
  postsLeftOut: (count, days) => `여러 날에 걸친 글 ${count}개를 뺐습니다 (${days}). --day N 또는 --date YYYY-MM-DD로 날을 정해 주세요`,
  badCalendarDay: (where, day, first) => `${where}: ${first}부터 '${day}'는 날짜가 될 수 없습니다 (실제 날짜와 10000 이하의 날 번호가 필요합니다). 이 글의 세션은 뺍니다`,
  stdinFromTerminal: () => '터미널에서 글을 읽습니다: 입력하거나 붙여 넣은 뒤, 빈 줄에서 Ctrl-D를 누르세요 (취소는 Ctrl-C)',
};

export function messages(lang: Lang): Messages {
  return lang === 'ko' ? SAFE_KO : SAFE_EN;
}

/**
 * Every text a message quotes (a path, an argument, a title) goes through
 * showName: no control or invisible character, and a line feed as "⏎", so
 * that one message stays one line.
 */
function quotingSafely(table: Messages): Messages {
  const safe = {} as Record<string, unknown>;
  for (const [key, say] of Object.entries(table) as Array<[string, (...args: unknown[]) => string]>) {
    safe[key] = (...args: unknown[]) => say(...args.map((arg) => (typeof arg === 'string' ? showName(arg) : arg)));
  }
  return safe as unknown as Messages;
}
const SAFE_EN = quotingSafely(EN_MESSAGES);
const SAFE_KO = quotingSafely(KO_MESSAGES);
