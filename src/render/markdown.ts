// The post body for the terminal: walks marked's block tokens with an
// explicit stack (no recursion per nesting level), writing lines with the
// prefixes of the containers they sit in (quote bars, list indentation).
import { Chalk, type ChalkInstance } from 'chalk';
import type { Token, Tokens } from 'marked';
import type { RenderOptions } from '../types.js';
import { showControls } from '../sanitize.js';
import { embedLine, inlineText, renderInline, type InlineContext } from './inline.js';
import type { FootnoteRefToken } from '../parse/footnotes.js';
import type { EmbedToken } from '../parse/html.js';
import { displayWidth, pad, wrapText, type Align } from './wrap.js';

/** Nesting beyond this many containers is drawn flat (no more indent). */
const MAX_DEPTH = 10;
const BULLETS = ['•', '◦', '▪'];

/** Where lines go: the prefix for a container's first line and for the rest. */
interface Box {
  first: string;
  rest: string;
  restWidth: number;
  /** Widest prefix (first or rest), for wrapping. */
  width: number;
  /** First line not written yet. */
  pending: boolean;
  /** The pending container whose first line is also ours ("- - a"). */
  up: Box | null;
  depth: number;
  lists: number;
}

type Frame =
  | { kind: 'blocks'; tokens: readonly Token[]; i: number; box: Box; loose: boolean; start: number; item?: true }
  | { kind: 'list'; list: Tokens.List; i: number; box: Box; numWidth: number };

interface Env {
  c: ChalkInstance;
  color: boolean;
  ic: InlineContext;
  options: RenderOptions;
}

/** Blocks as terminal lines; the notes of the footnotes referenced follow, in order of first reference. */
export function renderMarkdown(tokens: Token[], options: RenderOptions): string {
  const c = new Chalk({ level: options.colorLevel });
  const footnotes: FootnoteRefToken[] = [];
  const env: Env = { c, color: options.colorLevel > 0, ic: { chalk: c, hyperlinks: options.hyperlinks, footnotes }, options };
  const body = renderBlocks(tokens, env);
  if (footnotes.length === 0) return body;
  return body + '\n' + renderFootnotes(footnotes, env);
}

/** Each note as "¹ text", its later lines indented under the text; notes may reference further notes. */
function renderFootnotes(footnotes: FootnoteRefToken[], env: Env): string {
  const lines: string[] = [env.c.dim('─'.repeat(Math.min(8, env.options.textWidth)))];
  // Rendering a note may add the notes it references: the list grows as it is walked.
  for (let k = 0; k < footnotes.length; k++) {
    const next = footnotes[k]!;
    const mark = next.text + ' ';
    const indent = ' '.repeat(displayWidth(mark));
    const inner = { ...env.options, textWidth: Math.max(1, env.options.textWidth - indent.length), width: Math.max(1, env.options.width - indent.length) };
    const text = renderBlocks(next.def, { ...env, options: inner }).replace(/\n+$/, '');
    text.split('\n').forEach((line, i) => lines.push(i === 0 ? env.c.cyan(next.text) + ' ' + line : line ? indent + line : ''));
  }
  return lines.join('\n') + '\n';
}

function renderBlocks(tokens: readonly Token[], env: Env): string {
  const root: Box = { first: '', rest: '', restWidth: 0, width: 0, pending: false, up: null, depth: 0, lists: 0 };
  const out: string[] = [];
  let gap: string | null = null;
  const write = (box: Box, text: string) => {
    if (gap !== null) out.push(gap);
    gap = null;
    const prefix = box.pending ? box.first : box.rest;
    for (let b: Box | null = box; b?.pending; b = b.up) b.pending = false;
    out.push(text ? prefix + text : prefix.trimEnd());
  };
  const requestGap = (box: Box) => {
    if (out.length > 0) gap = box.rest.trimEnd();
  };

  const stack: Frame[] = [{ kind: 'blocks', tokens, i: 0, box: root, loose: true, start: 0 }];
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    if (f.kind === 'list') {
      const item = f.list.items[f.i];
      if (!item) {
        stack.pop();
        continue;
      }
      if (f.i > 0 && f.list.loose) requestGap(f.box);
      const box = child(f.box, marker(f.list, item, f.i, f.numWidth, f.box, env), true, env);
      f.i++;
      stack.push({ kind: 'blocks', tokens: item.tokens, i: 0, box, loose: f.list.loose, start: out.length, item: true });
      continue;
    }
    const token = f.tokens[f.i++];
    if (!token) {
      if (f.item && f.box.pending) write(f.box, ''); // an empty item still shows its marker
      stack.pop();
      continue;
    }
    // Defs only feed links; a task's checkbox is drawn as its item's marker.
    if (token.type === 'space' || token.type === 'def' || token.type === 'checkbox') continue;
    if (f.loose && out.length > f.start) requestGap(f.box);
    if (token.type === 'blockquote') {
      const box = child(f.box, env.c.dim('│') + ' ', false, env);
      stack.push({ kind: 'blocks', tokens: (token as Tokens.Blockquote).tokens, i: 0, box, loose: true, start: out.length });
    } else if (token.type === 'list') {
      const list = token as Tokens.List;
      const last = (typeof list.start === 'number' ? list.start : 1) + list.items.length - 1;
      stack.push({ kind: 'list', list, i: 0, box: f.box, numWidth: String(last).length });
    } else {
      for (const line of leaf(token, f.box, env)) write(f.box, line);
    }
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.length > 0 ? out.join('\n') + '\n' : '';
}

