// HTML inside Markdown -> marked-shaped tokens, so the renderer draws it as
// it draws Markdown: <h2> is a heading (and a section), <table> a table,
// <b> strong, <a href> a link, <img> an image. What has no Markdown
// equivalent gets a token of its own: `html_embed` (iframe, video, audio,
// embed, object, known embed scripts: one line with a kind and a URL) and
// `html_style` (u, mark, sub, sup). Scripts, styles, comments, link and meta
// give nothing; any other element gives its text, never its tags.
//
// Block HTML (marked's `html` block tokens) is parsed whole by htmlparser2.
// Inline HTML comes from marked one tag per token ("<b>", "x", "</b>"): the
// tags are paired here, within one run of inline tokens, the way a browser
// would (an unclosed tag runs to the end of the run).
import type { Token, Tokens } from 'marked';
import { loadHtmlLib } from '../html-lib.js';
import { decodeEntities } from '../sanitize.js';
import { NOTE_TAG } from './templates.js';

/** An element as htmlparser2 reports it; children are elements or text. */
interface El {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
}
type Node = El | string;

/** An embedded player or page: one line on screen. */
export interface EmbedToken {
  type: 'html_embed';
  raw: string;
  /** "YouTube video", "Speaker Deck slides", "video", "embedded page"... */
  kind: string;
  symbol: string;
  url: string;
  text: string;
}

/** Inline styling without a Markdown equivalent. */
export interface StyleToken {
  type: 'html_style';
  raw: string;
  /** dim: a template construct named but not drawn (see parse/templates.ts). */
  style: 'underline' | 'mark' | 'sub' | 'sup' | 'dim';
  text: string;
  tokens: Token[];
}

/** Elements nested deeper than this are read as children of the deepest one kept. */
const MAX_DEPTH = 64;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements that print nothing, children included. */
const SILENT = new Set([
  'base', 'canvas', 'col', 'colgroup', 'head', 'input', 'link', 'map', 'math', 'meta', 'noscript', 'param', 'script',
  'select', 'source', 'style', 'svg', 'template', 'title', 'track', 'wbr',
]);
const EMBEDS = new Set(['iframe', 'video', 'audio', 'embed', 'object']);
/** Elements laid out as blocks (the rest flow inline). */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li',
  'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
  'picture', 'body', 'html',
]);

/** True when some token (at any depth) is raw HTML. */
export function hasHtml(tokens: readonly Token[]): boolean {
  const stack: Token[] = [...tokens];
  while (stack.length > 0) {
    const token = stack.pop()!;
    if (token.type === 'html') return true;
    pushChildren(stack, token);
  }
  return false;
}

function pushChildren(stack: Token[], token: Token): void {
  const t = token as { tokens?: Token[]; items?: Token[]; header?: Tokens.TableCell[]; rows?: Tokens.TableCell[][] };
  if (t.tokens) append(stack, t.tokens);
  if (t.items) append(stack, t.items);
  if (t.header) for (const cell of t.header) append(stack, cell.tokens);
  if (t.rows) for (const row of t.rows) for (const cell of row) append(stack, cell.tokens);
}

/** Block tokens with every piece of raw HTML turned into ordinary tokens. */
export function extractHtml(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    if (token.type === 'html') {
      append(out, blocks(parseHtml(token.raw)));
      continue;
    }
    extractInside(token);
    out.push(token);
  }
  return out;
}

/** Converts the HTML held inside a block token (its inline tokens, items, cells, quoted blocks). */
function extractInside(token: Token): void {
  const t = token as Tokens.Generic;
  if (token.type === 'blockquote') t.tokens = extractHtml(t.tokens as Token[]);
  else if (token.type === 'list') for (const item of (token as Tokens.List).items) item.tokens = extractHtml(item.tokens);
  else if (token.type === 'table') {
    const table = token as Tokens.Table;
    for (const cell of table.header) cell.tokens = extractInlineHtml(cell.tokens);
    for (const row of table.rows) for (const cell of row) cell.tokens = extractInlineHtml(cell.tokens);
  } else if (Array.isArray(t.tokens)) t.tokens = extractInlineHtml(t.tokens as Token[]);
}

// ---- parsing ------------------------------------------------------------------

