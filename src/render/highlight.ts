// Syntax colours for fenced code that names its language, from cli-highlight
// (highlight.js with a terminal theme). Loading it takes ~0.1 s, so it is
// loaded only for a post that has such a block, and only with colour on.
//
// It used to come through marked-terminal's code renderer, which with tab 0
// does just this (cli-highlight's highlight with the language, plain code on
// an error). But marked-terminal is an ES module: required from here, it
// loaded its own copy of cli-highlight that require() did not see, so asking
// cli-highlight which languages it knows loaded highlight.js a second time,
// and `show` of the sample with colour took ~280 ms of CPU instead of ~190
// (node -e 0: 60). marked-terminal and its other dependencies (emoji names,
// tables) are not loaded at all now.
import { createRequire } from 'node:module';
import type { Token } from 'marked';

/** Code -> the same code with colours; lines keep their count. */
export type Highlighter = (code: string, lang: string) => string;

/** True when some fenced code block in the tokens names a language. */
export function hasLanguageCode(tokens: readonly Token[]): boolean {
  const stack: Token[] = [...tokens];
  while (stack.length > 0) {
    const token = stack.pop()!;
    if (token.type === 'code' && typeof token.lang === 'string' && token.lang.trim() !== '') return true;
    // One by one: push(...list) overflows the stack on a list of 150,000 items.
    for (const child of (token as { tokens?: Token[] }).tokens ?? []) stack.push(child);
    for (const item of (token as { items?: Token[] }).items ?? []) stack.push(item);
  }
  return false;
}

interface CliHighlight {
  highlight(code: string, options: { language: string }): string;
  supportsLanguage(name: string): boolean;
}

/**
 * cli-highlight, colouring at `colorLevel` (its chalk reads FORCE_COLOR when
 * loaded, so it follows postview's decision, not its own look at stdout).
 * Undefined when it cannot be loaded: code is then shown plain.
 */
export function loadHighlighter(colorLevel: 1 | 2 | 3): Highlighter | undefined {
  const saved = process.env.FORCE_COLOR;
  try {
    process.env.FORCE_COLOR = String(colorLevel);
    const require = createRequire(import.meta.url);
    const { highlight, supportsLanguage } = require('cli-highlight') as CliHighlight;
    return (code, lang) => {
      // A language highlight.js does not know stays plain: asked for it,
      // highlight.js would print "Could not find the language …" itself.
      if (!supportsLanguage(lang)) return code;
      let out: string;
      try {
        out = quietly(() => highlight(code, { language: lang })).replace(/\n+$/, '');
      } catch {
        return code; // code highlight.js cannot read: drawn plain (yellow)
      }
      return out.split('\n').length === code.split('\n').length ? out : code;
    };
  } catch {
    return undefined;
  } finally {
    if (saved === undefined) delete process.env.FORCE_COLOR;
    else process.env.FORCE_COLOR = saved;
  }
}

/** Runs `work` with the console silenced: no library writes to the terminal on its own. */
function quietly<T>(work: () => T): T {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  const silent = (): void => {};
  Object.assign(console, { log: silent, info: silent, warn: silent, error: silent, debug: silent });
  try {
    return work();
  } finally {
    Object.assign(console, saved);
  }
}
