// Shell completion scripts for bash, zsh and fish, generated from the
// commander program itself (its commands, options and arguments), so they
// cannot drift from the CLI. Pure: no I/O here; `postview completion <shell>`
// prints the result.
//
// Post names come from the CLI at completion time: the scripts run
// `postview __posts [--dir <folder>]`, which prints one candidate per line
// (the posts folder's file names without extension), and add post files
// (*.md, *.markdown, *.mdown, *.mkd, *.txt) and folders from the current
// directory.
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

/** The completion script for `shell`, to be sourced or installed. */
export function renderCompletion(shell: Shell, program: Command): string {
  const spec = describeProgram(program);
  switch (shell) {
    case 'bash':
      return renderBash(spec);
    case 'zsh':
      return renderZsh(spec);
    case 'fish':
      return renderFish(spec);
  }
}

// ---------------------------------------------------------------- helpers

/** Options valid before any command word: the program's, plus the default command's. */
function topOptions(spec: ProgramSpec): OptionSpec[] {
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

function commandWords(spec: ProgramSpec): string[] {
  return spec.commands.flatMap((c) => [c.name, ...c.aliases]);
}

function dirFlags(spec: ProgramSpec): string[] {
  const flags = new Set<string>();
  for (const option of [...spec.options, ...spec.commands.flatMap((c) => c.options)]) {
    if (option.long === '--dir' && option.takes === 'required') option.flags.forEach((f) => flags.add(f));
  }
  return [...flags];
}

/** POSIX single quotes (bash, zsh). */
function sq(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function ident(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

// ------------------------------------------------------------------- bash

function renderBash(spec: ProgramSpec): string {
  const fn = `_${ident(spec.name)}`;
  const prog = spec.name;
  const cmds = commandWords(spec);
  const dirs = dirFlags(spec);
  const shortDirs = dirs.filter((f) => !f.startsWith('--'));
  const longDirs = dirs.filter((f) => f.startsWith('--'));
  const def = spec.defaultCommand;
  // '' is the top level: before (or without) a command word.
  const scopes: Array<{ key: string; options: OptionSpec[]; args: ArgSpec[] }> = [
    { key: '', options: def ? topOptions(spec) : spec.options, args: def?.args ?? [] },
    ...spec.commands.map((c) => ({ key: c.name, options: c.options, args: c.args })),
  ];
  const aliasCase = spec.commands
    .filter((c) => c.aliases.length)
    .map((c) => `      ${c.aliases.join('|')}) cmd=${c.name}; start=2 ;;`);

  const valueAction = (values: Values, cur: string): string => {
    switch (values.kind) {
      case 'words':
        return `${fn}_words "${cur}" ${values.words.map(sq).join(' ')}`;
      case 'dirs':
        return `${fn}_dirs "${cur}"`;
      case 'files':
        return `${fn}_any_files "${cur}"`;
      case 'posts':
        return `${fn}_posts "${cur}" "$dir"`;
      case 'commands':
        return `${fn}_words "${cur}" ${cmds.map(sq).join(' ')}`;
      case 'none':
        return ':';
    }
  };
  const caseKey = (key: string): string => (key === '' ? "''" : key);

  const takesValue = scopes
    .map((s) => {
      const flags = s.options.filter((o) => o.takes === 'required').flatMap((o) => o.flags);
      return flags.length ? `    ${caseKey(s.key)}) case $2 in ${flags.join('|')}) return 0 ;; esac ;;` : null;
    })
    .filter(Boolean);
  const optionWords = scopes.map((s) => `    ${caseKey(s.key)}) words=${sq(s.options.flatMap((o) => o.flags).join(' '))} ;;`);
  const optionValues = scopes
    .map((s) => {
      const arms = s.options
        .filter((o) => o.takes !== 'none' && o.values.kind !== 'none')
        .map((o) => `        ${o.flags.join('|')}) ${valueAction(o.values, '$3')} ;;`);
      return arms.length ? [`    ${caseKey(s.key)})`, '      case $2 in', ...arms, '      esac ;;'].join('\n') : null;
    })
    .filter(Boolean);
  const argValues = scopes
    .map((s) => {
      const arms = s.args
        .map((a, i) => (a.values.kind === 'none' ? null : `        ${a.variadic ? '*' : String(i)}) ${valueAction(a.values, '$3')} ;;`))
        .filter(Boolean);
      return arms.length ? [`    ${caseKey(s.key)})`, '      case $2 in', ...arms, '      esac ;;'].join('\n') : null;
    })
    .filter(Boolean);
  const dirCapture = [
    dirs.length ? `        ${dirs.join('|')}) dir=$w ;;` : null,
  ].filter(Boolean);
  const dirAttached = [
    ...longDirs.map((f) => `        ${f}=*) dir=\${w#*=}; continue ;;`),
    ...shortDirs.map((f) => `        ${f}?*) dir=\${w:2}; continue ;;`),
  ];

  return `# bash completion for ${prog}                              -*- shell-script -*-
# Generated by \`${prog} completion bash\` from ${prog}'s own commands and options.
# Load it in this shell:  source <(${prog} completion bash)
# or for every shell:     ${prog} completion bash > ~/.local/share/bash-completion/completions/${prog}

# Adds the words (after $1, the word being completed) that start with it.
${fn}_words() {
  local cur=$1 word
  shift
  for word in "$@"; do
    [[ $word == "$cur"* ]] && COMPREPLY+=("$word")
  done
}

${fn}_dirs() {
  local name
  while IFS= read -r name; do COMPREPLY+=("$name"); done < <(compgen -d -- "$1")
  compopt -o filenames 2>/dev/null
  return 0
}

${fn}_any_files() {
  local name
  while IFS= read -r name; do COMPREPLY+=("$name"); done < <(compgen -f -- "$1")
  compopt -o filenames 2>/dev/null
  return 0
}

# Post files (.md, .markdown, .mdown, .mkd, .txt) and folders here.
${fn}_files() {
  local name
  while IFS= read -r name; do
    # hidden files only when asked for
    [[ \${name##*/} == .* && \${1##*/} != .* ]] && continue
    if [[ -d $name ]]; then
      COMPREPLY+=("$name")
    else
      case \${name,,} in
        *.md|*.markdown|*.mdown|*.mkd|*.txt) COMPREPLY+=("$name") ;;
      esac
    fi
  done < <(compgen -f -- "$1")
  compopt -o filenames 2>/dev/null
  return 0
}

# Post names from the posts folder ($2 is --dir if given; \`${prog} __posts\`
# also honours POSTVIEW_DIR), then post files and folders here.
${fn}_posts() {
  local cur=$1 dir=$2 name
  dir=\${dir#[\\"\\']}
  dir=\${dir%[\\"\\']}
  if [[ $dir == '~' || $dir == '~/'* ]]; then dir=$HOME\${dir:1}; fi
  local -a names=()
  if [[ -n $dir ]]; then
    mapfile -t names < <(command ${prog} __posts --dir "$dir" 2>/dev/null)
  else
    mapfile -t names < <(command ${prog} __posts 2>/dev/null)
  fi
  for name in "\${names[@]}"; do
    [[ -n $name && $name == "$cur"* ]] && COMPREPLY+=("$name")
  done
  ${fn}_files "$cur"
}

# Does option $2 of command $1 ('' before any command) take a value?
${fn}_takes_value() {
  case $1 in
${takesValue.join('\n')}
  esac
  return 1
}

# The options of command $1 ('' before any command), into $words.
${fn}_option_words() {
  case $1 in
${optionWords.join('\n')}
  esac
}

# Completes $3 as the value of option $2 of command $1.
${fn}_option_values() {
  case $1 in
${optionValues.join('\n')}
  esac
  return 0
}

# Completes $3 as argument number $2 (from 0) of command $1.
${fn}_arg_values() {
  case $1 in
${argValues.join('\n')}
  esac
  return 0
}

${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} cmd='' opt='' dir='' words='' w i start=1 n=0 skip=0 rest=0
  COMPREPLY=()
  if (( COMP_CWORD > 1 )); then
    cmd=\${COMP_WORDS[1]}
    case $cmd in
      ${spec.commands.map((c) => c.name).join('|')}) start=2 ;;
${aliasCase.map((l) => `${l}\n`).join('')}      *) cmd='' ;;
    esac
  fi
  # Walk the words before the cursor: option values (also --opt=value, which
  # bash splits at "="), the posts folder, and how many arguments are typed.
  for (( i = start; i < COMP_CWORD; i++ )); do
    w=\${COMP_WORDS[i]}
    if (( skip )); then
      [[ $w == = ]] && continue
      skip=0
      case $opt in
${dirCapture.join('\n')}
      esac
      continue
    fi
    if (( !rest )); then
      case $w in
        --) rest=1; continue ;;
${dirAttached.join('\n')}
      esac
      if [[ $w == -?* ]]; then
        ${fn}_takes_value "$cmd" "$w" && { skip=1; opt=$w; }
        continue
      fi
    fi
    n=$((n + 1))
  done
  if (( skip )); then
    [[ $cur == = ]] && cur=''
    ${fn}_option_values "$cmd" "$opt" "$cur"
    return 0
  fi
  if (( !rest )) && [[ $cur == --?*=* ]]; then
    opt=\${cur%%=*}
    ${fn}_option_values "$cmd" "$opt" "\${cur#*=}"
    COMPREPLY=("\${COMPREPLY[@]/#/$opt=}")
    return 0
  fi
  if (( !rest )) && [[ $cur == -* ]]; then
    ${fn}_option_words "$cmd"
    ${fn}_words "$cur" $words
    return 0
  fi
  if (( COMP_CWORD == 1 )); then
    ${fn}_words "$cur" ${cmds.map(sq).join(' ')}
  fi
  ${fn}_arg_values "$cmd" "$n" "$cur"
  return 0
}

complete -F ${fn} ${prog}
`;
}

// -------------------------------------------------------------------- zsh

/** Text inside an _arguments [explanation] or a _describe description. */
function zshText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\[/g, '\\[').replace(/\]/g, '\\]');
}

function renderZsh(spec: ProgramSpec): string {
  const fn = `_${ident(spec.name)}`;
  const prog = spec.name;
  const cmds = spec.commands;
  const dirs = dirFlags(spec);
  const def = spec.defaultCommand;

  const action = (values: Values): string => {
    switch (values.kind) {
      case 'words':
        return `(${values.words.join(' ')})`;
      case 'dirs':
        return '_files -/';
      case 'files':
        return '_files';
      case 'posts':
        return `${fn}_posts`;
      case 'commands':
        return `${fn}_commands`;
      case 'none':
        return ' ';
    }
  };
  const optionSpecs = (options: OptionSpec[]): string[] =>
    options.map((o) => {
      const isHelpOrVersion = o.long === '--help' || o.long === '--version';
      const exclude = isHelpOrVersion ? '(- *)' : o.repeatable ? '*' : o.flags.length > 1 ? `(${o.flags.join(' ')})` : '';
      const explanation = `[${zshText(o.description)}]`;
      const suffix = (flag: string): string => {
        if (o.takes === 'none') return '';
        if (o.takes === 'optional') return flag.startsWith('--') ? '=-' : '-';
        return flag.startsWith('--') ? '=' : '+';
      };
      const value = o.takes === 'none' ? '' : `${o.takes === 'optional' ? '::' : ':'}${o.valueName}:${action(o.values)}`;
      const tail = sq(`${explanation}${value}`);
      if (o.flags.length === 1) return sq(`${exclude}${o.flags[0]}${suffix(o.flags[0]!)}`) + tail;
      return `${sq(exclude)}{${o.flags.map((f) => `${f}${suffix(f)}`).join(',')}}${tail}`;
    });
  const argSpecs = (args: ArgSpec[], from = 1): string[] =>
    args.map((a, i) => {
      const message = a.name.replace(/:/g, '\\:');
      const position = a.variadic ? '*' : String(i + from);
      return sq(`${position}${a.required || a.variadic ? '' : ':'}:${message}:${action(a.values)}`);
    });
  const joinSpecs = (specs: string[], indent: string): string => specs.map((s) => `${indent}${s}`).join(' \\\n');

  const commandFunctions = cmds.map((c) => {
    const specs = [...optionSpecs(c.options), ...argSpecs(c.args)];
    return `${fn}_cmd_${ident(c.name)}() {
  _arguments -s -S : \\
${joinSpecs(specs, '    ')}
}`;
  });
  const describeList = cmds.flatMap((c) => [c, ...c.aliases.map((a) => ({ ...c, name: a }))]).map((c) => `    ${sq(`${c.name.replace(/:/g, '\\:')}:${c.description}`)}`);
  const dispatch = cmds.map((c) => `      ${[c.name, ...c.aliases].join('|')}) ${fn}_cmd_${ident(c.name)} && ret=0 ;;`);
  const top = def ? topOptions(spec) : spec.options;
  const firstArg = def?.args[0];
  const firstAction = firstArg && firstArg.values.kind !== 'none' ? `      ${action(firstArg.values)} && ret=0\n` : '';
  const fallback = def
    ? `      *)
        # Not a command: the default command's first argument. Complete
        # as \`${prog} ${def.name} …\`.
        words=(${def.name} "\${words[@]}")
        (( CURRENT++ ))
        ${fn}_cmd_${ident(def.name)} && ret=0 ;;`
    : '';
  const dirCase = [
    dirs.length ? `      ${dirs.join('|')}) dir=\${${fn}_words[i+1]-} ;;` : null,
    ...dirs.filter((f) => f.startsWith('--')).map((f) => `      ${f}=*) dir=\${${fn}_words[i]#*=} ;;`),
    ...dirs.filter((f) => !f.startsWith('--')).map((f) => `      ${f}?*) dir=\${${fn}_words[i]#${f}} ;;`),
  ].filter(Boolean);

  return `#compdef ${prog}
# zsh completion for ${prog}
# Generated by \`${prog} completion zsh\` from ${prog}'s own commands and options.
# Load it in this shell (after compinit):  source <(${prog} completion zsh)
# or for every shell: save it as _${prog} in a folder on $fpath.

${fn}_commands() {
  local -a commands
  commands=(
${describeList.join('\n')}
  )
  _describe -t commands '${prog} command' commands
}

# Post names from the posts folder (\`${prog} __posts\` honours --dir, taken
# from the command line, and POSTVIEW_DIR), then post files and folders here.
${fn}_posts() {
  local dir='' i ret=1 expl
  for (( i = 2; i < ${fn}_current; i++ )); do
    case \${${fn}_words[i]} in
${dirCase.join('\n')}
    esac
  done
  dir=\${(Q)dir}
  [[ $dir == '~' || $dir == '~/'* ]] && dir=$HOME\${dir#\\~}
  local -a posts
  if [[ -n $dir ]]; then
    posts=(\${(f)"$(command ${prog} __posts --dir "$dir" 2>/dev/null)"})
  else
    posts=(\${(f)"$(command ${prog} __posts 2>/dev/null)"})
  fi
  (( \${#posts} )) && _wanted posts expl 'post' compadd -a - posts && ret=0
  _files -g '*.(#i)(md|markdown|mdown|mkd|txt)(-.)' && ret=0
  return ret
}

${commandFunctions.join('\n\n')}

${fn}() {
  local curcontext=$curcontext state state_descr line ret=1
  local -A opt_args
  # The whole command line, for ${fn}_posts (words shrinks below).
  local -a ${fn}_words
  ${fn}_words=("\${words[@]}")
  local ${fn}_current=$CURRENT
  _arguments -s -S -C : \\
${joinSpecs([...optionSpecs(top), sq('(-)1: :->first'), sq('(-)*:: :->rest')], '    ')} && ret=0
  case $state in
    first)
      (( CURRENT == 2 )) && ${fn}_commands && ret=0
${firstAction}      ;;
    rest)
      curcontext=\${curcontext%:*:*}:${prog}-$line[1]:
      case $line[1] in
${dispatch.join('\n')}
${fallback}
      esac ;;
  esac
  return ret
}

if [[ \${funcstack[1]-} == ${fn} ]]; then
  # autoloaded from $fpath: this file is the function's body
  ${fn} "$@"
elif (( \${+functions[compdef]} )); then
  compdef ${fn} ${prog}
else
  print -u2 '${prog}: run "autoload -U compinit && compinit" before loading its completion'
fi
`;
}

// ------------------------------------------------------------------- fish

function fq(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function renderFish(spec: ProgramSpec): string {
  const prog = spec.name;
  const fn = `__${ident(spec.name)}`;
  const cmds = spec.commands;
  const dirs = dirFlags(spec);
  const def = spec.defaultCommand;
  const scopes: Array<{ key: string; options: OptionSpec[]; args: ArgSpec[] }> = [
    ...(def ? [] : [{ key: '', options: spec.options, args: [] }]),
    ...cmds.map((c) => ({ key: c.name, options: c.options, args: c.args })),
  ];
  const lines: string[] = [];
  const c = `complete -c ${prog}`;
  const valueArgs = (values: Values): string => {
    switch (values.kind) {
      case 'words':
        return ` -x -a ${fq(values.words.join(' '))}`;
      case 'dirs':
        return ` -x -a '(__fish_complete_directories)'`;
      case 'files':
        return ' -r -F';
      case 'posts':
        return ` -x -a '(${fn}_posts)'`;
      case 'commands':
        return ` -x -a ${fq(commandWords(spec).join(' '))}`;
      case 'none':
        return ' -x';
    }
  };
  const optionLine = (condition: string, o: OptionSpec): string => {
    const names = o.flags
      .map((f) => (f.startsWith('--') ? `-l ${f.slice(2)}` : f.length === 2 ? `-s ${f.slice(1)}` : `-o ${f.slice(1)}`))
      .join(' ');
    const value = o.takes === 'none' ? '' : valueArgs(o.values);
    return `${c} -n ${fq(condition)} ${names}${value} -d ${fq(o.description)}`;
  };

  lines.push(`${c} -f`);
  lines.push('', '# commands');
  for (const cmd of cmds) {
    for (const name of [cmd.name, ...cmd.aliases]) lines.push(`${c} -n ${fn}_needs_command -a ${name} -d ${fq(cmd.description)}`);
  }
  lines.push('', '# options before any command');
  for (const o of spec.options) lines.push(optionLine(`${fn}_needs_command`, o));
  const programFlags = new Set(spec.options.flatMap((o) => o.flags));
  for (const scope of scopes) {
    lines.push('', `# ${scope.key || 'no command'}`);
    const key = scope.key || "''";
    for (const o of scope.options) {
      // Before any command word the program's own -h/-V lines already cover these.
      const shadowed = def && scope.key === def.name && o.flags.every((f) => programFlags.has(f));
      lines.push(optionLine(shadowed ? `${fn}_using ${key}; and not ${fn}_needs_command` : `${fn}_using ${key}`, o));
    }
    scope.args.forEach((a, i) => {
      if (a.values.kind === 'none') return;
      const at = a.variadic ? `${fn}_arg ${key} ${i} +` : `${fn}_arg ${key} ${i}`;
      lines.push(`${c} -n ${fq(at)}${valueArgs(a.values).replace(/^ -x/, '')} -d ${fq(a.name)}`);
    });
  }

  const cmdCase = cmds.map((cmd) => `            case ${[cmd.name, ...cmd.aliases].join(' ')}\n                set cmd ${cmd.name}\n                set -e tokens[1]`);
  const valueCase = scopes
    .map((s) => {
      const flags = s.options.filter((o) => o.takes === 'required').flatMap((o) => o.flags);
      return flags.length ? `        case ${s.key || "''"}\n            set value_options ${flags.join(' ')}` : null;
    })
    .filter(Boolean);
  const dirCase = [
    dirs.length ? `            case ${dirs.join(' ')}\n                set -q tokens[(math $i + 1)]; and set dir $tokens[(math $i + 1)]` : null,
    ...dirs.filter((f) => f.startsWith('--')).map((f) => `            case '${f}=*'\n                set dir (string replace -- ${f}= '' $tokens[$i])`),
    ...dirs.filter((f) => !f.startsWith('--')).map((f) => `            case '${f}?*'\n                set dir (string sub -s 3 -- $tokens[$i])`),
  ].filter(Boolean);

  return `# fish completion for ${prog}
# Generated by \`${prog} completion fish\` from ${prog}'s own commands and options.
# Load it in this shell:  ${prog} completion fish | source
# or for every shell:     ${prog} completion fish > ~/.config/fish/completions/${prog}.fish

# Prints the command being completed (the default one when the first word is
# not a command), then how many of its arguments are already typed (-1 while
# an option's value is being typed).
function ${fn}_state
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l cmd ${def ? def.name : "''"}
    if set -q tokens[1]
        switch $tokens[1]
${cmdCase.join('\n')}
        end
    end
    set -l value_options
    switch $cmd
${valueCase.join('\n')}
    end
    set -l n 0
    set -l skip 0
    set -l rest 0
    for t in $tokens
        if test $skip -eq 1
            set skip 0
            continue
        end
        if test $rest -eq 0
            if test "$t" = --
                set rest 1
                continue
            end
            if contains -- $t $value_options
                set skip 1
                continue
            end
            if string match -q -- '-?*' $t
                continue
            end
        end
        set n (math $n + 1)
    end
    test $skip -eq 1; and set n -1
    printf '%s\\n' $cmd $n
end

function ${fn}_needs_command
    set -l tokens (commandline -opc)
    test (count $tokens) -eq 1
end

function ${fn}_using --argument-names name
    set -l state (${fn}_state)
    test "$state[1]" = "$name"
end

# ${fn}_arg NAME INDEX [+]: completing argument INDEX (from 0) of command NAME,
# or any from INDEX on with +.
function ${fn}_arg --argument-names name index more
    set -l state (${fn}_state)
    test "$state[1]" = "$name"; or return 1
    if test "$more" = +
        test "$state[2]" -ge "$index"
    else
        test "$state[2]" -eq "$index"
    end
end

# Post names from the posts folder (\`${prog} __posts\` honours --dir, taken
# from the command line, and POSTVIEW_DIR), then post files and folders here.
function ${fn}_posts
    set -l tokens (commandline -opc)
    set -l dir
    for i in (seq (count $tokens))
        switch $tokens[$i]
${dirCase.join('\n')}
        end
    end
    if set -q dir[1]; and test -n "$dir"
        set dir (string replace -r -- '^~(?=/|$)' $HOME $dir)
        command ${prog} __posts --dir $dir 2>/dev/null | string replace -r -- '$' '\\tpost'
    else
        command ${prog} __posts 2>/dev/null | string replace -r -- '$' '\\tpost'
    end
    set -l token (commandline -ct)
    complete -C"__${ident(prog)}_no_such_command $token" | string replace -r -- '\\t.*' '' | string match -ri -- '^.*(?:/|\\.(?:md|markdown|mdown|mkd|txt))$'
end

${lines.join('\n')}
`;
}
