// The posts folder: where it is, what is in it, and which post a word names.
// Synchronous on purpose: a CLI reads one folder, and node:fs/promises costs
// ~1 ms of start-up to load.
import { closeSync, existsSync, fstatSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { parseFrontMatter } from './front-matter.js';
import { extractDate, extractTitle } from '../parse/post.js';
import { scanFirstH1 } from '../parse/outline.js';
import { normalizeForMatch } from '../parse/text.js';
import { decodePost, fileError, fsPath, openPostFile, rememberRawPath } from './read-post.js';
import { showName } from '../sanitize.js';

/** The file names read as posts, as messages name them. */
export const POST_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd', '.txt'] as const;
const POST_FILE = /\.(md|markdown|mdown|mkd|txt)$/i;

/** "a: no posts (expected .md, .markdown, … or .txt files)": the same for every command. */
export function noPostsError(dir: string): InputError {
  return new InputError(`${showName(dir)}: no posts in this folder (expected ${POST_EXTENSIONS.slice(0, -1).join(', ')} or ${POST_EXTENSIONS.at(-1)} files)`);
}
/** Enough for any front matter; the body is not needed to find or list a post. */
const HEAD_BYTES = 16 * 1024;

export interface PostsDir {
  dir: string;
  /** More folders whose posts count as the posts folder's (a Jekyll site's _drafts with --drafts). */
  extra: string[];
  /** The posts shipped with postview, for want of any other. */
  sample: boolean;
}

/**
 * --dir, else $POSTVIEW_DIR, else ./posts when it exists, else the posts of
 * the blog `cwd` is in (detectSitePosts), else the posts shipped with postview.
 */
export function resolvePostsDir(option: string | undefined, env: NodeJS.ProcessEnv, cwd: string, shipped: string, drafts = false): PostsDir {
  if (option) return { dir: option, extra: [], sample: false };
  if (env.POSTVIEW_DIR) return { dir: env.POSTVIEW_DIR, extra: [], sample: false };
  if (isFolder(join(cwd, 'posts'))) return { dir: 'posts', extra: [], sample: false };
  return detectSitePosts(cwd, drafts) ?? { dir: shipped, extra: [], sample: true };
}

const HUGO_CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

/**
 * The posts folder of the Jekyll or Hugo site that `cwd` is in, at its root
 * or in any folder below it: a Jekyll site's `_posts` (and `_drafts` with
 * `drafts`); a Hugo site's (a `content` folder beside a Hugo config)
 * `content/posts`, else `content/blog`, else `content`. Null when none.
 */
export function detectSitePosts(cwd: string, drafts = false): PostsDir | null {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const jekyll = join(dir, '_posts');
    if (isFolder(jekyll)) {
      const draftsDir = join(dir, '_drafts');
      return { dir: jekyll, extra: drafts && isFolder(draftsDir) ? [draftsDir] : [], sample: false };
    }
    const content = join(dir, 'content');
    if (isFolder(content) && HUGO_CONFIGS.some((name) => existsSync(join(dir, name)))) {
      const posts = ['posts', 'blog'].map((name) => join(content, name)).find(isFolder) ?? content;
      return { dir: posts, extra: [], sample: false };
    }
    if (dirname(dir) === dir) return null;
  }
}

/** True when something (a file, a folder) is at `path`. */
export function pathExists(path: string): boolean {
  return existsSync(path);
}

export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Folders that hold no posts of a site: tools, builds, version control. Dot folders are skipped too. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '_site', 'public', 'vendor']);
/** Hugo's list pages of a section, not posts. */
const LIST_PAGE = /^_index\./;
/** Deeper than any site's content; keeps a looping or hostile tree finite. */
const MAX_DEPTH = 16;

/**
 * The post files of a folder and its subfolders (Hugo page bundles:
 * content/posts/x/index.md), sorted by path; `extra` folders' posts too.
 * Skips dot folders and SKIPPED_FOLDERS, and follows no folder link.
 */
export function listPostFiles(dir: string, extra: readonly string[] = []): string[] {
  const files: string[] = [];
  walk(dir, 0, files, true);
  for (const more of extra) walk(more, 0, files, false);
  return files.sort();
}

function walk(dir: string, depth: number, files: string[], mustRead: boolean): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (mustRead) throw fileError(dir, error);
    return; // a subfolder that cannot be read holds no posts we can show
  }
  // join(dir, name) for a plain file name is this prefix plus the name
  // ("posts/", "" for ".", "/" for "/"), without normalising each path anew.
  const prefix = join(dir, 'x').slice(0, -1);
  let lossy = false;
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(e.name) && depth < MAX_DEPTH) walk(prefix + e.name, depth + 1, files, false);
      continue;
    }
    if (!POST_FILE.test(e.name) || LIST_PAGE.test(e.name)) continue;
    if (e.name.includes('\ufffd')) lossy = true;
    // A link counts when it leads to a file: one to a pipe or a device
    // (/dev/zero) would hang the whole folder, a dangling one is skipped.
    if (e.isFile() || (e.isSymbolicLink() && isRegularFile(prefix + e.name))) files.push(prefix + e.name);
  }
  if (lossy) rememberRawNames(dir, prefix);
}

