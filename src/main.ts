// Runs the pipeline and owns every exit: reads the terminal once, parses the
// command line, runs the command, writes its output, maps errors to codes.
import { CommanderError, type Command } from 'commander';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCompletion } from './completion/index.js';
import { runNow, runTimeline } from './commands/schedule.js';
import { detectLang, findLangFlag, messages, type Lang } from './i18n.js';
import { buildProgram, COMMANDS, plainCommand, type Request } from './cli.js';
import { runList } from './commands/list.js';
import { runSearch } from './commands/search.js';
import { runSpeakers } from './commands/speakers.js';
import { runSection, runSections } from './commands/sections.js';
import { runShow } from './commands/show.js';
import { runTrack, runTracks } from './commands/tracks.js';
import type { Context, Outcome } from './commands/context.js';
import { detectScreen, detectStdinTerminal, detectTerminal, resolveCacheDir, resolveOutput, type Terminal } from './env.js';
import { InputError, isUserError, UsageError } from './errors.js';
import { listPostFiles, matchPosts, readPostHeads, resolvePostsDir } from './load/posts-dir.js';
import { loadPosts, parseFilterOptions } from './commands/context.js';
import { buildSessionTest } from './query/filter.js';
import { normalizeForMatch } from './parse/text.js';
import { hasControls, showName } from './sanitize.js';
import { formatError, formatWarning, whenWritten, writeStderr, writeStdout } from './output/write.js';
import { writePaged } from './output/pager.js';

const SHIPPED_POSTS = fileURLToPath(new URL('../posts', import.meta.url));

/** Where a run's output goes: the terminal, or (for tests in process) strings. */
export interface Io {
  stdout: (text: string) => Promise<void>;
  /** Formatted message lines (formatError, formatWarning). */
  stderr: (text: string) => void;
  /** Writes through the pager when it is worth it; resolves to the pager's exit status. */
  paged: (text: string, pager: string, term: Terminal) => Promise<number>;
}

const TERMINAL_IO: Io = { stdout: writeStdout, stderr: writeStderr, paged: writePaged };

async function runRequest(request: Request, term: Terminal, program: Command, io: Io): Promise<{ outcome: Outcome; pager: string | null }> {
  const { flags } = request;
  if (flags.lang !== undefined && flags.lang !== 'en' && flags.lang !== 'ko') {
    throw new UsageError(`--lang: invalid value '${showName(flags.lang)}' (expected en or ko)`);
  }
  const lang = detectLang(flags.lang, term.env);
  if (request.command !== '__posts' && request.command !== 'completion' && postOf(request) === '-' && (term.stdinTTY ?? (await detectStdinTerminal()))) {
    // `show -` typed at a terminal would wait in silence: say how to end the post.
    io.stderr(formatError(messages(lang).stdinFromTerminal()));
  }
  const resolved = resolveOutput({ color: flags.color === false ? 'never' : flags.color, width: flags.width, pager: flags.pager, json: flags.json || flags.ics }, term, lang);
  const postsDir = resolvePostsDir(flags.dir, term.env, process.cwd(), SHIPPED_POSTS, Boolean(flags.drafts));
  let noted = false;
  const ctx: Context = {
    dir: postsDir.dir,
    extraDirs: postsDir.extra,
    // Said once, and never into data meant for a program.
    usingSamples: () => {
      if (!postsDir.sample || noted || flags.json || flags.ics) return;
      noted = true;
      io.stderr(formatWarning("showing postview's sample posts; use --dir or POSTVIEW_DIR for yours"));
    },
    render: resolved.render,
    json: Boolean(flags.json),
    warn: (message) => io.stderr(formatWarning(message)),
    lang,
    clock: () => new Date(),
    cacheDir: resolveCacheDir(term.env),
  };
  if (request.command === 'completion') return { outcome: { stdout: renderCompletion(request.shell, program), code: 0 }, pager: null };
  if (request.command === '__posts') return { outcome: { stdout: readPostNames(ctx.dir, request.word, postsDir.extra), code: 0 }, pager: null };
  if (request.command === '__speakers') return { outcome: { stdout: await readSpeakerNames(ctx, request.word), code: 0 }, pager: null };
  let outcome: Outcome;
  try {
    outcome = await dispatch(request, ctx);
  } catch (error) {
    throw explainTypo(error, request);
  }
  return { outcome, pager: resolved.pager };
}

/**
 * For the completion scripts: post file names without extension, one a
 * line; with a word, those of the posts the CLI would take it for (words of
 * the file name or title). Nothing when unreadable; never a name with a
 * control or invisible character.
 */
function readPostNames(dir: string, word?: string, extra: string[] = []): string {
  try {
    // A word of punctuation alone ("-") would match every post.
    if (word !== undefined && !/[\p{L}\p{N}]/u.test(word)) return '';
    const paths = word ? matchPosts(readPostHeads(dir, () => {}, extra), word).map((head) => head.path) : listPostFiles(dir, extra);
    return completionLines(paths.map((file) => basename(file, extname(file))));
  } catch {
    return '';
  }
}

