// Drives the browse model without a terminal: a model, a way to send it keys
// and messages, and the screen as plain text.
import { parsePost } from '../../../src/parse/post.js';
import { emptyList, initialModel, toListItem, type ListItem, type Model, type Screen } from '../../../src/browse/model.js';
import { postPage, update, type Effect, type Msg } from '../../../src/browse/update.js';
import { view } from '../../../src/browse/view.js';
import { stripStyles } from '../../../src/browse/page.js';
import type { Lang } from '../../../src/i18n.js';
import type { Post, RenderOptions } from '../../../src/types.js';

export const NOON = new Date(2024, 8, 14, 12, 0);

export function render(width: number, colorLevel: RenderOptions['colorLevel'] = 0, lang: Lang = 'en'): RenderOptions {
  return { width, textWidth: Math.min(100, width), colorLevel, hyperlinks: false, lang };
}

export function makePost(text: string, path = 'posts/2024-09-14-notes.md'): Post {
  return parsePost(text, path);
}

export function pageModel(post: Post, options: { width?: number; height?: number; colorLevel?: RenderOptions['colorLevel']; lang?: Lang } = {}): Model {
  const width = options.width ?? 60;
  const r = render(width, options.colorLevel ?? 0, options.lang ?? 'en');
  return initialModel({ width, height: options.height ?? 12, lang: options.lang ?? 'en', render: r, screen: postPage(post, r) });
}

export function listModel(items: ListItem[], options: { width?: number; height?: number; lang?: Lang } = {}): Model {
  const width = options.width ?? 60;
  const start = initialModel({ width, height: options.height ?? 8, lang: options.lang ?? 'en', render: render(width, 0, options.lang ?? 'en'), screen: emptyList('posts') });
  return update(start, { type: 'posts', items, complete: true }).model;
}

/** Sends messages in turn; returns the last model and every effect asked for. */
export function run(model: Model, ...msgs: Msg[]): { model: Model; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const msg of msgs) {
    const step = update(model, msg);
    model = step.model;
    effects.push(...step.effects);
  }
  return { model, effects };
}

/** Key messages for each key; a string of several characters is typed one by one. */
export function keys(...list: string[]): Msg[] {
  return list.flatMap((k) => (k.startsWith('<') && k.endsWith('>') ? [k] : Array.from(k))).map((key) => ({ type: 'key' as const, key, now: NOON }));
}

export function press(model: Model, ...list: string[]): Model {
  return run(model, ...keys(...list)).model;
}

export function screen(model: Model): string[] {
  return view(model).map(stripStyles);
}

export function top<K extends Screen['kind']>(model: Model, kind: K): Extract<Screen, { kind: K }> {
  const s = model.stack[model.stack.length - 1]!;
  if (s.kind !== kind) throw new Error(`expected a ${kind} screen on top, got ${s.kind}`);
  return s as Extract<Screen, { kind: K }>;
}

export function item(path: string, title: string, extra: Partial<ListItem> = {}): ListItem {
  return toListItem({ path, title, date: extra.date ?? null, category: extra.category ?? null, sessions: extra.sessions ?? 0 });
}
