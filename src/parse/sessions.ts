// Tokens -> sessions, in the order they are written. A session is:
//  - a heading that holds a time ("### 13:00 - 13:40 Title", "#### [세션 1] 14:00~14:40 | Title",
//    "#### 10:30–11:15 · Main Hall · Title"), its speaker from a labelled line under it, else
//    from the first bullet or short line (see session-heading.ts);
//  - under a heading that holds only a time, each "Title - Name" line, or a bold/short title line
//    followed by a speaker line (see session-lines.ts);
//  - a row of a schedule table (see schedule-table.ts);
//  - a line of a list or paragraph that starts with a time, when at least two lines of it do.
// Tables and timed lines count only outside a session heading's own body (up to the next heading),
// so a table under "### 13:00 - 17:00 Afternoon" stays part of that one session.
import type { Token, Tokens } from 'marked';
import type { Session } from '../types.js';
import { headingTitle } from './sections.js';
import { DAY, readSessionHeading } from './session-heading.js';
import { findSpeakerText, makeDraft, timedLineSessions, timeOnlySessions, type SessionDraft } from './session-lines.js';
import { tableSessions } from './schedule-table.js';

export { parseSessionHeading } from './session-heading.js';

export function extractSessions(tokens: readonly Token[]): Session[] {
  const sessions: Session[] = [];
  const days: { level: number; label: string }[] = [];
  const add = (drafts: SessionDraft[]) => {
    const day = days.length > 0 ? days[days.length - 1]!.label : null;
    for (const draft of drafts) sessions.push({ index: sessions.length + 1, day, ...draft });
  };
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.type === 'table') add(tableSessions(token as Tokens.Table));
    else if (token.type === 'list' || token.type === 'paragraph') add(timedLineSessions(token));
    if (token.type !== 'heading') {
      i++;
      continue;
    }
    const { depth } = token as Tokens.Heading;
    while (days.length > 0 && days[days.length - 1]!.level >= depth) days.pop();
    const text = headingTitle(token as Tokens.Heading);
    const heading = readSessionHeading(text);
    if (!heading) {
      const day = DAY.exec(text);
      if (day) days.push({ level: depth, label: day[0].replace(/\s+/g, ' ') });
      i++;
      continue;
    }
    const bodyEnd = nextHeading(tokens, i + 1, 6);
    const section = tokens.slice(i, nextHeading(tokens, i + 1, depth));
    if (heading.timeOnly) add(timeOnlySessions(heading, section));
    else add([makeDraft(heading, heading.title, findSpeakerText(tokens.slice(i + 1, bodyEnd)), section)]);
    i = bodyEnd;
  }
  return sessions;
}

/** Index of the next heading at `depth` or higher, else the end. */
function nextHeading(tokens: readonly Token[], from: number, depth: number): number {
  for (let j = from; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.type === 'heading' && (t as Tokens.Heading).depth <= depth) return j;
  }
  return tokens.length;
}