/**
 * A file name that is not valid UTF-8 reads as text with "�" in it, a name
 * no file has: its bytes are kept (read-post.ts rememberRawPath), so the
 * post is shown under that name and still read.
 */
function rememberRawNames(dir: string, prefix: string): void {
  try {
    for (const raw of readdirSync(dir, { encoding: 'buffer' })) {
      const shown = raw.toString('utf8');
      if (!Buffer.from(shown).equals(raw)) rememberRawPath(prefix + shown, Buffer.concat([Buffer.from(prefix), raw]));
    }
  } catch {
    // the names stay as they read
  }
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(fsPath(path)).isFile();
  } catch {
    return false;
  }
}

export interface PostHead {
  path: string;
  title: string;
  date: string | null;
}

/** Front matter only, from the first bytes of the file. Errors are thrown as InputError. */
export function readPostHead(path: string): PostHead {
  let fd: number | undefined;
  try {
    // Non-blocking, and only a regular file: a post swapped for a pipe cannot hang the run.
    fd = openPostFile(path);
    if (!fstatSync(fd).isFile()) throw new InputError(`${showName(path)}: not a regular file; expected a post file`);
    const buffer = Buffer.alloc(HEAD_BYTES);
    const bytesRead = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    const text = decodePost(buffer.subarray(0, bytesRead), path);
    const closed = /^(---|\+\+\+)[^\n]*\n[\s\S]*?\n\1[ \t]*(\n|$)/.exec(text);
    const { frontMatter } = parseFrontMatter(closed ? closed[0] : '', path);
    const title = extractTitle(frontMatter, scanFirstH1(closed ? text.slice(closed[0].length) : text), path);
    return { path, title, date: extractDate(frontMatter, path) };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fileError(path, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}


/** Newest by date (front matter, else file name); undated posts come last, then by name. */
export function pickNewest(heads: readonly PostHead[]): PostHead | undefined {
  return [...heads].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.path.localeCompare(a.path))[0];
}

/** Posts whose file name or title holds every word of `query`. */
export function matchPosts(heads: readonly PostHead[], query: string): PostHead[] {
  const words = normalizeForMatch(query).split(' ').filter(Boolean);
  return heads.filter((head) => {
    const haystack = normalizeForMatch(`${basename(head.path)} ${head.title}`);
    return words.every((word) => haystack.includes(word));
  });
}

/** Reads the heads of a folder's posts; a broken post is reported through `warn` and skipped. */
export function readPostHeads(dir: string, warn: (message: string) => void, extra: readonly string[] = []): PostHead[] {
  const heads: PostHead[] = [];
  for (const path of listPostFiles(dir, extra)) {
    try {
      heads.push(readPostHead(path));
    } catch (error) {
      warn(error instanceof Error ? error.message : String(error));
    }
  }
  return heads;
}

export type PostSource = { kind: 'file'; path: string } | { kind: 'folder'; path: string };

/**
 * What a post argument names: "-" (stdin), a file or folder that exists, or
 * words of a post's file name or title in the posts folder. No argument:
 * the newest post there.
 */
export function resolvePostSource(arg: string | undefined, dir: string, warn: (message: string) => void, extra: readonly string[] = []): PostSource {
  if (arg === '-') return { kind: 'file', path: '-' };
  if (arg !== undefined && arg !== '') {
    try {
      const info = statSync(arg);
      return { kind: info.isDirectory() ? 'folder' : 'file', path: arg };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw fileError(arg, error);
    }
  }
  if (!isFolder(dir)) {
    throw new InputError(arg ? `${showName(arg)}: no such file, and the posts folder ${showName(dir)} does not exist` : `${showName(dir)}: posts folder does not exist (expected a folder of .md posts; set --dir or POSTVIEW_DIR)`);
  }
  const heads = readPostHeads(dir, warn, extra);
  if (arg === undefined || arg === '') {
    const newest = pickNewest(heads);
    if (!newest) throw noPostsError(dir);
    return { kind: 'file', path: newest.path };
  }
  const found = matchPosts(heads, arg);
  if (found.length === 1) return { kind: 'file', path: found[0]!.path };
  if (found.length === 0) throw new InputError(`${showName(arg)}: no such file, and no post in ${showName(dir)} has it in its name or title`);
  const names = found.slice(0, 10).map((h) => `  ${showName(h.path)}  ${showName(h.title)}`).join('\n');
  throw new UsageError(`${showName(arg)}: ${found.length} posts in ${showName(dir)} match; name one of them:\n${names}`);
}
