// The man page comes from the same commander program as the help: every
// command, with its examples, and the options every command takes. The built
// page (dist/postview.1, what `man postview` shows after an install) is
// checked against the program too, so it cannot fall behind a new command.
import { readFileSync } from 'node:fs';
import { buildProgram, EXAMPLES } from '../../src/cli.js';
import { renderManPage } from '../../src/man.js';
import { ROOT } from '../e2e/run-cli.js';

const program = buildProgram(() => {});
const commands = program.commands.filter((c) => !(c as unknown as { _hidden: boolean })._hidden && c.name() !== 'help').map((c) => c.name());
/** The command names of a page: its ".SS name args" lines. */
const commandsOf = (page: string) => page.split('\n').filter((line) => line.startsWith('.SS ')).map((line) => line.slice(4).split(' ')[0]);

it('has a section for every command, in order, with its examples', () => {
  const page = renderManPage(program, '1.2.3');
  expect(page).toMatch(/^\.TH POSTVIEW 1 "" "postview 1\.2\.3"/);
  expect(commandsOf(page)).toEqual(commands);
  for (const name of commands) for (const example of EXAMPLES[name] ?? []) expect(page).toContain(`$ ${example}`.replace(/\\/g, '\\e').replace(/-/g, '\\-'));
  for (const flag of ['\\-\\-dir', '\\-\\-width', '\\-\\-color', '\\-\\-json', '\\-\\-no\\-pager', '\\-\\-lang']) expect(page).toMatch(new RegExp(`^\\.B .*${flag.replace(/\\/g, '\\\\')}`, 'm'));
  // No line a roff request by accident.
  for (const line of page.split('\n')) expect(line).toMatch(/^(\.(TH|SH|SS|TP|B|I|PP|RS|RE|nf|fi|br)\b|[^.']|$)/);
});

it('the built dist/postview.1 lists the same commands (npm test builds it)', () => {
  const built = readFileSync(`${ROOT}dist/postview.1`, 'utf8');
  expect(commandsOf(built)).toEqual(commands);
  expect(JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).man).toEqual(['./dist/postview.1']);
});
