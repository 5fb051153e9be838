// Help a newcomer can read: `postview --help` fits one 24-line screen (usage,
// one line per command, the options of every command, three examples), each
// command's help has its examples, and all of it wraps to the screen at word
// boundaries, measured by display width (Hangul counts two columns).
import type { Command } from 'commander';
import { buildProgram, EXAMPLES } from '../../src/cli.js';
import { displayWidth } from '../../src/render/wrap.js';
import type { Lang } from '../../src/i18n.js';
import { runCli } from '../e2e/run-cli.js';

const program = (lang: Lang, columns: number, rows = 24): Command => buildProgram(() => {}, lang, () => {}, { columns, rows });
const words = (text: string) => new Set(text.split(/\s+/).filter(Boolean));
const visible = (p: Command) => p.commands.filter((c) => !(c as unknown as { _hidden: boolean })._hidden);

describe.each(['en', 'ko'] as const)('help in %s', (lang) => {
  it('postview --help fits 80x24 with room for the prompt: usage, every command, the global options, three examples', () => {
    const p = program(lang, 80);
    const lines = p.helpInformation().trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines[0]).toMatch(/^(Usage|사용법): postview /);
    // One line per command, drawn from the program itself (a new command is one more line).
    for (const command of visible(p)) expect(lines.filter((line) => line.startsWith(`  ${command.name()} `))).toHaveLength(1);
    expect(lines.some((line) => line.startsWith('  help [command]'))).toBe(true);
    for (const flag of ['--dir', '--width', '--color', '--json', '--no-pager', '--lang']) expect(lines.join('\n')).toContain(flag);
    expect(lines.filter((line) => line.startsWith('  $ '))).toEqual(EXAMPLES['']!.map((e) => `  $ ${e}`));
    expect(EXAMPLES['']).toHaveLength(3);
  });

  it('fits 24 rows with every command, speakers and search included', () => {
    const p = program(lang, 80);
    expect(visible(p).map((c) => c.name())).toEqual(expect.arrayContaining(['speakers', 'search']));
    const lines = p.helpInformation().trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const command of visible(p)) expect(lines.filter((line) => line.startsWith(`  ${command.name()} `))).toHaveLength(1);
    for (const flag of ['--dir', '--width', '--color', '--json', '--no-pager', '--lang']) expect(lines.join('\n')).toContain(flag);
    expect(lines.filter((line) => line.startsWith('  $ '))).toHaveLength(3);
  });

  it('each command has its own examples in its help, not in the command list', () => {
    const p = program(lang, 100);
    const top = p.helpInformation();
    for (const command of visible(p)) {
      const examples = EXAMPLES[command.name()] ?? [];
      if (command.name() !== 'help') expect(examples.length).toBeGreaterThan(0);
      const own = command.helpInformation();
      for (const example of examples) {
        expect(own).toContain(`$ ${example}`);
        if (!EXAMPLES['']!.includes(example)) expect(top.split('\n')).not.toContain(`  $ ${example}`);
      }
    }
  });

  it.each([40, 60, 80, 120])('wraps at %i columns by display width, never inside a word', (columns) => {
    const wide = program(lang, 1000, 1000);
    const narrow = program(lang, columns, 1000);
    const pairs: [string, string][] = [[wide.helpInformation(), narrow.helpInformation()]];
    visible(wide).forEach((command, i) => pairs.push([command.helpInformation(), visible(narrow)[i]!.helpInformation()]));
    for (const [unwrapped, wrapped] of pairs) {
      // Only a word wider than the screen (a path in an example) may pass the edge, alone on its line.
      for (const line of wrapped.split('\n')) if (displayWidth(line) > columns) expect(line).toMatch(/^ {4}\S+( \\)?$/);
      // A word cut in two would be a word the unwrapped text does not have.
      const known = words(unwrapped);
      for (const word of words(wrapped)) if (word !== '\\') expect(known.has(word) ? word : `broken: ${word}`).toBe(word);
    }
  });
});

it('the CLI lays out help for the terminal it runs in ($COLUMNS in a pipe)', () => {
  const run = runCli(['--help'], { env: { COLUMNS: '50' } });
  expect(run.code).toBe(0);
  for (const line of run.stdout.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(50);
  expect(runCli(['--help']).stdout.trimEnd().split('\n').length).toBeLessThanOrEqual(23);
  expect(runCli(['tracks', '--help']).stdout).toContain('$ postview tracks aws --ics > summit.ics');
});