/** A nested container's box: its marker on the first line, spaces (or a bar) after. */
function child(parent: Box, mark: string, isItem: boolean, env: Env): Box {
  const markWidth = displayWidth(mark);
  const restSeg = isItem ? ' '.repeat(markWidth) : mark;
  const text = env.options.textWidth;
  const grow = parent.depth < MAX_DEPTH && parent.restWidth + markWidth <= text - Math.min(20, Math.ceil(text / 2));
  const up = parent.pending ? parent : null;
  const lists = parent.lists + (isItem ? 1 : 0);
  if (grow) {
    const restWidth = parent.restWidth + markWidth;
    const first = (parent.pending ? parent.first : parent.rest) + mark;
    return { first, rest: parent.rest + restSeg, restWidth, width: restWidth, pending: true, up, depth: parent.depth + 1, lists };
  }
  // Too deep: no more indentation. Items keep their marker on the first line.
  const first = parent.pending ? parent.first : parent.rest + (isItem ? mark : '');
  const width = parent.restWidth + (isItem ? markWidth : 0);
  return { first, rest: parent.rest, restWidth: parent.restWidth, width, pending: true, up, depth: parent.depth + 1, lists };
}

/** "• ", "◦ ", "▪ " by depth, " 9. " right-aligned numbers, "☐ "/"☑ " for tasks. */
function marker(list: Tokens.List, item: Tokens.ListItem, i: number, numWidth: number, box: Box, env: Env): string {
  const { c } = env;
  const check = item.task ? (item.checked ? c.green('☑') : '☐') : '';
  if (list.ordered) {
    const n = String((typeof list.start === 'number' ? list.start : 1) + i).padStart(numWidth) + '.';
    return n + ' ' + (check ? check + ' ' : '');
  }
  return (check || BULLETS[box.lists % BULLETS.length]!) + ' ';
}

/** Lines of a block that holds no other blocks. */
function leaf(token: Token, box: Box, env: Env): string[] {
  const { c, ic, options } = env;
  const avail = Math.max(1, options.textWidth - box.width);
  switch (token.type) {
    case 'paragraph':
    case 'text': {
      const t = token as Tokens.Text;
      // Line breaks at the end of a paragraph (an HTML <br>) draw nothing.
      const text = wrapText((t.tokens ? renderInline(t.tokens, ic) : inlineText(t.text)).replace(/\n+$/, ''), avail);
      return text === '' ? [] : text.split('\n');
    }
    case 'heading':
      return heading(token as Tokens.Heading, avail, env);
    case 'code': {
      const { text, lang } = token as Tokens.Code;
      const lines = codeLines(text);
      const name = lang?.trim().split(/\s/)[0];
      if (name && options.highlight && options.colorLevel > 0) {
        const coloured = options.highlight(lines.join('\n'), name);
        if (coloured.includes('\x1b[')) return coloured.split('\n').map((l) => (l ? '    ' + l : ''));
      }
      return lines.map((l) => (l ? '    ' + c.yellow(l) : ''));
    }
    case 'hr':
      return [c.dim('─'.repeat(avail))];
    case 'html_embed':
      return [embedLine(token as unknown as EmbedToken, ic, avail)];
    case 'html':
      return codeLines((token as Tokens.HTML).text).map((l) => c.dim(l));
    case 'table':
      return table(token as Tokens.Table, Math.max(1, options.width - box.width), env);
    default: {
      // Unknown (extension) blocks: their source, sanitised and wrapped.
      const raw = (token as Tokens.Generic).raw;
      const text = wrapText(showControls(typeof raw === 'string' ? raw : '').trimEnd(), avail);
      return text === '' ? [] : text.split('\n');
    }
  }
}

/** Verbatim lines, controls made visible, tabs expanded, no trailing blanks. */
function codeLines(text: string): string[] {
  const trimmed = showControls(text).trimEnd();
  return trimmed === '' ? [] : trimmed.split('\n').map((l) => expandTabs(l.trimEnd()));
}

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(4 - (out.length % 4)) : ch;
  return out;
}

