// The commander program: commands, options and help that leads with
// examples, in English or Korean. Actions only collect what was asked;
// main.ts runs it and writes the result.
import { Argument, Command, Option } from 'commander';
import { SHELLS, type Shell } from './completion/index.js';
import type { Lang } from './i18n.js';

declare const __VERSION__: string;
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export interface OutputFlags {
  dir?: string;
  json?: boolean;
  width?: string;
  color?: string;
  pager?: boolean;
  lang?: string;
  speaker?: string[];
  title?: string;
  at?: string;
  from?: string;
  to?: string;
  ics?: boolean;
  date?: string;
  time?: string;
  day?: string;
  drafts?: boolean;
}

export type Request =
  | { command: 'show' | 'sections' | 'tracks' | 'timeline' | 'now'; post?: string; flags: OutputFlags }
  | { command: 'section'; title: string; post?: string; flags: OutputFlags }
  | { command: 'track'; which: string; post?: string; flags: OutputFlags }
  | { command: 'list'; folder?: string; flags: OutputFlags }
  | { command: 'speakers'; post?: string; flags: OutputFlags }
  | { command: 'search'; words: string[]; flags: OutputFlags }
  | { command: 'completion'; shell: Shell; flags: OutputFlags }
  | { command: '__posts'; flags: OutputFlags };

export const COMMANDS = ['show', 'sections', 'section', 'tracks', 'track', 'timeline', 'now', 'list', 'speakers', 'search', 'completion'] as const;

type Text = Record<Lang, string>;
const pick = (lang: Lang, text: Text) => text[lang];

const HELP = {
  program: { en: 'Read Markdown blog posts in the terminal, and find the talks in conference recaps.', ko: '마크다운 블로그 글을 터미널에서 읽고, 컨퍼런스 후기의 세션을 찾습니다.' },
  post: { en: "a post file, - for stdin, a folder, or words of a post's file name or title (default: the newest post)", ko: '글 파일, 표준 입력은 -, 폴더, 또는 글 파일 이름이나 제목의 낱말 (기본: 가장 최근 글)' },
  dir: { en: 'posts folder (default: $POSTVIEW_DIR, ./posts, the Jekyll or Hugo site you are in, or the bundled samples)', ko: '글 폴더 (기본: $POSTVIEW_DIR, ./posts, 지금 있는 Jekyll/Hugo 사이트의 글, 또는 함께 배포된 예제)' },
  drafts: { en: "also the Jekyll site's _drafts", ko: 'Jekyll 사이트의 _drafts도 포함' },
  width: { en: 'width to render at (default: the terminal, $COLUMNS, or 80)', ko: '출력 너비 (기본: 터미널 너비, $COLUMNS, 또는 80)' },
  color: { en: 'colour: auto, always or never', ko: '색: auto, always, never' },
  pager: { en: 'never page the output', ko: '페이저를 쓰지 않음' },
  json: { en: 'print JSON (shapes in the README)', ko: 'JSON으로 출력 (형식은 README 참고)' },
  lang: { en: 'interface language: en or ko (default: from the locale)', ko: '화면 언어: en 또는 ko (기본: 로캘에 따름)' },
  speaker: { en: 'sessions by this speaker (name, role or organisation); repeat for any of several', ko: '이 발표자(이름, 직함, 소속)의 세션; 여러 번 주면 그중 하나라도' },
  title: { en: 'sessions whose title has these words', ko: '제목에 이 낱말이 모두 있는 세션' },
  at: { en: 'sessions in progress at this time (14:00, 2pm, 2:30 PM)', ko: '이 시각에 진행 중인 세션 (14:00, 2pm, 2:30 PM)' },
  from: { en: 'sessions that run at or after this time', ko: '이 시각 이후에 걸친 세션' },
  to: { en: 'sessions that start before this time', ko: '이 시각 전에 시작하는 세션' },
  show: { en: 'the whole post, styled; with filters, the matching sessions in full', ko: '글 전체를 보기 좋게; 필터를 주면 맞는 세션 전체' },
  sections: { en: "the post's heading tree", ko: '글의 제목 트리' },
  section: { en: 'one section and everything under it; an exact title wins over partial matches', ko: '한 절과 그 아래 전부; 정확히 같은 제목이 부분 일치보다 우선' },
  sectionTitle: { en: "the section's title, or words of it", ko: '절 제목, 또는 그 일부' },
  tracks: { en: 'the sessions as a table: number, time, title, speaker', ko: '세션 표: 번호, 시간, 제목, 발표자' },
  ics: { en: 'write an iCalendar (.ics) file of the sessions instead', ko: '표 대신 iCalendar(.ics) 파일로 출력' },
  date: { en: 'the day of the sessions for --ics, when the post has none (YYYY-MM-DD)', ko: '--ics에서 글에 날짜가 없을 때 쓸 날짜 (YYYY-MM-DD)' },
  track: { en: 'one session in full, by number, start time or words of its title', ko: '세션 하나 전체: 번호, 시작 시간, 또는 제목의 낱말로' },
  which: { en: 'a session number, a start time (13:50) or words of its title', ko: '세션 번호, 시작 시간(13:50), 또는 제목의 낱말' },
  timeline: { en: 'the day at a glance: one bar per session on a shared time axis', ko: '하루 일정을 한눈에: 세션마다 시간 축 위의 막대' },
  now: { en: 'the session in progress and the next one', ko: '지금 진행 중인 세션과 다음 세션' },
  time: { en: 'the time to ask about (default: the clock)', ko: '기준 시각 (기본: 현재 시각)' },
  day: { en: 'which day of the post(s): 2 for Day 2', ko: '글의 몇째 날인지: 2일차는 2' },
  nowDate: { en: 'the date to ask about (YYYY-MM-DD; default: the clock\'s, unless --time is given)', ko: '기준 날짜 (YYYY-MM-DD; 기본: --time이 없으면 오늘)' },
  list: { en: 'the posts of a folder: date, title, category, number of sessions', ko: '폴더의 글 목록: 날짜, 제목, 분류, 세션 수' },
  folder: { en: 'a folder of posts (default: the posts folder)', ko: '글 폴더 (기본: 글 폴더)' },
  speakers: { en: 'every speaker: number of talks, organisations, years; most talks first', ko: '모든 발표자: 발표 수, 소속, 연도; 발표가 많은 순' },
  search: { en: 'the posts and sections whose text holds every word', ko: '모든 낱말이 들어 있는 글과 절' },
  searchWords: { en: 'words to look for, then maybe a post or folder (default: the posts folder)', ko: '찾을 낱말, 그 뒤에 글이나 폴더 (기본: 글 폴더)' },
  completion: { en: 'print a completion script for bash, zsh or fish', ko: 'bash, zsh, fish용 자동 완성 스크립트 출력' },
  shell: { en: 'bash, zsh or fish', ko: 'bash, zsh, fish' },
  examples: { en: 'Examples', ko: '예' },
  help: { en: 'display help for command', ko: '도움말 보기' },
  version: { en: 'output the version number', ko: '버전 보기' },
  helpCommand: { en: 'display help for command', ko: '명령 도움말 보기' },
} satisfies Record<string, Text>;

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const TITLES: Record<string, string> = { 'Usage:': '사용법:', 'Options:': '옵션:', 'Commands:': '명령:', 'Arguments:': '인자:', 'Global Options:': '공통 옵션:' };

