// `postview browse [DIR|POST]`: the loop that joins the pure model (update,
// view) to the terminal (terminal.ts) and the disk (read.ts). This file and
// what it imports are built into their own bundle (dist/browse.cjs), loaded
// only by `browse` and `show --watch`, so other commands start as fast as before.
import { spawnSync } from 'node:child_process';
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { bodyOptions, loadPost, type Context } from '../commands/context.js';
import { UsageError } from '../errors.js';
import { resolvePostSource } from '../load/posts-dir.js';
import { hasLanguageCode, type Highlighter } from '../render/highlight.js';
import type { Post } from '../types.js';
import { currentScreen, emptyList, initialModel, type ListItem, type Model, type Screen, type SessionRow } from './model.js';
import { browseWords } from './words.js';
import { readFolderSessions, readList, readSpeakers, type Reader } from './read.js';
import { FullScreen } from './terminal.js';
import { postPage, update, type Effect, type Msg } from './update.js';
import { view } from './view.js';

export { runWatch } from './watch.js';

/** How often a watched file is looked at (stat only). */
const WATCH_MS = 200;

export async function runBrowse(arg: string | undefined, ctx: Context): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    const which = !process.stdout.isTTY ? 'output' : 'input';
    throw new UsageError(`browse: the ${which} is not a terminal (expected to run in one; to print a post use \`postview show\`, to list posts \`postview list\`)`);
  }
  if (arg === '-') throw new UsageError('browse: reads keys from the terminal, so it cannot read a post from stdin (expected a post file or a folder)');
  const source = arg === undefined ? { kind: 'folder' as const, path: ctx.dir } : resolvePostSource(arg, ctx.dir, ctx.warn);
  // Warnings while the screen is ours would tear it: they are said after.
  const warnings: string[] = [];
  const reader: Reader = { warn: (message) => warnings.push(message), cacheDir: ctx.cacheDir ?? null, now: () => ctx.clock().getTime() };
  const highlighter = new HighlightOnce(ctx);
  let first: Screen;
  if (source.kind === 'file') {
    // Drawn first without syntax colours, which take longer to load than the rest.
    first = postPage(await loadPost(source.path), ctx.render);
  } else {
    first = emptyList(source.path);
  }
  const session = new BrowseSession(ctx, reader, warnings, highlighter, first);
  const code = await session.run();
  for (const message of new Set(warnings)) ctx.warn(message);
  return code;
}

/** Syntax colours are loaded (~0.3 s) the first time a post with a named code block is shown in colour. */
class HighlightOnce {
  private loaded: Highlighter | undefined;
  constructor(private readonly ctx: Context) {}
  for(post: Post): Highlighter | undefined {
    if (this.loaded || this.ctx.render.colorLevel === 0 || !hasLanguageCode(post.tokens)) return this.loaded;
    this.loaded = bodyOptions(post.tokens, this.ctx).highlight;
    return this.loaded;
  }
}

class BrowseSession {
  private model: Model;
  private readonly screen: FullScreen;
  private readonly watched = new Map<string, (now: Stats, before: Stats) => void>();
  private finish: (code: number) => void = () => undefined;
  private abort: (error: unknown) => void = () => undefined;
  /** Quit or failed: what is still being read is dropped. */
  private over = false;
  private speakersRead = false;
  /** Folders whose sessions are being read. */
  private readonly reading = new Set<string>();

  constructor(
    private readonly ctx: Context,
    private readonly reader: Reader,
    private readonly warnings: readonly string[],
    private readonly highlighter: HighlightOnce,
    first: Screen,
  ) {
    this.screen = new FullScreen({
      onKeys: (keys) => {
        const now = this.ctx.clock();
        for (const key of keys) this.dispatch({ type: 'key', key, now });
      },
      onResize: (size) => this.dispatch({ type: 'resize', ...size }),
    });
    const { width, height } = this.screen.size();
    this.model = initialModel({ width, height, lang: ctx.lang, render: ctx.render, screen: first });
  }

