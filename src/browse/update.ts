// (model, message) -> model, plus the effects the edge should carry out
// (read a post, run the editor, read a folder's sessions). Pure: time comes
// in the key message, posts come in loaded messages.
import { READING_WIDTH } from '../env.js';
import { parseClockTime } from '../parse/time.js';
import { normalizeForMatch } from '../parse/text.js';
import { buildSessionTest, NO_FILTER } from '../query/filter.js';
import { dayNumber, localDate, pickDay } from '../query/days.js';
import { findNow } from '../query/now.js';
import type { Post, RenderOptions, Session } from '../types.js';
import { isText, type Key } from './keys.js';
import { bodyHeight, currentScreen, sectionAt, type ListItem, type ListScreen, type Model, type PageScreen, type PromptKind, type Screen, type SessionRow, type SessionsScreen } from './model.js';
import { findHits, layoutPost, layoutSession } from './page.js';
import { browseWords } from './words.js';

export type Msg =
  | { type: 'key'; key: Key; now: Date }
  | { type: 'resize'; width: number; height: number }
  /** The list's posts, sorted newest first; more may follow until complete. */
  | { type: 'posts'; items: ListItem[]; complete: boolean }
  /** Speaker lines of listed posts, for the filter. */
  | { type: 'speakers'; found: Record<string, string> }
  | { type: 'opened'; post: Post }
  /** The post at `path` changed on disk (or in the editor); null when it can no longer be read. */
  | { type: 'reloaded'; path: string; post: Post | null }
  /**
   * Sessions of a folder's posts, as they are read: the first batch opens the
   * sessions screen, later ones fill it in (and are dropped once it is closed).
   */
  | { type: 'sessions'; source: string; rows: SessionRow[]; complete: boolean; first: boolean }
  /** Syntax colours, loaded after the first frame: pages are drawn again with them. */
  | { type: 'highlight'; highlight: NonNullable<RenderOptions['highlight']> }
  | { type: 'error'; message: string };

export type Effect =
  | { type: 'open'; path: string }
  | { type: 'edit'; path: string }
  | { type: 'sessions'; source: string }
  | { type: 'speakers' };

export interface Step {
  model: Model;
  effects: Effect[];
}

const WHEEL_LINES = 3;

export function update(model: Model, msg: Msg): Step {
  switch (msg.type) {
    case 'key':
      return onKey({ ...model, notice: null }, msg.key, msg.now);
    case 'resize':
      return done(resize(model, msg.width, msg.height));
    case 'posts':
      return done(replaceScreen(model, 'list', (list) => refilterList({ ...list, items: msg.items, complete: msg.complete })));
    case 'speakers':
      return done(
        replaceScreen(model, 'list', (list) => ({
          ...list,
          items: list.items.map((item) => (msg.found[item.path] ? { ...item, haystack: `${item.haystack} ${normalizeForMatch(msg.found[item.path]!)}` } : item)),
        })),
        (m) => replaceScreen(m, 'list', refilterList),
      );
    case 'opened':
      return done({ ...model, stack: [...model.stack, postPage(msg.post, model.render)] });
    case 'reloaded':
      return done(reload(model, msg.path, msg.post));
    case 'sessions':
      return done(folderSessions(model, msg.source, msg.rows, msg.complete, msg.first));
    case 'highlight': {
      const render = { ...model.render, highlight: msg.highlight };
      const lit = { ...model, render };
      return done({ ...lit, stack: model.stack.map((s) => (s.kind === 'page' ? relayout(lit, s, s.post, render) : s)) });
    }
    case 'error':
      return done({ ...model, notice: msg.message });
  }
}

function done(model: Model, ...then: ((m: Model) => Model)[]): Step {
  return { model: then.reduce((m, f) => f(m), model), effects: [] };
}

/** Applies `change` to every screen of that kind. */
function replaceScreen<K extends Screen['kind']>(model: Model, kind: K, change: (screen: Extract<Screen, { kind: K }>) => Screen): Model {
  return { ...model, stack: model.stack.map((s) => (s.kind === kind ? change(s as Extract<Screen, { kind: K }>) : s)) };
}

function setTop(model: Model, screen: Screen): Model {
  return { ...model, stack: [...model.stack.slice(0, -1), screen] };
}

// ---- pages -------------------------------------------------------------------

export function postPage(post: Post, render: RenderOptions): PageScreen {
  return { kind: 'page', path: post.path, title: post.title, post, session: null, ...layoutPost(post, render), top: 0, search: null, tree: null };
}

