// htmlparser2 and the entities table, loaded on first use: most posts hold
// neither HTML nor a rare entity, and their start-up does not pay for them.
// The built CLI loads them from their own bundle, dist/html-lib.cjs (see
// scripts/build.mjs); the sources, as under the tests, from node_modules.
import { createRequire } from 'node:module';
import type { Parser } from 'htmlparser2';

declare const __HTML_LIB__: string;

export interface HtmlLib {
  Parser: typeof Parser;
  /** "&frac34;" -> "¾"; text without a known reference comes back unchanged. */
  decodeHTMLStrict: (text: string) => string;
}

let lib: HtmlLib | undefined;

export function loadHtmlLib(): HtmlLib {
  if (lib) return lib;
  const require = createRequire(import.meta.url);
  const loadBundle = (globalThis as Record<symbol, unknown>)[Symbol.for('postview.loadBundle')];
  if (typeof __HTML_LIB__ === 'string') {
    // Through bin/postview.cjs's loader, with a code cache, when there is one.
    lib = (typeof loadBundle === 'function' ? loadBundle(__HTML_LIB__) : require(`./${__HTML_LIB__}.cjs`)) as HtmlLib;
  } else {
    const { Parser: P } = require('htmlparser2') as { Parser: typeof Parser };
    const { decodeHTMLStrict } = require('entities') as { decodeHTMLStrict: (t: string) => string };
    lib = { Parser: P, decodeHTMLStrict };
  }
  return lib;
}
