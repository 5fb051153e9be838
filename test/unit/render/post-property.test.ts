// Whatever a post holds, `show` without colour prints no markup from it:
// no HTML tag of the input, no "[^", "{%", "{{" and no entity reference
// outside code, and no line wider than the width. Checked on every fixture
// of test/fixtures/render/ and on posts generated from the constructs seen
// in real posts, in-process.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Token } from 'marked';
import { createRequire } from 'node:module';
import { parsePost } from '../../../src/parse/post.js';
import { renderPost } from '../../../src/render/post.js';
import { displayWidth } from '../../../src/render/wrap.js';
import type { RenderOptions } from '../../../src/types.js';

const { decodeHTMLStrict } = createRequire(import.meta.url)('entities') as { decodeHTMLStrict: (s: string) => string };
const WIDTHS = [20, 33, 60, 80];

/** Code as written in the post (code blocks and code spans), white space collapsed. */
function codeTexts(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  const stack: unknown[] = [...tokens];
  while (stack.length > 0) {
    const t = stack.pop() as Record<string, unknown>;
    if (!t || typeof t !== 'object') continue;
    if ((t.type === 'code' || t.type === 'codespan') && typeof t.text === 'string') out.push(...t.text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean));
    for (const key of ['tokens', 'items', 'header', 'def']) if (Array.isArray(t[key])) stack.push(...(t[key] as unknown[]));
    if (Array.isArray(t.rows)) for (const row of t.rows as unknown[][]) stack.push(...row);
  }
  return out.sort((a, b) => b.length - a.length);
}

/** Names of the HTML elements written in the input. */
function tagNames(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)].map((m) => m[1]!.toLowerCase()))];
}

function violations(markdown: string, width: number): string[] {
  const post = parsePost(markdown, 'x.md');
  const options: RenderOptions = { width, textWidth: width, colorLevel: 0, hyperlinks: false };
  const out = renderPost(post, options);
  const found: string[] = [];
  const code = codeTexts(post.tokens);
  // Code is never wrapped (test/unit/render/markdown.test.ts): its lines may be wider.
  const isCode = (line: string) => code.includes(line.replace(/\s+/g, ' ').trim());
  for (const line of out.split('\n')) if (displayWidth(line) > width && !isCode(line)) found.push(`wider than ${width}: ${JSON.stringify(line)}`);
  let prose = ' ' + out.replace(/\s+/g, ' ') + ' ';
  for (const text of code) prose = prose.split(text).join(' ');
  for (const name of tagNames(markdown)) if (new RegExp(`</?${name}[\\s>/]`, 'i').test(prose)) found.push(`tag <${name}>`);
  for (const mark of ['[^', '{%', '{{']) if (prose.includes(mark)) found.push(`"${mark}" in ${JSON.stringify(prose.slice(Math.max(0, prose.indexOf(mark) - 30), prose.indexOf(mark) + 30))}`);
  for (const m of prose.matchAll(/&[A-Za-z][A-Za-z0-9]*;/g)) if (decodeHTMLStrict(m[0]) !== m[0]) found.push(`entity ${m[0]}`);
  return found;
}

describe('fixtures print no markup and fit the width', () => {
  const dir = 'test/fixtures/render/';
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');
  it.each(files.flatMap((f) => WIDTHS.map((w) => [f, w] as const)))('%s at %i columns', (file, width) => {
    expect(violations(readFileSync(dir + file, 'utf8'), width)).toEqual([]);
  });
});

// ---- generated posts ------------------------------------------------------------

const word = fc.oneof(
  fc.constantFrom('deploy', 'schedule', '발표', '세션을', '정리했습니다', 'Kafka', 'x', 'naïve', '東京'),
  fc.stringMatching(/^[a-z가-힣]{1,12}$/),
  fc.stringMatching(/^[a-z]{40,90}$/), // longer than the narrow widths
);
const words = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
const url = fc.oneof(
  fc.constantFrom('https://www.youtube.com/embed/aBcDeFgHiJk', 'https://example.com/a/b', '/assets/img/x.png'),
  fc.stringMatching(/^[a-z0-9]{30,120}$/).map((s) => `https://cdn.example.org/${s}/image.png`),
);
const entity = fc.constantFrom('&AElig;', '&frac34;', '&nbsp;', '&copy;', '&hellip;', '&HilbertSpace;', '&ouml;', '&#9731;', '&#x1F600;', '&amp;');

