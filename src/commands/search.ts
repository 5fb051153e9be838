// `search WORDS [post|DIR]`: the posts and sections whose text holds every word.
import { isFolder, listPostFiles, pathExists } from '../load/posts-dir.js';
import { readFolderTexts } from '../load/folder-sessions.js';
import { shortPostName } from '../parse/post.js';
import { foldText, mayMentionAll } from '../query/mentions.js';
import { searchPost, searchPostText, searchWords, type SearchHit } from '../query/search.js';
import { renderJson } from '../render/json.js';
import { excerpt, renderSearchHits } from '../render/search.js';
import { UsageError } from '../errors.js';
import { loadPost, resolveSource, type Context, type Outcome } from './context.js';

/** Columns of an excerpt in JSON. */
const JSON_EXCERPT = 100;

/**
 * `query` is what followed `search`: its last item names where to look when
 * it is an existing file or folder (else every word is searched for, in the
 * posts folder).
 */
export async function runSearch(query: readonly string[], ctx: Context): Promise<Outcome> {
  const last = query[query.length - 1];
  const target = query.length > 1 && last !== undefined && pathExists(last) ? last : undefined;
  const words = searchWords(target === undefined ? query : query.slice(0, -1));
  if (words.length === 0) throw new UsageError('search: no words to look for (expected one or more words, then maybe a post or folder)');
  const hits: SearchHit[] = [];
  let where: string;
  if (target !== undefined && !isFolder(target)) {
    const source = resolveSource(target, ctx);
    const post = await loadPost(source.path);
    hits.push(...searchPost(post, words));
    where = post.path;
  } else {
    where = target ?? ctx.dir;
    if (target === undefined) ctx.usingSamples?.();
    const paths = listPostFiles(where, target === undefined ? ctx.extraDirs : []);
    // A post whose text cannot hold every word is not parsed, nor a section of it (see query/mentions.ts).
    const needles = words.map(foldText);
    readFolderTexts(paths, ctx.warn, (path, text) => {
      if (mayMentionAll(text, needles)) hits.push(...searchPostText(text, path, words, needles));
    });
  }
  if (ctx.json) {
    return {
      stdout: renderJson(hits.map((h) => ({ post: h.post.path, name: shortPostName(h.post.path), title: h.post.title, date: h.post.date, section: h.section, excerpt: excerpt(h.text, words, JSON_EXCERPT) }))),
      code: hits.length > 0 ? 0 : 1,
    };
  }
  if (hits.length === 0) return { stdout: '', code: 1, message: `${where}: nothing holds every word of '${words.join(' ')}'` };
  return { stdout: renderSearchHits(hits, words, ctx.render), code: 0, pageable: true };
}