/** HTML text -> a tree of elements and text (entities decoded, comments dropped). */
export function parseHtml(html: string): Node[] {
  const { Parser } = loadHtmlLib();
  const root: El = { name: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  let overflow = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (stack.length > MAX_DEPTH) {
          overflow++;
          return;
        }
        const el: El = { name, attrs, children: [] };
        stack[stack.length - 1]!.children.push(el);
        stack.push(el);
      },
      onclosetag() {
        if (overflow > 0) overflow--;
        else if (stack.length > 1) stack.pop();
      },
      ontext(text) {
        const children = stack[stack.length - 1]!.children;
        const last = children.length - 1;
        if (last >= 0 && typeof children[last] === 'string') children[last] += text;
        else children.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  // "<U+202E>" is how a bidi or invisible character is shown (sanitize.ts), not a tag: it stays text.
  parser.write(html.replace(/<(U\+[0-9A-F]{4,6}>)/g, '&lt;$1'));
  parser.end();
  return root.children;
}

const TAG_NAME = /^<([A-Za-z][A-Za-z0-9-]*)/;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * One opening tag as marked gives it inline ("<a href=x>", "<br/>"): its name
 * and attributes (entities decoded). marked has checked its syntax already,
 * so a small reader does, without building an HTML parser per tag.
 */
function parseOpenTag(raw: string): El | null {
  const name = TAG_NAME.exec(raw);
  if (!name) return null;
  const attrs: Record<string, string> = {};
  const rest = raw.slice(name[0].length).replace(/\/?>$/, '');
  for (const m of rest.matchAll(ATTRIBUTE)) {
    const key = m[1]!.toLowerCase();
    if (!(key in attrs)) attrs[key] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return { name: name[1]!.toLowerCase(), attrs, children: [] };
}

// ---- blocks -------------------------------------------------------------------

/** Nodes laid out as blocks: runs of inline content become paragraphs. */
function blocks(nodes: readonly Node[]): Token[] {
  const out: Token[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.some(isVisible)) out.push(paragraph(trimRun(run)));
    run = [];
  };
  for (const node of nodes) {
    if (typeof node === 'string') run.push(text(collapse(node)));
    else if (node.name === 'script') {
      const embed = scriptEmbed(node);
      if (embed) {
        flush();
        out.push(embed);
      }
    } else if (SILENT.has(node.name)) continue;
    else if (EMBEDS.has(node.name)) {
      flush();
      out.push(embedOf(node));
    } else if (BLOCKS.has(node.name)) {
      flush();
      append(out, block(node));
    } else append(run, inline(node));
  }
  flush();
  return out;
}

function block(el: El): Token[] {
  const name = el.name;
  if (/^h[1-6]$/.test(name)) {
    const tokens = trimRun(inlineChildren(el.children));
    const plain = plainText(tokens);
    return plain.trim() === '' ? [] : [{ type: 'heading', raw: plain, depth: Number(name[1]), text: plain, tokens } as Tokens.Heading];
  }
  switch (name) {
    case 'ul':
    case 'ol':
    case 'menu':
    case 'dir':
      return [list(el)];
    case 'li':
      return [list({ name: 'ul', attrs: {}, children: [el] })];
    case 'blockquote': {
      const inner = blocks(el.children);
      return inner.length === 0 ? [] : [{ type: 'blockquote', raw: '', text: '', tokens: inner } as Tokens.Blockquote];
    }
    case 'pre':
      return [code(el)];
    case 'hr':
      return [{ type: 'hr', raw: '' } as Tokens.Hr];
    case 'table':
      return table(el);
    case 'details':
      return details(el);
    case 'summary':
      return summaryLine(el.children);
    default:
      return blocks(el.children);
  }
}

function list(el: El): Tokens.List {
  const ordered = el.name === 'ol';
  const start = ordered ? Number.parseInt(el.attrs.start ?? '1', 10) : '';
  const items: Tokens.ListItem[] = [];
  for (const child of el.children) {
    if (typeof child === 'string') continue; // white space between items
    const tokens = child.name === 'li' ? blocks(child.children) : blocks([child]);
    items.push({ type: 'list_item', raw: '', task: false, loose: false, text: plainText(tokens), tokens });
  }
  return { type: 'list', raw: '', ordered, start: Number.isFinite(start) ? start : 1, loose: false, items } as Tokens.List;
}

function code(el: El): Tokens.Code {
  const inner = el.children.find((c): c is El => typeof c !== 'string' && c.name === 'code');
  const lang = /(?:^|\s)(?:language|lang)-(\S+)/.exec(inner?.attrs.class ?? el.attrs.class ?? '')?.[1];
  const body = textContent(el.children).replace(/^\n/, '');
  return { type: 'code', raw: '', lang: lang ?? '', text: body.replace(/\n$/, '') } as Tokens.Code;
}

function table(el: El): Token[] {
  const rows: El[] = [];
  const before: Token[] = [];
  const collect = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      if (node.name === 'tr') rows.push(node);
      else if (node.name === 'thead' || node.name === 'tbody' || node.name === 'tfoot') collect(node.children);
      else if (node.name === 'caption') append(before, blocks(node.children));
      else if (node.name === 'td' || node.name === 'th') rows.push({ name: 'tr', attrs: {}, children: [node] });
    }
  };
  collect(el.children);
  const cells = rows.map((row) => row.children.filter((c): c is El => typeof c !== 'string' && (c.name === 'td' || c.name === 'th')));
  const n = Math.max(0, ...cells.map((r) => r.length));
  if (n === 0) return before;
  const cell = (c: El | undefined, header: boolean): Tokens.TableCell => {
    const tokens = c ? trimRun(inlineChildren(c.children)) : [];
    return { text: plainText(tokens), tokens, header, align: c ? alignOf(c) : null };
  };
  const [head, ...body] = cells;
  const header = Array.from({ length: n }, (_, i) => cell(head![i], true));
  const align = header.map((h) => h.align);
  const rowsOut = body.map((r) => Array.from({ length: n }, (_, i) => cell(r[i], false)));
  return [...before, { type: 'table', raw: '', header, align, rows: rowsOut } as Tokens.Table];
}

