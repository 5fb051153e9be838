// `timeline`: each day's sessions as bars on a shared clock axis, one row per
// session. Gaps stay blank, parallel sessions share columns and are marked.
import { Chalk, type ChalkInstance } from 'chalk';
import { formatClock, toMinutes } from '../parse/time.js';
import { shortPostName } from '../parse/post.js';
import { endMinutes } from '../query/filter.js';
import { showControls } from '../sanitize.js';
import type { RenderOptions, Session } from '../types.js';
import { MIN_FLEXIBLE } from './columns.js';
import { displayWidth, truncate, wrapText } from './wrap.js';

export interface TimelineRow {
  session: Session;
  /** The post a session came from, when several posts are drawn together. */
  post?: string;
}

/** Marks a row whose time overlaps another row of the same block. */
export const OVERLAP_MARK = '∥';
/** Drawn at the start of a session whose end is unknown (no length invented). */
export const OPEN_MARK = '◆';
export const BAR = '█';
/** The bar of an overlapping row when there is no colour to tell it apart. */
export const OVERLAP_BAR = '▒';
/** The bar of a break (registration, lunch, ...): drawn dimmed, and lighter without colour. */
export const BREAK_BAR = '░';

const TIME_WIDTH = 5; // "HH:MM"
const PREFIX = ' '.repeat(TIME_WIDTH + 1);
const FIXED = TIME_WIDTH + 1 + 3; // "HH:MM ", then " ∥ " before the title
const MIN_TITLE = 12;

export interface Item {
  session: Session;
  start: number;
  /** Minutes; an unknown end covers only the starting minute (see sessionSpan). */
  end: number;
  open: boolean;
  overlaps: boolean;
}

/** A row's look, one bit each (the flags of barKey): it overlaps another talk, it is a break, its end is unknown. */
const OVERLAPS = 1;
const PAUSE = 2;
const OPEN = 4;

/**
 * The rows kept, by their place in the rows drawn: their minutes and look.
 * Numbers in arrays rather than an object per row (a folder draws 30,000).
 */
interface Spans {
  start: Float64Array;
  /** Minutes; an unknown end covers only the starting minute (see sessionSpan). */
  end: Float64Array;
  flags: Uint8Array;
}

interface Block {
  post: string | undefined;
  day: string | null;
  /** The places of its rows, sorted by start, then by index. */
  rows: number[];
  /** The earliest start and the latest end of its rows, in minutes. */
  first: number;
  last: number;
  /** The post's blocks by day, kept in its first block once the post has two days. */
  days: Map<string, Block> | undefined;
}

/** The bar area's width for a terminal `width` columns wide. */
export function timelineBarWidth(width: number): number {
  return Math.max(4, Math.min(Math.max(20, Math.floor(width * 0.5)), width - FIXED - MIN_TITLE));
}

export function renderTimeline(rows: readonly TimelineRow[], options: RenderOptions): string {
  return renderTimelineOf(
    rows.map((row) => row.session),
    rows.map((row) => row.post),
    options,
  );
}

/** renderTimeline for rows given as two lists: each session, and the post it came from (when several posts are drawn together). */
export function renderTimelineOf(sessions: readonly Session[], posts: readonly (string | undefined)[], options: RenderOptions): string {
  const chalk = new Chalk({ level: options.colorLevel });
  const { blocks, spans } = groupBlocks(sessions, posts);
  let barWidth = timelineBarWidth(options.width);
  // Too narrow for a readable title beside the bars: each title goes under
  // its bar, whole and wrapped, and the bars take the width.
  const titleWidth = options.width - FIXED - barWidth;
  const stacked = titleWidth < MIN_FLEXIBLE && blocks.some((block) => block.rows.some((i) => displayWidth(titleOf(sessions[i]!)) > titleWidth));
  if (stacked) barWidth = Math.max(4, options.width - FIXED);
  // A folder draws thousands of blocks over the same few hours, of sessions at the same times:
  // each axis, each bar and each title is drawn once, and each row once per title and bar.
  const drawn: Drawn = { axes: new Map(), bars: new Map(), titles: [new Map(), new Map()], posts: new Map(), days: new Map() };
  // The text is gathered as pieces (a block's heading and axis, then a row) and joined once:
  // thousands of blocks joined line by line cost more than drawing them, and fewer pieces join faster.
  const out: string[] = [];
  for (const block of blocks) renderBlock(block, sessions, spans, barWidth, options.width, chalk, stacked, drawn, out);
  if (out.length === 0) return '';
  out.push('\n');
  return out.join('');
}

/** A title as drawn, and the rows drawn with it: the first one's bar and text, the others' by bar (most titles have one). */
interface TitleRows {
  shown: string;
  bar: number;
  row: string;
  more: Map<number, string> | undefined;
}

