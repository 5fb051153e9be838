// Plain text out of marked's inline tokens: what a heading or a list item
// says once its markup is gone ("**양승도** 솔루션즈" -> "양승도 솔루션즈").
import type { Token } from 'marked';
import { decodeEntities } from '../sanitize.js';

/** Inline tokens -> their text without markup, entities decoded; a hard break is "\n". */
export function extractPlainText(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  const text = decodeEntities(collect(tokens));
  // Most texts hold single spaces alone, which the replacement would leave as they are.
  return text.includes('\t') || text.includes('  ') ? text.replace(/[ \t]+/g, ' ') : text;
}

function collect(tokens: readonly Token[]): string {
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'br':
        out += '\n';
        break;
      case 'html':
        out += token.raw.replace(/<[^>]*>/g, '');
        break;
      case 'image':
        out += token.text ?? '';
        break;
      case 'codespan':
      case 'escape':
        out += token.text;
        break;
      default: {
        const children = (token as { tokens?: Token[] }).tokens;
        out += children ? collect(children) : ((token as { text?: string }).text ?? '');
      }
    }
  }
  return out;
}

/** The first line of a block token's text (a list item's or a paragraph's), plain. */
export function extractFirstLine(token: Token): string {
  const inline = (token as { tokens?: Token[] }).tokens ?? [];
  // A list item holds a `text` (or `paragraph`) block, then maybe nested lists.
  const first = token.type === 'list_item' ? inline.find((t) => t.type === 'text' || t.type === 'paragraph') : token;
  if (!first) return '';
  const text = extractPlainText((first as { tokens?: Token[] }).tokens ?? [first]);
  return (text.split('\n')[0] ?? '').trim();
}

/** Every line of a block token's text, plain ("Speaker: X  \nTrack: Y" -> two lines). */
export function extractLines(token: Token): string[] {
  const inline = (token as { tokens?: Token[] }).tokens;
  const text = inline ? extractPlainText(inline) : decodeEntities((token as { text?: string }).text ?? '');
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

/** Lower-cased, NFKC-normalised text for matching what a user typed (NFD from a Mac matches NFC). */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether a UTF-16 unit is white space as \s and trim() read it (every such character is one unit). */
export function isWhiteSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
