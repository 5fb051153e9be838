// The commander program: commands, options and help with examples. Actions
// only collect what was asked; main.ts runs it and writes the result.
import { Command, Option } from 'commander';

declare const __VERSION__: string;
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export interface OutputFlags {
  dir?: string;
  json?: boolean;
  width?: string;
  color?: string;
  pager?: boolean;
  speaker?: string[];
  title?: string;
  at?: string;
  from?: string;
  to?: string;
}

export type Request =
  | { command: 'show'; post?: string; flags: OutputFlags }
  | { command: 'sections'; post?: string; flags: OutputFlags }
  | { command: 'section'; title: string; post?: string; flags: OutputFlags }
  | { command: 'tracks'; post?: string; flags: OutputFlags }
  | { command: 'track'; which: string; post?: string; flags: OutputFlags }
  | { command: 'list'; folder?: string; flags: OutputFlags };

export const COMMANDS = ['show', 'sections', 'section', 'tracks', 'track', 'list'] as const;

const POST_HELP = 'a post file, - for stdin, a folder, or words of a post\'s file name or title (default: the newest post)';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function withOutputOptions(command: Command, json = true): Command {
  command
    .option('-d, --dir <folder>', 'posts folder (default: $POSTVIEW_DIR, ./posts, or the bundled samples)')
    .option('-w, --width <columns>', 'width to render at (default: the terminal, $COLUMNS, or 80)')
    .addOption(new Option('--color <when>', 'colour: auto, always or never').default(undefined, 'auto'))
    .option('--no-pager', 'never page the output');
  if (json) command.option('--json', 'print JSON (shapes in the README)');
  return command;
}

function withFilters(command: Command): Command {
  return command
    .option('-s, --speaker <text>', 'sessions by this speaker (name, role or organisation); repeat for any of several', collect)
    .option('-t, --title <words>', 'sessions whose title has these words')
    .option('--at <time>', 'sessions in progress at this time (14:00, 2pm, 2:30 PM)')
    .option('--from <time>', 'sessions that run at or after this time')
    .option('--to <time>', 'sessions that start before this time');
}

function examples(lines: string[]): string {
  return '\nExamples:\n' + lines.map((line) => `  $ ${line}`).join('\n');
}

/** Builds the program; `onRequest` receives the parsed request of whichever command ran. */
export function buildProgram(onRequest: (request: Request) => void): Command {
  const program = new Command('postview')
    .description(
      'Read Markdown blog posts in the terminal, and find the talks in conference recaps.' +
        examples(['postview', 'postview tracks aws', 'postview tracks --speaker 박선용', 'postview track 13:50', 'postview section "좋았던 점"', 'postview list']),
    )
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride();

  withFilters(
    withOutputOptions(
      program
        .command('show', { isDefault: true })
        .description('the whole post, styled; with filters, the matching sessions in full' + examples(['postview show posts/2016-05-17-aws-summit-seoul-2016.md', 'postview show aws --speaker 윤석찬', 'cat post.md | postview show -']))
        .argument('[post]', POST_HELP),
    ),
  ).action((post: string | undefined, flags: OutputFlags) => onRequest({ command: 'show', post, flags }));

  withOutputOptions(
    program.command('sections').description('the post\'s heading tree' + examples(['postview sections', 'postview sections --json'])).argument('[post]', POST_HELP),
  ).action((post: string | undefined, flags: OutputFlags) => onRequest({ command: 'sections', post, flags }));

  withOutputOptions(
    program
      .command('section')
      .description('one section and everything under it; an exact title wins over partial matches' + examples(['postview section "좋았던 점"', 'postview section 강연 aws']))
      .argument('<title>', 'the section\'s title, or words of it')
      .argument('[post]', POST_HELP),
  ).action((title: string, post: string | undefined, flags: OutputFlags) => onRequest({ command: 'section', title, post, flags }));

  withFilters(
    withOutputOptions(
      program
        .command('tracks')
        .description('the sessions as a table: number, time, title, speaker' + examples(['postview tracks', 'postview tracks --speaker 박선용 --speaker 윤석찬', 'postview tracks --at 14:00', 'postview tracks --from 13:30 --to 15:00 --json']))
        .argument('[post]', POST_HELP),
    ),
  ).action((post: string | undefined, flags: OutputFlags) => onRequest({ command: 'tracks', post, flags }));

  withOutputOptions(
    program
      .command('track')
      .description('one session in full, by number, start time or words of its title' + examples(['postview track 2', 'postview track 13:50', 'postview track lambda']))
      .argument('<which>', 'a session number, a start time (13:50) or words of its title')
      .argument('[post]', POST_HELP),
  ).action((which: string, post: string | undefined, flags: OutputFlags) => onRequest({ command: 'track', which, post, flags }));

  withOutputOptions(
    program.command('list').description('the posts of a folder: date, title, category, number of sessions' + examples(['postview list', 'postview list ~/blog/_posts --json'])).argument('[folder]', 'a folder of posts (default: the posts folder)'),
  ).action((folder: string | undefined, flags: OutputFlags) => onRequest({ command: 'list', folder, flags }));

  return program;
}
