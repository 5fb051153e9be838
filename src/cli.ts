// The commander program: commands, options and their help, in English or
// Korean. Actions only collect what was asked; main.ts runs it and writes
// the result. A command is one entry: its definition with a summary (its
// line in `postview --help`), and its examples in EXAMPLES; src/help.ts
// draws both.
import { Argument, Command, Option } from 'commander';
import { SHELLS, type Shell } from './completion/index.js';
import { helpConfiguration, type Screen } from './help.js';
import type { Lang } from './i18n.js';
import { browseKeysHelp } from './browse/keys-help.js';

declare const __VERSION__: string;
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export interface OutputFlags {
  dir?: string;
  json?: boolean;
  width?: string;
  /** false from --no-color. */
  color?: string | false;
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
  all?: boolean;
  watch?: boolean;
}

export type Request =
  | { command: 'show' | 'sections' | 'tracks' | 'timeline' | 'now'; post?: string; flags: OutputFlags }
  | { command: 'section'; title: string; post?: string; flags: OutputFlags }
  | { command: 'track'; which: string; post?: string; flags: OutputFlags }
  | { command: 'list'; folder?: string; flags: OutputFlags }
  | { command: 'speakers'; post?: string; flags: OutputFlags }
  | { command: 'search'; words: string[]; flags: OutputFlags }
  | { command: 'browse'; post?: string; flags: OutputFlags }
  | { command: 'completion'; shell: Shell; flags: OutputFlags }
  | { command: '__posts'; word?: string; flags: OutputFlags }
  | { command: '__speakers'; word?: string; flags: OutputFlags };

export const COMMANDS = ['show', 'sections', 'section', 'tracks', 'track', 'timeline', 'now', 'list', 'speakers', 'search', 'browse', 'completion'] as const;

type Text = Record<Lang, string>;
const pick = (lang: Lang, text: Text) => text[lang];

const HELP = {
  program: { en: 'Read Markdown blog posts in the terminal; find the talks in conference recaps.', ko: '마크다운 블로그 글을 터미널에서 읽고, 컨퍼런스 후기의 세션을 찾습니다.' },
  post: { en: "a post file, - for stdin, a folder, or words of a post's file name or title (default: the newest post)", ko: '글 파일, 표준 입력은 -, 폴더, 또는 글 파일 이름이나 제목의 낱말 (기본: 가장 최근 글)' },
  dir: { en: 'posts folder (default: $POSTVIEW_DIR, ./posts, the Jekyll or Hugo site you are in, or the bundled samples)', ko: '글 폴더 (기본: $POSTVIEW_DIR, ./posts, 지금 있는 Jekyll/Hugo 사이트의 글, 또는 함께 배포된 예제)' },
  drafts: { en: "also the Jekyll site's _drafts", ko: 'Jekyll 사이트의 _drafts도 포함' },
  width: { en: 'width to render at (default: the terminal, $COLUMNS, or 80)', ko: '출력 너비 (기본: 터미널 너비, $COLUMNS, 또는 80)' },
  color: { en: 'colour: auto, always or never', ko: '색: auto, always, never' },
  noColor: { en: 'the same as --color never', ko: '--color never와 같음' },
  pager: { en: 'never page the output', ko: '페이저를 쓰지 않음' },
  json: { en: 'print JSON (shapes in the README)', ko: 'JSON으로 출력 (형식은 README 참고)' },
  lang: { en: 'interface language: en or ko (default: from the locale)', ko: '화면 언어: en 또는 ko (기본: 로캘에 따름)' },
  speaker: { en: 'sessions by this speaker (name, role or organisation); repeat for any of several', ko: '이 발표자(이름, 직함, 소속)의 세션; 여러 번 주면 그중 하나라도' },
  title: { en: 'sessions whose title has these words', ko: '제목에 이 낱말이 모두 있는 세션' },
  at: { en: 'sessions in progress at this time (14:00, 2pm, 2:30 PM)', ko: '이 시각에 진행 중인 세션 (14:00, 2pm, 2:30 PM)' },
  from: { en: 'sessions that run at or after this time', ko: '이 시각 이후에 걸친 세션' },
  to: { en: 'sessions that start before this time', ko: '이 시각 전에 시작하는 세션' },
  all: { en: 'include breaks (registration, lunch, coffee, networking) with the talks', ko: '발표와 함께 쉬는 시간(등록, 점심, 커피, 네트워킹)도 포함' },
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
  speakersPost: { en: 'a post file, a folder, or words of a post\'s name (default: every post of the posts folder)', ko: '글 파일, 폴더, 또는 글 이름의 낱말 (기본: 글 폴더의 모든 글)' },
  searchWords: { en: 'words to look for, then maybe a post or folder (default: the posts folder)', ko: '찾을 낱말, 그 뒤에 글이나 폴더 (기본: 글 폴더)' },
  watch: { en: 'draw the post again on every save, with a line on the sessions found (for writing)', ko: '저장할 때마다 글을 다시 그리고, 찾은 세션을 한 줄로 (글을 쓸 때)' },
  browse: { en: 'read a folder (or a post) full screen: list, filter, scroll, search, sections, sessions', ko: '폴더(또는 글)를 전체 화면으로 읽기: 목록, 거르기, 스크롤, 찾기, 절, 세션' },
  browsePost: { en: 'a folder of posts, a post file, or words of a post\'s name (default: the posts folder)', ko: '글 폴더, 글 파일, 또는 글 이름의 낱말 (기본: 글 폴더)' },
  completion: { en: 'print a completion script for bash, zsh or fish', ko: 'bash, zsh, fish용 자동 완성 스크립트 출력' },
  shell: { en: 'bash, zsh or fish', ko: 'bash, zsh, fish' },
  examples: { en: 'Examples:', ko: '예:' },
  globalTitle: { en: 'Options of every command:', ko: '모든 명령의 옵션:' },
  help: { en: 'show help', ko: '도움말 보기' },
  version: { en: 'print the version', ko: '버전 보기' },
  helpCommand: { en: "a command's options and examples", ko: '명령의 옵션과 예' },
} satisfies Record<string, Text>;

