// Runs the pipeline and owns every exit: reads the terminal once, parses the
// command line, runs the command, writes its output, maps errors to codes.
import { CommanderError } from 'commander';
import { fileURLToPath } from 'node:url';
import { buildProgram, COMMANDS, type Request } from './cli.js';
import { runList } from './commands/list.js';
import { runSection, runSections } from './commands/sections.js';
import { runShow } from './commands/show.js';
import { runTrack, runTracks } from './commands/tracks.js';
import type { Context, Outcome } from './commands/context.js';
import { detectTerminal, resolveOutput, type Terminal } from './env.js';
import { InputError, isUserError } from './errors.js';
import { resolvePostsDir } from './load/posts-dir.js';
import { writeError, writeStdout, writeWarning } from './output/write.js';
import { writePaged } from './output/pager.js';

const SHIPPED_POSTS = fileURLToPath(new URL('../posts', import.meta.url));

async function runRequest(request: Request, term: Terminal): Promise<{ outcome: Outcome; pager: string | null }> {
  const { flags } = request;
  const resolved = resolveOutput({ color: flags.color, width: flags.width, pager: flags.pager, json: flags.json }, term);
  const ctx: Context = {
    dir: resolvePostsDir(flags.dir, term.env, process.cwd(), SHIPPED_POSTS),
    render: resolved.render,
    json: Boolean(flags.json),
    warn: writeWarning,
  };
  let outcome: Outcome;
  try {
    outcome = await dispatch(request, ctx);
  } catch (error) {
    throw explainTypo(error, request);
  }
  return { outcome, pager: resolved.pager };
}

function dispatch(request: Request, ctx: Context): Promise<Outcome> {
  switch (request.command) {
    case 'show':
      return runShow(request.post, request.flags, ctx);
    case 'sections':
      return runSections(request.post, ctx);
    case 'section':
      return runSection(request.title, request.post, ctx);
    case 'tracks':
      return runTracks(request.post, request.flags, ctx);
    case 'track':
      return runTrack(request.which, request.post, ctx);
    case 'list':
      return runList(request.folder, ctx);
  }
}

/** `postview trakcs` reaches show as a post name: when it looks like a command, say so. */
function explainTypo(error: unknown, request: Request): unknown {
  if (!(error instanceof InputError) || request.command !== 'show' || !request.post) return error;
  const near = COMMANDS.find((name) => editDistance(name, request.post!) <= 2);
  return near ? new InputError(`${error.message}\n(Did you mean \`postview ${near}\`?)`) : error;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

export async function main(argv: string[]): Promise<number> {
  const term = detectTerminal();
  let request: Request | undefined;
  const program = buildProgram((r) => {
    request = r;
  });
  program.configureOutput({ outputError: (text) => writeError(text.replace(/^error: /, '').trimEnd()) });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end with exit 0; every usage mistake is 2.
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
  if (!request) return 0;
  try {
    const { outcome, pager } = await runRequest(request, term);
    if (outcome.pageable && pager) await writePaged(outcome.stdout, pager, term);
    else await writeStdout(outcome.stdout);
    if (outcome.message) writeError(outcome.message);
    return outcome.code;
  } catch (error) {
    if (isUserError(error)) {
      writeError(error.message);
      return error.exitCode;
    }
    if (error instanceof RangeError) {
      writeError(`${postOf(request)}: too deeply nested to read (${error.message}); expected an ordinary Markdown post`);
      return 2;
    }
    throw error;
  }
}

function postOf(request: Request): string {
  return ('post' in request && request.post) || ('folder' in request && request.folder) || 'post';
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`postview: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
