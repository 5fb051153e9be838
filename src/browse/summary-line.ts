// What `show --watch` says under the post on every save: how many sessions
// were found, and each heading that looks like it holds a time but was not
// read as a session (so a writer sees the typo at once). Pure.
import { flattenSections } from '../parse/sections.js';
import { parseSessionHeading } from '../parse/sessions.js';
import { showControls } from '../sanitize.js';
import type { Post } from '../types.js';
import type { Lang } from '../i18n.js';
import { browseWords } from './words.js';

/** "14:00", "9 : 30", "2pm", "2 p.m.", "14시": a clock time as people write one. */
const TIME_LIKE = /(?<![\d:])(?:[01]?\d|2[0-3])\s*(?::\s*[0-5]\d|시|\s?[ap]\.?m\b\.?)/i;

/** Titles of headings that hold something like a time and were not read as a session heading. */
export function extractUnreadTimeHeadings(post: Post): string[] {
  return flattenSections(post.sections)
    .map((s) => s.title)
    .filter((title) => TIME_LIKE.test(title) && parseSessionHeading(title) === null);
}

/** The summary line, then one warning line per unread heading. */
export function renderWatchSummary(post: Post, lang: Lang): string[] {
  const words = browseWords(lang);
  return [words.watchSessions(post.sessions.length), ...extractUnreadTimeHeadings(post).map((title) => words.watchUnread(showControls(title)))];
}