function sessionPage(row: SessionRow, render: RenderOptions): PageScreen {
  return { kind: 'page', path: row.path, title: row.session.title, post: null, session: row.session, ...layoutSession(row.session, render), top: 0, search: null, tree: null };
}

function maxTop(model: Model, page: PageScreen): number {
  return Math.max(0, page.lines.length - bodyHeight(model));
}

function scrollTo(model: Model, page: PageScreen, top: number): PageScreen {
  return { ...page, top: Math.max(0, Math.min(top, maxTop(model, page))) };
}

/**
 * The page drawn again (new width, new text), its top in the same section
 * as before: the same title, counted from the start in case of repeats.
 * A page read to its end stays at its end.
 */
function relayout(model: Model, page: PageScreen, post: Post | null, render: RenderOptions): PageScreen {
  const drawn = post ? layoutPost(post, render) : page.session ? layoutSession(page.session, render) : page;
  const at = sectionAt(page, page.top);
  // At the end (of a page longer than the window), it stays at the end: a writer sees what was added last.
  const atEnd = page.top > 0 && page.top >= maxTop(model, page);
  let top = atEnd ? Infinity : page.top;
  if (at >= 0 && !atEnd) {
    const mark = page.marks[at]!;
    const repeat = page.marks.slice(0, at).filter((m) => m.title === mark.title).length;
    const same = drawn.marks.filter((m) => m.title === mark.title)[repeat];
    if (same) top = same.line + (page.top - mark.line);
  }
  const search = page.search ? { ...page.search, hits: findHits(drawn.plain, page.search.query), current: -1 } : null;
  const next: PageScreen = { ...page, post: post ?? page.post, title: post ? post.title : page.title, ...drawn, search, tree: null };
  return scrollTo(model, next, top);
}

function reload(model: Model, path: string, post: Post | null): Model {
  const words = browseWords(model.lang);
  if (post === null) return { ...model, notice: words.gone };
  const render = model.render;
  const stack = model.stack.map((s) => {
    if (s.kind === 'page' && s.post && s.path === path) return relayout(model, s, post, render);
    if (s.kind === 'sessions' && !s.folder && s.source === path) return keepCursor(model, refilterSessions({ ...s, rows: sessionRows(post, false) }));
    return s;
  });
  return { ...model, stack, notice: words.reloaded };
}

function resize(model: Model, width: number, height: number): Model {
  const render = { ...model.render, width, textWidth: Math.min(READING_WIDTH, width) };
  const sized: Model = { ...model, width, height, render };
  const stack = model.stack.map((s) => (s.kind === 'page' ? relayout(sized, s, s.post, render) : keepCursor(sized, s)));
  return { ...sized, stack };
}

function pageKey(model: Model, page: PageScreen, key: Key): Step {
  const h = bodyHeight(model);
  const go = (top: number) => done(setTop(model, scrollTo(model, page, top)));
  if (page.tree) return treeKey(model, page, key);
  switch (key) {
    case 'j': case '<down>': case '<enter>':
      return go(page.top + 1);
    case 'k': case '<up>':
      return go(page.top - 1);
    case '<wheeldown>':
      return go(page.top + WHEEL_LINES);
    case '<wheelup>':
      return go(page.top - WHEEL_LINES);
    case ' ': case '<pgdn>':
      return go(page.top + h);
    case 'b': case '<pgup>':
      return go(page.top - h);
    case 'd':
      return go(page.top + Math.floor(h / 2));
    case 'u':
      return go(page.top - Math.floor(h / 2));
    case 'g': case '<home>':
      return go(0);
    case 'G': case '<end>':
      return go(maxTop(model, page));
    case '/':
      return done({ ...model, prompt: { kind: 'search', text: '' } });
    case 'n': case 'N':
      return done(nextHit(model, page, key === 'n' ? 1 : -1));
    case 't':
      if (page.marks.length === 0) return done({ ...model, notice: browseWords(model.lang).noSections });
      return done(setTop(model, { ...page, tree: { cursor: Math.max(0, sectionAt(page, page.top)) } }));
    case ']': {
      const next = page.marks.find((m) => m.line > page.top);
      return next ? go(next.line) : done(model);
    }
    case '[': {
      const before = page.marks.filter((m) => m.line < page.top);
      return go(before.length > 0 ? before[before.length - 1]!.line : 0);
    }
    case 's':
      if (!page.post) return done(model);
      return done(openSessions(model, page.path, false, sessionRows(page.post, false), true));
    case 'e':
      return { model, effects: [{ type: 'edit', path: page.path }] };
    default:
      return done(model);
  }
}

