// Headings -> a section tree. A section is a heading token and every token
// after it up to the next heading of the same or a higher level.
import type { Token, Tokens } from 'marked';
import type { Section } from '../types.js';
import { extractPlainText } from './text.js';

export function extractSections(tokens: readonly Token[]): Section[] {
  const roots: Section[] = [];
  const open: { section: Section; start: number }[] = [];
  const close = (end: number) => {
    const top = open.pop();
    if (top) top.section.tokens = tokens.slice(top.start, end);
  };
  tokens.forEach((token, i) => {
    if (token.type !== 'heading') return;
    const level = (token as Tokens.Heading).depth;
    while (open.length > 0 && open[open.length - 1]!.section.level >= level) close(i);
    const section: Section = { title: headingTitle(token as Tokens.Heading), level, tokens: [], children: [] };
    const parent = open[open.length - 1];
    (parent ? parent.section.children : roots).push(section);
    open.push({ section, start: i });
  });
  while (open.length > 0) close(tokens.length);
  return roots;
}

/** White space that collapsing runs of it to one space would change: anything but a single space. */
const LOOSE_SPACE = /[^\S ]| {2}/;

export function headingTitle(token: Tokens.Heading): string {
  const text = extractPlainText(token.tokens);
  // Most titles hold single spaces alone, which collapsing would leave as they are.
  return (LOOSE_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** Every section of the tree, parents before their children. */
export function flattenSections(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  const stack = [...sections].reverse();
  while (stack.length > 0) {
    const section = stack.pop()!;
    out.push(section);
    for (let i = section.children.length - 1; i >= 0; i--) stack.push(section.children[i]!);
  }
  return out;
}
