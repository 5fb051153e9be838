// Display-width helpers for terminal text. "Width" is always columns on
// screen: Hangul, CJK and emoji count 2; SGR styles and OSC 8 hyperlinks
// count 0 and are never split. Inputs are expected to be sanitised already
// (no control characters except "\n" and those escape sequences).
//
// wrapText follows wrap-ansi's algorithm (hard: true, trim: true) but
// measures with a fast path for ASCII/Latin-1/Hangul/CJK, falling back to
// string-width per word: wrap-ansi + string-width took ~15 s on a 10 MB
// Korean post, this takes well under a second for the wrapping.
import { charWidth, isSimpleText, simpleCharWidth, splitGraphemes, textWidth } from './width.js';

export type Align = 'left' | 'right' | 'center';

/** Columns the widest line of `s` takes on screen (escape sequences ignored). */
export function displayWidth(s: string): number {
  const plain = s.includes('\x1b') ? s.replace(ESCAPES, '') : s;
  // Other escape sequences (not ours): let string-width strip them.
  if (!plain.includes('\n')) return textWidth(plain);
  let max = 0;
  for (const line of plain.split('\n')) max = Math.max(max, textWidth(line));
  return max;
}

/**
 * Word-wraps `s` to at most `width` columns per line and returns the lines
 * joined by "\n". Breaks only at spaces (never inside a Korean word); a word
 * wider than `width` is hard-broken. Existing "\n" are kept as line breaks,
 * tabs become spaces, spaces at the start and end of each line are dropped.
 * Styles and hyperlinks are closed at the end of each line and reopened on
 * the next, so every line stands on its own.
 */
export function wrapText(s: string, width: number): string {
  const columns = Math.max(1, Math.floor(width));
  const lines = s.replace(/\t/g, ' ').split('\n');
  return restoreStyles(lines.map((line) => wrapLine(line, columns)).join('\n'));
}

/** Cuts `s` to at most `width` columns, ending it with "…" when cut. */
export function truncate(s: string, width: number): string {
  const columns = Math.max(0, Math.floor(width));
  if (displayWidth(s) <= columns) return s;
  // cli-truncate keeps a wide character that straddles the limit: retry narrower.
  if (columns === 0) return '';
  return cutSimple(s, columns)?.[0] ?? cutStyled(s, columns);
}

/**
 * truncate(s, width) and the columns it takes, for a text whose display width
 * (`measured`) is known: a table of 10,000 rows cuts most of a column's cells,
 * and each would be measured twice more.
 */
export function truncateMeasured(s: string, width: number, measured: number): [string, number] {
  const columns = Math.max(0, Math.floor(width));
  if (measured <= columns) return [s, measured];
  if (columns === 0) return ['', 0];
  const cut = cutSimple(s, columns) ?? cutStyled(s, columns);
  return typeof cut === 'string' ? [cut, displayWidth(cut)] : cut;
}

/** A text wider than `columns` (at least 1) cut to columns - 1 and "…", with its width; null unless it is simple text without escapes. */
function cutSimple(s: string, columns: number): [string, number] | null {
  // Plain simple text (the usual title): one char is one grapheme.
  if (s.includes('\x1b') || !isSimpleText(s)) return null;
  let used = 0;
  for (let i = 0; i < s.length; i++) {
    const w = simpleCharWidth(s.charCodeAt(i));
    if (used + w > columns - 1) return [s.slice(0, i) + '…', used + 1];
    used += w;
  }
  return null;
}

/** A text wider than `columns` (at least 1) cut to columns - 1 and "…", grapheme by grapheme, escape sequences kept. */
function cutStyled(s: string, columns: number): string {
  // Keep text up to columns - 1, then "…"; escape sequences after the cut are
  // kept (without their text) so styles and links still close.
  let out = '';
  let used = 0;
  let cut = false;
  s.split(SPLIT_ESCAPES).forEach((piece, k) => {
    if (k % 2 === 1) {
      out += piece;
      return;
    }
    for (const g of splitGraphemes(piece)) {
      if (cut) break;
      const w = charWidth(g);
      if (used + w > columns - 1) {
        out += '…';
        cut = true;
        break;
      }
      out += g;
      used += w;
    }
  });
  return out;
}

/** Pads a single line with spaces to `width` columns (no-op when wider). */
export function pad(s: string, width: number, align: Align = 'left'): string {
  const room = Math.max(0, width - displayWidth(s));
  if (room === 0) return s;
  if (align === 'right') return ' '.repeat(room) + s;
  if (align === 'center') {
    const left = Math.floor(room / 2);
    return ' '.repeat(left) + s + ' '.repeat(room - left);
  }
  return s + ' '.repeat(room);
}

// --- internals -------------------------------------------------------------

const ESCAPE_SRC = String.raw`\x1b\[[0-9;:]*m|\x1b\]8;[^\x07\x1b]*(?:\x07|\x1b\\)`;
const ESCAPES = new RegExp(ESCAPE_SRC, 'g');
const ESCAPE_OR_SPACE = new RegExp(ESCAPE_SRC + '| ', 'g');
const ESCAPE_OR_NEWLINE = new RegExp(ESCAPE_SRC + '|\\n', 'g');
const SPLIT_ESCAPES = new RegExp(`(${ESCAPE_SRC})`);

/** Splits on spaces that are not inside an escape sequence. */
function splitWords(line: string): string[] {
  if (!line.includes('\x1b')) return line.split(' ');
  const words: string[] = [];
  const re = ESCAPE_OR_SPACE;
  re.lastIndex = 0;
  let start = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m[0] !== ' ') continue;
    words.push(line.slice(start, m.index));
    start = m.index + 1;
  }
  words.push(line.slice(start));
  return words;
}

