// Real-post constructs (test/fixtures/render/, one fixture per construct; see
// its README for the survey they come from), rendered in-process as `show`
// renders them: no colour, no hyperlinks, 60 columns.
import { readFileSync } from 'node:fs';
import { parsePost } from '../../../src/parse/post.js';
import { flattenSections } from '../../../src/parse/sections.js';
import { renderPost } from '../../../src/render/post.js';
import { summarizePostText } from '../../../src/load/summary.js';
import { decodePost } from '../../../src/load/read-post.js';
import { postToJson } from '../../../src/render/json.js';
import type { RenderOptions } from '../../../src/types.js';

const dir = 'test/fixtures/render/';
const opts: RenderOptions = { width: 60, textWidth: 60, colorLevel: 0, hyperlinks: false };
const load = (name: string) => parsePost(readFileSync(dir + name, 'utf8'), dir + name);
const show = (name: string, o: Partial<RenderOptions> = {}) => renderPost(load(name), { ...opts, ...o });

describe.each<[string, string[], string[]]>([
  // fixture, what must show, what must not
  ['html-br.md', ['세 가지를 확인합니다.\n첫째,', '│ 준비 │ 백업 완료', '│      │ 롤백 스크립트 점검'], ['<br']],
  ['html-img.md', ['🖼 Assembled board, top view', '🖼 JST connector (/img/jst.png)'], ['<img', 'width=', '<p']],
  ['html-iframe.md', ['▶ YouTube video https://www.youtube.com/embed/aBcDeFgHiJk', '▶ video /media/demo-clip.mp4', '◎ audio https://cdn.example.net/podcast/episode-12.mp3'], ['<iframe', '<video', 'frameborder']],
  ['html-embed-scripts.md', ['▤ Speaker Deck slides https://speakerdeck.com/player/', '▣ GitHub gist https://gist.github.com/someone/', '│ 오늘 발표 잘 끝났습니다.'], ['<script', 'widgets.js', '&mdash;']],
  ['html-silent.md', ['Only this sentence should be visible.\n\nAnd this one.'], ['callout', 'dataLayer', 'TODO', 'stylesheet', 'noindex']],
  ['html-details.md', ['▸ Why does the build fail on Windows?', 'Paths there use backslashes', '    npm run build -- --posix', '▸ Can I skip the tests?\n\nYou can, but please do not.'], ['<details', '<summary', '**']],
  ['html-headings.md', ['함수\n────', '◆ 함수 만들기', '클래스\n──────'], ['<h2', '<h3']],
  ['html-table.md', ['│ Version │ Downloads │ Notes', '│ 1.0     │     1,204 │ First stable release │', '│         │           │ memory leak'], ['<td', '<b>']],
  ['html-inline.md', ['Press Ctrl+S to save, never ever close the window first.', 'H2O', 'full list (https://docs.example.com/shortcuts)', '~~Old shortcut~~'], ['<kbd', '<sub', '<span', '<mark']],
  ['html-center.md', ['공부하며 정리한 글이라', '가운데 정렬된 문단\n\n본문은 여기부터입니다.'], ['<center', '{:', 'notice--success']],
  ['html-lists.md', ['• Designing Data-Intensive Applications', '  3. chapter three', '│ Simple things should be simple.', '    make test && echo done', '────────'], ['<li', '<ul', '&amp;']],
  ['html-figcaption.md', ['🖼 Epicentres in the first quarter', 'Quakes recorded between January and March', '🖼 Second quarter (/assets/img/quakes-q2.png)\n\nSame map for April to June.'], ['<figcaption', 'text-align']],
  ['html-title.md', ['Intro & setup\n#docs'], ['<i', 'fa-book', '&amp;']],
  ['liquid-highlight.md', ['    queue = Queue.new', '    workers.each(&:join)', '    const t = `${a} {{ not liquid }}`;'], ['{% highlight', 'endhighlight', 'linenos', '~~~']],
  ['liquid-raw.md', ['      url: ${{ steps.deploy.outputs.page_url }}', 'write {{ site.title }} to print'], ['{% raw', 'endraw']],
  ['liquid-urls.md', ['🖼 Operations table (/assets/img/dash-1.png)', 'part 1 (/2018/05/09/metrics-part-1.html)', 'setup page (/_docs/setup.md)', '🖼 Architecture (/assets/img/arch.png)', '(/assets/img/logo.png)', '🖼 Board (/assets/img/board.jpg)', 'The title is Building the dashboard, part 4'], ['{{', '{%', 'relative_url', 'site.data']],
  ['liquid-include.md', ['▶ YouTube video https://www.youtube.com/embed/q1w2e3r4t5y', 'include gallery.html', 'Comments are on.', 'Done.'], ['{%', 'JB/setup', 'note to myself', 'assign']],
  ['hugo-shortcodes.md', ['▶ YouTube video https://www.youtube.com/embed/IfWgf2Z_rSU', '▶ Vimeo video https://player.vimeo.com/video/76979871', '🖼 Trace view (/images/2020-02-17/trace.png)\n\nA trace across two services', '▣ GitHub gist https://gist.github.com/someone/', '▣ Tweet https://twitter.com/rustlang/status/', 'previous post (posts/intro.md)', 'notice\nDo not copy this verbatim.', '    fmt.Println("hi")', 'load-photoswipe'], ['{{', '>}}', '/notice']],
  ['zola-shortcodes.md', ['▶ YouTube video https://www.youtube.com/embed/dQw4w9WgXcQ', '▶ Vimeo video https://player.vimeo.com/video/124313553', '▣ GitHub gist https://gist.github.com/someone/'], ['{{', 'autoplay']],
  ['kramdown.md', ['Some background first.', '🖼 Diagram (/assets/images/mtu.png)', 'Terms\n─────', 'The MTU limits the frame size.', 'Done.'], ['{:', 'TOC', '* content', 'no_toc']],
  ['footnotes.md', ['ground¹;', 'resistor².', 'LED³ (img/led.jpg)', 'again² keeps', '¹ Ground is the common return path.', '² 220 Ω is enough for a red LED.', '  A second paragraph, indented: see the calculator', '³ Drawn after'], ['[^', '**']],
  ['entities.md', ['Q&A — entities', 'Æsir ¾ cup © 2024 ☃ 😀 ℋ', 'café link (https://example.com/café)', '/föö', '🖼 Café terrace at night', '&amp; stays in code'], ['&AElig;', '&frac34;', '&eacute;', '&ouml;', '*terrace*']],
  ['strikethrough.md', ['• ~~Supports Node 16~~ Node 20 or later.', 'The ~~old~~ new flag'], []],
  ['no-front-matter.md', ['Notes from the meetup\n━━━━', 'We met at the usual place.'], ['═']],
  ['categories-tags.md', ['Blogging, Tutorial · #jekyll #markdown'], []],
  ['setext-title.md', ['Conference notes\n━━━━━━━━━━━━━━━━\n\nFirst paragraph.', 'Second part\n───────────'], ['====', '═']],
  ['soft-breaks.md', ['마크다운에서 내용을 작성하려면 줄 끝에 공백이 남아도'], ['  ']],
  ['templates-in-code.md', ['    {% highlight ruby %}', '    puts {{ "x" | upcase }}', '    {{< youtube abc >}}', '    <iframe src="https://example.com"></iframe>', '    [^1]: not a footnote', '    {: .class}', 'Inline: {{ site.baseurl }} and {% if x %} and <br> stay as'], []],
])('%s', (name, shows, hides) => {
  const out = show(name);
  it.each(shows)('shows %j', (text) => expect(out).toContain(text));
  if (hides.length > 0) it.each(hides)('does not show %j', (text) => expect(out).not.toContain(text));
});

