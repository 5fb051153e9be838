// `tracks`: the sessions as a table; `track <which>`: one session in full.
import { UsageError } from '../errors.js';
import { buildSessionTest } from '../query/filter.js';
import { selectSessions } from '../query/select.js';
import { renderJson, sessionToJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { formatTimeSpan, renderSessionTable, type TableRow } from '../render/table.js';
import { showControls } from '../sanitize.js';
import { describeFilter, loadOnePost, loadPosts, parseFilterOptions, type Context, type FilterOptions, type Outcome } from './context.js';

export async function runTracks(arg: string | undefined, options: FilterOptions, ctx: Context): Promise<Outcome> {
  const test = buildSessionTest(parseFilterOptions(options));
  const { posts, folder } = await loadPosts(arg, ctx);
  const rows: TableRow[] = [];
  for (const post of posts) {
    for (const session of post.sessions) if (test(session)) rows.push(folder ? { session, post: post.path } : { session });
  }
  const where = folder ? arg ?? ctx.dir : posts[0]?.path ?? '';
  const filtered = describeFilter(options);
  const message = rows.length > 0 ? undefined : filtered ? `${where}: no session matches ${filtered}` : `${where}: no sessions (no heading with a time range such as "### 13:00 - 13:40 Title")`;
  const code = rows.length > 0 ? 0 : 1;
  if (ctx.json) return { stdout: renderJson(rows.map((r) => sessionToJson(r.session, r.post))), code, message };
  return { stdout: rows.length > 0 ? renderSessionTable(rows, ctx.render) : '', code, message, pageable: true };
}

export async function runTrack(which: string, arg: string | undefined, ctx: Context): Promise<Outcome> {
  const post = await loadOnePost(arg, ctx);
  const found = selectSessions(post.sessions, which);
  if (found.length === 0) {
    const message = `${post.path}: no session matches '${which}' (expected a number from 1 to ${post.sessions.length}, a start time like 13:50, or words of a title)`;
    return { stdout: ctx.json ? renderJson(null) : '', code: 1, message: post.sessions.length === 0 ? `${post.path}: no sessions` : message };
  }
  if (found.length > 1) {
    const list = found.map((s) => `  ${s.index}  ${formatTimeSpan(s)}  ${s.title}`).join('\n');
    throw new UsageError(`${post.path}: ${found.length} sessions match '${showControls(which)}'; name one by number:\n${list}`);
  }
  const session = found[0]!;
  if (ctx.json) return { stdout: renderJson(sessionToJson(session)), code: 0 };
  return { stdout: renderMarkdown(session.tokens, ctx.render), code: 0, pageable: true };
}
