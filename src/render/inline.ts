// Inline tokens (what marked puts inside paragraphs, headings, list items
// and table cells) as one styled string. "\n" in the result is a hard break
// (br); soft line breaks become spaces so the caller can re-wrap freely.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Token, Tokens } from 'marked';
import { cleanUrl, INVISIBLE_PICTURE, showControls, showText } from '../sanitize.js';
import type { FootnoteRefToken } from '../parse/footnotes.js';
import type { EmbedToken, StyleToken } from '../parse/html.js';
import { displayWidth, truncate } from './wrap.js';

export interface InlineContext {
  chalk: ChalkInstance;
  /** Write links as OSC 8 hyperlinks. */
  hyperlinks: boolean;
  /** Footnote references met so far, in order (their notes are printed after the text). */
  footnotes?: FootnoteRefToken[];
}

const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'ftp']);
const SGR = /\x1b\[[0-9;]*m/g;

/** Renders inline tokens; `inLink` stops nested images from opening a second link. */
export function renderInline(tokens: readonly Token[] | undefined, ctx: InlineContext, inLink = false): string {
  if (!tokens) return '';
  let out = '';
  for (const token of tokens) out += renderOne(token, ctx, inLink);
  return out;
}

/** Token text that marked leaves entity-encoded, as plain one-line text (a soft line break and the blanks around it are one space). */
export function inlineText(text: string): string {
  return joinSoftBreaks(showText(text)).replace(/\t/g, ' ');
}

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t';

/**
 * Each line break, with the blanks on both sides of it, as one space: what
 * `replace(/[ \t]*\n[ \t]*\/g, ' ')` gives, in one pass (that expression reads
 * a long run of blanks again from each of its places: quadratic).
 */
function joinSoftBreaks(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      let from = 0;
      let to = line.length;
      if (i > 0) while (from < to && isBlank(line[from])) from++;
      if (i < lines.length - 1) while (to > from && isBlank(line[to - 1])) to--;
      return line.slice(from, to);
    })
    .join(' ');
}

function renderOne(token: Token, ctx: InlineContext, inLink: boolean): string {
  const c = ctx.chalk;
  switch (token.type) {
    case 'text': {
      const t = token as Tokens.Text;
      // List-item text tokens carry their own inline tokens (**bold** etc.).
      return t.tokens ? renderInline(t.tokens, ctx, inLink) : inlineText(t.text);
    }
    case 'escape':
      return inlineText((token as Tokens.Escape).text);
    case 'strong':
      return c.bold(renderInline((token as Tokens.Strong).tokens, ctx, inLink));
    case 'em':
      return c.italic(renderInline((token as Tokens.Em).tokens, ctx, inLink));
    case 'del': {
      // Without colour the stroke would vanish: the Markdown markers stay.
      const inner = renderInline((token as Tokens.Del).tokens, ctx, inLink);
      return c.level > 0 ? c.strikethrough(inner) : `~~${inner}~~`;
    }
    case 'codespan':
      // Code spans are literal in CommonMark: marked does not decode them.
      return c.yellow(showControls((token as Tokens.Codespan).text).replace(/[\t\n]/g, ' '));
    case 'br':
      return '\n';
    case 'html':
      return c.dim(showControls((token as Tokens.HTML).text).replace(/[\t\n]/g, ' '));
    case 'checkbox':
      return ''; // shown as the list item's marker instead
    case 'link': {
      const t = token as Tokens.Link;
      if (inLink) return renderInline(t.tokens, ctx, true);
      return link(renderInline(t.tokens, ctx, true), t.href, ctx);
    }
    case 'image': {
      // Alt text is plain text: emphasis, links and images inside show their text only.
      const t = token as Tokens.Image;
      const alt = t.tokens ? plainInline(t.tokens, ctx) : inlineText(t.text);
      const label = '🖼 ' + (alt.replace(/\s+/g, ' ').trim() || 'image');
      return inLink ? label : link(label, t.href, ctx);
    }
    case 'html_embed': {
      const t = token as unknown as EmbedToken;
      return embedLine(t, ctx);
    }
    case 'html_style': {
      const t = token as unknown as StyleToken;
      const inner = renderInline(t.tokens, ctx, inLink);
      if (t.style === 'underline') return c.underline(inner);
      if (t.style === 'mark') return c.inverse(inner);
      if (t.style === 'dim') return c.dim(inner);
      return inner;
    }
    case 'footnote_ref': {
      const t = token as unknown as FootnoteRefToken;
      if (ctx.footnotes && !ctx.footnotes.some((f) => f.id === t.id)) ctx.footnotes.push(t);
      return c.cyan(t.text);
    }
    default: {
      // Extensions or future token types: their content, else their source.
      const t = token as Tokens.Generic;
      if (Array.isArray(t.tokens)) return renderInline(t.tokens as Token[], ctx, inLink);
      if (typeof t.text === 'string') return inlineText(t.text);
      return showControls(typeof t.raw === 'string' ? t.raw : '').replace(/[\t\n]/g, ' ');
    }
  }
}

