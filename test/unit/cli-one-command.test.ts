// A command line whose command is plain from its words gets a program holding
// that command alone (src/cli.ts plainCommand): it must read every such line
// exactly as the program with all commands does, requests and errors alike.
import { CommanderError } from 'commander';
import { buildProgram, plainCommand, type Request } from '../../src/cli.js';

/** What a program makes of `args`: the request, or commander's error and message. */
function parse(args: string[], only?: string): { request?: Request; error?: string } {
  let request: Request | undefined;
  let message = '';
  const program = buildProgram((r) => (request = r), 'en', (text) => (message += text), { columns: 80, rows: 24 }, undefined, only);
  program.configureOutput({ writeOut: (text) => (message += text), writeErr: (text) => (message += text), outputError: (text) => (message += text) });
  try {
    program.parse(['node', 'postview', ...args]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { error: `${error.code}: ${message}` };
  }
  return { request };
}

describe('plainCommand', () => {
  it.each<[string[], string | undefined]>([
    [[], 'show'],
    [['post.md'], 'show'],
    [['--color', 'never', 'tracks'], 'show'],
    [['tracks', 'aws', '--at', '14:00'], 'tracks'],
    [['list', 'posts/'], 'list'],
    [['__posts', 'aw'], '__posts'],
    [['help'], undefined],
    [['tracks', '--help'], undefined],
    [['-V'], undefined],
    [['completion', 'bash'], undefined],
    [['--', 'tracks'], undefined],
  ])('%j runs %j', (args, command) => {
    expect(plainCommand(args)).toBe(command);
  });
});

describe('a program with the plain command only', () => {
  it.each<[string[]]>([
    [['posts/aws.md', '--color', 'never', '--no-pager']],
    [['show', 'aws', '--speaker', 'A', '--speaker', 'B', '--at', '2pm']],
    [['--dir', 'posts', 'tracks']],
    [['tracks', 'aws', '--ics', '--date', '2016-05-17']],
    [['tracks', '--bogus']],
    [['show', 'a', 'b']],
    [['trakcs', 'aws']],
    [['now', '--time']],
    [['track', '2', 'aws', '--all']],
    [['timeline', '--json']],
    [['section']],
    [['search', 'lambda', 'DynamoDB', 'posts/']],
    [['speakers', '-s', '양승도', '--json']],
    [['list', '--drafts', '-w', '100']],
    [['browse', '--color', 'always']],
    [['__speakers', '양', '-d', 'posts']],
  ])('reads %j as the whole program does', (args) => {
    const only = plainCommand(args);
    expect(only).toBeDefined();
    expect(parse(args, only)).toEqual(parse(args));
  });
});
