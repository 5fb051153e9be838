// GFM footnotes. Definitions ("[^id]: text", with 4-space indented
// continuation lines) are taken out of the body before it is lexed (marked
// would read some as link definitions), then each reference "[^id]" to a
// defined id becomes a `footnote_ref` token numbered in order of first
// reference, carrying its definition's tokens so that whoever prints the
// reference can print the note (render/markdown.ts prints them together at
// the end). References to ids never defined stay as written.
import type { Token, Tokens } from 'marked';

export interface FootnoteRefToken {
  type: 'footnote_ref';
  raw: string;
  id: string;
  /** 1-based, in order of first reference in the post. */
  n: number;
  /** The number as superscript digits: what the reference shows. */
  text: string;
  /** The definition's block tokens. */
  def: Token[];
}

const DEF_LINE = /^ {0,3}\[\^([^\]\s]{1,200})\]:[ \t]?(.*)$/;
const FENCE = /^\s*(`{3,}|~{3,})/;
/** Capped: a long run of "[^" without "]" costs linear time. */
const REF = /\[\^([^\]\s]{1,200})\]/g;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** True when the body may hold footnotes. */
export function hasFootnotes(body: string): boolean {
  return body.includes('[^');
}

/** The body without its footnote definitions, and the definitions' Markdown by id (lower case; the first wins). */
export function extractFootnoteDefinitions(body: string): { body: string; definitions: Map<string, string> } {
  const definitions = new Map<string, string>();
  const lines = body.split('\n');
  const out: string[] = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = FENCE.exec(line);
    if (fence !== null) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = null;
      out.push(line);
      continue;
    }
    if (f) {
      fence = f[1]!;
      out.push(line);
      continue;
    }
    const def = DEF_LINE.exec(line);
    if (!def) {
      out.push(line);
      continue;
    }
    const text = [def[2]!];
    // Continuation: indented lines (blank lines between them allowed), or
    // unindented lines straight after (a lazy paragraph continuation).
    let j = i + 1;
    let lazy = true;
    while (j < lines.length) {
      const next = lines[j]!;
      if (next.trim() === '') {
        let k = j;
        while (k < lines.length && lines[k]!.trim() === '') k++;
        if (k < lines.length && /^(?: {4}|\t)/.test(lines[k]!)) {
          for (; j < k; j++) text.push('');
          lazy = false;
          continue;
        }
        break;
      }
      if (/^(?: {4}|\t)/.test(next)) text.push(next.replace(/^(?: {4}|\t)/, ''));
      else if (lazy && !DEF_LINE.test(next) && !/^\s*(?:#|>|[-*+]\s|\d+[.)]\s|`{3}|~{3}|\|)/.test(next)) text.push(next);
      else break;
      j++;
    }
    const id = def[1]!.toLowerCase();
    if (!definitions.has(id)) definitions.set(id, text.join('\n'));
    i = j - 1;
  }
  return { body: out.join('\n'), definitions };
}

/** "12" -> "¹²". */
export function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!);
}

/**
 * Replaces references to defined footnotes in the tokens (in place, in
 * document order) with numbered `footnote_ref` tokens. `lex` turns a
 * definition's Markdown into tokens; references inside definitions are
 * numbered after those of the body.
 */
export function linkFootnotes(tokens: Token[], definitions: ReadonlyMap<string, string>, lex: (markdown: string) => Token[]): void {
  if (definitions.size === 0) return;
  const refs = new Map<string, FootnoteRefToken>();
  const pending: Token[][] = [];
  const refFor = (id: string): FootnoteRefToken | null => {
    const key = id.toLowerCase();
    const known = refs.get(key);
    if (known) return known;
    const markdown = definitions.get(key);
    if (markdown === undefined) return null;
    const n = refs.size + 1;
    const def = lex(markdown);
    const token: FootnoteRefToken = { type: 'footnote_ref', raw: `[^${id}]`, id: key, n, text: superscript(n), def };
    refs.set(key, token);
    pending.push(def);
    return token;
  };
  walk(tokens, refFor);
  for (let k = 0; k < pending.length; k++) walk(pending[k]!, refFor);
}

function walk(tokens: Token[], refFor: (id: string) => FootnoteRefToken | null): void {
  // Texts cut around references are gathered into `out`, which replaces the
  // tokens at the end (in one pass: a paragraph may hold 100,000 of them).
  const out: Token[] = [];
  let changed = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    out.push(token);
    const t = token as Tokens.Generic;
    if (token.type === 'code' || token.type === 'codespan' || token.type === 'footnote_ref') continue;
    if (token.type === 'image') {
      t.text = String(t.text).replace(REF, (whole, id: string) => refFor(id)?.text ?? whole);
      if (Array.isArray(t.tokens)) walk(t.tokens as Token[], refFor);
      continue;
    }
    if (token.type === 'text' && !Array.isArray(t.tokens) && typeof t.text === 'string' && t.text.includes('[^')) {
      const parts = split(token as Tokens.Text, refFor);
      if (parts) {
        out.pop();
        for (const part of parts) out.push(part);
        changed = true;
      }
      continue;
    }
    if (Array.isArray(t.tokens)) walk(t.tokens as Token[], refFor);
    if (Array.isArray(t.items)) for (const item of t.items as Tokens.ListItem[]) walk(item.tokens, refFor);
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of table.header) walk(cell.tokens, refFor);
      for (const row of table.rows) for (const cell of row) walk(cell.tokens, refFor);
    }
  }
  if (changed) {
    tokens.length = 0;
    for (const token of out) tokens.push(token);
  }
}

/** A text token cut around its references; null when none is to a defined footnote. */
function split(token: Tokens.Text, refFor: (id: string) => FootnoteRefToken | null): Token[] | null {
  const out: Token[] = [];
  let last = 0;
  let found = false;
  for (const m of token.text.matchAll(REF)) {
    const ref = refFor(m[1]!);
    if (!ref) continue;
    found = true;
    if (m.index > last) out.push(textToken(token.text.slice(last, m.index)));
    out.push(ref as unknown as Token);
    last = m.index + m[0].length;
  }
  if (!found) return null;
  if (last < token.text.length) out.push(textToken(token.text.slice(last)));
  return out;
}

function textToken(text: string): Token {
  return { type: 'text', raw: text, text } as Tokens.Text;
}