/** One line each in `postview --help` (the full descriptions are in HELP). */
const SUMMARY = {
  show: { en: 'the whole post, styled (the default command)', ko: '글 전체를 보기 좋게 (기본 명령)' },
  sections: { en: "the post's heading tree", ko: '글의 제목 트리' },
  section: { en: 'one section and everything under it', ko: '한 절과 그 아래 전부' },
  tracks: { en: 'the sessions as a table, or a calendar', ko: '세션 표, 또는 캘린더 파일' },
  track: { en: 'one session in full', ko: '세션 하나 전체' },
  timeline: { en: 'the day at a glance, one bar per session', ko: '하루 일정을 한눈에' },
  now: { en: 'the session in progress and the next one', ko: '지금 진행 중인 세션과 다음 세션' },
  list: { en: 'the posts of a folder', ko: '폴더의 글 목록' },
  speakers: { en: 'every speaker, with talks, organisations and years', ko: '모든 발표자: 발표 수, 소속, 연도' },
  search: { en: 'the posts and sections holding every word', ko: '모든 낱말이 들어 있는 글과 절' },
  browse: { en: 'read a folder or a post full screen', ko: '폴더나 글을 전체 화면으로 읽기' },
  completion: { en: 'a completion script for bash, zsh or fish', ko: 'bash, zsh, fish 자동 완성 스크립트' },
  dir: { en: 'the posts folder', ko: '글 폴더' },
  width: { en: 'columns to render at', ko: '출력 너비' },
  color: { en: 'auto, always or never', ko: 'auto, always, never' },
  json: { en: 'print JSON', ko: 'JSON으로 출력' },
  pager: { en: 'never page the output', ko: '페이저 쓰지 않음' },
  lang: { en: 'interface: en or ko', ko: '화면 언어: en, ko' },
} satisfies Record<string, Text>;

/** The options every command takes (output() adds them), as `postview --help` lists them. */
const GLOBAL_OPTIONS = [
  { flags: '-d, --dir <dir>', help: HELP.dir, summary: SUMMARY.dir },
  { flags: '-w, --width <n>', help: HELP.width, summary: SUMMARY.width },
  { flags: '--color <when>', help: HELP.color, summary: SUMMARY.color },
  { flags: '--json', help: HELP.json, summary: SUMMARY.json },
  { flags: '--no-pager', help: HELP.pager, summary: SUMMARY.pager },
  { flags: '--lang <lang>', help: HELP.lang, summary: SUMMARY.lang },
] as const;

/** Examples by command ('' is `postview --help`: three). */
export const EXAMPLES: Record<string, string[]> = {
  '': ['postview tracks aws --speaker 박선용', 'postview now --time 14:00', 'postview list ~/blog/_posts'],
  show: ['postview show my-post.md', 'postview show aws --speaker 윤석찬', 'cat post.md | postview show -', 'postview show --watch drafts/new-post.md'],
  sections: ['postview sections', 'postview sections --json'],
  section: ['postview section "좋았던 점"', 'postview section 강연 aws'],
  tracks: ['postview tracks', 'postview tracks --speaker 박선용 --speaker 윤석찬', 'postview tracks --at 14:00', 'postview tracks --from 13:30 --to 15:00 --json', 'postview tracks posts/ --speaker 박선용', 'postview tracks aws --ics > summit.ics'],
  track: ['postview track 2', 'postview track 13:50', 'postview track lambda'],
  timeline: ['postview timeline', 'postview timeline aws --width 100', 'postview timeline posts/'],
  now: ['postview now', 'postview now aws --time 14:00', 'postview now --time 2pm --json', 'postview now posts/ --day 2 --time 10:50'],
  list: ['postview list', 'postview list ~/blog/_posts --json'],
  speakers: ['postview speakers', 'postview speakers ~/blog/_posts --speaker 양승도 --json'],
  search: ['postview search lambda', 'postview search 데이터베이스 서비스 ~/blog/_posts --json'],
  browse: ['postview browse', 'postview browse ~/blog/_posts', 'postview browse aws'],
  completion: ['source <(postview completion bash)', 'postview completion zsh > "${fpath[1]}/_postview"', 'postview completion fish > ~/.config/fish/completions/postview.fish'],
};

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const TITLES: Record<string, string> = { 'Usage:': '사용법:', 'Options:': '옵션:', 'Commands:': '명령:', 'Arguments:': '인자:', 'Global Options:': '공통 옵션:' };

