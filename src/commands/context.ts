// What every command receives: where posts are, how to render, how to warn.
// Built once in main.ts; commands never look at process or the terminal.
import { InputError, UsageError } from '../errors.js';
import { listPostFiles, resolvePostSource, type PostSource } from '../load/posts-dir.js';
import { BUILD_ID } from '../build-info.js';
import { MIN_POSTS_TO_CACHE, SummaryCache } from '../load/summary-cache.js';
import { readPost } from '../load/read-post.js';
import { parsePost } from '../parse/post.js';
import { parseClockTime, CLOCK_FORMS } from '../parse/time.js';
import { messages, type Lang } from '../i18n.js';
import type { SessionFilter } from '../query/filter.js';
import type { Token } from 'marked';
import { hasLanguageCode, loadHighlighter } from '../render/highlight.js';
import type { Post, RenderOptions } from '../types.js';

export interface Context {
  /** The posts folder, resolved (--dir, $POSTVIEW_DIR, ./posts, the blog we are in, shipped). */
  dir: string;
  /** More folders whose posts count as the posts folder's (_drafts with --drafts). */
  extraDirs?: string[];
  /** Called when the posts folder is used and it is postview's own samples (main.ts says so once). */
  usingSamples?: () => void;
  render: RenderOptions;
  json: boolean;
  /** One line on stderr; used for a broken post that does not stop the others. */
  warn: (message: string) => void;
  lang: Lang;
  /** The current time (for `now` and calendar stamps). */
  clock: () => Date;
  /** Where `list` may keep summaries of big folders (see load/summary-cache.ts); none when absent. */
  cacheDir?: string | null;
}

/** What a command hands back to main.ts to write. */
export interface Outcome {
  stdout: string;
  /** 0 done, 1 nothing matched. */
  code: 0 | 1;
  /** Said on stderr (e.g. why nothing matched). */
  message?: string;
  /** Output that is a reading (may be paged), not data. */
  pageable?: boolean;
}

/** Render options for these tokens: with syntax colours when colour is on and some code names its language. */
export function bodyOptions(tokens: readonly Token[], ctx: Context): RenderOptions {
  const level = ctx.render.colorLevel;
  if (level === 0 || !hasLanguageCode(tokens)) return ctx.render;
  return { ...ctx.render, highlight: loadHighlighter(level) };
}

export async function loadPost(path: string): Promise<Post> {
  const { text } = await readPost(path);
  return parsePost(text, path);
}

/** What a post argument names (see resolvePostSource), in the posts folder when it names no file. */
export function resolveSource(arg: string | undefined, ctx: Context): PostSource {
  const source = resolvePostSource(arg, ctx.dir, ctx.warn, ctx.extraDirs);
  if (source.path !== arg) ctx.usingSamples?.();
  return source;
}

/** One post: a file, stdin, words of a post's name, or the newest post of a folder. */
export async function loadOnePost(arg: string | undefined, ctx: Context): Promise<Post> {
  const source = resolveSource(arg, ctx);
  if (source.kind === 'file') return loadPost(source.path);
  const inFolder = resolvePostSource(undefined, source.path, ctx.warn);
  return loadPost(inFolder.path);
}

/** Every post a source names: one file, or each post of a folder (broken ones warned about and skipped), parsed in full. */
export async function loadPosts(arg: string | undefined, ctx: Context): Promise<{ posts: Post[]; folder: boolean }> {
  const source = resolvePostSource(arg, ctx.dir, ctx.warn, ctx.extraDirs);
  if (source.kind === 'file') return { posts: [await loadPost(source.path)], folder: false };
  const posts: Post[] = [];
  for (const path of listPostFiles(source.path)) {
    try {
      posts.push(await loadPost(path));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      ctx.warn(error.message);
    }
  }
  return { posts, folder: true };
}

/** The summary cache of a folder of `count` posts, when it is big enough to keep one and caching is on. */
export function openFolderCache(dir: string, count: number, ctx: Context): SummaryCache | null {
  if (!ctx.cacheDir || BUILD_ID === null || count < MIN_POSTS_TO_CACHE) return null;
  return SummaryCache.open(ctx.cacheDir, dir, BUILD_ID, ctx.clock().getTime());
}

export interface FilterOptions {
  speaker?: string[];
  title?: string;
  at?: string;
  from?: string;
  to?: string;
  /** Breaks too, not only talks. */
  all?: boolean;
}

function parseTimeOption(name: string, value: string | undefined, lang: Lang): number | null {
  if (value === undefined) return null;
  const minutes = parseClockTime(value);
  if (minutes === null) throw new UsageError(messages(lang).badTime(name, value, CLOCK_FORMS));
  return minutes;
}

export function parseFilterOptions(options: FilterOptions, lang: Lang = 'en'): SessionFilter {
  const from = parseTimeOption('from', options.from, lang);
  const to = parseTimeOption('to', options.to, lang);
  if (from !== null && to !== null && from > to) throw new UsageError(messages(lang).reversedWindow(options.from!, options.to!));
  return {
    speakers: options.speaker ?? [],
    title: options.title ?? null,
    at: parseTimeOption('at', options.at, lang),
    from,
    to,
    breaks: options.all === true,
  };
}

/** "--speaker 박선용 --at 14:00" for messages about what matched nothing. */
export function describeFilter(options: FilterOptions): string {
  const parts: string[] = [];
  for (const s of options.speaker ?? []) parts.push(`--speaker '${s}'`);
  if (options.title !== undefined) parts.push(`--title '${options.title}'`);
  if (options.at !== undefined) parts.push(`--at ${options.at}`);
  if (options.from !== undefined) parts.push(`--from ${options.from}`);
  if (options.to !== undefined) parts.push(`--to ${options.to}`);
  return parts.join(' ');
}
