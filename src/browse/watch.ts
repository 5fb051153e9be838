// `postview show --watch POST`: the post as `show` draws it, drawn again on
// every save, with a line on the sessions found (and warnings for time-like
// headings that were not read) for whoever is writing it. Ctrl-C stops.
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { bodyOptions, loadPost, type Context } from '../commands/context.js';
import { InputError, UsageError } from '../errors.js';
import { resolvePostSource } from '../load/posts-dir.js';
import { READING_WIDTH } from '../env.js';
import { layoutPost } from './page.js';
import { renderWatchSummary } from './summary-line.js';
import { browseWords } from './words.js';
import { reverse } from './view.js';

const WATCH_MS = 200;
/** Home, clear the screen and its scrollback: each drawing starts on a clean screen. */
const CLEAR = '\x1b[H\x1b[2J\x1b[3J';

/** `fixedWidth`: --width was given, so the window's width (and its resizes) do not count. */
export async function runWatch(arg: string | undefined, ctx: Context, fixedWidth = false): Promise<number> {
  if (arg === '-') throw new UsageError('--watch: stdin cannot be watched (expected a post file)');
  const source = resolvePostSource(arg, ctx.dir, ctx.warn);
  if (source.kind !== 'file') throw new InputError(`${source.path}: is a folder (--watch expected a post file; to read a folder use \`postview browse ${source.path}\`)`);
  const path = source.path;
  const tty = Boolean(process.stdout.isTTY);
  const words = browseWords(ctx.lang);

  const draw = async () => {
    const width = tty && !fixedWidth ? Math.max(20, process.stdout.columns || ctx.render.width) : ctx.render.width;
    const render = fixedWidth ? ctx.render : { ...ctx.render, width, textWidth: Math.min(READING_WIDTH, width) };
    let text: string;
    try {
      const post = await loadPost(path);
      const { lines } = layoutPost(post, bodyOptions(post.tokens, { ...ctx, render }));
      const [summary, ...warnings] = renderWatchSummary(post, ctx.lang);
      const status = `${summary}  ·  ${path}  ·  ${words.watchHint}`;
      text = [...lines, '', tty ? reverse(status, width) : status, ...warnings].join('\n') + '\n';
    } catch (error) {
      // A half-written save, a broken front matter: say so and keep watching.
      if (!(error instanceof InputError)) throw error;
      text = `${error.message}\n${words.watchHint}\n`;
    }
    process.stdout.write(tty ? CLEAR + text : text);
  };

  // Watching starts before the first drawing: a save made while it is drawn
  // is then seen as a change, not taken for the state the watcher started from.
  return new Promise<number>((resolve, reject) => {
    let drawing = Promise.resolve();
    const redraw = () => {
      drawing = drawing.then(draw).catch((error: unknown) => {
        stop();
        reject(error);
      });
    };
    const onChange = (now: Stats, before: Stats) => {
      if (now.mtimeMs !== before.mtimeMs || now.size !== before.size || now.ino !== before.ino) redraw();
    };
    const onResize = () => redraw();
    const onSignal = () => {
      stop();
      resolve(0);
    };
    const stop = () => {
      unwatchFile(path, onChange);
      process.stdout.removeListener('resize', onResize);
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    };
    watchFile(path, { interval: WATCH_MS }, onChange);
    if (tty && !fixedWidth) process.stdout.on('resize', onResize);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    redraw();
  });
}