const HEADING_STYLES: ((c: ChalkInstance) => ChalkInstance)[] = [
  (c) => c.bold.underline.magenta,
  (c) => c.bold.cyan,
  (c) => c.bold.green,
  (c) => c.bold,
  (c) => c.bold.dim,
  (c) => c.dim.italic,
];

/** Without colour, levels differ by rules (H1 "═", H2 "─") and marks (H3–6). */
const HEADING_MARKS = ['', '', '◆ ', '◇ ', '▸ ', '▹ '];

/** A styled, wrapped heading; never shows "#". */
function heading(token: Tokens.Heading, avail: number, env: Env): string[] {
  const level = Math.min(6, Math.max(1, token.depth));
  const mark = env.color ? '' : HEADING_MARKS[level - 1]!;
  const style = HEADING_STYLES[level - 1]!(env.c);
  const text = wrapText(renderInline(token.tokens, env.ic), avail - mark.length).split('\n');
  const lines = text.map((l, i) => (i === 0 ? mark : ' '.repeat(mark.length)) + style(l));
  const ruleWidth = maxOf(text, displayWidth);
  if (level === 1 && !env.color && ruleWidth > 0) lines.push('═'.repeat(ruleWidth));
  if (level === 2 && ruleWidth > 0) lines.push(env.c.dim('─'.repeat(ruleWidth)));
  return lines;
}

/** Box-drawn table; wide columns shrink (cell text wraps) to fit `avail`. */
function table(token: Tokens.Table, avail: number, env: Env): string[] {
  const { c, ic } = env;
  const n = token.header.length;
  if (n === 0) return [];
  const rows = [token.header, ...token.rows].map((row, r) =>
    Array.from({ length: n }, (_, i) => {
      const text = renderInline(row[i]?.tokens ?? [], ic);
      return r === 0 ? c.bold(text) : text;
    }),
  );
  // Too many columns for the width, even two columns of text each: a "Header: value" block per row.
  if (5 * n + 1 > avail) return tableAsRecords(rows, avail, env);
  const natural = Array.from({ length: n }, (_, i) => Math.max(1, maxOf(rows, (row) => displayWidth(row[i]!))));
  const widths = fitWidths(natural, avail - (3 * n + 1));
  const align = (i: number): Align => token.align[i] ?? 'left';
  const rule = (l: string, m: string, r: string) => c.dim(l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r);
  const bar = c.dim('│');
  const cellLines = rows.map((row) => row.map((cell, i) => wrapText(cell, widths[i]!).split('\n')));
  const multiline = cellLines.slice(1).some((row) => row.some((cell) => cell.length > 1));
  const out = [rule('┌', '┬', '┐')];
  cellLines.forEach((row, r) => {
    if (r === 1) out.push(rule('├', '┼', '┤'));
    else if (r > 1 && multiline) out.push(rule('├', '┼', '┤'));
    const height = maxOf(row, (cell) => cell.length);
    for (let k = 0; k < height; k++) {
      const parts = row.map((cell, i) => pad(cell[k] ?? '', widths[i]!, align(i)));
      out.push(`${bar} ${parts.join(` ${bar} `)} ${bar}`);
    }
  });
  out.push(rule('└', '┴', '┘'));
  return out;
}

/** A table too wide to draw: each body row as "Header: value" lines, rows apart by a short rule. */
function tableAsRecords(rows: string[][], avail: number, env: Env): string[] {
  const [header, ...body] = rows;
  if (body.length === 0) return header!.flatMap((cell) => wrapText(cell, avail).split('\n'));
  const out: string[] = [];
  body.forEach((row, r) => {
    if (r > 0) out.push(env.c.dim('─'.repeat(Math.min(avail, 8))));
    row.forEach((cell, i) => out.push(...wrapText(`${header![i]}: ${cell}`, avail).split('\n')));
  });
  return out;
}

/** Caps the widest columns (water-filling) so the sum fits `budget`; min 2 each. */
function fitWidths(natural: number[], budget: number): number[] {
  if (natural.reduce((a, b) => a + b, 0) <= budget) return natural;
  const sorted = [...natural].sort((a, b) => a - b);
  let rest = budget;
  let k = 0;
  while (k < sorted.length && sorted[k]! * (sorted.length - k) <= rest) rest -= sorted[k++]!;
  const cap = Math.max(2, Math.floor(rest / (sorted.length - k)));
  let extra = rest - cap * (sorted.length - k);
  return natural.map((w) => (w <= cap ? w : extra-- > 0 ? cap + 1 : cap));
}

/** Largest f(x) over items, 0 when empty (no argument spreading: tables can be huge). */
function maxOf<T>(items: readonly T[], f: (x: T) => number): number {
  let max = 0;
  for (const x of items) max = Math.max(max, f(x));
  return max;
}