/** Inline tokens as plain text: no styles, no link targets (footnotes referenced are still noted). */
function plainInline(tokens: readonly Token[], ctx: InlineContext): string {
  let out = '';
  for (const token of tokens) {
    const t = token as Tokens.Generic;
    if (token.type === 'codespan') out += showControls(t.text as string);
    else if (token.type === 'footnote_ref') out += renderOne(token, { ...ctx, chalk: new Chalk({ level: 0 }) }, true);
    else if (token.type === 'image') out += t.tokens ? plainInline(t.tokens as Token[], ctx) : inlineText(t.text as string);
    else if (Array.isArray(t.tokens)) out += plainInline(t.tokens as Token[], ctx);
    else if (token.type === 'br') out += ' ';
    else if (typeof t.text === 'string') out += inlineText(t.text);
  }
  return out;
}

/** "▶ YouTube video https://…": a symbol, the kind, the URL (a link when links are on). */
export function embedLine(t: EmbedToken, ctx: InlineContext, width?: number): string {
  const c = ctx.chalk;
  const url = cleanUrl(t.url.trim());
  const head = `${t.symbol} ${c.bold(t.kind)}`;
  if (!url) return head;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  const shown = width === undefined ? url : truncate(url, Math.max(1, width - displayWidth(`${t.symbol} ${t.kind} `)));
  // As for links: a URL showing a bidi control or an invisible character is never a link target.
  const target = ctx.hyperlinks && scheme && LINK_SCHEMES.has(scheme) && !INVISIBLE_PICTURE.test(url) ? `\x1b]8;;${asciiUrl(url)}\x1b\\${c.blue.underline(shown)}\x1b]8;;\x1b\\` : c.blue.underline(shown);
  const line = `${head} ${target}`;
  return width === undefined ? line : truncate(line, width);
}

/** A link as OSC 8 (web and mail schemes only) or as "text (url)". */
function link(text: string, href: string, ctx: InlineContext): string {
  const c = ctx.chalk;
  const url = cleanUrl(href.trim());
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  const styled = text ? c.blue.underline(text) : '';
  // A URL holding a bidi control or an invisible character may read as
  // another address: it is shown as text, never made a link target.
  if (ctx.hyperlinks && scheme && LINK_SCHEMES.has(scheme) && !INVISIBLE_PICTURE.test(url)) {
    const target = asciiUrl(url);
    return `\x1b]8;;${target}\x1b\\${styled || c.blue.underline(url)}\x1b]8;;\x1b\\`;
  }
  if (!url) return styled;
  const plain = text.replace(SGR, '');
  if (!plain) return c.blue.underline(url);
  if (sameAsUrl(plain, url)) return styled;
  return `${styled} ${c.dim(`(${url})`)}`;
}

/** Autolinks: "a@b.c" is "mailto:a@b.c", "www.x.com" is "http://www.x.com". */
function sameAsUrl(text: string, url: string): boolean {
  return text === url || 'mailto:' + text === url || 'http://' + text === url;
}

/** Percent-encodes what should not appear raw in an OSC 8 URI (non-ASCII). */
function asciiUrl(url: string): string {
  return url.replace(/[^\x21-\x7e]/gu, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return '%EF%BF%BD'; // lone surrogate
    }
  });
}
