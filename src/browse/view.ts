// model -> the lines on screen: exactly `height` lines, none wider than
// `width`. Pure; the edge writes them out as one frame.
import { basename } from 'node:path';
import { formatClock } from '../parse/time.js';
import { renderNow } from '../render/now.js';
import { renderPostList } from '../render/post-list.js';
import { renderSessionTable } from '../render/table.js';
import { displayWidth, pad, truncate } from '../render/wrap.js';
import { showControls } from '../sanitize.js';
import { bodyHeight, currentScreen, sectionAt, type ListScreen, type Model, type PageScreen, type SessionsScreen } from './model.js';
import { markMatches, MARK_OFF, MARK_ON } from './page.js';
import { browseWords, type KeyHelp } from './words.js';

const RESET = /\x1b\[0?m/g;

/** A line in reverse video across the whole width (the cursor, the status line). */
export function reverse(line: string, width: number): string {
  const fitted = pad(truncate(line, width), width);
  return MARK_ON + fitted.replace(RESET, (reset) => reset + MARK_ON) + MARK_OFF;
}

/** Text from a post for one line of the interface: controls shown, white space as single spaces. */
function clean(text: string): string {
  return showControls(text).replace(/\s+/g, ' ').trim();
}

export function view(model: Model): string[] {
  const screen = currentScreen(model);
  const h = bodyHeight(model);
  let body: string[];
  let status: string;
  if (model.help) {
    body = helpLines(model);
    status = browseWords(model.lang).helpHint;
  } else if (screen.kind === 'list') {
    [body, status] = listView(model, screen, h);
  } else if (screen.kind === 'sessions') {
    [body, status] = sessionsView(model, screen, h);
  } else if (screen.tree) {
    [body, status] = treeView(model, screen, h);
  } else {
    [body, status] = pageView(model, screen, h);
  }
  const lines = body.slice(0, h).map((line) => truncate(line, model.width));
  while (lines.length < h) lines.push('');
  lines.push(statusLine(model, status));
  return lines;
}

function statusLine(model: Model, status: string): string {
  const words = browseWords(model.lang);
  if (model.prompt) {
    const label = model.prompt.kind === 'filter' ? words.filterPrompt : model.prompt.kind === 'search' ? words.searchPrompt : words.atPrompt;
    // What a filter leaves, at the right while typing.
    const screen = currentScreen(model);
    const count = model.prompt.kind !== 'filter' ? '' : screen.kind === 'list' ? words.posts(screen.shown.length, screen.items.length) : screen.kind === 'sessions' ? words.sessions(screen.shown.length, screen.rows.length) : '';
    const room = Math.max(1, model.width - displayWidth(label) - 1 - (count ? displayWidth(count) + 2 : 0));
    // The end of the text typed stays in view; a block stands for the cursor.
    const typed = Array.from(clean(model.prompt.text));
    let start = 0;
    while (start < typed.length && displayWidth(typed.slice(start).join('')) > room - 1) start++;
    const shown = (start > 0 ? '…' : '') + typed.slice(start).join('');
    const left = `${label}${shown}${MARK_ON} ${MARK_OFF}`;
    if (!count) return truncate(left, model.width);
    return `${left}${' '.repeat(Math.max(2, model.width - displayWidth(left) - displayWidth(count)))}${count}`;
  }
  const note = model.notice ? `  ${clean(model.notice)}` : '';
  return reverse(` ${status}${note}`, model.width);
}

function listView(model: Model, list: ListScreen, h: number): [string[], string] {
  const words = browseWords(model.lang);
  const filter = list.filter ? `  ${words.filtered(clean(list.filter))}` : '';
  const count = list.items.length === 0 && !list.complete ? words.reading : `${words.posts(list.shown.length, list.items.length)}${list.complete ? '' : ` ${words.reading}`}`;
  const dir = clean(list.dir);
  const status = `${dir.endsWith('/') ? dir : `${dir}/`}  ${count}${filter}  ? ${words.helpTitle.toLowerCase()}`;
  if (list.complete && list.items.length === 0) return [[words.noPosts], status];
  if (list.items.length > 0 && list.shown.length === 0) return [[words.noMatches], status];
  const rows = list.shown.slice(list.top, list.top + h - 1).map((i) => {
    const item = list.items[i]!;
    return { path: item.path, title: clean(item.title), date: item.date, category: item.category && clean(item.category), sessions: item.sessions };
  });
  if (rows.length === 0) return [[], status];
  const table = renderPostList(rows, model.render).replace(/\n$/, '').split('\n');
  const cursor = list.cursor - list.top;
  return [table.map((line, i) => (i - 1 === cursor ? reverse(line, model.width) : line)), status];
}

function pageView(model: Model, page: PageScreen, h: number): [string[], string] {
  const words = browseWords(model.lang);
  const query = page.search && page.search.hits.length > 0 ? page.search.query : null;
  const lines = page.lines.slice(page.top, page.top + h).map((line) => (query ? markMatches(line, query) : line));
  const section = sectionAt(page, page.top);
  const where = section >= 0 ? ` › ${clean(page.marks[section]!.title)}` : '';
  const last = Math.min(page.lines.length, page.top + h);
  const position = page.top === 0 ? words.top : last >= page.lines.length ? words.bottom : `${Math.round((100 * last) / page.lines.length)}%`;
  const place = `${page.top + 1}-${last}/${page.lines.length} ${position}`;
  const title = clean(page.title) + where;
  const room = Math.max(10, model.width - displayWidth(place) - 4 - (model.notice ? displayWidth(clean(model.notice)) + 2 : 0));
  return [lines, `${pad(truncate(title, room), room)}  ${place}`];
}

function treeView(model: Model, page: PageScreen, h: number): [string[], string] {
  const words = browseWords(model.lang);
  const cursor = page.tree!.cursor;
  const rows = h - 1;
  const top = Math.max(0, Math.min(cursor - Math.floor(rows / 2), page.marks.length - rows));
  const least = Math.min(...page.marks.map((m) => m.level));
  const lines = page.marks.slice(top, top + rows).map((mark, i) => {
    const text = '  '.repeat(Math.min(10, mark.level - least)) + clean(mark.title);
    return top + i === cursor ? reverse(text, model.width) : text;
  });
  return [[words.sectionsTitle, ...lines], `${clean(page.title)}  ${cursor + 1}/${page.marks.length}`];
}

function sessionsView(model: Model, screen: SessionsScreen, h: number): [string[], string] {
  const words = browseWords(model.lang);
  const parts = [screen.folder ? clean(screen.source) : clean(basename(screen.source)), words.sessions(screen.shown.length, screen.rows.length)];
  if (!screen.complete) parts.push(words.reading);
  if (screen.filter) parts.push(words.filtered(clean(screen.filter)));
  if (screen.at !== null) parts.push(words.at(formatClock(screen.at)));
  const status = `${parts.join('  ')}  ? ${words.helpTitle.toLowerCase()}`;
  const head: string[] = [];
  if (screen.now) head.push(...renderNow(screen.now.result, screen.now.minutes, model.render).replace(/\n$/, '').split('\n'), '');
  if (screen.rows.length === 0) return [[...head, screen.complete ? words.noSessions : words.reading], status];
  if (screen.shown.length === 0) return [[...head, words.noMatches], status];
  const rows = screen.shown.slice(screen.top, screen.top + h - 1 - head.length).map((i) => screen.rows[i]!);
  const table = renderSessionTable(rows, model.render).replace(/\n$/, '').split('\n');
  const cursor = screen.cursor - screen.top;
  return [[...head, ...table.map((line, i) => (i - 1 === cursor ? reverse(line, model.width) : line))], status];
}

function helpLines(model: Model): string[] {
  const words = browseWords(model.lang);
  const screen = currentScreen(model);
  const keys: KeyHelp[] =
    screen.kind === 'list' ? words.keys.list : screen.kind === 'sessions' ? words.keys.sessions : screen.tree ? words.keys.tree : words.keys.page;
  const all = [...keys, ...(screen.kind === 'page' && screen.tree ? [] : words.keys.prompt), ...words.keys.all];
  const column = (keys: KeyHelp[]) => {
    const width = Math.max(0, ...keys.map((k) => displayWidth(k.keys))) + 2;
    return keys.map((k) => pad(k.keys, width) + k.what);
  };
  const room = bodyHeight(model) - 1;
  if (all.length <= room) return [words.helpTitle, ...column(all).map((e) => `  ${e}`)];
  // A short window: two columns, each entry cut to its half.
  const half = Math.floor((model.width - 4) / 2);
  const rows = Math.ceil(all.length / 2);
  const left = column(all.slice(0, rows));
  const right = column(all.slice(rows));
  const lines = [words.helpTitle];
  for (let r = 0; r < rows; r++) lines.push(`  ${pad(truncate(left[r]!, half), half)}  ${right[r] ?? ''}`);
  return lines;
}