  run(): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.finish = (code) => {
        this.over = true;
        this.stopWatching();
        this.screen.stop();
        resolve(code);
      };
      this.abort = (error) => {
        this.over = true;
        this.stopWatching();
        this.screen.stop();
        reject(error);
      };
      try {
        this.screen.start();
        this.draw();
        const top = currentScreen(this.model);
        if (top.kind === 'list') this.loadList(top.dir);
        if (top.kind === 'page' && top.post) this.lightUp(top.post);
        this.syncWatches();
      } catch (error) {
        this.abort(error);
      }
    });
  }

  private dispatch(msg: Msg): void {
    if (this.over) return;
    try {
      const step = update(this.model, msg);
      this.model = step.model;
      if (this.model.quit) {
        this.finish(0);
        return;
      }
      for (const effect of step.effects) this.perform(effect);
      this.syncWatches();
      this.draw();
    } catch (error) {
      // The terminal first, then the error reaches main.ts as any other would.
      this.abort(error);
    }
  }

  /** Syntax colours for a post that wants them, loaded after the frame that shows it (~0.3 s once). */
  private lightUp(post: Post): void {
    if (this.model.render.highlight) return;
    setImmediate(() => {
      const highlight = this.highlighter.for(post);
      if (highlight && !this.model.render.highlight) this.dispatch({ type: 'highlight', highlight });
    });
  }

  private draw(): void {
    this.screen.draw(view(this.model));
  }

  private fail(error: unknown): void {
    this.dispatch({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }

  private perform(effect: Effect): void {
    switch (effect.type) {
      case 'open':
        loadPost(effect.path).then(
          (post) => {
            this.dispatch({ type: 'opened', post });
            this.lightUp(post);
          },
          (error) => this.fail(error),
        );
        return;
      case 'edit':
        this.edit(effect.path);
        return;
      case 'sessions': {
        if (this.reading.has(effect.source)) return;
        this.reading.add(effect.source);
        let first = true;
        const send = (rows: SessionRow[], complete: boolean) => {
          this.dispatch({ type: 'sessions', source: effect.source, rows, complete, first });
          first = false;
          if (complete) this.reading.delete(effect.source);
        };
        readFolderSessions(effect.source, this.reader, send).catch((error) => this.fail(error));
        return;
      }
      case 'speakers': {
        if (this.speakersRead) return;
        this.speakersRead = true;
        const list = this.model.stack.find((s) => s.kind === 'list');
        if (list?.kind === 'list') readSpeakers(list.items.map((i) => i.path), this.reader, (found) => this.dispatch({ type: 'speakers', found })).catch((error) => this.fail(error));
        return;
      }
    }
  }

  private loadList(dir: string): void {
    // New items: their speakers are read again when the filter next opens.
    this.speakersRead = false;
    const before = this.warnings.length;
    const send = (items: ListItem[], complete: boolean) => {
      this.dispatch({ type: 'posts', items, complete });
      const broken = this.warnings.length - before;
      if (complete && broken > 0) this.dispatch({ type: 'error', message: browseWords(this.ctx.lang).unreadable(broken) });
    };
    readList(dir, this.model.height, this.reader, send).catch((error) => this.fail(error));
  }

  /** $VISUAL, else $EDITOR, else vi, run through the shell (so "code -w" works) on the real screen. */
  private edit(path: string): void {
    const editor = process.env.VISUAL || process.env.EDITOR || 'vi';
    this.screen.suspend();
    const result = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'sh', path], { stdio: 'inherit' });
    this.screen.resume();
    this.dispatch({ type: 'resize', ...this.screen.size() });
    if (result.error) this.fail(new Error(`${editor}: ${result.error.message}`));
    else this.reloadFile(path);
  }

  private reloadFile(path: string): void {
    const top = currentScreen(this.model);
    if (top.kind === 'list') {
      this.loadList(top.dir);
      return;
    }
    loadPost(path).then(
      (post) => {
        this.dispatch({ type: 'reloaded', path, post });
        this.lightUp(post);
      },
      () => this.dispatch({ type: 'reloaded', path, post: null }),
    );
  }

  /** Watches the file of every post page open, and only those. */
  private syncWatches(): void {
    const wanted = new Set(this.model.stack.flatMap((s) => (s.kind === 'page' && s.post && s.path !== '-' ? [s.path] : [])));
    for (const [path, listener] of this.watched) {
      if (!wanted.has(path)) {
        unwatchFile(path, listener);
        this.watched.delete(path);
      }
    }
    for (const path of wanted) {
      if (this.watched.has(path)) continue;
      const listener = (now: Stats, before: Stats) => {
        if (now.mtimeMs !== before.mtimeMs || now.size !== before.size || now.ino !== before.ino) this.reloadFile(path);
      };
      watchFile(path, { interval: WATCH_MS, persistent: false }, listener);
      this.watched.set(path, listener);
    }
  }

  private stopWatching(): void {
    for (const [path, listener] of this.watched) unwatchFile(path, listener);
    this.watched.clear();
  }
}
