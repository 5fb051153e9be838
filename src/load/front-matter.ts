// Front matter through gray-matter, made safe: no engine that runs code, no
// shared cache, and a private, bounded copy of the data (a YAML alias bomb
// is a small tree of shared references that explodes when walked).
// YAML between --- lines; TOML between +++ lines (Hugo), read by smol-toml.
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { isPlainYamlText, parseSimpleYaml, type SimpleValue } from './simple-yaml.js';
import { InputError } from '../errors.js';
import { findImpossibleDate } from '../parse/dates.js';
import { showControls, showName } from '../sanitize.js';
import type { FrontMatter } from '../types.js';

/** C0 and C1 controls but tab and line feed (a CR is gone by now): what YAML and TOML refuse raw. */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
const RAW_CONTROLS = new RegExp(RAW_CONTROL.source, 'g');

/** More values than any real post has; a YAML alias bomb passes it at once. */
const MAX_VALUES = 10_000;

export interface SplitPost {
  frontMatter: FrontMatter;
  /** The body after the front matter. */
  content: string;
}

function refuseCode(language: string) {
  return () => {
    throw new InputError(`front matter written in ${language} is not supported: postview never runs code from a post (expected YAML between --- lines)`);
  };
}

const OPTIONS = {
  engines: {
    yaml: (text: string) => yaml.safeLoad(text, { schema: yaml.DEFAULT_SAFE_SCHEMA }) as unknown,
    // Plain data only; smol-toml bounds nesting depth itself.
    toml: (text: string) => parseToml(text) as unknown,
    js: refuseCode('JavaScript'),
    javascript: refuseCode('JavaScript'),
    coffee: refuseCode('CoffeeScript'),
    coffeescript: refuseCode('CoffeeScript'),
    cson: refuseCode('CoffeeScript'),
  },
};

const TOML_OPTIONS = { ...OPTIONS, language: 'toml', delimiters: '+++' };

/**
 * How long the front matter is, through its closing delimiter: 0 when the
 * text opens none, the whole length when it is never closed. Only ASCII
 * delimiters are looked at, so the same length comes out of the text's UTF-8
 * bytes read as Latin-1.
 */
export function frontMatterLength(text: string): number {
  const toml = text.startsWith('+++');
  if (!toml && !text.startsWith('---')) return 0;
  const delimiter = toml ? '+++' : '---';
  // "----" opens no front matter (gray-matter's own rule).
  if (text.charAt(delimiter.length) === delimiter.charAt(0)) return 0;
  const close = text.indexOf(`\n${delimiter}`, delimiter.length);
  return close === -1 ? text.length : close + 1 + delimiter.length;
}

/** Splits a post's text into front matter and body. `where` names the post in errors. */
export function parseFrontMatter(text: string, where: string): SplitPost {
  let headEnd = frontMatterLength(text);
  if (headEnd === 0) return { frontMatter: {}, content: text };
  // YAML and TOML cannot hold a raw C0 or C1 control (their escapes, "\e",
  // can): such a character written raw in the front matter is read as its
  // picture ("␛"), as it would be shown, rather than refused.
  const plain = isPlainYamlText(text.slice(0, headEnd));
  if (!plain && RAW_CONTROL.test(text.slice(0, headEnd))) {
    const head = text.slice(0, headEnd).replace(RAW_CONTROLS, (ch) => showControls(ch));
    text = head + text.slice(headEnd);
    headEnd = head.length;
  }
  const toml = text.startsWith('+++');
  refuseUnknownLanguage(text, toml, where);
  const impossible = findImpossibleDate(text.slice(0, headEnd));
  if (impossible) throw new InputError(`${showName(where)}: invalid date '${impossible}' in the front matter (expected a real calendar date, YYYY-MM-DD)`);
  // What follows the closing delimiter, less the line break gray-matter drops.
  let rest = text.slice(headEnd);
  if (rest.startsWith('\r')) rest = rest.slice(1);
  if (rest.startsWith('\n')) rest = rest.slice(1);
  const closed = text.startsWith('\n---', headEnd - 4);
  // Most front matter is a few plain "key: value" lines: read without
  // gray-matter and js-yaml, to the same data (see simple-yaml.ts).
  const simple = !toml && closed && text.startsWith('---\n') ? parseSimpleYaml(text.slice(3, headEnd - 4), true, plain) : undefined;
  let parsed: { data: unknown; content: string };
  try {
    // Otherwise gray-matter is given the front matter alone, through its
    // closing line: it copies its whole input into a Buffer and looks it up
    // in a cache keyed by the text, which costs as much as the post is long.
    // Passing options also keeps gray-matter from caching and sharing results.
    parsed = simple ? { data: simple, content: '' } : matter(text.slice(0, headEnd), (toml ? TOML_OPTIONS : OPTIONS) as unknown as Parameters<typeof matter>[1]);
  } catch (error) {
    throw new InputError(`${showName(where)}: ${toml ? describeTomlError(error) : describeYamlError(error)}`);
  }
  const data = simple ? copySimple(simple, where) : copyValue(parsed.data, { left: MAX_VALUES }, where);
  const frontMatter = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as FrontMatter) : {};
  return { frontMatter, content: parsed.content + rest };
}

