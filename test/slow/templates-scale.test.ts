// Hostile shapes for the template, footnote and HTML readers: work must grow
// linearly with the input. Each case would take minutes if it were quadratic
// (a 400 kB line scanned again from every position); linear, it takes well
// under a second; together they take seconds (`npm run test:slow`).
import { lexBody } from '../../src/parse/post.js';
import { expandTemplates } from '../../src/parse/templates.js';
import { extractFootnoteDefinitions } from '../../src/parse/footnotes.js';

const N = 100_000;
const within = (ms: number, run: () => unknown) => {
  const t0 = performance.now();
  run();
  expect(performance.now() - t0).toBeLessThan(ms);
};

describe('linear time on hostile posts', () => {
  it.each([
    ['unclosed shortcodes', '{{< x '.repeat(N)],
    ['unclosed Liquid tags', '{% x '.repeat(N)],
    ['unclosed outputs', '{{ x '.repeat(N)],
    ['tags that only look like a tag-only line', '{% a %} '.repeat(N) + 'x'],
    ['backtick runs of growing length before a tag', Array.from({ length: 2000 }, (_, i) => '`'.repeat(i % 50 + 1)).join(' ') + ' {{ x }}'],
    ['code spans before a tag', '`a` '.repeat(N) + '{{ "x" }}'],
  ])('templates: %s', (_name, line) => {
    within(3000, () => expandTemplates(line));
  });

  it('footnotes: a run of "[^" without "]"', () => {
    within(3000, () => extractFootnoteDefinitions('[^'.repeat(N) + '\n\n[^a]: x\n'));
    within(3000, () => lexBody('[^'.repeat(N) + '\n\n[^a]: x\n'));
  });

  it('HTML: deep nesting and many inline tags', () => {
    within(5000, () => lexBody('<div>'.repeat(N / 4) + 'x' + '</div>'.repeat(N / 4)));
    within(5000, () => lexBody('a <b>b</b> <i>c '.repeat(N / 4)));
  });
});
