// Runs the pipeline and owns every exit: reads the terminal once, parses the
// command line, runs the command, writes its output, maps errors to codes.
import { CommanderError, type Command } from 'commander';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCompletion } from './completion/index.js';
import { runNow, runTimeline } from './commands/schedule.js';
import { detectLang, findLangFlag, type Lang } from './i18n.js';
import { buildProgram, COMMANDS, type Request } from './cli.js';
import { runList } from './commands/list.js';
import { runSearch } from './commands/search.js';
import { runSpeakers } from './commands/speakers.js';
import { runSection, runSections } from './commands/sections.js';
import { runShow } from './commands/show.js';
import { runTrack, runTracks } from './commands/tracks.js';
import type { Context, Outcome } from './commands/context.js';
import { detectTerminal, resolveCacheDir, resolveOutput, type Terminal } from './env.js';
import { InputError, isUserError, UsageError } from './errors.js';
import { listPostFiles, resolvePostsDir } from './load/posts-dir.js';
import { hasControls } from './sanitize.js';
import { whenWritten, writeError, writeStdout, writeWarning } from './output/write.js';
import { writePaged } from './output/pager.js';

const SHIPPED_POSTS = fileURLToPath(new URL('../posts', import.meta.url));

async function runRequest(request: Request, term: Terminal, program: Command): Promise<{ outcome: Outcome; pager: string | null }> {
  const { flags } = request;
  if (flags.lang !== undefined && flags.lang !== 'en' && flags.lang !== 'ko') {
    throw new UsageError(`--lang: invalid value '${flags.lang}' (expected en or ko)`);
  }
  const lang = detectLang(flags.lang, term.env);
  const resolved = resolveOutput({ color: flags.color, width: flags.width, pager: flags.pager, json: flags.json || flags.ics }, term, lang);
  const postsDir = resolvePostsDir(flags.dir, term.env, process.cwd(), SHIPPED_POSTS, Boolean(flags.drafts));
  let noted = false;
  const ctx: Context = {
    dir: postsDir.dir,
    extraDirs: postsDir.extra,
    // Said once, and never into data meant for a program.
    usingSamples: () => {
      if (!postsDir.sample || noted || flags.json || flags.ics) return;
      noted = true;
      writeWarning("showing postview's sample posts; use --dir or POSTVIEW_DIR for yours");
    },
    render: resolved.render,
    json: Boolean(flags.json),
    warn: writeWarning,
    lang,
    clock: () => new Date(),
    cacheDir: resolveCacheDir(term.env),
  };
  if (request.command === 'completion') return { outcome: { stdout: renderCompletion(request.shell, program), code: 0 }, pager: null };
  if (request.command === '__posts') return { outcome: { stdout: await readPostNames(ctx.dir, postsDir.extra), code: 0 }, pager: null };
  let outcome: Outcome;
  try {
    outcome = await dispatch(request, ctx);
  } catch (error) {
    throw explainTypo(error, request);
  }
  return { outcome, pager: resolved.pager };
}

/** For the completion scripts: post file names without extension, one a line; nothing when unreadable. */
async function readPostNames(dir: string, extra: string[]): Promise<string> {
  try {
    const names = listPostFiles(dir, extra).map((file) => basename(file, extname(file))).filter((name) => !/[\t\n\r]/.test(name) && !hasControls(name));
    return names.map((name) => `${name}\n`).join('');
  } catch {
    return '';
  }
}

function dispatch(request: Exclude<Request, { command: 'completion' | '__posts' }>, ctx: Context): Promise<Outcome> {
  switch (request.command) {
    case 'show':
      return runShow(request.post, request.flags, ctx);
    case 'timeline':
      return runTimeline(request.post, request.flags, ctx);
    case 'now':
      return runNow(request.post, request.flags, ctx);
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
    case 'speakers':
      return runSpeakers(request.post, request.flags, ctx);
    case 'search':
      return runSearch(request.words, ctx);
  }
}

/** commander's own usage errors, in Korean when the interface is. */
function translateCommander(text: string, lang: Lang): string {
  if (lang !== 'ko') return text;
  return text
    .replace(/^unknown option '([^']*)'/, "알 수 없는 옵션 '$1'")
    .replace(/^unknown command '([^']*)'/, "알 수 없는 명령 '$1'")
    .replace(/^missing required argument '([^']*)'/, "필요한 인자 '$1'가 없습니다")
    .replace(/^option '([^']*)' argument missing/, "옵션 '$1'에 값이 없습니다")
    .replace(/^too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, '인자가 너무 많습니다 ($2개를 받지만 $3개가 왔습니다).')
    .replace(/\(Did you mean ([^?]*)\?\)/, '($1을(를) 말씀하신 건가요?)');
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
  const lang: Lang = detectLang(findLangFlag(argv.slice(2)), term.env);
  const program = buildProgram(
    (r) => {
      request = r;
    },
    lang,
    (text) => writeError(translateCommander(text.replace(/^error: /, '').trimEnd(), lang)),
  );
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
    const { outcome, pager } = await runRequest(request, term, program);
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
  async (code) => {
    // Exit as soon as the output is out: left to itself, node would first
    // finish a garbage collection it has under way (~8 ms after a big list).
    await whenWritten();
    process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`postview: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