/** For the completion scripts: the speakers of the posts folder that --speaker WORD would match, one a line. */
async function readSpeakerNames(ctx: Context, word?: string): Promise<string> {
  try {
    const { posts } = await loadPosts(ctx.dir, { ...ctx, warn: () => {} });
    const test = buildSessionTest(parseFilterOptions(word ? { speaker: [word] } : {}));
    const names = new Set<string>();
    for (const post of posts) {
      for (const session of post.sessions) if (test(session)) for (const speaker of session.speakers) names.add(speaker.name.trim());
    }
    return completionLines([...names].filter((name) => !word || normalizeForMatch(name).includes(normalizeForMatch(word))).sort());
  } catch {
    return '';
  }
}

function completionLines(names: string[]): string {
  return names.filter((name) => name !== '' && !/[\t\n\r]/.test(name) && !hasControls(name)).map((name) => `${name}\n`).join('');
}

/**
 * The interactive code, only for \`browse\` and \`show --watch\`. In the built
 * CLI this import becomes a require of its own bundle, dist/browse.cjs (see
 * scripts/build.mjs), so other commands never load it.
 */
function loadBrowse(): Promise<typeof import('./browse/run.js')> {
  return import('./browse/run.js');
}

function dispatch(request: Exclude<Request, { command: 'completion' | '__posts' | '__speakers' }>, ctx: Context): Promise<Outcome> {
  switch (request.command) {
    case 'show':
      if (request.flags.watch) return loadBrowse().then((ui) => ui.runWatch(request.post, ctx, request.flags.width !== undefined)).then((code) => ({ stdout: '', code: code === 0 ? 0 : 1 }));
      return runShow(request.post, request.flags, ctx);
    case 'browse':
      return loadBrowse().then((ui) => ui.runBrowse(request.post, ctx)).then((code) => ({ stdout: '', code: code === 0 ? 0 : 1 }));
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
      return runTrack(request.which, request.post, ctx, request.flags.all === true);
    case 'list':
      return runList(request.folder, ctx);
    case 'speakers':
      return runSpeakers(request.post, request.flags, ctx);
    case 'search':
      return runSearch(request.words, ctx);
  }
}

/**
 * commander's message quotes the arguments as typed: a line feed in one
 * shows as "⏎". Only its own "(Did you mean …?)" line, last, is a line.
 */
function oneLineArgs(text: string): string {
  const hint = /\n(\(Did you mean [\w -]+\?\))$/.exec(text);
  const head = hint ? text.slice(0, hint.index) : text;
  return showName(head) + (hint ? `\n${hint[1]}` : '');
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

/**
 * `postview trakcs aws` reaches show with two arguments, which commander
 * calls too many for 'show': when the first looks like a command, say so.
 */
function explainExtraArguments(text: string, argv: string[]): string {
  // timeline draws a picture; its sessions as data are `tracks --json`.
  if (/^unknown option '--json'/.test(text) && argv.slice(2).includes('timeline')) return `timeline has no --json (its bars are a drawing); \`postview tracks --json\` gives the same sessions as data`;
  if (!/^too many arguments for 'show'/.test(text)) return text;
  const first = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const near = first === undefined ? undefined : COMMANDS.find((name) => editDistance(name, first) <= 2);
  return near ? `unknown command '${first}' (Did you mean \`postview ${near}\`?)` : text;
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

/** Runs one command line and resolves to its exit code; writes nothing but through `io`. */
export async function main(argv: string[], term: Terminal = detectTerminal(), io: Io = TERMINAL_IO): Promise<number> {
  const writeError = (message: string) => io.stderr(formatError(message));
  let request: Request | undefined;
  const lang: Lang = detectLang(findLangFlag(argv.slice(2)), term.env);
  const program = buildProgram(
    (r) => {
      request = r;
    },
    lang,
    (text) => writeError(translateCommander(explainExtraArguments(oneLineArgs(text.replace(/^error: /, '').trimEnd()), argv), lang)),
    detectScreen(term),
    // Help and --version go through io like any output, so a closed pipe
    // (`postview --help | head -1`) ends quietly.
    (text) => void io.stdout(text),
    plainCommand(argv.slice(2)),
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
    const { outcome, pager } = await runRequest(request, term, program, io);
    // A pager that failed (or was killed) decides the exit code, as in git.
    const pagerStatus = outcome.pageable && pager ? await io.paged(outcome.stdout, pager, term) : await io.stdout(outcome.stdout).then(() => 0);
    if (outcome.message) writeError(outcome.message);
    return pagerStatus !== 0 ? pagerStatus : outcome.code;
  } catch (error) {
    if (isUserError(error)) {
      writeError(error.message);
      return error.exitCode;
    }
    if (error instanceof RangeError) {
      writeError(`${showName(postOf(request))}: too deeply nested to read (${error.message}); expected an ordinary Markdown post`);
      return 2;
    }
    throw error;
  }
}

function postOf(request: Request): string {
  return ('post' in request && request.post) || ('folder' in request && request.folder) || 'post';
}

declare const __POSTVIEW_ENTRY__: boolean | undefined;
// The bundle (scripts/build.mjs) runs the command line; tests import main,
// and so does the build's recording of the code cache (scripts/build/warm-cache.cjs).
if (typeof __POSTVIEW_ENTRY__ === 'boolean' && __POSTVIEW_ENTRY__ && !(globalThis as Record<symbol, unknown>)[Symbol.for('postview.warmUp')]) {
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
}