function treeKey(model: Model, page: PageScreen, key: Key): Step {
  const cursor = page.tree!.cursor;
  const last = page.marks.length - 1;
  const move = (to: number) => done(setTop(model, { ...page, tree: { cursor: Math.max(0, Math.min(last, to)) } }));
  switch (key) {
    case 'j': case '<down>': case '<wheeldown>':
      return move(cursor + 1);
    case 'k': case '<up>': case '<wheelup>':
      return move(cursor - 1);
    case 'g': case '<home>':
      return move(0);
    case 'G': case '<end>':
      return move(last);
    case '<pgdn>': case ' ':
      return move(cursor + bodyHeight(model) - 1);
    case '<pgup>': case 'b':
      return move(cursor - bodyHeight(model) + 1);
    case '<enter>':
      return done(setTop(model, scrollTo(model, { ...page, tree: null }, page.marks[cursor]!.line)));
    case '<esc>': case 't': case '<bs>':
      return done(setTop(model, { ...page, tree: null }));
    default:
      return done(model);
  }
}

function runSearch(model: Model, page: PageScreen, query: string): Model {
  if (query === '') return setTop(model, { ...page, search: null });
  const hits = findHits(page.plain, query);
  if (hits.length === 0) return { ...setTop(model, { ...page, search: { query, hits, current: -1 } }), notice: browseWords(model.lang).notFound(query) };
  const first = hits.findIndex((line) => line >= page.top);
  const current = first === -1 ? 0 : first;
  const found = { ...page, search: { query, hits, current } };
  return setTop(model, scrollTo(model, found, hits[current]!));
}

function nextHit(model: Model, page: PageScreen, step: 1 | -1): Model {
  const search = page.search;
  if (!search || search.hits.length === 0) return search ? { ...model, notice: browseWords(model.lang).notFound(search.query) } : model;
  const n = search.hits.length;
  let current: number;
  if (search.current === -1) {
    const after = search.hits.findIndex((line) => line > page.top);
    current = step === 1 ? (after === -1 ? 0 : after) : ((after === -1 ? n : after) - 1 + n) % n;
  } else {
    current = (search.current + step + n) % n;
  }
  const moved = scrollTo(model, { ...page, search: { ...search, current } }, search.hits[current]!);
  return { ...setTop(model, moved), notice: browseWords(model.lang).match(current + 1, n) };
}

// ---- lists -------------------------------------------------------------------

/** Rows of the list or table a screen shows. */
function listRows(model: Model, screen: ListScreen | SessionsScreen): number {
  // The table's header, and on the sessions screen the now/next lines.
  const extra = screen.kind === 'sessions' && screen.now ? 3 : 0;
  return Math.max(1, bodyHeight(model) - 1 - extra);
}

/** The cursor moved to `to` (clamped), the window scrolled to show it. */
function moveCursor<S extends ListScreen | SessionsScreen>(model: Model, screen: S, to: number): S {
  const rows = listRows(model, screen);
  const cursor = Math.max(0, Math.min(to, screen.shown.length - 1));
  let top = screen.top;
  if (cursor < top) top = cursor;
  if (cursor >= top + rows) top = cursor - rows + 1;
  top = Math.max(0, Math.min(top, Math.max(0, screen.shown.length - rows)));
  return { ...screen, cursor, top };
}

function keepCursor<S extends ListScreen | SessionsScreen>(model: Model, screen: S): S {
  return moveCursor(model, screen, screen.cursor);
}

/** The common moves of a list or table; null when the key is not one. */
function cursorKey<S extends ListScreen | SessionsScreen>(model: Model, screen: S, key: Key): S | null {
  const rows = listRows(model, screen);
  switch (key) {
    case 'j': case '<down>': case '<wheeldown>':
      return moveCursor(model, screen, screen.cursor + 1);
    case 'k': case '<up>': case '<wheelup>':
      return moveCursor(model, screen, screen.cursor - 1);
    case ' ': case '<pgdn>':
      return moveCursor(model, { ...screen, top: screen.top + rows }, screen.cursor + rows);
    case 'b': case '<pgup>':
      return moveCursor(model, { ...screen, top: Math.max(0, screen.top - rows) }, screen.cursor - rows);
    case 'g': case '<home>':
      return moveCursor(model, screen, 0);
    case 'G': case '<end>':
      return moveCursor(model, screen, screen.shown.length - 1);
    default:
      return null;
  }
}