/**
 * What renderBlock has drawn already in this timeline: axes by their span,
 * bars by columns and look (a number, see barKey), titles by text and room,
 * for a talk ([0]) and for a break ([1]). Keys are the texts themselves, not
 * texts joined: a folder's sessions share their title and room strings (see
 * load/folder-sessions.ts), so each key's hash is worked out once.
 */
interface Drawn {
  /** By axisKey: the axis lines (each after a line feed) and the heading's time range. */
  axes: Map<number, { lines: string; range: string }>;
  bars: Map<number, string>;
  titles: [Map<string, Map<string | null, TitleRows>>, Map<string, Map<string | null, TitleRows>>];
  /** The heading's label for a post (its short name) and for a day, by their text. */
  posts: Map<string, string>;
  days: Map<string, string>;
}

/** One number per axis span: both ends are under 16,384 minutes (see barKey). */
const axisKey = (axisStart: number, axisEnd: number): number => axisStart * 16_384 + axisEnd;

/** A heading's label as drawn: controls shown, on one line. */
const labelOf = (text: string): string => showControls(text).replace(/\s+/g, ' ');

/** A post's label: its short name, drawn; none when it has none. */
const postLabelOf = (path: string): string => {
  const name = shortPostName(path);
  return name && labelOf(name);
};

/** The label of `text` in `labels`, made by `make` the first time. */
function labelIn(labels: Map<string, string>, text: string, make: (text: string) => string): string {
  let label = labels.get(text);
  if (label === undefined) labels.set(text, (label = make(text)));
  return label;
}

/**
 * One number per time, columns and look of a bar: start < 6,000 minutes
 * ("99:59"), 0 <= from < to <= barWidth <= MAX_WIDTH (1,000) columns, three
 * flags: at most 6,000 * 1,002^2 * 8, well within a double's whole numbers.
 */
function barKey(start: number, from: number, to: number, barWidth: number, flags: number): number {
  const span = barWidth + 2;
  return ((start * span + from) * span + to) * 8 + flags;
}

/** Blocks by post and day, in order of first appearance; sessions without a start are left out. */
function groupBlocks(sessions: readonly Session[], posts: readonly (string | undefined)[]): { blocks: Block[]; spans: Spans } {
  const spans: Spans = { start: new Float64Array(sessions.length), end: new Float64Array(sessions.length), flags: new Uint8Array(sessions.length) };
  // Each post's first block, by post; a post of several days keeps the others in it (see Block.days).
  // No key joined from the post and the day: a post's path is long, and a folder has thousands.
  const byPost = new Map<string, Block>();
  const blocks: Block[] = [];
  const add = (post: string | undefined, day: string | null): Block => {
    // Every field set from the start: a block that gains one later would change its shape, and V8 would throw away the code compiled for blocks.
    const block: Block = { post, day, rows: [], first: Infinity, last: -Infinity, days: undefined };
    blocks.push(block);
    return block;
  };
  let last: Block | undefined;
  for (let i = 0; i < sessions.length; i++) {
    const session = sessions[i]!;
    const post = posts[i];
    // sessionSpan's minutes, without an object per session (a folder draws 30,000).
    if (session.start === null) continue;
    const spanStart = toMinutes(session.start);
    if (Number.isNaN(spanStart)) continue;
    const endAt = session.end === null ? null : endMinutes(spanStart, toMinutes(session.end));
    const spanEnd = endAt === null || endAt === spanStart ? spanStart + 1 : endAt;
    // Rows come a post at a time, a day at a time: most go to the block of the row before.
    let block = last !== undefined && last.post === post && last.day === session.day ? last : undefined;
    if (!block) {
      // A day written as "" and no day at all are one block, as they are drawn alike.
      const day = session.day ?? '';
      const first = byPost.get(post ?? '');
      if (first === undefined) byPost.set(post ?? '', (block = add(post, session.day)));
      else if ((first.day ?? '') === day) block = first;
      else {
        first.days ??= new Map([[first.day ?? '', first]]);
        block = first.days.get(day);
        if (!block) first.days.set(day, (block = add(post, session.day)));
      }
      last = block;
    }
    const open = session.end === null;
    const end = open ? spanStart + 1 : spanEnd;
    spans.start[i] = spanStart;
    spans.end[i] = end;
    // A comparison, not Math.min(...rows): spreading 150,000 arguments overflows the stack.
    if (spanStart < block.first) block.first = spanStart;
    if (end > block.last) block.last = end;
    spans.flags[i] = (open ? OPEN : 0) | (session.kind === 'break' ? PAUSE : 0);
    block.rows.push(i);
  }
  // By start, then by index.
  const byStart = (a: number, b: number): number => spans.start[a]! - spans.start[b]! || sessions[a]!.index - sessions[b]!.index;
  for (const block of blocks) {
    const order = block.rows;
    // Most blocks come in order already: looked at once, sorted only when not.
    for (let k = 1; k < order.length; k++) {
      if (byStart(order[k - 1]!, order[k]!) > 0) {
        order.sort(byStart);
        break;
      }
    }
    markOverlapsIn(order, spans);
  }
  return { blocks, spans };
}

