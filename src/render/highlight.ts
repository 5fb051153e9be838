// Syntax colours for fenced code that names its language, from marked-terminal
// (through cli-highlight and highlight.js). Loading them takes ~0.1 s, so they
// are loaded only for a post that has such a block, and only with colour on.
//
// marked-terminal is an ES module: required from here, the cli-highlight it
// imports is not the one require('cli-highlight') would give, so asking that
// one which languages it knows loaded highlight.js a second time (`show` of
// the sample with colour: ~280 ms of CPU instead of ~190; node -e 0: 60).
// An unknown language is told instead by highlight.js speaking up.
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

interface TerminalRenderer {
  code(token: { text: string; lang?: string }): string;
}

/**
 * marked-terminal's code renderer, colouring at `colorLevel` (its chalk reads
 * FORCE_COLOR when loaded, so it follows postview's decision, not its own
 * look at stdout). Undefined when it cannot be loaded: code is then shown plain.
 */
export function loadHighlighter(colorLevel: 1 | 2 | 3): Highlighter | undefined {
  const saved = process.env.FORCE_COLOR;
  try {
    process.env.FORCE_COLOR = String(colorLevel);
    const require = createRequire(import.meta.url);
    const Renderer = (require('marked-terminal') as { default: new (options: object, highlight: object) => TerminalRenderer }).default;
    const renderer = new Renderer({ tab: 0 }, {});
    return (code, lang) => {
      // A language highlight.js does not know ("Could not find the language
      // …", said on the console, which quietly keeps from the terminal):
      // the code stays plain, as for code it cannot read.
      const { value, spoke } = quietly(() => renderer.code({ text: code, lang }));
      if (spoke) return code;
      // It returns the block followed by a blank line; keep the lines alone.
      const out = value.replace(/\n+$/, '');
      return out.split('\n').length === code.split('\n').length ? out : code;
    };
  } catch {
    return undefined;
  } finally {
    if (saved === undefined) delete process.env.FORCE_COLOR;
    else process.env.FORCE_COLOR = saved;
  }
}

/** Runs `work` with the console silenced (no library writes to the terminal on its own); `spoke` when it tried. */
function quietly<T>(work: () => T): { value: T; spoke: boolean } {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  let spoke = false;
  const silent = (): void => {
    spoke = true;
  };
  Object.assign(console, { log: silent, info: silent, warn: silent, error: silent, debug: silent });
  try {
    return { value: work(), spoke };
  } finally {
    Object.assign(console, saved);
  }
}