/** One input line; mirrors wrap-ansi's exec(). */
function wrapLine(line: string, columns: number): string {
  if (line.trim() === '') return '';
  const rows = [''];
  let rowWidth = 0;
  const words = splitWords(line);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const w = displayWidth(word);
    if (i > 0 && rowWidth > 0) {
      rows[rows.length - 1] += ' ';
      rowWidth++;
    }
    if (w > columns) {
      // Start on this row only if that does not cost an extra break.
      const breaksHere = 1 + Math.floor((w - (columns - rowWidth) - 1) / columns);
      if (Math.floor((w - 1) / columns) < breaksHere) {
        rows.push('');
        rowWidth = 0;
      }
      rowWidth = breakWord(rows, word, columns, rowWidth);
      continue;
    }
    // A zero-width word (U+FEFF, a lone mark) moves on when the space before it went past the edge;
    // the empty words between spaces stay, as in wrap-ansi (trailing spaces are trimmed).
    if (rowWidth > 0 && (w > 0 ? rowWidth + w > columns : rowWidth > columns && hasVisibleText(word))) {
      rows.push('');
      rowWidth = 0;
    }
    rows[rows.length - 1] += word;
    rowWidth += w;
  }
  return rows.map(trimEndSpaces).join('\n');
}

function hasVisibleText(word: string): boolean {
  return word !== '' && (!word.includes('\x1b') || word.replace(ESCAPES, '') !== '');
}

/** Appends a too-long word grapheme by grapheme; returns the last row's width. */
function breakWord(rows: string[], word: string, columns: number, rowWidth: number): number {
  let visible = rowWidth;
  const pieces = word.split(SPLIT_ESCAPES);
  pieces.forEach((piece, k) => {
    if (k % 2 === 1) {
      rows[rows.length - 1] += piece;
      return;
    }
    const fast = isSimpleText(piece);
    const graphemes = fast ? piece : splitGraphemes(piece);
    for (const g of graphemes) {
      const w = fast ? simpleCharWidth(g.charCodeAt(0)) : charWidth(g);
      if (w > 0 && visible > 0 && visible + w > columns) {
        rows.push('');
        visible = 0;
      }
      rows[rows.length - 1] += g;
      visible += w;
    }
  });
  return visible;
}

/** Drops spaces after the last visible character, keeping escapes among them. */
function trimEndSpaces(row: string): string {
  const last = row.charCodeAt(row.length - 1);
  if (last !== 32 && last !== 109 && last !== 92 && last !== 7) return row; // ' ', 'm', '\\', BEL
  const pieces = row.split(SPLIT_ESCAPES);
  for (let k = pieces.length - 1; k >= 0; k -= 2) {
    const piece = pieces[k]!;
    let end = piece.length;
    while (end > 0 && piece.charCodeAt(end - 1) === 32) end--;
    pieces[k] = piece.slice(0, end);
    if (end > 0) break;
  }
  return pieces.join('');
}

interface Style {
  open: string;
  close: string;
}

/** The SGR code that ends an attribute chalk can open. */
function closerOf(code: number): string | undefined {
  if (code === 1 || code === 2) return '22';
  if ((code >= 3 && code <= 9) || code === 53) return String(code === 53 ? 55 : code + 20);
  if ((code >= 30 && code <= 38) || (code >= 90 && code <= 97)) return '39';
  if ((code >= 40 && code <= 48) || (code >= 100 && code <= 107)) return '49';
  return undefined;
}

function applySgr(params: string, active: Style[]): void {
  const parts = params.split(/[;:]/);
  for (let i = 0; i < parts.length; i++) {
    const code = Number(parts[i] || 0);
    if (code === 0) {
      active.length = 0;
      continue;
    }
    let open = String(code);
    if (code === 38 || code === 48) {
      const n = parts[i + 1] === '5' ? 2 : parts[i + 1] === '2' ? 4 : 0;
      open = parts.slice(i, i + 1 + n).join(';');
      i += n;
    }
    const close = closerOf(code);
    if (close === undefined) {
      for (let k = active.length - 1; k >= 0; k--) if (active[k]!.close === String(code)) active.splice(k, 1);
      continue;
    }
    const colour = close === '39' || close === '49';
    for (let k = active.length - 1; k >= 0; k--) {
      if (colour ? active[k]!.close === close : active[k]!.open === open) active.splice(k, 1);
    }
    active.push({ open, close });
  }
}

/** Closes styles and link before each "\n" and reopens them after it. */
function restoreStyles(text: string): string {
  if (!text.includes('\x1b') || !text.includes('\n')) return text;
  const re = ESCAPE_OR_NEWLINE;
  re.lastIndex = 0;
  const active: Style[] = [];
  let link = '';
  let out = '';
  let copied = 0;
  let rowStart = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const seq = m[0];
    if (seq === '\n') {
      out += text.slice(copied, m.index);
      if (m.index > rowStart) {
        if (link) out += '\x1b]8;;\x1b\\';
        const closers = [...new Set(active.map((s) => s.close).reverse())];
        out += closers.map((c) => `\x1b[${c}m`).join('');
      }
      out += '\n';
      copied = rowStart = m.index + 1;
      if (copied < text.length && text[copied] !== '\n') {
        out += active.map((s) => `\x1b[${s.open}m`).join('');
        if (link) out += `\x1b]8;;${link}\x1b\\`;
      }
    } else if (seq[1] === '[') {
      applySgr(seq.slice(2, -1), active);
    } else {
      const body = seq.slice(4, seq.endsWith('\x07') ? -1 : -2);
      link = body.slice(body.indexOf(';') + 1);
    }
  }
  return out + text.slice(copied);
}
