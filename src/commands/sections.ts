// `sections`: the heading tree; `section <title>`: one section with everything under it.
import { UsageError } from '../errors.js';
import { messages } from '../i18n.js';
import { selectSections } from '../query/select.js';
import { renderJson, sectionToJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderSectionTree } from '../render/post.js';
import { bodyOptions, loadOnePost, type Context, type Outcome } from './context.js';

export async function runSections(arg: string | undefined, ctx: Context): Promise<Outcome> {
  const post = await loadOnePost(arg, ctx);
  if (ctx.json) return { stdout: renderJson(post.sections.map(sectionToJson)), code: 0 };
  return { stdout: renderSectionTree(post.sections, ctx.render), code: 0, pageable: true };
}

export async function runSection(title: string, arg: string | undefined, ctx: Context): Promise<Outcome> {
  const post = await loadOnePost(arg, ctx);
  const found = selectSections(post.sections, title);
  if (found.length === 0) {
    return { stdout: ctx.json ? renderJson(null) : '', code: 1, message: messages(ctx.lang).noSection(post.path, title) };
  }
  if (found.length > 1) {
    const list = found.map((s) => `  ${'#'.repeat(s.level)} ${s.title}`).join('\n');
    throw new UsageError(`${messages(ctx.lang).severalSections(post.path, found.length, title)}\n${list}`);
  }
  const section = found[0]!;
  if (ctx.json) {
    return { stdout: renderJson({ ...sectionToJson(section), markdown: section.tokens.map((t) => t.raw).join('') }), code: 0 };
  }
  return { stdout: renderMarkdown(section.tokens, bodyOptions(section.tokens, ctx)), code: 0, pageable: true };
}