/**
 * Builds the program; `onRequest` receives the parsed request of whichever
 * command ran, `outputError` commander's own messages (unknown option...).
 */
export function buildProgram(onRequest: (request: Request) => void, lang: Lang = 'en', outputError?: (text: string) => void): Command {
  const t = (text: Text) => pick(lang, text);
  const withExamples = (text: Text, lines: string[]) => `${t(text)}\n\n${t(HELP.examples)}:\n${lines.map((l) => `  $ ${l}`).join('\n')}`;
  const output = (command: Command, json = true): Command => {
    command
      .option('-d, --dir <folder>', t(HELP.dir))
      .option('--drafts', t(HELP.drafts))
      .option('-w, --width <columns>', t(HELP.width))
      .addOption(new Option('--color <when>', t(HELP.color)).default(undefined, 'auto'))
      .option('--no-pager', t(HELP.pager))
      .addOption(new Option('--lang <lang>', t(HELP.lang)));
    if (json) command.option('--json', t(HELP.json));
    return command;
  };
  const filters = (command: Command): Command =>
    command
      .option('-s, --speaker <text>', t(HELP.speaker), collect)
      .option('-t, --title <words>', t(HELP.title))
      .option('--at <time>', t(HELP.at))
      .option('--from <time>', t(HELP.from))
      .option('--to <time>', t(HELP.to));

  const program = new Command('postview');
  // Set before any command is added: subcommands copy these settings.
  if (outputError) program.configureOutput({ outputError });
  if (lang === 'ko') program.configureHelp({ styleTitle: (title) => TITLES[title] ?? title });
  program
    .helpOption('-h, --help', t(HELP.help))
    .helpCommand('help [command]', t(HELP.helpCommand))
    .description(withExamples(HELP.program, ['postview', 'postview tracks aws', 'postview tracks --speaker 박선용', 'postview track 13:50', 'postview section "좋았던 점"', 'postview now --time 14:00', 'postview list']))
    .version(VERSION, '-V, --version', t(HELP.version))
    .showSuggestionAfterError(true)
    .exitOverride();

  filters(output(program.command('show', { isDefault: true }).description(withExamples(HELP.show, ['postview show posts/2016-05-17-aws-summit-seoul-2016.md', 'postview show aws --speaker 윤석찬', 'cat post.md | postview show -'])).argument('[post]', t(HELP.post))))
    .action((post: string | undefined, flags: OutputFlags) => onRequest({ command: 'show', post, flags }));

  output(program.command('sections').description(withExamples(HELP.sections, ['postview sections', 'postview sections --json'])).argument('[post]', t(HELP.post)))
    .action((post: string | undefined, flags: OutputFlags) => onRequest({ command: 'sections', post, flags }));

  output(program.command('section').description(withExamples(HELP.section, ['postview section "좋았던 점"', 'postview section 강연 aws'])).argument('<title>', t(HELP.sectionTitle)).argument('[post]', t(HELP.post)))
    .action((title: string, post: string | undefined, flags: OutputFlags) => onRequest({ command: 'section', title, post, flags }));

  filters(output(program.command('tracks').description(withExamples(HELP.tracks, ['postview tracks', 'postview tracks --speaker 박선용 --speaker 윤석찬', 'postview tracks --at 14:00', 'postview tracks --from 13:30 --to 15:00 --json', 'postview tracks posts/ --speaker 박선용', 'postview tracks aws --ics > summit.ics'])).argument('[post]', t(HELP.post))))
    .option('--ics', t(HELP.ics))
    .option('--date <date>', t(HELP.date))
    .action((post: string | undefined, flags: OutputFlags) => onRequest({ command: 'tracks', post, flags }));

  output(program.command('track').description(withExamples(HELP.track, ['postview track 2', 'postview track 13:50', 'postview track lambda'])).argument('<which>', t(HELP.which)).argument('[post]', t(HELP.post)))
    .action((which: string, post: string | undefined, flags: OutputFlags) => onRequest({ command: 'track', which, post, flags }));

  filters(output(program.command('timeline').description(withExamples(HELP.timeline, ['postview timeline', 'postview timeline aws --width 100', 'postview timeline posts/'])).argument('[post]', t(HELP.post)), false))
    .action((post: string | undefined, flags: OutputFlags) => onRequest({ command: 'timeline', post, flags }));

  filters(output(program.command('now').description(withExamples(HELP.now, ['postview now', 'postview now aws --time 14:00', 'postview now --time 2pm --json'])).argument('[post]', t(HELP.post))))
    .option('--time <time>', t(HELP.time))
    .option('--day <n>', t(HELP.day))
    .option('--date <date>', t(HELP.nowDate))
    .action((post: string | undefined, flags: OutputFlags) => onRequest({ command: 'now', post, flags }));

  output(program.command('list').description(withExamples(HELP.list, ['postview list', 'postview list ~/blog/_posts --json'])).argument('[folder]', t(HELP.folder)))
    .action((folder: string | undefined, flags: OutputFlags) => onRequest({ command: 'list', folder, flags }));

  output(program.command('speakers').description(withExamples(HELP.speakers, ['postview speakers posts/', 'postview speakers ~/blog/_posts --speaker 양승도 --json'])).argument('[post]', t(HELP.post)))
    .option('-s, --speaker <text>', t(HELP.speaker), collect)
    .action((post: string | undefined, flags: OutputFlags) => onRequest({ command: 'speakers', post, flags }));

  output(program.command('search').description(withExamples(HELP.search, ['postview search lambda', 'postview search 데이터베이스 서비스 ~/blog/_posts --json'])).argument('<words...>', t(HELP.searchWords)))
    .action((words: string[], flags: OutputFlags) => onRequest({ command: 'search', words, flags }));

  program
    .command('completion')
    .description(withExamples(HELP.completion, ['source <(postview completion bash)', 'postview completion zsh > "${fpath[1]}/_postview"', 'postview completion fish > ~/.config/fish/completions/postview.fish']))
    .addArgument(new Argument('<shell>', t(HELP.shell)).choices(SHELLS))
    .addOption(new Option('--lang <lang>', t(HELP.lang)))
    .action((shell: Shell, flags: OutputFlags) => onRequest({ command: 'completion', shell, flags }));

  // Post names for the completion scripts, one per line; not for people.
  program
    .command('__posts', { hidden: true })
    .option('-d, --dir <folder>', t(HELP.dir))
    .action((flags: OutputFlags) => onRequest({ command: '__posts', flags }));

  return program;
}
