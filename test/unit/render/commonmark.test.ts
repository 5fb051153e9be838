// The CommonMark spec examples (commonmark-spec 0.31.2, 652 examples) through
// postview's lexer and renderer. The rule for "passes" is in spec-text.ts.
// The examples that passed before HTML, templates and footnotes were handled
// are listed in test/fixtures/render/commonmark-passing.json: none may fail.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { lexBody } from '../../../src/parse/post.js';
import { limitNesting } from '../../../src/parse/nesting.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { showsWords, visibleWords } from './spec-text.js';

interface Example {
  markdown: string;
  html: string;
  section: string;
  number: number;
}
const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: Example[] };
const before = new Set<number>(JSON.parse(readFileSync('test/fixtures/render/commonmark-passing.json', 'utf8')).passing);
const render = (markdown: string) => renderMarkdown(lexBody(limitNesting(markdown)), { width: 80, textWidth: 80, colorLevel: 0, hyperlinks: false });

describe('CommonMark spec examples', () => {
  const results = spec.tests.map((ex) => ({ ex, pass: showsWords(render(ex.markdown), visibleWords(ex.html)) }));

  it('runs all 652 examples', () => {
    expect(spec.tests).toHaveLength(652);
  });

  it('keeps every example that passed before', () => {
    const regressed = results.filter((r) => before.has(r.ex.number) && !r.pass).map((r) => `${r.ex.number} (${r.ex.section})`);
    expect(regressed).toEqual([]);
  });

  it('passes at least as many as before', () => {
    const passing = results.filter((r) => r.pass).length;
    process.stderr.write(`CommonMark examples shown in full: ${passing} of ${spec.tests.length} (before: ${before.size})\n`);
    expect(passing).toBeGreaterThanOrEqual(before.size);
  });
});