function alignOf(el: El): 'left' | 'right' | 'center' | null {
  const value = (el.attrs.align ?? /text-align\s*:\s*(\w+)/i.exec(el.attrs.style ?? '')?.[1] ?? '').toLowerCase();
  return value === 'left' || value === 'right' || value === 'center' ? value : null;
}

/** <details>: its summary as a line with a marker, then the rest. */
function details(el: El): Token[] {
  const summary = el.children.find((c): c is El => typeof c !== 'string' && c.name === 'summary');
  const rest = el.children.filter((c) => c !== summary);
  return [...summaryLine(summary ? summary.children : [text('Details')]), ...blocks(rest)];
}

function summaryLine(children: readonly (Node | Token)[]): Token[] {
  const inner = trimRun(children.flatMap((c) => (isToken(c) ? [c] : typeof c === 'string' ? [text(collapse(c))] : inline(c))));
  const strong = { type: 'strong', raw: '', text: plainText(inner), tokens: inner } as Tokens.Strong;
  return [paragraph([text('▸ '), strong])];
}

function isToken(x: Node | Token): x is Token {
  return typeof x !== 'string' && 'type' in x;
}

// ---- inline -------------------------------------------------------------------

/** An element as inline tokens. */
function inline(el: El): Token[] {
  if (el.name === 'script') {
    const embed = scriptEmbed(el);
    return embed ? [embed] : [];
  }
  if (SILENT.has(el.name)) return [];
  if (EMBEDS.has(el.name)) return [embedOf(el)];
  const children = el.name === 'pre' || el.name === 'code' || el.name === 'kbd' || el.name === 'samp' || el.name === 'tt' ? [] : inlineChildren(el.children);
  return wrap(el, children, textContent(el.children));
}

function inlineChildren(nodes: readonly Node[]): Token[] {
  const out: Token[] = [];
  for (const node of nodes) {
    if (typeof node === 'string') out.push(text(collapse(node)));
    else if (BLOCKS.has(node.name) && node.name !== 'hr') {
      // A block inside inline content (a list in a table cell): its lines apart.
      if (out.length > 0) out.push(br());
      if (node.name === 'li') out.push(text('• '));
      append(out, inlineChildren(node.children));
      out.push(br());
    } else append(out, inline(node));
  }
  return out;
}

