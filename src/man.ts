// The man page, postview.1, drawn from the same commander program as the
// help: the commands with their descriptions, options and examples, the
// options of every command, then environment and exit status. Pure: the
// build (scripts/build.mjs) writes it to dist/postview.1.
import type { Command, Option } from 'commander';
import { EXAMPLES } from './cli.js';

/** Text safe in a roff line: backslashes escaped, hyphens literal, no line starting as a request. */
function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

const visibleCommands = (program: Command) => program.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);
const visibleOptions = (command: Command) => command.options.filter((o) => !o.hidden);

function optionItem(option: Option): string {
  return `.TP\n.B ${roff(option.flags)}\n${roff(option.description)}`;
}

function examples(lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : ['.PP', 'Examples:', '.PP', '.RS', '.nf', ...lines.map((line) => roff(`$ ${line}`)), '.fi', '.RE'];
}

/** The man page of `program` (built in English), for `version`. */
export function renderManPage(program: Command, version: string): string {
  const commands = visibleCommands(program).filter((c) => c.name() !== 'help');
  // The options every command shares are listed once, under OPTIONS.
  // (all but --json are on every command that reads posts, the ones with --dir).
  const readers = commands.filter((c) => c.options.some((o) => o.long === '--dir'));
  const shared = new Set(visibleOptions(commands[0]!).map((o) => o.flags));
  for (const command of readers) {
    const flags = new Set(visibleOptions(command).map((o) => o.flags));
    for (const flag of shared) if (!flags.has(flag) && flag !== '--json') shared.delete(flag);
  }
  const lines = [
    `.TH POSTVIEW 1 "" "postview ${roff(version)}" "User Commands"`,
    '.SH NAME',
    `postview \\- ${roff(program.description().replace(/\.$/, ''))}`,
    '.SH SYNOPSIS',
    '.B postview',
    '[\\fIcommand\\fR] [\\fIpost\\fR] [\\fIoptions\\fR]',
    '.br',
    '.B postview help',
    '[\\fIcommand\\fR]',
    '.SH DESCRIPTION',
    roff(program.description()),
    'Without a command, \\fBpostview\\fR shows the newest post of the posts folder: \\fB\\-\\-dir\\fR, else',
    '\\fB$POSTVIEW_DIR\\fR, else \\fB./posts\\fR when it exists, else the sample posts shipped with postview.',
    '.SH COMMANDS',
  ];
  for (const command of commands) {
    const args = command.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)).join(' ');
    lines.push(`.SS ${roff(`${command.name()} ${args}`.trim())}`, roff(command.description()));
    for (const argument of command.registeredArguments) lines.push('.TP', `.I ${roff(argument.name())}`, roff(argument.description));
    for (const option of visibleOptions(command)) if (!shared.has(option.flags) && !/^-h,/.test(option.flags)) lines.push(optionItem(option));
    lines.push(...examples(EXAMPLES[command.name()] ?? []));
  }
  lines.push('.SH OPTIONS', 'Every command that reads posts takes these:');
  for (const option of visibleOptions(commands[0]!)) if (shared.has(option.flags)) lines.push(optionItem(option));
  for (const option of visibleOptions(program)) lines.push(optionItem(option));
  lines.push(
    '.SH ENVIRONMENT',
    '.TP',
    '.B POSTVIEW_DIR',
    'The posts folder, when \\fB\\-\\-dir\\fR is not given.',
    '.TP',
    '.B NO_COLOR, FORCE_COLOR',
    'No colour (any value), or colour even in a pipe; \\fB\\-\\-color\\fR wins over both.',
    '.TP',
    '.B PAGER',
    'The pager for output taller than the terminal (default: \\fBless \\-FRX\\fR).',
    '.TP',
    '.B COLUMNS',
    'The width when the output is not a terminal (default: 80).',
    '.TP',
    '.B LANG, LC_ALL, LC_MESSAGES',
    'A Korean locale (\\fBko\\fR...) gives Korean help and messages; \\fB\\-\\-lang\\fR wins.',
    '.TP',
    '.B POSTVIEW_CACHE',
    '\\fBoff\\fR: no summary cache for \\fBlist\\fR (kept in \\fB$XDG_CACHE_HOME/postview\\fR, else \\fB~/.cache/postview\\fR).',
    '.SH EXIT STATUS',
    '.TP',
    '.B 0',
    'Done.',
    '.TP',
    '.B 1',
    'Nothing matched (a message on stderr).',
    '.TP',
    '.B 2',
    'A usage or input error: one line on stderr naming the file or value and what was expected.',
    '.SH SEE ALSO',
    'The README of the postview package, which describes the JSON shapes and the post shapes read.',
  );
  return lines.join('\n') + '\n';
}