/** The words of a filter; an item passes when its haystack holds every one. */
function filterWords(filter: string): string[] {
  return normalizeForMatch(filter).split(' ').filter(Boolean);
}

function refilterList(list: ListScreen): ListScreen {
  const words = filterWords(list.filter);
  const shown: number[] = [];
  list.items.forEach((item, i) => {
    if (words.every((w) => item.haystack.includes(w))) shown.push(i);
  });
  // The cursor stays on the post it was on when that post is still shown.
  const was = list.shown[list.cursor];
  const at = was === undefined ? -1 : shown.indexOf(was);
  return { ...list, shown, cursor: at === -1 ? 0 : at, top: at === -1 ? 0 : list.top };
}

function listKey(model: Model, list: ListScreen, key: Key): Step {
  const moved = cursorKey(model, list, key);
  if (moved) return done(setTop(model, moved));
  const chosen = list.items[list.shown[list.cursor] ?? -1];
  switch (key) {
    case '/':
      return { model: { ...model, prompt: { kind: 'filter', text: list.filter } }, effects: [{ type: 'speakers' }] };
    case '<enter>':
      return chosen ? { model, effects: [{ type: 'open', path: chosen.path }] } : done(model);
    case 's':
      return { model, effects: [{ type: 'sessions', source: list.dir }] };
    case 'e':
      return chosen ? { model, effects: [{ type: 'edit', path: chosen.path }] } : done(model);
    case '<esc>':
      return done(setTop(model, keepCursor(model, refilterList({ ...list, filter: '' }))));
    default:
      return done(model);
  }
}

// ---- sessions ----------------------------------------------------------------

export function sessionRows(post: Post, folder: boolean): SessionRow[] {
  return post.sessions.map((session) => ({ session, post: folder ? post.path : undefined, path: post.path, postDate: post.date, haystack: sessionHaystack(session) }));
}

function sessionHaystack(session: Session): string {
  const names = session.speakers.flatMap((s) => [s.name, s.role ?? '', s.org ?? '']);
  return normalizeForMatch([session.title, session.room ?? '', session.speakerText ?? '', ...names].join(' '));
}

function openSessions(model: Model, source: string, folder: boolean, rows: SessionRow[], complete: boolean): Model {
  const screen: SessionsScreen = { kind: 'sessions', source, folder, rows, complete, filter: '', at: null, now: null, shown: [], cursor: 0, top: 0 };
  return { ...model, stack: [...model.stack, refilterSessions(screen)] };
}

function folderSessions(model: Model, source: string, rows: SessionRow[], complete: boolean, first: boolean): Model {
  const open = model.stack.some((s) => s.kind === 'sessions' && s.folder && s.source === source);
  if (!open) return first ? openSessions(model, source, true, rows, complete) : model;
  const stack = model.stack.map((s) => (s.kind === 'sessions' && s.folder && s.source === source ? keepCursor(model, refilterSessions({ ...s, rows, complete })) : s));
  return { ...model, stack };
}

function refilterSessions(screen: SessionsScreen): SessionsScreen {
  const words = filterWords(screen.filter);
  const atTest = screen.at === null ? null : buildSessionTest({ ...NO_FILTER, at: screen.at });
  const shown: number[] = [];
  screen.rows.forEach((row, i) => {
    if (words.every((w) => row.haystack.includes(w)) && (!atTest || atTest(row.session))) shown.push(i);
  });
  const was = screen.shown[screen.cursor];
  const at = was === undefined ? -1 : shown.indexOf(was);
  return { ...screen, shown, cursor: at === -1 ? 0 : at, top: at === -1 ? 0 : screen.top };
}

/**
 * The rows of one day, so that `n` never pairs one day's session with
 * another's (as `postview now`): the clock's date when the posts have
 * sessions on it, else the day of the row under the cursor.
 */
function sameDay(screen: SessionsScreen, rows: SessionRow[], now: Date): SessionRow[] {
  const dated = rows.map((row) => ({ row, session: row.session, postDate: row.postDate, postKey: row.path }));
  const byDate = pickDay(dated, { day: null, date: localDate(now), strict: false });
  if (byDate.undecided.length === 0) return byDate.rows.map((r) => r.row);
  const under = screen.rows[screen.shown[screen.cursor] ?? -1];
  const day = under ? dayNumber(under.session) : 1;
  return pickDay(dated, { day, date: null, strict: false }).rows.map((r) => r.row);
}

