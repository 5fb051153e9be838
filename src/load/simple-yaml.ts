// A fast path for the front matter nearly every post has: "key: value" lines
// whose values are plain or quoted strings, dates, true/false/null, or lists
// of strings ("[a, b]" or "- a" lines). Listing thousands of posts spends most
// of its time in js-yaml otherwise.
//
// It returns exactly what js-yaml's safeLoad returns for such text (a Date for
// a date, as js-yaml builds it), and undefined for anything else: anything
// unusual (comments, escapes, numbers, anchors, nesting, a ": " inside a
// value, a repeated key, ...) goes to js-yaml. Tests compare the two.

import { isRealDay } from '../parse/dates.js';

type Scalar = string | boolean | null | Date;
export type SimpleValue = Scalar | Scalar[];

const ITEM_LINE = /^( *)- +(.*)$/;
/**
 * Anything but tab, newline and printable characters: the control characters
 * and U+FFFE/U+FFFF js-yaml refuses, and also CR and U+0085, which postview
 * would show as symbols. Surrogates pass here and are checked below. So no
 * string this returns holds a control character.
 */
const UNUSUAL = /[^\t\n\x20-\x7e\u00a0-\ufffd]/;
const LINE_SEPARATOR = /[\u2028\u2029]/;
const SURROGATE = /[\uD800-\uDFFF]/;
/** UNUSUAL or a surrogate: text without either needs neither look (nor LONE_SURROGATE's). */
const UNUSUAL_OR_SURROGATE = /[^\t\n\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]/;

/**
 * True when the text holds only tab, line feed and printable characters of
 * the Basic Multilingual Plane (no surrogate): parseSimpleYaml's own look at
 * its characters can then be skipped (`plain`), and front matter needs no
 * look for raw controls either.
 */
export function isPlainYamlText(text: string): boolean {
  return !UNUSUAL_OR_SURROGATE.test(text);
}
/** A surrogate without its pair, which js-yaml refuses. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const BOOLEANS = new Map([['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false]]);
const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
/** A plain scalar that can only be a string: it starts with a letter (any script) or "_" (as /^[A-Za-z_\u00A0-\uFFFD]/). */
function isPlainStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || (code >= 0xa0 && code <= 0xfffd);
}

/**
 * The YAML between front matter delimiters as js-yaml would load it, or
 * undefined when it is not this simple. Keys are plain ASCII names (never
 * "__proto__"), strings hold no control character. With `datesAsText`, a
 * date that names a real day of a year from 1000 on is left as its text,
 * which is what dateText makes of js-yaml's Date (front matter keeps dates
 * as text): `list` reads 10,000 of them. `plain`: the caller found the text
 * isPlainYamlText.
 */
export function parseSimpleYaml(yaml: string, datesAsText = false, plain = false): Record<string, SimpleValue> | undefined {
  if (!plain && (UNUSUAL.test(yaml) || (SURROGATE.test(yaml) && LONE_SURROGATE.test(yaml)))) return undefined;
  // "." in the line patterns takes no line separator: a line holding one was never read here.
  if (LINE_SEPARATOR.test(yaml)) return undefined;
  const data: Record<string, SimpleValue> = {};
  let list: { key: string; indent: number } | null = null;
  // Line by line without splitting the text into an array of lines, and a
  // key line read without a regular expression's match array: `list` reads
  // the front matter of 10,000 posts.
  for (let from = 0, end = 0; from < yaml.length; from = end + 1) {
    end = yaml.indexOf('\n', from);
    if (end === -1) end = yaml.length;
    if (end === from) continue;
    const item = list ? ITEM_LINE.exec(yaml.slice(from, end)) : null;
    if (item && list) {
      if (list.indent === -1) list.indent = item[1]!.length;
      if (item[1]!.length !== list.indent) return undefined;
      const value = readScalar(trimSpaces(item[2]!), false, datesAsText);
      if (value === undefined) return undefined;
      if (data[list.key] === null) data[list.key] = [];
      (data[list.key] as Scalar[]).push(value);
      continue;
    }
    const colon = keyEnd(yaml, from, end);
    if (colon === -1) return undefined;
    const key = yaml.slice(from, colon);
    if (key === '__proto__' || Object.hasOwn(data, key) || (key.length <= 5 && (NULLS.has(key) || BOOLEANS.has(key)))) return undefined;
    const text = trimSpaces(yaml.slice(colon + 1, end));
    if (text === '') {
      if (list) trimList(data, list.key);
      data[key] = null;
      list = { key, indent: -1 };
      continue;
    }
    if (list) trimList(data, list.key);
    list = null;
    const value = text.startsWith('[') ? readFlowList(text, datesAsText) : readScalar(text, false, datesAsText);
    if (value === undefined) return undefined;
    data[key] = value;
  }
  if (list) trimList(data, list.key);
  // An empty document is js-yaml's null (gray-matter makes it {} without asking).
  return Object.keys(data).length > 0 ? data : undefined;
}

