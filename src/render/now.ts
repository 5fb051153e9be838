// `now` as text: a "Now" and a "Next" line with time, title, speaker and a hint.
import { Chalk } from 'chalk';
import { words } from '../i18n.js';
import { toMinutes } from '../parse/time.js';
import { DAY, type NowResult } from '../query/now.js';
import { sessionSpan } from '../query/filter.js';
import { showControls } from '../sanitize.js';
import type { RenderOptions, Session } from '../types.js';
import { formatSpeakers, formatTimeSpan } from './table.js';
import { displayWidth, pad, truncate } from './wrap.js';

/** "25 min", "1 h", "1 h 20 min" (or in Korean: "25분", "1시간 20분"). */
export function formatDuration(minutes: number, lang: RenderOptions['lang'] = 'en'): string {
  return words(lang ?? 'en').duration(minutes);
}

/**
 * Two lines, "Now" and "Next": time, title, speakers and a hint computed from
 * `minutes` ("ends in 25 min", "started 5 min ago", "in 10 min").
 */
export function renderNow(result: NowResult, minutes: number, options: RenderOptions, posts?: { current?: string; next?: string }): string {
  const chalk = new Chalk({ level: options.colorLevel });
  const w = words(options.lang ?? 'en');
  const labelWidth = Math.max(displayWidth(w.now), displayWidth(w.next)) + 2;
  const line = (label: string, session: Session | null, hint: string, none: string, post?: string) => {
    const head = chalk.bold(pad(label, labelWidth));
    if (session === null) return head + chalk.dim(none);
    const time = [session.day ? showControls(session.day) : '', formatTimeSpan(session)].filter(Boolean).join(' ');
    // In a folder, the post comes first: "jsconf-recap: Keynote".
    const named = [post, session.room, session.title].filter((part): part is string => !!part);
    const title = showControls(post ? `${named[0]}: ${named.slice(1).join(' · ')}` : named.join(' · ')).replace(/\s+/g, ' ').trim();
    const speaker = showControls(formatSpeakers(session.speakers, session.speakerText)).replace(/\s+/g, ' ').trim();
    const tail = `[${hint}]`;
    const room = options.width - labelWidth - displayWidth(time) - 2 - displayWidth(tail) - 2;
    let speakerWidth = speaker ? Math.min(displayWidth(speaker), Math.floor(options.width * 0.25)) : 0;
    if (room - speakerWidth - 2 < 20) speakerWidth = 0; // the title comes first
    const titleWidth = room - (speakerWidth > 0 ? speakerWidth + 2 : 0);
    const parts = [chalk.cyan(time)];
    if (titleWidth > 0) parts.push(truncate(title, titleWidth));
    if (speakerWidth > 0) parts.push(chalk.green(truncate(speaker, speakerWidth)));
    parts.push(chalk.dim(tail));
    return truncate(head + parts.join('  '), options.width);
  };
  return [
    line(w.now, result.current, result.current ? currentHint(result.current, minutes, options) : '', w.nothingNow, posts?.current),
    line(w.next, result.next, result.next ? w.startsIn(formatDuration(toMinutes(result.next.start ?? '') - minutes, options.lang)) : '', w.nothingNext, posts?.next),
  ].join('\n') + '\n';
}

function currentHint(session: Session, minutes: number, options: RenderOptions): string {
  const w = words(options.lang ?? 'en');
  const span = sessionSpan(session);
  if (span === null) return '';
  // After midnight a range that began the day before: measure from its day.
  const t = minutes < span.start ? minutes + DAY : minutes;
  return session.end === null ? w.startedAgo(formatDuration(t - span.start, options.lang)) : w.endsIn(formatDuration(span.end - t, options.lang));
}
