// `timeline`: each day's sessions as bars on a shared clock axis, one row per
// session. Gaps stay blank, parallel sessions share columns and are marked.
import { Chalk, type ChalkInstance } from 'chalk';
import { formatClock } from '../parse/time.js';
import { shortPostName } from '../parse/post.js';
import { sessionSpan } from '../query/filter.js';
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

interface Block {
  post: string | undefined;
  day: string | null;
  items: Item[];
}

/** The bar area's width for a terminal `width` columns wide. */
export function timelineBarWidth(width: number): number {
  return Math.max(4, Math.min(Math.max(20, Math.floor(width * 0.5)), width - FIXED - MIN_TITLE));
}

export function renderTimeline(rows: readonly TimelineRow[], options: RenderOptions): string {
  const chalk = new Chalk({ level: options.colorLevel });
  const groups = groupBlocks(rows);
  let barWidth = timelineBarWidth(options.width);
  // Too narrow for a readable title beside the bars: each title goes under
  // its bar, whole and wrapped, and the bars take the width.
  const titleWidth = options.width - FIXED - barWidth;
  const stacked = titleWidth < MIN_FLEXIBLE && groups.some((block) => block.items.some((item) => displayWidth(titleOf(item.session)) > titleWidth));
  if (stacked) barWidth = Math.max(4, options.width - FIXED);
  // A folder draws thousands of blocks over the same few hours, of sessions at the same times:
  // each axis, each bar and each title is drawn once.
  const drawn: Drawn = { axes: new Map(), bars: new Map(), titles: [new Map(), new Map()], posts: new Map(), days: new Map() };
  // The text is gathered as pieces and joined once: thousands of blocks joined line by line cost more than drawing them.
  const out: string[] = [];
  for (const block of groups) {
    if (out.length > 0) out.push('\n\n');
    renderBlock(block, barWidth, options.width, chalk, stacked, drawn, out);
  }
  if (out.length === 0) return '';
  out.push('\n');
  return out.join('');
}

/**
 * What renderBlock has drawn already in this timeline: axes by their span,
 * bars by columns and look (a number, see barKey), titles by text and room,
 * for a talk ([0]) and for a break ([1]). Keys are the texts themselves, not
 * texts joined: a folder's sessions share their title and room strings (see
 * load/folder-sessions.ts), so each key's hash is worked out once.
 */