/**
 * Marks each talk (items sorted by start) that shares time with another talk:
 * one that starts before an earlier one ends, or ends after the next one
 * starts. A break beside a talk is no clash: breaks are passed over. One pass,
 * not every pair (a day of 150,000 sessions at the same hour took 30 s), and
 * no list of the talks made (a folder has 20,000 blocks).
 */
export function markOverlaps(items: Item[]): void {
  const spans: Spans = { start: new Float64Array(items.length), end: new Float64Array(items.length), flags: new Uint8Array(items.length) };
  items.forEach((item, k) => {
    spans.start[k] = item.start;
    spans.end[k] = item.end;
    spans.flags[k] = item.session.kind === 'break' ? PAUSE : 0;
  });
  markOverlapsIn(
    items.map((_, k) => k),
    spans,
  );
  items.forEach((item, k) => {
    if (spans.flags[k]! & OVERLAPS) item.overlaps = true;
  });
}

/** markOverlaps for the rows `order` (sorted by start) of `spans`: sets their OVERLAPS flag. */
function markOverlapsIn(order: readonly number[], { start, end, flags }: Spans): void {
  let reach = -Infinity; // the latest end so far
  let previous = -1; // the talk before
  for (const i of order) {
    if (flags[i]! & PAUSE) continue;
    if (start[i]! < reach) flags[i]! |= OVERLAPS;
    if (previous !== -1 && start[i]! < end[previous]!) flags[previous]! |= OVERLAPS;
    reach = Math.max(reach, end[i]!);
    previous = i;
  }
}

/** A session's title as drawn: its room first when known, on one line, controls shown. */
function titleOf(session: Session): string {
  const { title, room } = session;
  const shown = showControls(room ? `${room} · ${title}` : title);
  // Spaces are collapsed and trimmed only when there is something to change (most titles have not).
  return LOOSE_SPACE.test(shown) ? shown.replace(/\s+/g, ' ').trim() : shown;
}

/** White space that collapsing and trimming would change. */
const LOOSE_SPACE = /[^\S ]| {2}|^ | $/;

/** `line` without the spaces at its end (what .replace(/ +$/, '') gives, without a regular expression's cost). */
function trimSpacesEnd(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 0x20) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** The two axis lines (hour labels, ticks) of a block from `axisStart` to `axisEnd`. */
function renderAxis(axisStart: number, axisEnd: number, barWidth: number, width: number, chalk: ChalkInstance, col: (t: number) => number): string[] {
  const ticks: string[] = new Array<string>(barWidth).fill('─');
  const labelLine: string[] = new Array<string>(Math.max(0, width - PREFIX.length)).fill(' ');
  let free = 0;
  for (let t = axisStart; t <= axisEnd; t += 60) {
    const c = col(t);
    ticks[c] = t === axisStart ? '├' : t === axisEnd ? '┤' : '┼';
    const text = formatClock(t);
    if (c < free || c + text.length > labelLine.length) continue;
    labelLine.splice(c, text.length, ...text);
    free = c + text.length + 1;
  }
  return [PREFIX + chalk.dim(labelLine.join('').trimEnd()), PREFIX + chalk.dim(ticks.join(''))];
}

/** The column of minute `t` on an axis from `axisStart` to `axisEnd` drawn `barWidth` columns wide: the axis end sits on the last column, so every hour tick is drawn. */
function columnOf(t: number, axisStart: number, axisEnd: number, barWidth: number): number {
  return Math.round(((t - axisStart) * (barWidth - 1)) / (axisEnd - axisStart));
}

