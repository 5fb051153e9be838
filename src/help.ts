// Help text, drawn from the commander program itself (so a new command is
// one more entry), wrapped at word boundaries to the screen by display width
// (Hangul counts two columns). The top-level help fits one screen: usage,
// one line per command, the options every command takes, three examples.
import { Help, type Command } from 'commander';
import { displayWidth, pad, wrapText } from './render/wrap.js';

export interface Screen {
  columns: number;
  rows: number;
}

export interface HelpTexts {
  /** "Options for every command:" and "Examples:", translated. */
  globalTitle: string;
  examplesTitle: string;
  /** The options of every command: flags and what they do. */
  globals: readonly { flags: string; description: string }[];
  /** Examples by command name; '' is the top level. */
  examples: Readonly<Record<string, readonly string[]>>;
  styleTitle: (title: string) => string;
}

/** Help settings for commander: our widths, our wrapping, our layout. */
export function helpConfiguration(screen: Screen, texts: HelpTexts): Partial<Help> {
  return {
    helpWidth: screen.columns,
    minWidthToWrap: 10,
    displayWidth: (text: string) => displayWidth(text),
    boxWrap: (text: string, width: number) => wrapText(text, Math.max(10, width)),
    styleTitle: texts.styleTitle,
    formatHelp: (cmd: Command, helper: Help) => (cmd.parent === null ? renderTopHelp(cmd, helper, screen, texts) : renderCommandHelp(cmd, helper, screen, texts)),
  };
}

function examplesOf(name: string, texts: HelpTexts, width: number): string[] {
  const examples = texts.examples[name] ?? [];
  if (examples.length === 0) return [];
  // An example is a command line: wrapped at spaces, continued with "\",
  // and a word is never cut (a path wider than the screen stays whole).
  const lines = examples.flatMap((example) => {
    const wrapped = packWords(`$ ${example}`, Math.max(10, width - 6));
    return wrapped.map((line, i) => `  ${i > 0 ? '  ' : ''}${line}${i < wrapped.length - 1 ? ' \\' : ''}`);
  });
  return [texts.styleTitle(texts.examplesTitle), ...lines];
}

/** commander's own layout for a command (usage, description, arguments, options), then its examples. */
function renderCommandHelp(cmd: Command, helper: Help, screen: Screen, texts: HelpTexts): string {
  const [usage = '', ...rest] = Help.prototype.formatHelp.call(helper, cmd, helper).trimEnd().split('\n');
  const base = [wrapUsage(usage, screen.columns), ...rest].join('\n');
  const examples = examplesOf(cmd.name(), texts, screen.columns);
  return [base, ...(examples.length > 0 ? ['', ...examples] : [])].join('\n') + '\n';
}

/** Usage, description, commands, the options of every command (two a line when they fit), examples; then made to fit the screen's rows. */
function renderTopHelp(program: Command, helper: Help, screen: Screen, texts: HelpTexts): string {
  const width = screen.columns;
  // Every command takes options: "[options]" on each line says nothing.
  const commands = helper.visibleCommands(program).map((cmd) => ({ term: helper.subcommandTerm(cmd).replace(' [options]', ''), description: helper.subcommandDescription(cmd) }));
  const own = helper.visibleOptions(program).map((option) => ({ flags: helper.optionTerm(option), description: helper.optionDescription(option) }));
  const options = [...texts.globals, ...own];
  const termWidth = Math.max(...commands.map((c) => displayWidth(c.term)));
  const usage = wrapUsage(`${helper.styleTitle('Usage:')} ${program.name()} [command] [post] [options]`, width);
  const description = wrapText(helper.commandDescription(program), width);

  const optionsSection = (list: readonly { flags: string; description: string }[]) => [helper.styleTitle(texts.globalTitle), ...optionLines(list, width, helper)];
  const sections: string[][] = [
    [usage, description],
    [helper.styleTitle('Commands:'), ...commands.map((c) => item(c.term, termWidth, c.description, width, helper))],
    optionsSection(options),
    examplesOf('', texts, width),
  ];
  // Fit the screen, leaving a line for the prompt after it: a blank line
  // before each section while there is room. Too tall even without them:
  // no description, then no --help/--version (the help command is listed).
  // At 80x24 that leaves room for 14 commands, help included.
  const room = screen.rows - 1;
  const lineCount = (parts: string[][]) => parts.flat().join('\n').split('\n').length;
  if (lineCount(sections) > room) sections[0] = [usage];
  if (lineCount(sections) > room) sections[2] = optionsSection(texts.globals);
  let spare = room - lineCount(sections);
  const lines = sections.flatMap((section, i) => (i > 0 && spare-- > 0 ? ['', ...section] : section));
  return lines.join('\n') + '\n';
}

/** Words on lines of at most `width` columns; a word wider than that has a line of its own. */
function packWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && displayWidth(`${lines[last]} ${word}`) <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The usage line, wrapped with its continuation lines indented. */
function wrapUsage(usage: string, width: number): string {
  return wrapText(usage, width - 4)
    .split('\n')
    .map((line, i) => (i > 0 ? `    ${line}` : line))
    .join('\n');
}

/** Options two a line ("flags  what" in two columns) when every one fits half the width; else one a line, wrapped. */
function optionLines(options: readonly { flags: string; description: string }[], width: number, helper: Help): string[] {
  const flagsWidth = Math.max(...options.map((o) => displayWidth(o.flags)));
  const cell = (o: { flags: string; description: string }) => `${pad(o.flags, flagsWidth)}  ${o.description}`;
  const half = Math.floor((width - 2 - 2) / 2);
  if (options.every((o) => displayWidth(cell(o)) <= half)) {
    const lines: string[] = [];
    for (let i = 0; i < options.length; i += 2) {
      const right = options[i + 1];
      lines.push(`  ${right ? pad(cell(options[i]!), half) + '  ' + cell(right) : cell(options[i]!)}`.trimEnd());
    }
    return lines;
  }
  return options.map((o) => item(o.flags, flagsWidth, o.description, width, helper));
}

/** "  term  description", the description wrapped beside the term; on a narrow screen, under it. */
function item(term: string, termWidth: number, description: string, width: number, helper: Help): string {
  if (width - termWidth - 4 >= 20) return helper.formatItem(term, termWidth, description, helper);
  return [`  ${term}`, ...wrapText(description, width - 6).split('\n').map((line) => `      ${line}`)].join('\n');
}
