import { Lexer } from 'marked';
import { hasLanguageCode, loadHighlighter } from '../../../src/render/highlight.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import type { RenderOptions } from '../../../src/types.js';

const lex = (md: string) => new Lexer({ gfm: true }).lex(md);
const COLOR: RenderOptions = { width: 80, textWidth: 80, colorLevel: 1, hyperlinks: false };
const FENCE = '```';

describe('hasLanguageCode', () => {
  it.each([
    [`${FENCE}js\nlet a = 1\n${FENCE}\n`, true],
    [`- item\n\n  ${FENCE}ts\n  let a = 1\n  ${FENCE}\n`, true],
    [`> ${FENCE}python\n> x = 1\n> ${FENCE}\n`, true],
    [`${FENCE}\nplain\n${FENCE}\n`, false],
    ['    indented code\n', false],
    ['no code at all\n', false],
  ])('%j -> %s', (md, expected) => {
    expect(hasLanguageCode(lex(md))).toBe(expected);
  });
});

describe('code blocks with a language', () => {
  it('go through the highlighter, indented, when colour is on', () => {
    const seen: string[] = [];
    const highlight = (code: string, lang: string) => {
      seen.push(lang);
      return code.replace(/let/g, '\x1b[34mlet\x1b[39m');
    };
    const out = renderMarkdown(lex(`${FENCE}js title="x"\nlet a = 1\nlet b = 2\n${FENCE}\n`), { ...COLOR, highlight });
    expect(seen).toEqual(['js']);
    expect(out).toBe('    \x1b[34mlet\x1b[39m a = 1\n    \x1b[34mlet\x1b[39m b = 2\n');
  });

  it('stay plain without colour, and without a language', () => {
    const highlight = () => 'never';
    expect(renderMarkdown(lex(`${FENCE}js\nlet a = 1\n${FENCE}\n`), { ...COLOR, colorLevel: 0, highlight })).toBe('    let a = 1\n');
    expect(renderMarkdown(lex(`${FENCE}\nlet a = 1\n${FENCE}\n`), { ...COLOR, highlight })).not.toContain('never');
  });

  it('cli-highlight colours keywords and keeps every line', () => {
    const highlight = loadHighlighter(1);
    expect(highlight).toBeDefined();
    const code = 'const a = 1;\nfunction f() {\n  return "x";\n}';
    const out = highlight!(code, 'js');
    expect(out).toContain('\x1b[');
    expect(out.replace(/\x1b\[[0-9;]*m/g, '')).toBe(code);
    expect(process.env.FORCE_COLOR).toBeUndefined();
  });

  it('leaves code in a language highlight.js does not know as it is', () => {
    expect(loadHighlighter(1)!('let a = 1', 'nosuchlang')).toBe('let a = 1');
  });
});