/** The tokens an inline element stands for, around its converted children. */
function wrap(el: El, children: Token[], plain: string): Token[] {
  const raw = '';
  switch (el.name) {
    case 'br':
      return [br()];
    case 'hr':
      return [br()];
    case 'img': {
      const alt = el.attrs.alt ?? '';
      return [{ type: 'image', raw, href: el.attrs.src ?? el.attrs['data-src'] ?? '', title: el.attrs.title ?? null, text: escapeText(alt), tokens: [text(alt)] } as Tokens.Image];
    }
    case 'a':
      if (!el.attrs.href) return children;
      return [{ type: 'link', raw, href: escapeText(el.attrs.href), title: el.attrs.title ?? null, text: plainText(children), tokens: children } as Tokens.Link];
    case 'b':
    case 'strong':
      return [{ type: 'strong', raw, text: plainText(children), tokens: children } as Tokens.Strong];
    case 'i':
    case 'em':
    case 'cite':
    case 'dfn':
    case 'var':
      return [{ type: 'em', raw, text: plainText(children), tokens: children } as Tokens.Em];
    case 's':
    case 'del':
    case 'strike':
      return [{ type: 'del', raw, text: plainText(children), tokens: children } as Tokens.Del];
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
      return plain === '' ? [] : [{ type: 'codespan', raw, text: plain.replace(/\s+/g, ' ') } as Tokens.Codespan];
    case 'u':
    case 'ins':
      return [style('underline', children)];
    case 'mark':
      return [style('mark', children)];
    case 'sub':
      return [style('sub', children)];
    case 'sup':
      return [style('sup', children)];
    case 'q':
      return [text('“'), ...children, text('”')];
    case 'summary':
      return [text('▸ '), ...children];
    case NOTE_TAG:
      return [style('dim', children)];
    default:
      return children;
  }
}

function style(kind: StyleToken['style'], tokens: Token[]): Token {
  const token: StyleToken = { type: 'html_style', raw: '', style: kind, text: plainText(tokens), tokens };
  return token as unknown as Token;
}

/**
 * Inline tokens with marked's one-tag `html` tokens paired into elements:
 * [<b>, "x", </b>] -> [strong("x")]. A closing tag without its opening one
 * is dropped; an opening tag never closed runs to the end of the tokens.
 */
export function extractInlineHtml(tokens: readonly Token[]): Token[] {
  if (!tokens.some((t) => t.type === 'html' || (t as { tokens?: Token[] }).tokens !== undefined)) return tokens as Token[];
  const root: Token[] = [];
  const open: { el: El; children: Token[] }[] = [];
  const target = () => (open.length > 0 ? open[open.length - 1]!.children : root);
  const close = () => {
    const frame = open.pop()!;
    const name = frame.el.name;
    const converted =
      name === 'script' ? inline(frame.el) : SILENT.has(name) ? [] : EMBEDS.has(name) ? [embedOf(frame.el)] : wrap(frame.el, frame.children, plainText(frame.children));
    append(target(), converted);
  };
  for (const token of tokens) {
    if (token.type !== 'html') {
      const t = token as Tokens.Generic;
      if (Array.isArray(t.tokens)) t.tokens = extractInlineHtml(t.tokens as Token[]);
      target().push(token);
      continue;
    }
    const raw = token.raw.trim();
    const closing = /^<\/([A-Za-z][A-Za-z0-9-]*)\s*>$/.exec(raw);
    if (closing) {
      const name = closing[1]!.toLowerCase();
      const at = open.map((f) => f.el.name).lastIndexOf(name);
      if (at !== -1) while (open.length > at) close();
      continue;
    }
    if (!/^<[A-Za-z]/.test(raw)) continue; // comment, declaration, processing instruction
    const el = parseOpenTag(raw);
    if (!el) continue;
    const top = open[open.length - 1];
    if (el.name === 'source' && top && !top.el.attrs.src && el.attrs.src) top.el.attrs.src = el.attrs.src; // <video><source src>
    if (VOID.has(el.name) || raw.endsWith('/>')) {
      append(target(), el.name === 'script' ? inline(el) : SILENT.has(el.name) ? [] : EMBEDS.has(el.name) ? [embedOf(el)] : wrap(el, [], ''));
    } else if (open.length < MAX_DEPTH) open.push({ el, children: [] });
  }
  while (open.length > 0) close();
  return root;
}

// ---- embeds -------------------------------------------------------------------

const KINDS: [RegExp, string, string][] = [
  [/(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com)$/, 'YouTube video', '▶'],
  [/(^|\.)vimeo\.com$/, 'Vimeo video', '▶'],
  [/(^|\.)speakerdeck\.com$/, 'Speaker Deck slides', '▤'],
  [/(^|\.)slideshare\.net$/, 'SlideShare slides', '▤'],
  [/^gist\.github\.com$/, 'GitHub gist', '▣'],
  [/(^|\.)(twitter\.com|x\.com)$/, 'Tweet', '▣'],
  [/(^|\.)codepen\.io$/, 'CodePen', '▣'],
];