/**
 * Where the ":" of a key line (yaml from `from` to `end`) is, or -1 when it
 * is not one: what /^([A-Za-z_][A-Za-z0-9_-]{0,99}):(?: +(.*))?$/ matches
 * (the ":" ends the line or is followed by a space) in text without CR,
 * U+2028 or U+2029, which "." would not take.
 */
function keyEnd(yaml: string, from: number, end: number): number {
  let at = from;
  const first = yaml.charCodeAt(at);
  if (!(isAsciiLetter(first) || first === 0x5f)) return -1;
  for (at++; at < end && at - from <= 100; at++) {
    const code = yaml.charCodeAt(at);
    if (!(isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d)) break;
  }
  if (at === end || yaml.charCodeAt(at) !== 0x3a || at - from > 100) return -1;
  return at + 1 === end || yaml.charCodeAt(at + 1) === 0x20 ? at : -1;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** A "- a" list grown by push, copied to its exact length. */
function trimList(data: Record<string, SimpleValue>, key: string): void {
  const value = data[key];
  if (Array.isArray(value)) data[key] = value.slice();
}

/** "[a, b, 'c d']": a flow sequence of scalars on one line. */
function readFlowList(text: string, datesAsText: boolean): Scalar[] | undefined {
  if (!text.endsWith(']')) return undefined;
  const inner = trimSpaces(text.slice(1, -1));
  if (inner === '') return [];
  // The parts' own array, of their exact length (one grown by push keeps room for 17 items, and `list` keeps 10,000 of them).
  const items: Scalar[] = inner.split(',');
  for (let i = 0; i < items.length; i++) {
    const value = readScalar(trimSpaces(items[i] as string), true, datesAsText);
    if (value === undefined) return undefined;
    items[i] = value;
  }
  return items;
}

/**
 * js-yaml trims spaces around a plain scalar, and no other white space (not
 * U+3000, not NBSP). A loop, not / +$/: that expression reads every run of
 * spaces inside the text to its end (a value of 98,000 spaces took 22 s).
 */
function trimSpaces(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && text.charCodeAt(from) === 0x20) from++;
  while (to > from && text.charCodeAt(to - 1) === 0x20) to--;
  return from === 0 && to === text.length ? text : text.slice(from, to);
}

/** One scalar with no trailing spaces, or undefined when js-yaml could read it differently. */
function readScalar(text: string, inFlow: boolean, datesAsText: boolean): Scalar | undefined {
  if (text === '' || text.includes('\t')) return undefined;
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const body = text.slice(1, -1);
    if (text.length < 2 || text.at(-1) !== quote || body.includes(quote) || body.includes('\\')) return undefined;
    return body;
  }
  // Nulls and booleans are at most 5 characters, dates 10: a title is looked up in neither.
  if (text.length <= 5) {
    if (NULLS.has(text)) return null;
    const bool = BOOLEANS.get(text);
    if (bool !== undefined) return bool;
  }
  const date = text.length === 10 ? DATE.exec(text) : null;
  if (date) {
    const year = Number(date[1]);
    const month = Number(date[2]);
    const day = Number(date[3]);
    // Date.UTC reads years 0-99 as 1900-1999 and rolls 2016-02-30 over: those keep the Date.
    if (datesAsText && year >= 1000 && isRealDay(year, month, day)) return text;
    return new Date(Date.UTC(year, month - 1, day));
  }
  if (!isPlainStart(text.charCodeAt(0)) || text.includes(' #') || text.endsWith(':')) return undefined;
  if (inFlow ? /[:[\]{}]/.test(text) : text.includes(': ')) return undefined;
  return text;
}