const DEFAULT_SCREEN: Screen = { columns: 80, rows: 24 };

/**
 * The command a command line runs, when that is plain from its words: the
 * first word when it names a command, else show (the default command, which
 * takes everything else). Undefined when commander must see every command:
 * help, the version, completion scripts, or "--" (which may put a command
 * name first).
 */
export function plainCommand(args: readonly string[]): string | undefined {
  if (args.some((arg) => arg === '-h' || arg === '--help' || arg === '-V' || arg === '--version' || arg === '--')) return undefined;
  const first = args[0];
  if (first === 'help' || first === 'completion') return undefined;
  if (first === '__posts' || first === '__speakers' || (first !== undefined && (COMMANDS as readonly string[]).includes(first))) return first;
  return 'show';
}

/**
 * Builds the program; `onRequest` receives the parsed request of whichever
 * command ran, `outputError` commander's own messages (unknown option...).
 * With `only` (see plainCommand), the program holds that one command: the
 * same run, without building the others' options and help (about a tenth of
 * the sample's start-up beyond bare node).
 */
export function buildProgram(
  onRequest: (request: Request) => void,
  lang: Lang = 'en',
  outputError?: (text: string) => void,
  screen: Screen = DEFAULT_SCREEN,
  writeOut?: (text: string) => void,
  only?: string,
): Command {
  const t = (text: Text) => pick(lang, text);
  const wanted = (name: string) => only === undefined || only === name;
  const output = (command: Command, json = true): Command => {
    for (const option of GLOBAL_OPTIONS) {
      if (option.flags === '--json' && !json) continue;
      if (option.flags === '--color <when>') {
        command.addOption(new Option(option.flags, t(option.help)).default(undefined, 'auto'));
        command.option('--no-color', t(HELP.noColor));
      } else command.option(option.flags, t(option.help));
    }
    // A Jekyll site's drafts (see load/posts-dir.ts): not in the global list, which stays short.
    command.option('--drafts', t(HELP.drafts));
    return command;
  };
  const filters = (command: Command): Command =>
    command
      .option('-s, --speaker <text>', t(HELP.speaker), collect)
      .option('-t, --title <words>', t(HELP.title))
      .option('--at <time>', t(HELP.at))
      .option('--from <time>', t(HELP.from))
      .option('--to <time>', t(HELP.to))
      .option('--all', t(HELP.all));

  const program = new Command('postview');
  // Set before any command is added: subcommands copy these settings.
  program.configureOutput({ ...(outputError ? { outputError } : {}), ...(writeOut ? { writeOut } : {}), getOutHelpWidth: () => screen.columns, getErrHelpWidth: () => screen.columns });
  program.configureHelp(
    helpConfiguration(screen, {
      globalTitle: t(HELP.globalTitle),
      examplesTitle: t(HELP.examples),
      globals: GLOBAL_OPTIONS.map((o) => ({ flags: o.flags, description: t(o.summary) })),
      examples: EXAMPLES,
      styleTitle: (title) => (lang === 'ko' ? (TITLES[title] ?? title) : title),
    }),
  );
  program
    .helpOption('-h, --help', t(HELP.help))
    .helpCommand('help [command]', t(HELP.helpCommand))
    .description(t(HELP.program))
    .version(VERSION, '-V, --version', t(HELP.version))
    .showSuggestionAfterError(true)
    .exitOverride();

  if (wanted('show')) {
    filters(output(program.command('show', { isDefault: true }).summary(t(SUMMARY.show)).description(t(HELP.show)).argument('[post]', t(HELP.post))))
      .option('--watch', t(HELP.watch))
      .action((post: string | undefined, flags: OutputFlags) => onRequest({ command: 'show', post, flags }));
  }

  if (wanted('sections')) {
    output(program.command('sections').summary(t(SUMMARY.sections)).description(t(HELP.sections)).argument('[post]', t(HELP.post)))
      .action((post: string | undefined, flags: OutputFlags) => onRequest({ command: 'sections', post, flags }));
  }

  if (wanted('section')) {
    output(program.command('section').summary(t(SUMMARY.section)).description(t(HELP.section)).argument('<title>', t(HELP.sectionTitle)).argument('[post]', t(HELP.post)))
      .action((title: string, post: string | undefined, flags: OutputFlags) => onRequest({ command: 'section', title, post, flags }));
  }

  if (wanted('tracks')) {
    filters(output(program.command('tracks').summary(t(SUMMARY.tracks)).description(t(HELP.tracks)).argument('[post]', t(HELP.post))))
      .option('--ics', t(HELP.ics))
      .option('--date <date>', t(HELP.date))
      .action((post: string | undefined, flags: OutputFlags) => onRequest({ command: 'tracks', post, flags }));
  }

  if (wanted('track')) {
    output(program.command('track').summary(t(SUMMARY.track)).description(t(HELP.track)).argument('<which>', t(HELP.which)).argument('[post]', t(HELP.post)))
      .option('--all', t(HELP.all))
      .action((which: string, post: string | undefined, flags: OutputFlags) => onRequest({ command: 'track', which, post, flags }));
  }

  if (wanted('timeline')) {
    filters(output(program.command('timeline').summary(t(SUMMARY.timeline)).description(t(HELP.timeline)).argument('[post]', t(HELP.post)), false))
      .action((post: string | undefined, flags: OutputFlags) => onRequest({ command: 'timeline', post, flags }));
  }

  if (wanted('now')) {
    filters(output(program.command('now').summary(t(SUMMARY.now)).description(t(HELP.now)).argument('[post]', t(HELP.post))))
      .option('--time <time>', t(HELP.time))
      .option('--day <n>', t(HELP.day))
      .option('--date <date>', t(HELP.nowDate))
      .action((post: string | undefined, flags: OutputFlags) => onRequest({ command: 'now', post, flags }));
  }

  if (wanted('list')) {
    output(program.command('list').summary(t(SUMMARY.list)).description(t(HELP.list)).argument('[folder]', t(HELP.folder)))
      .action((folder: string | undefined, flags: OutputFlags) => onRequest({ command: 'list', folder, flags }));
  }

  if (wanted('speakers')) {
    output(program.command('speakers').summary(t(SUMMARY.speakers)).description(t(HELP.speakers)).argument('[post]', t(HELP.speakersPost)))
      .option('-s, --speaker <text>', t(HELP.speaker), collect)
      .action((post: string | undefined, flags: OutputFlags) => onRequest({ command: 'speakers', post, flags }));
  }

  if (wanted('search')) {
    output(program.command('search').summary(t(SUMMARY.search)).description(t(HELP.search)).argument('<words...>', t(HELP.searchWords)))
      .action((words: string[], flags: OutputFlags) => onRequest({ command: 'search', words, flags }));
  }

  if (wanted('browse')) {
    program
      .command('browse')
      .summary(t(SUMMARY.browse))
      .description(t(HELP.browse))
      .addHelpText('after', () => `\n${browseKeysHelp(lang)}`)
      .argument('[post]', t(HELP.browsePost))
      .option('-d, --dir <folder>', t(HELP.dir))
      .addOption(new Option('--color <when>', t(HELP.color)).default(undefined, 'auto'))
      .addOption(new Option('--lang <lang>', t(HELP.lang)))
      .action((post: string | undefined, flags: OutputFlags) => onRequest({ command: 'browse', post, flags }));
  }

  if (wanted('completion')) {
    program
      .command('completion')
      .summary(t(SUMMARY.completion)).description(t(HELP.completion))
      .addArgument(new Argument('<shell>', t(HELP.shell)).choices(SHELLS))
      .addOption(new Option('--lang <lang>', t(HELP.lang)))
      .action((shell: Shell, flags: OutputFlags) => onRequest({ command: 'completion', shell, flags }));
  }

  // Post names for the completion scripts, one per line; not for people.
  // With a word: the posts the CLI would take that word for (file name or title).
  if (wanted('__posts')) {
    program
      .command('__posts', { hidden: true })
      .argument('[word]')
      .option('-d, --dir <folder>', t(HELP.dir))
      .action((word: string | undefined, flags: OutputFlags) => onRequest({ command: '__posts', ...(word ? { word } : {}), flags }));
  }
  // The speakers of the posts folder, for --speaker; with a word, those --speaker WORD matches.
  if (wanted('__speakers')) {
    program
      .command('__speakers', { hidden: true })
      .argument('[word]')
      .option('-d, --dir <folder>', t(HELP.dir))
      .action((word: string | undefined, flags: OutputFlags) => onRequest({ command: '__speakers', ...(word ? { word } : {}), flags }));
  }

  return program;
}