describe('titles, sections and JSON', () => {
  it('counts HTML headings as sections, with their text as titles', () => {
    const titles = flattenSections(load('html-headings.md').sections).map((s) => `${s.level} ${s.title}`);
    expect(titles).toEqual(['2 함수', '3 함수 만들기', '3 함수 부르기', '2 클래스']);
  });

  it('shows a title with HTML as its text in show, list and JSON, and keeps front matter as written', () => {
    const post = load('html-title.md');
    expect(post.title).toBe('Intro & setup');
    expect(summarizePostText(readFileSync(dir + 'html-title.md', 'utf8'), 'x.md').title).toBe('Intro & setup');
    const json = postToJson(post);
    expect(json.title).toBe('Intro & setup');
    expect(json.frontMatter.title).toBe("<i class='fas fa-book'></i> Intro &amp; setup");
  });

  it('gives show --json every category and tag, as list --json does', () => {
    const post = parsePost('---\ntitle: T\ncategories: [Cloud, <b>AWS</b>]\ncategory: Events\ntags: serverless lambda\ntag: [lambda]\n---\nbody\n', 'x.md');
    const json = postToJson(post);
    expect(json.category).toBe('Events');
    expect(json.categories).toEqual(['Events', 'Cloud', 'AWS']);
    expect(json.tags).toEqual(['serverless', 'lambda']);
    expect(summarizePostText('---\ntitle: T\ncategories: [Cloud, <b>AWS</b>]\ncategory: Events\ntags: serverless lambda\ntag: [lambda]\n---\nbody\n', 'x.md')).toMatchObject({ categories: json.categories, tags: json.tags });
  });

  it.each(['no-front-matter.md', 'setext-title.md', 'html-title.md', 'entities.md'])('list and show agree on the title of %s', (name) => {
    const text = readFileSync(dir + name, 'utf8');
    expect(summarizePostText(text, dir + name).title).toBe(parsePost(text, dir + name).title);
  });

  it('prints a post without front matter with its H1 once', () => {
    const out = show('no-front-matter.md');
    expect(out.split('Notes from the meetup').length - 1).toBe(1);
  });

  it('leaves a reference to a footnote never defined as written, and numbers the others in order of first reference', () => {
    const post = parsePost('b[^b] a[^a] b[^b] x[^none]\n\n[^a]: A.\n[^b]: B.\n', 'x.md');
    const out = renderPost(post, opts);
    expect(out).toContain('b¹ a² b¹ x[^none]');
    expect(out).toMatch(/¹ B\.\n² A\.\n$/);
  });

  it('prints the notes referenced by the printed part only, after it', () => {
    const post = parsePost('## One\n\nx[^1]\n\n## Two\n\ny[^2]\n\n[^1]: First.\n[^2]: Second.\n', 'x.md');
    const two = post.sections[0]!.tokens === undefined ? [] : post.sections[1]!.tokens;
    const out = renderPost({ ...post, tokens: two }, opts);
    expect(out).toContain('y²');
    expect(out).toContain('² Second.');
    expect(out).not.toContain('First.');
  });

  it('keeps strike-through visible as a stroke with colour, as markers without', () => {
    const post = parsePost('~~gone~~\n', 'x.md');
    expect(renderPost(post, opts)).toContain('~~gone~~');
    const coloured = renderPost(post, { ...opts, colorLevel: 1 });
    expect(coloured).toContain('\x1b[9m');
    expect(coloured).not.toContain('~~');
  });

  it('writes HTML links as OSC 8 hyperlinks when hyperlinks are on', () => {
    const out = renderPost(parsePost('See <a href="https://example.com/a">the docs</a>.\n', 'x.md'), { ...opts, hyperlinks: true });
    expect(out).toContain('\x1b]8;;https://example.com/a\x1b\\');
  });

  it('cuts an embed URL wider than the width with "…", keeping the whole URL as the link target', () => {
    const url = 'https://www.youtube.com/embed/' + 'x'.repeat(100);
    const out = renderPost(parsePost(`<iframe src="${url}"></iframe>\n`, 'x.md'), { ...opts, width: 40, textWidth: 40, hyperlinks: true });
    const line = out.split('\n').find((l) => l.includes('YouTube'))!;
    expect(line).toContain('…');
    expect(line).toContain(`\x1b]8;;${url}\x1b\\`);
  });
});

