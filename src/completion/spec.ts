// Shell completion scripts for bash, zsh and fish, generated from the
// commander program itself (its commands, options and arguments), so they
// cannot drift from the CLI. Pure: no I/O here; `postview completion <shell>`
// prints the result.
//
// Post names come from the CLI at completion time: the scripts run
// `postview __posts [--dir <folder>]`, which prints one candidate per line
// (the posts folder's file names without extension), and add post files
// (*.md, *.markdown, *.mdown, *.mkd, *.txt) and folders from the current
// directory. When no name starts with the word typed, `postview __posts
// -- WORD` gives the posts the CLI itself would take WORD for (words of the
// file name or title). `--speaker` values come the same way from
// `postview __speakers [-- WORD]`.
//
// Every name is data: never evaluated or expanded by the scripts, and
// inserted quoted (see bash.ts).
import type { Argument, Command, Option } from 'commander';

export type Shell = 'bash' | 'zsh' | 'fish';
export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

export function isShell(value: string): value is Shell {
  return (SHELLS as readonly string[]).includes(value);
}

/** What a value (of an option or argument) completes to. */
export type Values =
  | { kind: 'none' }
  | { kind: 'words'; words: string[] }
  | { kind: 'dirs' }
  | { kind: 'files' }
  | { kind: 'posts' }
  | { kind: 'speakers' }
  | { kind: 'commands' };

export interface OptionSpec {
  /** Every spelling, short first: ['-d', '--dir']. */
  flags: string[];
  long?: string;
  /** 'none' for switches; 'required' when the value may be the next word. */
  takes: 'none' | 'required' | 'optional';
  repeatable: boolean;
  valueName: string;
  description: string;
  values: Values;
}

export interface ArgSpec {
  name: string;
  required: boolean;
  variadic: boolean;
  description: string;
  values: Values;
}

export interface CommandSpec {
  name: string;
  aliases: string[];
  description: string;
  options: OptionSpec[];
  args: ArgSpec[];
}

export interface ProgramSpec {
  name: string;
  options: OptionSpec[];
  commands: CommandSpec[];
  /** The command that runs when the first word is not a command name. */
  defaultCommand?: CommandSpec;
}

/** Option values that commander cannot tell us (the option has no .choices()). */
const KNOWN_OPTION_VALUES: Record<string, string[]> = {
  '--color': ['auto', 'always', 'never'],
  '--colour': ['auto', 'always', 'never'],
};
const DIR_VALUE = /^(folder|dir|directory|path-to-folder)$/i;
const FILE_VALUE = /^(file|path)$/i;
const POST_ARG = /^posts?$/i;
/** Only these reach the scripts: anything else in a name or flag is dropped. */
const SAFE_WORD = /^[A-Za-z0-9][A-Za-z0-9_.:+@-]*$/;
const SAFE_FLAG = /^--?[A-Za-z0-9][A-Za-z0-9_-]*$/;

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim();
}

function valueName(option: Option): string {
  const match = /[<[]([^>\]]+)[>\]]/.exec(option.flags);
  return (match?.[1] ?? 'value').replace(/\.\.\.$/, '');
}

function optionValues(option: Option, name: string): Values {
  if (option.argChoices?.length) return { kind: 'words', words: option.argChoices.filter((w) => SAFE_WORD.test(w)) };
  const known = option.long ? KNOWN_OPTION_VALUES[option.long] : undefined;
  if (known) return { kind: 'words', words: known };
  if (option.long === '--speaker') return { kind: 'speakers' };
  if (DIR_VALUE.test(name) || option.long === '--dir') return { kind: 'dirs' };
  if (FILE_VALUE.test(name)) return { kind: 'files' };
  return { kind: 'none' };
}

function argValues(arg: Argument, command: string): Values {
  const name = arg.name();
  if (arg.argChoices?.length) return { kind: 'words', words: arg.argChoices.filter((w) => SAFE_WORD.test(w)) };
  if (POST_ARG.test(name)) return { kind: 'posts' };
  if (DIR_VALUE.test(name)) return { kind: 'dirs' };
  if (FILE_VALUE.test(name)) return { kind: 'files' };
  if (name === 'shell' && command === 'completion') return { kind: 'words', words: [...SHELLS] };
  if (name === 'command') return { kind: 'commands' };
  return { kind: 'none' };
}

function optionSpec(option: Option): OptionSpec | null {
  const flags = [option.short, option.long].filter((f): f is string => typeof f === 'string' && SAFE_FLAG.test(f));
  if (flags.length === 0) return null;
  const name = valueName(option);
  const takes = option.required ? 'required' : option.optional ? 'optional' : 'none';
  return {
    flags,
    ...(option.long && SAFE_FLAG.test(option.long) ? { long: option.long } : {}),
    takes,
    repeatable: option.variadic || (takes !== 'none' && typeof option.parseArg === 'function'),
    valueName: name,
    description: firstLine(option.description),
    values: takes === 'none' ? { kind: 'none' } : optionValues(option, name),
  };
}

function isHidden(command: Command): boolean {
  return command.name().startsWith('__') || (command as unknown as { _hidden?: boolean })._hidden === true;
}

function commandSpec(command: Command, helper: ReturnType<Command['createHelp']>): CommandSpec {
  const name = command.name();
  return {
    name,
    aliases: command.aliases().filter((a) => SAFE_WORD.test(a)),
    description: firstLine(command.summary() || command.description()),
    options: helper.visibleOptions(command).map(optionSpec).filter((o): o is OptionSpec => o !== null),
    args: command.registeredArguments.map((arg) => ({
      name: arg.name(),
      required: arg.required,
      variadic: arg.variadic,
      description: firstLine(arg.description),
      values: argValues(arg, name),
    })),
  };
}

/** The program as the scripts see it: visible commands (none starting with "__"), their options and arguments. */
export function describeProgram(program: Command): ProgramSpec {
  const helper = program.createHelp();
  const commands = helper
    .visibleCommands(program)
    .filter((command) => !isHidden(command) && SAFE_WORD.test(command.name()))
    .map((command) => commandSpec(command, helper));
  const defaultName = (program as unknown as { _defaultCommandName?: string | null })._defaultCommandName;
  const defaultCommand = commands.find((c) => c.name === defaultName);
  return {
    name: SAFE_WORD.test(program.name()) ? program.name() : 'postview',
    options: helper.visibleOptions(program).map(optionSpec).filter((o): o is OptionSpec => o !== null),
    commands,
    ...(defaultCommand ? { defaultCommand } : {}),
  };
}

// Shared by the shells' scripts.
/** Options valid before any command word: the program's, plus the default command's. */
export function topOptions(spec: ProgramSpec): OptionSpec[] {
  const seen = new Set<string>();
  const out: OptionSpec[] = [];
  for (const option of [...spec.options, ...(spec.defaultCommand?.options ?? [])]) {
    const flags = option.flags.filter((f) => !seen.has(f));
    if (flags.length === 0) continue;
    flags.forEach((f) => seen.add(f));
    out.push({ ...option, flags });
  }
  return out;
}

export function commandWords(spec: ProgramSpec): string[] {
  return spec.commands.flatMap((c) => [c.name, ...c.aliases]);
}

export function dirFlags(spec: ProgramSpec): string[] {
  const flags = new Set<string>();
  for (const option of [...spec.options, ...spec.commands.flatMap((c) => c.options)]) {
    if (option.long === '--dir' && option.takes === 'required') option.flags.forEach((f) => flags.add(f));
  }
  return [...flags];
}

/** POSIX single quotes (bash, zsh). */
export function sq(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function ident(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}
