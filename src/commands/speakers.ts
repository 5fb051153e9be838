// `speakers [post|DIR]`: every speaker with their talks, organisations and years
// (default: every post of the posts folder).
import { groupSpeakers } from '../query/people.js';
import { renderJson, sessionToJson } from '../render/json.js';
import { renderSpeakerTable } from '../render/speakers.js';
import type { Context, FilterOptions, Outcome } from './context.js';
import { collectSessions } from './tracks.js';

export async function runSpeakers(arg: string | undefined, options: Pick<FilterOptions, 'speaker'>, ctx: Context): Promise<Outcome> {
  // Without a post, the whole posts folder: the speakers of the blog, not of its newest post.
  if (arg === undefined) ctx.usingSamples?.();
  const { rows, where } = await collectSessions(arg ?? ctx.dir, { speaker: options.speaker }, ctx);
  const people = groupSpeakers(
    rows.map((r) => ({ session: r.session, post: r.post, postDate: r.from.date })),
    options.speaker ?? [],
  );
  if (ctx.json) {
    return { stdout: renderJson(people.map((p) => ({ name: p.name, orgs: p.orgs, years: p.years, talks: p.talks.map((t) => sessionToJson(t.session, t.post)) }))), code: people.length > 0 ? 0 : 1 };
  }
  if (people.length === 0) {
    const wanted = (options.speaker ?? []).map((s) => `'${s}'`).join(', ');
    return { stdout: '', code: 1, message: wanted ? `${where}: no speaker matches ${wanted}` : `${where}: no speakers (no session names one)` };
  }
  return { stdout: renderSpeakerTable(people, ctx.render), code: 0, pageable: true };
}