/** Adds `block` to `out`: a blank line after the block before, its heading and axis, then one row per session, each after a line feed. */
function renderBlock(block: Block, sessions: readonly Session[], spans: Spans, barWidth: number, width: number, chalk: ChalkInstance, stacked: boolean, drawn: Drawn, out: string[]): void {
  const axisStart = Math.floor(block.first / 60) * 60;
  const axisEnd = Math.max(axisStart + 60, Math.ceil(block.last / 60) * 60);
  const key = axisKey(axisStart, axisEnd);
  let axis = drawn.axes.get(key);
  if (axis === undefined) {
    const lines = renderAxis(axisStart, axisEnd, barWidth, width, chalk, (t) => columnOf(t, axisStart, axisEnd, barWidth));
    // Joined into one piece (see rowOf).
    drawn.axes.set(key, (axis = { lines: ['', ...lines].join('\n'), range: `${formatClock(axisStart)}–${formatClock(axisEnd)}` }));
  }

  // The post's short name, the day and the time range, each label drawn once per text.
  const post = block.post ? labelIn(drawn.posts, block.post, postLabelOf) : '';
  const day = block.day ? labelIn(drawn.days, block.day, labelOf) : '';
  const text = `${post ? `${post}  ` : ''}${day ? `${day}  ` : ''}${axis.range}`;
  // No character takes more than two columns: a heading of at most half the width needs no measuring.
  const heading = chalk.bold(2 * text.length <= width ? text : truncate(text, width));

  if (out.length > 0) out.push('\n\n');
  out.push(heading, axis.lines);
  const titleWidth = width - FIXED - barWidth;
  for (const i of block.rows) {
    const session = sessions[i]!;
    const start = spans.start[i]!;
    const flags = spans.flags[i]!;
    const from = columnOf(start, axisStart, axisEnd, barWidth);
    const to = flags & OPEN ? from + 1 : Math.max(from + 1, columnOf(spans.end[i]!, axisStart, axisEnd, barWidth));
    const pause = (flags & PAUSE) !== 0;
    const bar = barKey(start, from, to, barWidth, flags);
    if (stacked) {
      const lines = wrapText(titleOf(session), width - PREFIX.length).split('\n');
      out.push(['', trimSpacesEnd(headOf(drawn, chalk, barWidth, start, from, to, flags, bar)), ...lines.map((line) => PREFIX + (pause ? chalk.dim(line) : line))].join('\n'));
      continue;
    }
    // The title as drawn (its room, controls shown, cut to the width, dimmed for a break), once per text;
    // the row (time, bar, mark and title), once per title and bar.
    const { title, room } = session;
    const titles = drawn.titles[pause ? 1 : 0];
    let rooms = titles.get(title);
    if (rooms === undefined) titles.set(title, (rooms = new Map()));
    let drawnTitle = rooms.get(room);
    if (drawnTitle === undefined) {
      const cut = titleWidth > 0 ? truncate(titleOf(session), titleWidth) : '';
      const shown = pause && cut !== '' ? chalk.dim(cut) : cut;
      rooms.set(room, (drawnTitle = { shown, bar, row: rowOf(headOf(drawn, chalk, barWidth, start, from, to, flags, bar), shown), more: undefined }));
    }
    let row = drawnTitle.bar === bar ? drawnTitle.row : drawnTitle.more?.get(bar);
    if (row === undefined) (drawnTitle.more ??= new Map()).set(bar, (row = rowOf(headOf(drawn, chalk, barWidth, start, from, to, flags, bar), drawnTitle.shown)));
    out.push(row);
  }
}

/** The time, the bar and the overlap mark of a row: the same for every session of the same span and look, drawn once. */
function headOf(drawn: Drawn, chalk: ChalkInstance, barWidth: number, start: number, from: number, to: number, flags: number, bar: number): string {
  let head = drawn.bars.get(bar);
  if (head === undefined) {
    const pause = (flags & PAUSE) !== 0;
    const overlaps = (flags & OVERLAPS) !== 0;
    const colour = pause ? chalk.dim : overlaps ? chalk.yellow : chalk.cyan;
    const glyph = flags & OPEN ? OPEN_MARK : pause ? BREAK_BAR : overlaps && chalk.level === 0 ? OVERLAP_BAR : BAR;
    const bars = ' '.repeat(from) + colour(glyph.repeat(to - from)) + ' '.repeat(Math.max(0, barWidth - to));
    const mark = overlaps ? chalk.yellow(OVERLAP_MARK) : ' ';
    // formatClock always writes HH:MM, TIME_WIDTH columns: no padding to add.
    drawn.bars.set(bar, (head = `${formatClock(start)} ${bars} ${mark}`));
  }
  return head;
}

/** A row after its line feed: the head, then the title. */
function rowOf(head: string, shown: string): string {
  // A title never ends with a space (titleOf trims it, a cut one ends with "…"): only a row without one has spaces to trim.
  // Joined, not concatenated: a row is written thousands of times, and V8 joins a string made by join (one piece) faster than one made of concatenated pieces.
  return shown === '' || shown.endsWith(' ') ? ['\n', trimSpacesEnd(`${head} ${shown}`)].join('') : ['\n', head, ' ', shown].join('');
}
