// `postview [post]` / `show`: the whole post, or with filters the matching sessions in full.
import { messages } from '../i18n.js';
import { buildSessionTest, isFiltering } from '../query/filter.js';
import { postToJson, renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderPost, renderPostHeader } from '../render/post.js';
import { bodyOptions, describeFilter, loadOnePost, parseFilterOptions, type Context, type FilterOptions, type Outcome } from './context.js';

export async function runShow(arg: string | undefined, options: FilterOptions, ctx: Context): Promise<Outcome> {
  const filter = parseFilterOptions(options, ctx.lang);
  const post = await loadOnePost(arg, ctx);
  if (!isFiltering(filter)) {
    if (ctx.json) return { stdout: renderJson(postToJson(post)), code: 0 };
    return { stdout: renderPost(post, bodyOptions(post.tokens, ctx)), code: 0, pageable: true };
  }
  const sessions = post.sessions.filter(buildSessionTest(filter));
  const message = sessions.length === 0 ? messages(ctx.lang).noSessionMatches(post.path, describeFilter(options)) : undefined;
  const code = sessions.length === 0 ? 1 : 0;
  if (ctx.json) return { stdout: renderJson(postToJson(post, sessions)), code, message };
  const render = bodyOptions(sessions.flatMap((s) => s.tokens), ctx);
  const body = sessions.map((s) => renderMarkdown(s.tokens, render)).join('\n');
  return { stdout: sessions.length > 0 ? renderPostHeader(post, ctx.render) + body : '', code, message, pageable: true };
}
