// The state of `postview browse`, as plain data: which screens are open (a
// stack: list -> post -> sessions -> one session), what each shows, where its
// cursor and scroll are, and the prompt being typed. update.ts changes it,
// view.ts draws it; neither touches the terminal.
import { basename } from 'node:path';
import type { Lang } from '../i18n.js';
import { normalizeForMatch } from '../parse/text.js';
import type { NowResult } from '../query/now.js';
import type { Post, RenderOptions, Session } from '../types.js';

/** A post of the list, as `list` summarises it, plus what the filter matches against. */
export interface ListItem {
  path: string;
  title: string;
  date: string | null;
  category: string | null;
  sessions: number;
  /** Title, file name, category (and speakers once read), normalised for matching. */
  haystack: string;
}

/** A list's summary of a post as a list item. */
export function toListItem(summary: Omit<ListItem, 'haystack'>): ListItem {
  return { ...summary, haystack: normalizeForMatch(`${summary.title} ${basename(summary.path)} ${summary.category ?? ''}`) };
}

export interface ListScreen {
  kind: 'list';
  dir: string;
  items: ListItem[];
  /** Every post of the folder is summarised (the first screen comes first). */
  complete: boolean;
  filter: string;
  /** Indices into items that pass the filter, in list order. */
  shown: number[];
  cursor: number;
  top: number;
}

/** Where a section starts among a page's lines. */
export interface SectionMark {
  line: number;
  title: string;
  level: number;
}

export interface Search {
  query: string;
  /** Line numbers holding a match, in order. */
  hits: number[];
  /** Index into hits of the current match, -1 before the first jump. */
  current: number;
}

/** A scrolling page of rendered lines: a whole post, or one session in full. */
export interface PageScreen {
  kind: 'page';
  /** The post file (for `e` and reloads); the post it came from for a session. */
  path: string;
  title: string;
  /** The post itself (null for a session page). */
  post: Post | null;
  /** For a session page: the session drawn. */
  session: Session | null;
  lines: string[];
  /** The lines without styles, for search. */
  plain: string[];
  marks: SectionMark[];
  top: number;
  search: Search | null;
  /** The section tree is open over the page, its cursor on this mark. */
  tree: { cursor: number } | null;
}

export interface SessionRow {
  session: Session;
  /** The post's path, shown when the rows come from several posts. */
  post?: string;
  path: string;
  /** The post's date (front matter), which day N of the post falls on. */
  postDate: string | null;
  /** Speaker and title words, normalised for the filter. */
  haystack: string;
}

export interface SessionsScreen {
  kind: 'sessions';
  /** The post or folder the sessions come from. */
  source: string;
  folder: boolean;
  rows: SessionRow[];
  /** Every post is read (a folder is read after the first frame). */
  complete: boolean;
  filter: string;
  /** Minutes since midnight: only sessions running then. */
  at: number | null;
  /** Now/next by the clock, shown above the table. */
  now: { minutes: number; result: NowResult } | null;
  shown: number[];
  cursor: number;
  top: number;
}

export type Screen = ListScreen | PageScreen | SessionsScreen;

export type PromptKind = 'filter' | 'search' | 'at';

export interface Prompt {
  kind: PromptKind;
  text: string;
}

export interface Model {
  width: number;
  height: number;
  lang: Lang;
  /** How pages are rendered (width follows the window). */
  render: RenderOptions;
  /** Screens, the one shown last; never empty. */
  stack: Screen[];
  prompt: Prompt | null;
  help: boolean;
  /** A one-line note in the status line until the next key ("reloaded", an error). */
  notice: string | null;
  quit: boolean;
}

export function initialModel(options: { width: number; height: number; lang: Lang; render: RenderOptions; screen: Screen }): Model {
  return {
    width: options.width,
    height: options.height,
    lang: options.lang,
    render: { ...options.render, width: options.width, textWidth: Math.min(options.render.textWidth, options.width) },
    stack: [options.screen],
    prompt: null,
    help: false,
    notice: null,
    quit: false,
  };
}

export function emptyList(dir: string): ListScreen {
  return { kind: 'list', dir, items: [], complete: false, filter: '', shown: [], cursor: 0, top: 0 };
}

export function currentScreen(model: Model): Screen {
  return model.stack[model.stack.length - 1]!;
}

/** Lines for content: the window less the status line (and the prompt line while typing). */
export function bodyHeight(model: Model): number {
  return Math.max(1, model.height - 1);
}

/** The index of the section a page's line is in, -1 before the first. */
export function sectionAt(page: PageScreen, line: number): number {
  let found = -1;
  for (let i = 0; i < page.marks.length && page.marks[i]!.line <= line; i++) found = i;
  return found;
}
