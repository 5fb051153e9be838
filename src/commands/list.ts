// `list [folder]`: the posts of a folder, newest first. A broken post is a
// warning on stderr; the others are still listed.
import { InputError } from '../errors.js';
import { existsSync } from 'node:fs';
import { listPostFiles, isFolder, noPostsError } from '../load/posts-dir.js';
import { readPostBytesSync } from '../load/read-post.js';
import { summarizePostBytes } from '../load/summary.js';
import { renderJson, type PostSummaryJson } from '../render/json.js';
import { renderPostList } from '../render/post-list.js';
import { messages } from '../i18n.js';
import { openFolderCache, type Context, type Outcome } from './context.js';
import { showName } from '../sanitize.js';

export async function runList(folder: string | undefined, ctx: Context): Promise<Outcome> {
  const dir = folder ?? ctx.dir;
  if (!isFolder(dir)) throw existsSync(dir) ? notAFolder(dir) : new InputError(`${showName(dir)}: no such folder (expected a folder of posts)`);
  if (folder === undefined) ctx.usingSamples?.();
  const paths = listPostFiles(dir, folder === undefined ? ctx.extraDirs : []);
  // As for `postview` on the same folder: exit 2, naming what a post file is.
  if (paths.length === 0) throw noPostsError(dir);
  const cache = openFolderCache(dir, paths.length, ctx);
  const summaries: PostSummaryJson[] = [];
  for (const path of paths) {
    try {
      summaries.push(cache ? cache.summarize(path) : summarizePostBytes(readPostBytesSync(path), path));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      ctx.warn(error.message);
    }
  }
  cache?.save();
  summaries.sort(newestFirst);
  if (ctx.json) return { stdout: renderJson(summaries), code: 0 };
  if (summaries.length === 0) return { stdout: '', code: 1, message: messages(ctx.lang).noPosts(dir) };
  return { stdout: renderPostList(summaries, ctx.render), code: 0, pageable: true };
}

function notAFolder(dir: string): InputError {
  return new InputError(`${showName(dir)}: not a folder (expected a folder of posts; to read one post use \`postview show ${showName(dir)}\`)`);
}

/**
 * Newer date first (undated last), then by path. Dates are "YYYY-MM-DD" in
 * ASCII digits (extractDate), whose order is that of their characters: they
 * are compared as such, not by the locale's collation as paths are.
 */
function newestFirst(a: PostSummaryJson, b: PostSummaryJson): number {
  const older = a.date ?? '';
  const newer = b.date ?? '';
  if (older !== newer) return older < newer ? 1 : -1;
  return a.path.localeCompare(b.path);
}