describe('categories and tags in list', () => {
  it('shows every category and tag of a post in its row', async () => {
    const { renderPostList } = await import('../../../src/render/post-list.js');
    const summary = summarizePostText(readFileSync(dir + 'categories-tags.md', 'utf8'), dir + 'categories-tags.md');
    expect(summary.categories).toEqual(['Blogging', 'Tutorial']);
    expect(summary.tags).toEqual(['jekyll', 'markdown']);
    expect(renderPostList([summary], { ...opts, width: 200 })).toContain('Blogging, Tutorial #jekyll #markdown');
    // Narrower, the column is cut with "…" like any other.
    const narrow = renderPostList([summary], { ...opts, width: 60 });
    expect(narrow).toMatch(/Blogging, T\S*…/);
    for (const line of narrow.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('shows tags alone, or a category alone, without a stray separator', async () => {
    const { renderPostList } = await import('../../../src/render/post-list.js');
    const base = { path: 'p.md', title: 'T', date: '2020-01-01', sessions: 0 };
    const tagsOnly = renderPostList([{ ...base, category: null, categories: [], tags: ['a', 'b'] }], { ...opts, width: 200 });
    expect(tagsOnly).toMatch(/T {2,}#a #b {2,}0/);
    const categoryOnly = renderPostList([{ ...base, category: 'x', categories: ['x'], tags: [] }], { ...opts, width: 200 });
    expect(categoryOnly).toMatch(/T {2,}x {2,}0/);
  });

  it('gives each row its own cell when rows share some names, in any order', async () => {
    const { renderPostList } = await import('../../../src/render/post-list.js');
    const lists: [string[], string[]][] = [
      [['a'], ['b']], [['a', 'b'], []], [['a'], []], [[], ['a']], [['a', 'b'], ['c']], [['b', 'a'], ['c', 'd']], [['a'], ['b', 'c']], [[], []], [['a', 'b'], ['c']],
    ];
    const posts = lists.map(([categories, tags], i) => ({ path: `p${i}.md`, title: `T${i}`, date: '2020-01-01', category: categories[0] ?? null, sessions: i, categories, tags }));
    const rows = renderPostList(posts, { ...opts, width: 200 }).split('\n').slice(1, -1);
    rows.forEach((row, i) => {
      const [categories, tags] = lists[i]!;
      const cell = [categories.join(', '), ...tags.map((t) => `#${t}`)].filter((part) => part !== '').join(' ');
      expect(row.replace(/ {2,}/g, '|').split('|')).toEqual(['2020-01-01', `T${i}`, ...(cell === '' ? [] : [cell]), String(i)]);
    });
  });
});

describe('HTML and characters shown as pictures', () => {
  it('keeps a bidi control shown as <U+202E> inside block HTML, inline HTML and HTML tables', () => {
    // Read as the CLI reads a file: decodePost keeps the control; render shows it as "<U+202E>".
    const text = decodePost(Buffer.from('<div>a\u202Eb</div>\n\nInline <b>x\u202Ey</b>.\n\n<table><tr><td>c\u202Ed</td></tr></table>\n'), 'x.md');
    const post = parsePost(text, 'x.md');
    const out = renderPost(post, opts);
    expect(out).toContain('a<U+202E>b');
    expect(out).toContain('x<U+202E>y');
    expect(out).toContain('c<U+202E>d');
    expect(out).not.toContain('\u202E');
  });
});