function sessionsKey(model: Model, screen: SessionsScreen, key: Key, now: Date): Step {
  const moved = cursorKey(model, screen, key);
  if (moved) return done(setTop(model, moved));
  switch (key) {
    case '/':
      return done({ ...model, prompt: { kind: 'filter', text: screen.filter } });
    case '@':
      return done({ ...model, prompt: { kind: 'at', text: '' } });
    case 'n': {
      const minutes = now.getHours() * 60 + now.getMinutes();
      const words = filterWords(screen.filter);
      const candidates = sameDay(screen, screen.rows.filter((row) => words.every((w) => row.haystack.includes(w))), now);
      const result = findNow(candidates.map((r) => r.session), minutes);
      const target = result.current ?? result.next;
      const withNow = refilterSessions({ ...screen, at: null, now: { minutes, result } });
      const index = target ? withNow.shown.findIndex((i) => withNow.rows[i]!.session === target) : -1;
      return done(setTop(model, moveCursor(model, withNow, index === -1 ? withNow.cursor : index)));
    }
    case '<enter>': {
      const row = screen.rows[screen.shown[screen.cursor] ?? -1];
      return row ? done({ ...model, stack: [...model.stack, sessionPage(row, model.render)] }) : done(model);
    }
    case '<esc>': case '<bs>':
      if (screen.filter !== '' || screen.at !== null || screen.now !== null) {
        return done(setTop(model, keepCursor(model, refilterSessions({ ...screen, filter: '', at: null, now: null }))));
      }
      return done(back(model));
    default:
      return done(model);
  }
}

// ---- keys --------------------------------------------------------------------

function back(model: Model): Model {
  return model.stack.length > 1 ? { ...model, stack: model.stack.slice(0, -1) } : model;
}

function onKey(model: Model, key: Key, now: Date): Step {
  if (key === '<c-c>') return done({ ...model, quit: true });
  if (model.help) return done({ ...model, help: false });
  if (model.prompt) return done(promptKey(model, model.prompt.kind, model.prompt.text, key));
  const screen = currentScreen(model);
  if (key === 'q') return done({ ...model, quit: true });
  if (key === '?') return done({ ...model, help: true });
  switch (screen.kind) {
    case 'list':
      return listKey(model, screen, key);
    case 'sessions':
      return sessionsKey(model, screen, key, now);
    case 'page':
      if (!screen.tree && (key === '<esc>' || key === '<bs>')) return done(back(model));
      return pageKey(model, screen, key);
  }
}

/** A key while a prompt is open: typing, Backspace, Enter to accept, Esc to cancel. */
function promptKey(model: Model, kind: PromptKind, text: string, key: Key): Model {
  const words = browseWords(model.lang);
  const screen = currentScreen(model);
  const live = (next: string): Model => {
    const typed = { ...model, prompt: { kind, text: next } };
    // Filters follow the typing; search and time wait for Enter.
    if (kind !== 'filter') return typed;
    if (screen.kind === 'list') return setTop(typed, keepCursor(typed, refilterList({ ...screen, filter: next })));
    if (screen.kind === 'sessions') return setTop(typed, keepCursor(typed, refilterSessions({ ...screen, filter: next })));
    return typed;
  };
  if (key === '<enter>') {
    const closed = { ...model, prompt: null };
    if (kind === 'search' && screen.kind === 'page') return runSearch(closed, screen, text);
    if (kind === 'at' && screen.kind === 'sessions') {
      if (text.trim() === '') return setTop(closed, keepCursor(closed, refilterSessions({ ...screen, at: null, now: null })));
      const minutes = parseClockTime(text);
      if (minutes === null) return { ...closed, notice: words.badTime(text) };
      return setTop(closed, moveCursor(closed, refilterSessions({ ...screen, at: minutes, now: null }), 0));
    }
    return closed;
  }
  if (key === '<esc>') return { ...live(kind === 'filter' ? '' : text), prompt: null };
  if (key === '<bs>') {
    if (text === '') return { ...model, prompt: null };
    return live(Array.from(text).slice(0, -1).join(''));
  }
  if (key === '<c-u>') return live('');
  if (key === '<c-w>') return live(text.replace(/\S*\s*$/, ''));
  if (isText(key)) return live(text + key);
  return model;
}
