// `list [folder]`: the posts of a folder, newest first. A broken post is a
// warning on stderr; the others are still listed.
import { Chalk } from 'chalk';
import { InputError } from '../errors.js';
import { listPostFiles, isFolder } from '../load/posts-dir.js';
import { readPostFileSync } from '../load/read-post.js';
import { parseFrontMatter } from '../load/front-matter.js';
import { countSessions, scanFirstH1 } from '../parse/outline.js';
import { extractCategory, extractDate, extractTitle } from '../parse/post.js';
import { renderJson, type PostSummaryJson } from '../render/json.js';
import { displayWidth, truncate } from '../render/wrap.js';
import { showControls } from '../sanitize.js';
import type { RenderOptions } from '../types.js';
import { messages, words } from '../i18n.js';
import type { Context, Outcome } from './context.js';

export function readPostSummary(path: string): PostSummaryJson {
  const { text } = readPostFileSync(path);
  const { frontMatter, content } = parseFrontMatter(text, path);
  const title = extractTitle(frontMatter, scanFirstH1(content), path);
  return { path, title, date: extractDate(frontMatter, path), category: extractCategory(frontMatter), sessions: countSessions(content) };
}

export async function runList(folder: string | undefined, ctx: Context): Promise<Outcome> {
  const dir = folder ?? ctx.dir;
  if (!(await isFolder(dir))) throw notAFolder(dir);
  const summaries: PostSummaryJson[] = [];
  for (const path of await listPostFiles(dir)) {
    try {
      summaries.push(readPostSummary(path));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      ctx.warn(error.message);
    }
  }
  summaries.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.path.localeCompare(b.path));
  if (ctx.json) return { stdout: renderJson(summaries), code: 0 };
  if (summaries.length === 0) return { stdout: '', code: 1, message: messages(ctx.lang).noPosts(dir) };
  return { stdout: renderPostList(summaries, ctx.render), code: 0, pageable: true };
}

function notAFolder(dir: string): InputError {
  return new InputError(`${dir}: not a folder (expected a folder of posts; to read one post use \`postview show ${dir}\`)`);
}

export function renderPostList(posts: readonly PostSummaryJson[], options: RenderOptions): string {
  const chalk = new Chalk({ level: options.colorLevel });
  const dateWidth = 10;
  const categoryWidth = Math.min(16, Math.max(8, ...posts.map((p) => displayWidth(showControls(p.category ?? '')))));
  const countWidth = 8;
  const titleWidth = Math.max(10, options.width - dateWidth - categoryWidth - countWidth - 6);
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
  const names = words(options.lang ?? 'en').columns;
  const header = chalk.bold([pad(names.date, dateWidth), pad(names.title, titleWidth), pad(names.category, categoryWidth), names.sessions.padStart(countWidth)].join('  '));
  const rows = posts.map((p) =>
    [
      chalk.cyan(pad(p.date ?? '', dateWidth)),
      pad(truncate(showControls(p.title), titleWidth), titleWidth),
      chalk.dim(pad(truncate(showControls(p.category ?? ''), categoryWidth), categoryWidth)),
      String(p.sessions).padStart(countWidth),
    ].join('  ').trimEnd(),
  );
  return [header, ...rows].join('\n') + '\n';
}