/** Languages gray-matter may be told after the opening "---" ("---yaml"); the code ones are refused by their engine. */
const FRONT_MATTER_LANGUAGES = new Set(['yaml', 'yml', 'json', 'toml', ...Object.keys(OPTIONS.engines)]);

/**
 * "---constructor" would make gray-matter look the engine up on a plain
 * object and run Object's constructor on the text: any language it is not
 * given as an engine is refused, by name.
 */
function refuseUnknownLanguage(text: string, toml: boolean, where: string): void {
  if (toml) return;
  const end = text.indexOf('\n');
  const language = text.slice(3, end === -1 ? text.length : end).trim();
  if (language !== '' && !FRONT_MATTER_LANGUAGES.has(language.toLowerCase())) {
    throw new InputError(`${showName(where)}: front matter language '${showName(language)}' is not supported (expected YAML between --- lines, or TOML between +++ lines)`);
  }
}

function describeYamlError(error: unknown): string {
  if (error instanceof InputError) return error.message;
  const e = error as { name?: string; reason?: string; mark?: { line: number }; message?: string };
  if (e && e.name === 'YAMLException') {
    // gray-matter hands js-yaml the text after the opening "---", so its line 0 is line 1 of the file.
    const line = e.mark ? ` at line ${e.mark.line + 1}` : '';
    return `invalid YAML front matter${line}: ${e.reason ?? 'cannot be read'} (expected key: value lines between --- lines)`;
  }
  const message = String(e?.message ?? error).split('\n')[0] ?? '';
  return `front matter cannot be read: ${showControls(message)} (expected YAML between --- lines)`;
}

function describeTomlError(error: unknown): string {
  if (error instanceof InputError) return error.message;
  const e = error as { line?: unknown; message?: string };
  const first = String(e?.message ?? error).split('\n')[0] ?? '';
  if (typeof e?.line === 'number') {
    // gray-matter hands smol-toml the text after the opening "+++" (its line 1 is the rest of that line), and smol-toml counts from 1.
    const reason = first.replace(/^Invalid TOML document:\s*/, '') || 'cannot be read';
    return `invalid TOML front matter at line ${e.line}: ${showControls(reason)} (expected key = value lines between +++ lines)`;
  }
  return `front matter cannot be read: ${showControls(first)} (expected TOML between +++ lines)`;
}

/**
 * Copies parsed YAML or TOML into plain JSON-like data: dates become "YYYY-MM-DD"
 * (or ISO) strings (a TOML local date is already "YYYY-MM-DD"; an offset
 * date-time keeps the offset it was written with), text kept as written (render shows its control
 * characters), and no more than
 * MAX_VALUES values are walked.
 */
function copyValue(value: unknown, budget: { left: number }, where: string): unknown {
  if (--budget.left < 0) {
    throw new InputError(`${showName(where)}: front matter is too large (more than ${MAX_VALUES} values, e.g. a YAML alias bomb); expected a few key: value lines`);
  }
  if (typeof value === 'string') return value;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateText(value);
  if (Array.isArray(value)) return value.map((item) => copyValue(item, budget, where));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const copy = copyValue(record[key], budget, where);
      // "__proto__" is kept as an ordinary key, never as the prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
      else out[key] = copy;
    }
    return out;
  }
  return String(value);
}

/** A date as front matter carries it: "YYYY-MM-DD" at midnight UTC, else ISO; null when invalid. */
function dateText(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/**
 * copyValue for what parseSimpleYaml returns, which needs less: its keys are
 * plain names and its strings hold no control character, and its lists are
 * of their exact length. Its own object is kept (it is new, and `list` reads
 * 10,000 of them), a Date made text in place. Values are counted as
 * copyValue counts them.
 */
function copySimple(data: Record<string, SimpleValue>, where: string): FrontMatter {
  const budget = { left: MAX_VALUES - 1 };
  for (const key of Object.keys(data)) {
    const value = data[key]!;
    budget.left -= Array.isArray(value) ? 1 + value.length : 1;
    if (budget.left < 0) copyValue(null, budget, where); // throws the "too large" error
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (value[i] instanceof Date) value[i] = dateText(value[i] as Date) as string | null;
    } else if (value instanceof Date) {
      data[key] = dateText(value);
    }
  }
  return data as FrontMatter;
}