/** One block of a post, from the constructs of the survey (test/fixtures/render/README.md). */
const block = fc.oneof(
  fc.tuple(words, url).map(([w, u]) => `<p align="center">\n  <img src="${u}" alt="${w}" width="750">\n</p>`),
  url.map((u) => `<iframe width="560" height="315" src="${u}" frameborder="0" allowfullscreen></iframe>`),
  fc.tuple(words, words).map(([a, b]) => `<details><summary>${a}</summary>\n\n${b}\n\n</details>`),
  words.map((w) => `<h2>${w}</h2>`),
  fc.tuple(words, words, words).map(([a, b, c]) => `<table><tr><th>${a}</th><th>${b}</th></tr><tr><td>${c}<br>${a}</td><td>${b}</td></tr></table>`),
  fc.constant('<style>\n.x { color: red }\n</style>'),
  words.map((w) => `<!-- ${w} -->`),
  fc.constant('<script async class="speakerdeck-embed" data-id="abc123" src="//speakerdeck.com/assets/embed.js"></script>'),
  fc.tuple(words, words, url).map(([a, b, u]) => `${a} <b>${b}</b> <a href="${u}">${a}</a> <kbd>Ctrl</kbd><br>${b} <span style="color:red">${a}</span>`),
  fc.tuple(words, words).map(([a, b]) => `<ul>\n<li>${a}</li>\n<li>${b}</li>\n</ul>`),
  words.map((w) => `<center>${w}</center>\n{: .notice--info}`),
  words.map((w) => `<div align="center">\n<p>${w}</p>\n</div>`),
  fc.tuple(words, url).map(([w, u]) => `![${w}]({{ "${u.replace(/^https?:\/\/[^/]+/, '')}" | relative_url }})`),
  fc.tuple(words, url).map(([w, u]) => `![${w}]({{ site.baseurl }}${u.replace(/^https?:\/\/[^/]+/, '')}){: .align-center}`),
  words.map((w) => `[${w}]({% post_url 2020-01-02-some-post %})`),
  words.map((w) => `{% highlight ruby linenos %}\n${w}\n{% endhighlight %}`),
  words.map((w) => `{% include gallery.html caption="${w}" %}`),
  words.map((w) => `{% if page.x %}\n${w}\n{% endif %}`),
  fc.constant('{{< youtube y783sRTezDg >}}'),
  fc.tuple(url, words).map(([u, w]) => `{{< figure src="${u}" caption="${w}" >}}`),
  words.map((w) => `{{% notice warning %}}\n${w}\n{{% /notice %}}`),
  fc.constant('{{< load-photoswipe >}}'),
  fc.constant('{{ youtube(id="dQw4w9WgXcQ") }}'),
  fc.constant('* TOC\n{:toc}'),
  fc.tuple(words, entity, words).map(([a, e, b]) => `${a} ${e} ${b}`),
  fc.tuple(words, entity).map(([w, e]) => `[${w} ${e}](https://example.com/caf${e === '&amp;' ? 'e' : '&eacute;'})`),
  words.map((w) => `~~${w}~~`),
  words.map((w) => `# ${w}`),
  words.map((w) => `- ${w}\n- <i>${w}</i>`),
  words.map((w) => `> ${w}`),
  words.map((w) => `${w}  \n${w}`),
);
const post = fc.tuple(fc.array(block, { minLength: 1, maxLength: 8 }), fc.array(words, { maxLength: 3 })).map(([blocks, notes]) => {
  const refs = notes.map((_, i) => `see[^n${i}]`).join(' ');
  const defs = notes.map((n, i) => `[^n${i}]: ${n}`).join('\n');
  return `---\ntitle: "<i>Generated</i> &amp; post"\n---\n\n${blocks.join('\n\n')}\n\n${refs}\n\n${defs}\n`;
});

describe('generated posts print no markup and fit the width', () => {
  it.each(WIDTHS)('at %i columns', (width) => {
    fc.assert(
      fc.property(post, (markdown) => {
        expect(violations(markdown, width)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