function embedOf(el: El): Token {
  const source = el.children.find((c): c is El => typeof c !== 'string' && c.name === 'source');
  const url = el.attrs.src ?? el.attrs['data-src'] ?? el.attrs.data ?? source?.attrs.src ?? '';
  const fallback: Record<string, [string, string]> = {
    iframe: ['embedded page', '▣'],
    video: ['video', '▶'],
    audio: ['audio', '◎'],
    embed: ['embedded object', '▣'],
    object: ['embedded object', '▣'],
  };
  return embed(url, ...(fallback[el.name] ?? ['embedded page', '▣']));
}

function embed(rawUrl: string, kind: string, symbol: string): Token {
  const url = rawUrl.startsWith('//') ? 'https:' + rawUrl : rawUrl;
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    // a relative or broken URL: the element's own kind
  }
  const known = KINDS.find(([re]) => re.test(host));
  const token: EmbedToken = { type: 'html_embed', raw: '', kind: known?.[1] ?? kind, symbol: known?.[2] ?? symbol, url: escapeText(url), text: '' };
  return token as unknown as Token;
}

/** Embed scripts that stand for content (slides, a gist) as an embed; other scripts give nothing. */
function scriptEmbed(el: El): Token | null {
  const src = el.attrs.src ?? '';
  if (/speakerdeck\.com\/assets\/embed\.js/.test(src)) {
    const id = el.attrs['data-id'];
    return embed(id ? `https://speakerdeck.com/player/${id}` : 'https://speakerdeck.com', 'Speaker Deck slides', '▤');
  }
  const gist = /^(?:https?:)?\/\/gist\.github\.com\/(.+?)\.js(?:\?.*)?$/.exec(src);
  if (gist) return embed(`https://gist.github.com/${gist[1]}`, 'GitHub gist', '▣');
  if (/slideshare\.net/.test(src)) return embed(src, 'SlideShare slides', '▤');
  return null;
}

// ---- helpers ------------------------------------------------------------------

/** Appends without spreading into arguments: a paragraph may hold 100,000 tokens. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

/** A text token; "&" escaped, as marked leaves text for the renderer to decode. */
function text(s: string): Token {
  return { type: 'text', raw: s, text: escapeText(s) } as Tokens.Text;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;');
}

function br(): Token {
  return { type: 'br', raw: '' } as Tokens.Br;
}

function paragraph(tokens: Token[]): Token {
  const plain = plainText(tokens);
  return { type: 'paragraph', raw: plain, text: plain, tokens } as Tokens.Paragraph;
}

/** HTML white space runs collapse to one space. */
function collapse(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, ' ');
}

/** A run without spaces or line breaks at its ends. */
function trimRun(run: Token[]): Token[] {
  const out = [...run];
  while (out.length > 0 && isBlank(out[0]!)) out.shift();
  while (out.length > 0 && isBlank(out[out.length - 1]!)) out.pop();
  return out;
}

function isBlank(token: Token): boolean {
  return token.type === 'br' || (token.type === 'text' && !(token as Tokens.Text).tokens && token.text.trim() === '');
}

function isVisible(token: Token): boolean {
  return !isBlank(token);
}

/** Plain text of tokens seen before: elements nest, and each level asks for the text of all below it. */
const plainTexts = new WeakMap<object, string>();

/** Text of inline tokens, unescaped, without markup. */
function plainText(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) {
    const g = t as Tokens.Generic;
    if (t.type === 'br') out += '\n';
    else if (Array.isArray(g.tokens)) {
      let text = plainTexts.get(t);
      if (text === undefined) {
        text = plainText(g.tokens as Token[]);
        plainTexts.set(t, text);
      }
      out += text;
    } else if (typeof g.text === 'string') out += t.type === 'codespan' ? g.text : g.text.replace(/&amp;/g, '&');
  }
  return out;
}

function textContent(nodes: readonly Node[]): string {
  let out = '';
  for (const node of nodes) out += typeof node === 'string' ? node : SILENT.has(node.name) ? '' : node.name === 'br' ? '\n' : textContent(node.children);
  return out;
}
