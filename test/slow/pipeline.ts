// Every command's work on one post, in process: what `show`, `tracks`,
// `sections`, `timeline`, `list`, `--json` and `--ics` do with its text,
// from the decoded text to the rendered string (no file, no process).
import { summarizePostBytes, summarizePostText } from '../../src/load/summary.js';
import { parsePost } from '../../src/parse/post.js';
import { renderIcs } from '../../src/render/ics.js';
import { postToJson, renderJson, sectionToJson, sessionToJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderPostHeader, renderSectionTree } from '../../src/render/post.js';
import { renderPostList } from '../../src/render/post-list.js';
import { renderSessionTable } from '../../src/render/table.js';
import { renderTimeline } from '../../src/render/timeline.js';
import type { RenderOptions } from '../../src/types.js';

export const RENDER: RenderOptions = { width: 80, textWidth: 80, colorLevel: 0, hyperlinks: false };
const NOW = new Date(Date.UTC(2026, 0, 1));

/** Runs every command's pipeline on `text`; returns the total length of the output (so none of it is optimised away). */
export function runEveryCommand(text: string, options: RenderOptions = RENDER): number {
  const path = 'posts/2026-01-01-post.md';
  const post = parsePost(text, path);
  const rows = post.sessions.map((session) => ({ session }));
  const summary = summarizePostBytes(Buffer.from(text, 'utf8'), path);
  const outputs = [
    renderPostHeader(post, options) + renderMarkdown(post.tokens, options), // show
    renderJson(postToJson(post)), // show --json
    renderSectionTree(post.sections, options), // sections
    renderJson(post.sections.map(sectionToJson)), // sections --json
    renderSessionTable(rows, options), // tracks
    renderJson(post.sessions.map((s) => sessionToJson(s))), // tracks --json
    renderIcs(post.sessions.map((session) => ({ session, date: post.date ?? '2026-01-01', post: { path, title: post.title } })), { now: NOW }), // tracks --ics
    renderTimeline(rows, options), // timeline
    renderPostList([summary, summarizePostText(text, path)], options), // list
  ];
  return outputs.reduce((sum, out) => sum + out.length, 0);
}
