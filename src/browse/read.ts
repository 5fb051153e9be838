// What `browse` reads from disk, in steps small enough that keys are still
// answered while a big folder is read: the posts of the first screen first,
// then every post (through list's summary cache), and on demand the speakers
// and sessions of every post.
import { BUILD_ID } from '../build-info.js';
import { loadPost } from '../commands/context.js';
import { InputError } from '../errors.js';
import { listPostFiles } from '../load/posts-dir.js';
import { readPostBytesSync } from '../load/read-post.js';
import { summarizePostBytes } from '../load/summary.js';
import { MIN_POSTS_TO_CACHE, SummaryCache } from '../load/summary-cache.js';
import type { Post } from '../types.js';
import { toListItem, type ListItem, type SessionRow } from './model.js';
import { sessionRows } from './update.js';

/** Milliseconds of reading between two looks at the keyboard. */
const SLICE_MS = 15;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Resolves at once while the current slice lasts, else after keys and redraws have had their turn. */
function pacer(): () => Promise<boolean> {
  let since = Date.now();
  return async () => {
    if (Date.now() - since < SLICE_MS) return false;
    await tick();
    since = Date.now();
    return true;
  };
}

interface Summary {
  path: string;
  title: string;
  date: string | null;
  category: string | null;
  sessions: number;
}

/** Newest first, as `list` orders them. */
function byDate(a: Summary, b: Summary): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || a.path.localeCompare(b.path);
}

export interface Reader {
  warn: (message: string) => void;
  cacheDir: string | null;
  now: () => number;
}

/**
 * The folder's posts, newest first: first the `first` posts whose file names
 * sort last (dated names put the newest there), then all of them.
 */
export async function readList(dir: string, first: number, reader: Reader, send: (items: ListItem[], complete: boolean) => void): Promise<void> {
  const paths = listPostFiles(dir);
  const summarize = (path: string, cache: SummaryCache | null, warn: boolean): Summary | null => {
    try {
      return cache ? cache.summarize(path) : summarizePostBytes(readPostBytesSync(path), path);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      if (warn) reader.warn(error.message);
      return null;
    }
  };
  if (paths.length > first) {
    // A broken post is said once, when every post is read below.
    const head = paths.slice(-first).reverse().map((p) => summarize(p, null, false)).filter((s): s is Summary => s !== null);
    send(head.sort(byDate).map(toListItem), false);
    await tick();
  }
  const cache = reader.cacheDir && BUILD_ID !== null && paths.length >= MIN_POSTS_TO_CACHE ? SummaryCache.open(reader.cacheDir, dir, BUILD_ID, reader.now()) : null;
  const all: Summary[] = [];
  const pause = pacer();
  for (const path of paths) {
    const summary = summarize(path, cache, true);
    if (summary) all.push(summary);
    await pause();
  }
  cache?.save();
  send(all.sort(byDate).map(toListItem), true);
}

/** Reads each post in full, in chunks, handing over what was read so far. */
async function readPosts(paths: readonly string[], reader: Reader, each: (post: Post) => void, flush: (complete: boolean) => void): Promise<void> {
  const pause = pacer();
  let flushed = Date.now();
  for (const path of paths) {
    try {
      each(await loadPost(path));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      reader.warn(error.message);
    }
    // What was read so far goes to the screen a few times a second.
    if ((await pause()) && Date.now() - flushed > 250) {
      flush(false);
      flushed = Date.now();
    }
  }
  flush(true);
}

/** Speaker lines of the listed posts, for the filter. */
export async function readSpeakers(paths: readonly string[], reader: Reader, send: (found: Record<string, string>) => void): Promise<void> {
  let found: Record<string, string> = {};
  await readPosts(
    paths,
    reader,
    (post) => {
      const text = post.sessions.map((s) => [s.speakerText ?? '', ...s.speakers.map((p) => `${p.name} ${p.org ?? ''}`)].join(' ')).join(' ');
      if (text.trim() !== '') found[post.path] = text;
    },
    () => {
      send(found);
      found = {};
    },
  );
}

/** The sessions of every post of a folder. */
export async function readFolderSessions(dir: string, reader: Reader, send: (rows: SessionRow[], complete: boolean) => void): Promise<void> {
  const rows: SessionRow[] = [];
  await readPosts(listPostFiles(dir), reader, (post) => {
    for (const row of sessionRows(post, true)) rows.push(row);
  }, (complete) => send([...rows], complete));
}
