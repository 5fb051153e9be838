// `search WORDS [post|DIR]`: the posts and sections whose text holds every word.
import { isFolder, listPostFiles, pathExists } from '../load/posts-dir.js';
import { readFolderTexts } from '../load/folder-sessions.js';
import { parsePost, shortPostName } from '../parse/post.js';
import { foldText } from '../query/mentions.js';
import { mentionTest } from '../query/word-match.js';
import { indexPost, searchIndex, searchPost, searchPostText, searchWords, type SearchHit } from '../query/search.js';
import { SearchCache, type SearchShard } from '../load/search-cache.js';
import { gramProbe } from '../query/search-grams.js';
import { MIN_POSTS_TO_CACHE } from '../load/summary-cache.js';
import { decodePost, readPostBytesSync } from '../load/read-post.js';
import { BUILD_ID } from '../build-info.js';
import type { Post } from '../types.js';
import { renderJson } from '../render/json.js';
import { excerpt, renderSearchHits, searchHitsDrawer } from '../render/search.js';
import { InputError, UsageError } from '../errors.js';
import { loadPost, resolveSource, type Context, type Outcome } from './context.js';

/**
 * The hits of one post of a cached folder: from its search index, cached or
 * made from the post parsed in full (and then kept). A post that cannot be
 * indexed is searched as without a cache (`searchText`), so it gives the
 * same hits and the same errors.
 */
function searchIndexed(path: string, cache: SearchShard, words: readonly string[], probe: readonly number[], searchText: (path: string, text: string) => SearchHit[]): SearchHit[] {
  let direct: SearchHit[] = [];
  const index = cache.indexOf(path, () => {
    const text = decodePost(readPostBytesSync(path), path);
    let post: Post;
    try {
      post = parsePost(text, path, false);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      direct = searchText(path, text);
      return null;
    }
    const made = indexPost(post);
    if (made === null) direct = searchText(path, text);
    return made;
  }, probe);
  if (index === false) return [];
  if (index === null) return direct;
  const post: Post = { path, title: index.title, date: index.date, category: null, frontMatter: {}, tokens: [], sections: [], sessions: [] };
  return searchIndex(index, post, words);
}

/** A post that could not be searched: what is told about it. */
class Warning {
  constructor(readonly message: string) {}
}

const nothingFound = (where: string, words: readonly string[]): Outcome => ({ stdout: '', code: 1, message: `${where}: nothing holds every word of '${words.join(' ')}'` });

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
    const mayMention = mentionTest(needles);
    const searchText = (path: string, text: string) => (mayMention(text) ? searchPostText(text, path, words, needles) : []);
    // A cached post whose bits lack a piece of a word is passed over unread (see query/search-grams.ts).
    const probe = gramProbe(needles);
    const cache = ctx.cacheDir && BUILD_ID !== null && paths.length >= MIN_POSTS_TO_CACHE ? SearchCache.open(ctx.cacheDir, where, BUILD_ID, ctx.clock().getTime()) : null;
    if (cache === null) readFolderTexts(paths, ctx.warn, (path, text) => hits.push(...searchText(path, text)));
    else {
      // The cache is read a file at a time, each holding some of the posts: what each post gives is kept, then told
      // in order. Without --json each post's hits are drawn at once (see searchHitsDrawer), and only what is drawn is kept.
      const draw = ctx.json ? null : searchHitsDrawer(words, ctx.render);
      const found: (SearchHit[] | string | Warning)[] = new Array(paths.length);
      let count = 0;
      cache.forEachShard(paths, (places, shard) => {
        for (const k of places) {
          try {
            const mine = searchIndexed(paths[k]!, shard, words, probe, searchText);
            count += mine.length;
            found[k] = draw === null ? mine : mine.length > 0 ? draw(mine) : '';
          } catch (error) {
            if (!(error instanceof InputError)) throw error;
            found[k] = new Warning(error.message);
          }
        }
      });
      const drawn: string[] = [];
      for (const result of found) {
        if (result instanceof Warning) ctx.warn(result.message);
        else if (typeof result === 'string') drawn.push(result);
        else hits.push(...result);
      }
      if (draw !== null) {
        if (count === 0) return nothingFound(where, words);
        return { stdout: drawn.join(''), code: 0, pageable: true };
      }
    }
  }
  if (ctx.json) {
    return {
      stdout: renderJson(hits.map((h) => ({ post: h.post.path, name: shortPostName(h.post.path), title: h.post.title, date: h.post.date, section: h.section, excerpt: excerpt(h.text, words, JSON_EXCERPT, h.normal) }))),
      code: hits.length > 0 ? 0 : 1,
    };
  }
  if (hits.length === 0) return nothingFound(where, words);
  return { stdout: renderSearchHits(hits, words, ctx.render), code: 0, pageable: true };
}


