// The documented JSON shapes (README, "JSON output"). Fields are only ever
// added, never renamed or removed, within a major version of postview.
import type { Post, Section, Session } from '../types.js';
import { extractCategories, extractTags } from '../parse/post.js';

/** A session without its tokens; `post` only when sessions of several posts are listed together. */
export type SessionJson = Omit<Session, 'tokens' | 'dayNumber'> & { post?: string };

export interface SectionJson {
  title: string;
  level: number;
  children: SectionJson[];
}

export interface PostSummaryJson {
  path: string;
  title: string;
  date: string | null;
  category: string | null;
  sessions: number;
  /** Every category (`category` and `categories`) and every tag (`tags` and `tag`); absent in summaries made without them. */
  categories?: readonly string[];
  tags?: readonly string[];
}

export function sessionToJson(session: Session, post?: string): SessionJson {
  const json: SessionJson = {
    index: session.index,
    day: session.day,
    start: session.start,
    end: session.end,
    title: session.title,
    room: session.room,
    speakers: session.speakers.map((s) => ({ name: s.name, role: s.role, org: s.org })),
    speakerText: session.speakerText,
    kind: session.kind,
    links: session.links.map((l) => ({ text: l.text, url: l.url })),
  };
  if (post !== undefined) json.post = post;
  return json;
}

export function sectionToJson(section: Section): SectionJson {
  return { title: section.title, level: section.level, children: section.children.map(sectionToJson) };
}

export function postToJson(post: Post, sessions: readonly Session[] = post.sessions) {
  return {
    path: post.path,
    title: post.title,
    date: post.date,
    category: post.category,
    categories: extractCategories(post.frontMatter),
    tags: extractTags(post.frontMatter),
    frontMatter: post.frontMatter,
    sections: post.sections.map(sectionToJson),
    sessions: sessions.map((s) => sessionToJson(s)),
  };
}

/** What JSON.stringify leaves raw and a terminal would act on or hide (see sanitize.ts). */
const JSON_RAW = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** JSON text as written: two-space indented, one trailing newline. */
export function renderJson(value: unknown): string {
  // JSON.stringify escapes C0 controls but leaves DEL, C1 (CSI is 0x9B),
  // bidi controls and invisible characters raw, and a file name may hold
  // them: escape those too ("\u202e"), keeping the value.
  return JSON.stringify(value, null, 2).replace(JSON_RAW, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}