interface Drawn {
  /** By axisKey: the axis lines and the heading's time range. */
  axes: Map<number, { lines: string[]; range: string }>;
  bars: Map<number, string>;
  titles: [Map<string, Map<string | null, string>>, Map<string, Map<string | null, string>>];
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

/** Orders a block's items: by start, then by index. */
const byStart = (a: Item, b: Item): number => a.start - b.start || a.session.index - b.session.index;

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
function groupBlocks(rows: readonly TimelineRow[]): Block[] {
  // By post, then by day (no key joined from the two: a post's path is long, and a folder has thousands).
  const byPost = new Map<string, Map<string, Block>>();
  const blocks: Block[] = [];
  let last: Block | undefined;
  for (const { session, post } of rows) {
    const span = sessionSpan(session);
    if (span === null || Number.isNaN(span.start)) continue;
    // Rows come a post at a time, a day at a time: most go to the block of the row before.
    let block = last !== undefined && last.post === post && last.day === session.day ? last : undefined;
    if (!block) {
      let days = byPost.get(post ?? '');
      if (!days) byPost.set(post ?? '', (days = new Map()));
      // A day written as "" and no day at all are one block, as they are drawn alike.
      const day = session.day ?? '';
      block = days.get(day);
      if (!block) {
        days.set(day, (block = { post, day: session.day, items: [] }));
        blocks.push(block);
      }
      last = block;
    }
    const open = session.end === null || Number.isNaN(span.end);
    block.items.push({ session, start: span.start, end: open ? span.start + 1 : span.end, open, overlaps: false });
  }
  for (const block of blocks) {
    const items = block.items;
    // Most blocks come in order already: looked at once, sorted only when not.
    for (let i = 1; i < items.length; i++) {
      if (byStart(items[i - 1]!, items[i]!) > 0) {
        items.sort(byStart);
        break;
      }
    }
    markOverlaps(items);
  }
  return blocks;
}

/**
 * Marks each talk (items sorted by start) that shares time with another talk:
 * one that starts before an earlier one ends, or ends after the next one
 * starts. A break beside a talk is no clash: breaks are passed over. One pass,
 * not every pair (a day of 150,000 sessions at the same hour took 30 s), and
 * no list of the talks made (a folder has 20,000 blocks).
 */
export function markOverlaps(items: Item[]): void {
  let reach = -Infinity; // the latest end so far
  let previous: Item | undefined; // the talk before
  for (const item of items) {
    if (item.session.kind === 'break') continue;
    if (item.start < reach) item.overlaps = true;
    if (previous !== undefined && item.start < previous.end) previous.overlaps = true;
    reach = Math.max(reach, item.end);
    previous = item;
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

/** Adds the lines of `block` (heading, axis, one row per session) to `out`, one after another with line feeds between them. */
function renderBlock(block: Block, barWidth: number, width: number, chalk: ChalkInstance, stacked: boolean, drawn: Drawn, out: string[]): void {
  // A loop, not Math.min(...items): spreading 150,000 arguments overflows the stack.
  let first = Infinity;
  let last = -Infinity;
  for (const item of block.items) {
    first = Math.min(first, item.start);
    last = Math.max(last, item.end);
  }
  const axisStart = Math.floor(first / 60) * 60;
  const axisEnd = Math.max(axisStart + 60, Math.ceil(last / 60) * 60);
  // The axis end sits on the last column, so every hour tick is drawn.
  const col = (t: number) => Math.round(((t - axisStart) * (barWidth - 1)) / (axisEnd - axisStart));

  const key = axisKey(axisStart, axisEnd);
  let axis = drawn.axes.get(key);
  if (axis === undefined) drawn.axes.set(key, (axis = { lines: renderAxis(axisStart, axisEnd, barWidth, width, chalk, col), range: `${formatClock(axisStart)}–${formatClock(axisEnd)}` }));

  // The post's short name, the day and the time range, each label drawn once per text.
  const post = block.post ? labelIn(drawn.posts, block.post, postLabelOf) : '';
  const day = block.day ? labelIn(drawn.days, block.day, labelOf) : '';
  const text = `${post ? `${post}  ` : ''}${day ? `${day}  ` : ''}${axis.range}`;
  // No character takes more than two columns: a heading of at most half the width needs no measuring.
  const heading = chalk.bold(2 * text.length <= width ? text : truncate(text, width));

  out.push(heading, '\n', axis.lines[0]!, '\n', axis.lines[1]!);
  const titleWidth = width - FIXED - barWidth;
  for (const item of block.items) {
    const from = col(item.start);
    const to = item.open ? from + 1 : Math.max(from + 1, col(item.end));
    const pause = item.session.kind === 'break';
    // The time, the bar and the overlap mark: the same for every session of the same span and look.
    const bar = barKey(item.start, from, to, barWidth, (item.open ? 4 : 0) | (pause ? 2 : 0) | (item.overlaps ? 1 : 0));
    let head = drawn.bars.get(bar);
    if (head === undefined) {
      const colour = pause ? chalk.dim : item.overlaps ? chalk.yellow : chalk.cyan;
      const glyph = item.open ? OPEN_MARK : pause ? BREAK_BAR : item.overlaps && chalk.level === 0 ? OVERLAP_BAR : BAR;
      const bars = ' '.repeat(from) + colour(glyph.repeat(to - from)) + ' '.repeat(Math.max(0, barWidth - to));
      const mark = item.overlaps ? chalk.yellow(OVERLAP_MARK) : ' ';
      // formatClock always writes HH:MM, TIME_WIDTH columns: no padding to add.
      drawn.bars.set(bar, (head = `${formatClock(item.start)} ${bars} ${mark}`));
    }
    const dim = (line: string) => (pause ? chalk.dim(line) : line);
    out.push('\n');
    if (stacked) {
      out.push([trimSpacesEnd(head), ...wrapText(titleOf(item.session), width - PREFIX.length).split('\n').map((line) => PREFIX + dim(line))].join('\n'));
      continue;
    }
    // The title as drawn (its room, controls shown, cut to the width, dimmed for a break), once per text.
    const { title, room } = item.session;
    const titles = drawn.titles[pause ? 1 : 0];
    let rooms = titles.get(title);
    if (rooms === undefined) titles.set(title, (rooms = new Map()));
    let shown = rooms.get(room);
    if (shown === undefined) rooms.set(room, (shown = titleWidth > 0 ? dim(truncate(titleOf(item.session), titleWidth)) : ''));
    // A title never ends with a space (titleOf trims it, a cut one ends with "…"): only a row without one has spaces to trim.
    if (shown === '' || shown.endsWith(' ')) out.push(trimSpacesEnd(`${head} ${shown}`));
    else out.push(head, ' ', shown);
  }
}
