import { Lexer, type Token } from 'marked';
import stringWidth from 'string-width';
import { renderMarkdown } from '../../../src/render/markdown.js';
import type { RenderOptions } from '../../../src/types.js';

const SGR = /\x1b\[[0-9;]*m/g;
const OSC8 = /\x1b\]8;;[^\x07\x1b]*\x1b\\/g;
const strip = (s: string) => s.replace(SGR, '').replace(OSC8, '');
const opts = (o: Partial<RenderOptions> = {}): RenderOptions => ({ width: 80, textWidth: 80, colorLevel: 0, hyperlinks: false, ...o });
const lex = (md: string) => new Lexer().lex(md);
const render = (md: string, o: Partial<RenderOptions> = {}) => renderMarkdown(lex(md), opts(o));
const lines = (s: string) => s.replace(/\n$/, '').split('\n');

describe('output shape', () => {
  it('is empty for no tokens and ends with exactly one newline otherwise', () => {
    expect(renderMarkdown([], opts())).toBe('');
    for (const md of ['para', '# h', '- a\n- b', '```\ncode\n\n\n```', '> q', '| a |\n|---|\n| 1 |']) {
      const out = render(md);
      expect(out.endsWith('\n')).toBe(true);
      expect(out.endsWith('\n\n')).toBe(false);
    }
  });

  it('separates blocks with one blank line', () => {
    expect(render('one\n\n\n\ntwo')).toBe('one\n\ntwo\n');
  });

  it('writes no escape at all without colour or hyperlinks', () => {
    const out = render('# H\n\n**b** *i* `c` ~~d~~ [l](https://x.test) <b>h</b>\n\n> q\n\n- [x] t\n\n```\ncode\n```\n\n| a |\n|---|\n| **1** |\n\n---');
    expect(out).not.toContain('\x1b');
  });
});

describe('headings', () => {
  const md = '# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six';

  it('never prints # marks and differ by level without colour', () => {
    const out = render(md);
    expect(out).not.toContain('#');
    const l = lines(out);
    expect(l.slice(0, 2)).toEqual(['One', '═══']);
    expect(l.slice(3, 5)).toEqual(['Two', '───']);
    const rest = l.slice(6).filter((x) => x !== '');
    expect(rest).toEqual(['◆ Three', '◇ Four', '▸ Five', '▹ Six']);
  });

  it('uses a distinct style per level with colour', () => {
    const out = render(md, { colorLevel: 1 });
    const starts = lines(out)
      .filter((l) => /[A-Za-z]/.test(strip(l)))
      .map((l) => /^(?:\x1b\[[0-9;]*m)*/.exec(l)![0]);
    expect(starts).toHaveLength(6);
    expect(new Set(starts).size).toBe(6);
    expect(starts[0]).toContain('\x1b[1m');
    expect(starts[0]).toContain('\x1b[4m');
  });

  it('wraps long headings by display width', () => {
    const out = render('## 컨퍼런스 후기 제목이 아주 길어서 여러 줄로 나뉩니다', { textWidth: 20 });
    for (const l of lines(out)) expect(stringWidth(l)).toBeLessThanOrEqual(20);
    expect(out).toContain('───');
  });
});

describe('inline', () => {
  it('leaves no markdown syntax behind', () => {
    const out = render('**bold *and italic* `code`** __strong__ _em_ ~~gone~~ [text](https://x.test/p) ![pic](https://x.test/i.png) \\*lit\\*', { textWidth: 200 });
    expect(out).not.toMatch(/\*\*|__|`|\]\(/);
    // Without colour a strike-through keeps its ~~markers~~: a stroke would vanish.
    expect(out).toBe('bold and italic code strong em ~~gone~~ text (https://x.test/p) 🖼 pic (https://x.test/i.png) *lit*\n');
  });

  it('styles nested combinations', () => {
    const out = render('**bold *and italic* `code`**', { colorLevel: 1 });
    expect(out).toContain('\x1b[1m');
    expect(out).toContain('\x1b[3m');
    expect(out).toContain('\x1b[33mcode');
    expect(render('~~gone~~', { colorLevel: 1 })).toContain('\x1b[9m');
  });

  it('decodes entities in text but keeps code spans literal', () => {
    expect(render('a &amp; b &lt;c&gt; &copy; &#65;')).toBe('a & b <c> © A\n');
    expect(render('`a &amp; b`')).toBe('a &amp; b\n');
  });

  it('shows inline html as dim text', () => {
    expect(render('x <kbd>K</kbd> y')).toBe('x <kbd>K</kbd> y\n');
    expect(render('x <kbd>K</kbd>', { colorLevel: 1 })).toContain('\x1b[2m<kbd>');
  });

  it('keeps hard line breaks through wrapping', () => {
    expect(render('first line  \nsecond line', { textWidth: 40 })).toBe('first line\nsecond line\n');
    expect(render('a\\\nb')).toBe('a\nb\n');
  });
});

describe('links', () => {
  it('prints "text (url)" without hyperlinks, the url once when it is the text', () => {
    expect(render('[site](https://x.test/a)')).toBe('site (https://x.test/a)\n');
    expect(render('<https://x.test/a>')).toBe('https://x.test/a\n');
    expect(render('[https://x.test/a](https://x.test/a)')).toBe('https://x.test/a\n');
    expect(render('mail <me@x.test>')).toBe('mail me@x.test\n');
  });

  it('writes OSC 8 for web and mail links', () => {
    expect(render('[site](https://x.test/a?b=1&amp;c=2)', { hyperlinks: true })).toBe('\x1b]8;;https://x.test/a?b=1&c=2\x1b\\site\x1b]8;;\x1b\\\n');
    expect(render('<me@x.test>', { hyperlinks: true })).toContain('\x1b]8;;mailto:me@x.test\x1b\\');
  });

  it('does not hyperlink other schemes', () => {
    const out = render('[bad](javascript:alert(1)) [rel](/local/page)', { hyperlinks: true });
    expect(out).not.toContain('\x1b]8');
    expect(out).toBe('bad (javascript:alert(1)) rel (/local/page)\n');
  });

  it('colours link text blue and underlined, and the url dim', () => {
    const out = render('[site](https://x.test/a)', { colorLevel: 1 });
    expect(out).toContain('\x1b[34m');
    expect(out).toContain('\x1b[4m');
    expect(out).toContain('\x1b[2m(https://x.test/a)');
  });

  it('shows images as 🖼 alt with their url', () => {
    expect(render('![a diagram](https://x.test/d.png)')).toBe('🖼 a diagram (https://x.test/d.png)\n');
    expect(render('[![a](https://x.test/i.png)](https://x.test/)', { hyperlinks: true })).toBe('\x1b]8;;https://x.test/\x1b\\🖼 a\x1b]8;;\x1b\\\n');
  });

  it('uses reference definitions for links and does not print them', () => {
    expect(render('See [the docs][d].\n\n[d]: https://x.test/docs "Docs"')).toBe('See the docs (https://x.test/docs).\n');
  });
});

describe('lists', () => {
  it('renders **bold** inside list items (the marked-terminal bug)', () => {
    const out = render('- **굵게** 쓴 항목\n  - 안쪽 **항목**', { colorLevel: 1 });
    expect(out).toContain('\x1b[1m굵게\x1b[22m');
    expect(out).toContain('\x1b[1m항목\x1b[22m');
    expect(strip(out)).not.toContain('**');
  });

  it('uses •, ◦, ▪ by depth with continuation lines under the text', () => {
    const out = render('- one\n  - two\n    - three\n      - four', { textWidth: 40 });
    expect(lines(out)).toEqual(['• one', '  ◦ two', '    ▪ three', '      • four']);
    const wrapped = lines(render('- aaa bbb ccc ddd eee fff ggg\n  - hhh iii jjj kkk lll', { textWidth: 14 }));
    expect(wrapped).toEqual(['• aaa bbb ccc', '  ddd eee fff', '  ggg', '  ◦ hhh iii', '    jjj kkk', '    lll']);
  });

  it('numbers ordered lists from their start, aligned', () => {
    expect(lines(render('3. a\n4. b'))).toEqual(['3. a', '4. b']);
    const ten = lines(render(Array.from({ length: 10 }, (_, i) => `${i + 1}. item`).join('\n')));
    expect(ten[0]).toBe(' 1. item');
    expect(ten[9]).toBe('10. item');
  });

  it('shows task items as ☐ and ☑', () => {
    expect(lines(render('- [ ] todo\n- [x] done'))).toEqual(['☐ todo', '☑ done']);
  });

  it('keeps a blank line between loose items only', () => {
    expect(render('- a\n- b')).toBe('• a\n• b\n');
    expect(render('- a\n\n- b\n\n  more')).toBe('• a\n\n• b\n\n  more\n');
  });

  it('marks an empty item and a list directly inside an item', () => {
    expect(render('-\n- b')).toBe('•\n• b\n');
    expect(render('- - a')).toBe('• ◦ a\n');
  });
});

describe('blockquotes', () => {
  it('draws one bar per level, including on blank lines', () => {
    expect(render('> a\n>\n> b\n> > c')).toBe('│ a\n│\n│ b\n│\n│ │ c\n');
  });

  it('wraps quoted Korean inside the bar', () => {
    const out = render('> 인용문 안의 긴 한국어 문장도 막대 안쪽에서 줄이 바뀝니다', { textWidth: 20 });
    for (const l of lines(out)) {
      expect(l.startsWith('│ ')).toBe(true);
      expect(stringWidth(l)).toBeLessThanOrEqual(20);
    }
  });
});

describe('code blocks', () => {
  it('indents fenced and indented code 4 columns and never wraps it', () => {
    const long = 'const value = computeSomethingVeryLong(argumentNumberOne, argumentNumberTwo);';
    expect(render('```ts\n' + long + '\n```', { textWidth: 30 })).toBe('    ' + long + '\n');
    expect(render('    x &amp; y\n\tz')).toBe('    x &amp; y\n    z\n');
  });

  it('keeps blank lines inside code and styles it yellow', () => {
    expect(render('```\na\n\nb\n```')).toBe('    a\n\n    b\n');
    expect(render('```\na\n```', { colorLevel: 1 })).toContain('\x1b[33ma');
  });

  it('indents code inside a list under the text', () => {
    expect(render('- item\n\n  ```\n  code\n  ```')).toBe('• item\n\n      code\n');
  });
});

describe('tables', () => {
  const md = '| 이름 | Count | Note |\n|:-----|------:|:----:|\n| **알파** | 1 | `x` |\n| beta | 22 | [l](https://x.test) |';

  it('draws borders and honours alignment, sized by display width', () => {
    expect(render(md)).toBe(
      [
        '┌──────┬───────┬────────────────────┐',
        '│ 이름 │ Count │        Note        │',
        '├──────┼───────┼────────────────────┤',
        '│ 알파 │     1 │         x          │',
        '│ beta │    22 │ l (https://x.test) │',
        '└──────┴───────┴────────────────────┘',
        '',
      ].join('\n'),
    );
  });

  it('styles cells', () => {
    const out = render(md, { colorLevel: 1 });
    expect(out).toContain('\x1b[1m알파\x1b[22m');
    expect(out).toContain('\x1b[33mx');
  });

  it('shrinks the widest columns and wraps cell text to fit the width', () => {
    const wide = '| 세션 | 설명 |\n|---|---|\n| 짧음 | 이 칸에는 아주 긴 설명이 들어 있어서 표가 화면보다 넓어집니다 그래서 줄을 바꿔야 합니다 |';
    const out = render(wide, { width: 40 });
    for (const l of lines(out)) expect(stringWidth(l)).toBeLessThanOrEqual(40);
    expect(lines(out).length).toBeGreaterThan(5);
    expect(strip(out).replace(/[│┌┐└┘├┤┬┴┼─\s]/g, '')).toBe('세션설명짧음이칸에는아주긴설명이들어있어서표가화면보다넓어집니다그래서줄을바꿔야합니다');
  });
});

describe('other blocks', () => {
  it('draws hr across the text width', () => {
    expect(render('---', { textWidth: 30 })).toBe('─'.repeat(30) + '\n');
  });

  it('shows html blocks as dim plain text', () => {
    expect(render('<div class="x">\n  <b>hi</b>\n</div>')).toBe('<div class="x">\n  <b>hi</b>\n</div>\n');
    expect(render('<div>hi</div>', { colorLevel: 1 })).toBe('\x1b[2m<div>hi</div>\x1b[22m\n');
  });

  it('prints unknown tokens as their sanitised raw text', () => {
    const token = { type: 'mystery', raw: 'raw \x1b[31m text' } as unknown as Token;
    expect(renderMarkdown([token], opts())).toBe('raw ␛[31m text\n');
  });
});

describe('wrapping', () => {
  const korean = '이번 행사에서 들은 발표들은 전반적으로 실무에 바로 적용할 수 있는 내용이 많아서 유익했고 다음에도 꼭 참석하고 싶다';

  it('wraps a Korean paragraph at spaces by display width', () => {
    const out = render(korean, { textWidth: 20 });
    const l = lines(out);
    expect(l.length).toBeGreaterThan(3);
    for (const line of l) expect(stringWidth(line)).toBeLessThanOrEqual(20);
    expect(l.join(' ')).toBe(korean);
  });

  it('keeps styles on every wrapped line of a list item', () => {
    const out = render(`- **${korean}**`, { textWidth: 30, colorLevel: 1 });
    for (const l of lines(out)) {
      expect(l).toContain('\x1b[1m');
      expect(stringWidth(l)).toBeLessThanOrEqual(30);
    }
  });
});

describe('safety', () => {
  const bad = '\x1b[31m \x07 \x9b2J &#27;[1m &#x9b;0m';
  const md = [
    `# Head ${bad}`,
    `para ${bad} \`code ${bad}\` **${bad}**`,
    `- item ${bad}\n  - nested ${bad}`,
    `> quote ${bad}`,
    `[link ${bad}](https://x.test/&#27;&#x9b;?q=&#7;) [x](javascript:&#27;) <https://x.test/&#27;>`,
    `![alt ${bad}](https://x.test/&#27;.png)`,
    '```' + bad + '\ncode ' + bad + '\n```',
    '    indented ' + bad,
    `| h ${bad} |\n|---|\n| cell ${bad} |`,
    `<div>${bad}</div>`,
  ].join('\n\n');

  it.each([
    ['plain', { colorLevel: 0 as const, hyperlinks: false }],
    ['colour and hyperlinks', { colorLevel: 3 as const, hyperlinks: true }],
  ])('lets no control character through (%s)', (_name, o) => {
    const out = renderMarkdown(lex(md), opts(o));
    expect(strip(out)).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(out).toContain('␛');
    if (!o.hyperlinks && o.colorLevel === 0) expect(out).not.toContain('\x1b');
  });
});

describe('scale', () => {
  it('renders deep nesting flat beyond 10 levels without recursion', () => {
    let quote = { type: 'paragraph', raw: 'deep', text: 'deep', tokens: [{ type: 'text', raw: 'deep', text: 'deep' }] } as Token;
    for (let i = 0; i < 20_000; i++) quote = { type: 'blockquote', raw: '', text: '', tokens: [quote] } as Token;
    const q = renderMarkdown([quote], opts());
    expect(q).toMatch(/^(│ ){1,10}deep\n$/);

    let list: Token | null = null;
    for (let i = 3000; i > 0; i--) {
      const text = { type: 'text', raw: `n${i}`, text: `n${i}`, tokens: [{ type: 'text', raw: `n${i}`, text: `n${i}` }] };
      const item = { type: 'list_item', raw: '', text: '', task: false, loose: false, tokens: list ? [text, list] : [text] };
      list = { type: 'list', raw: '', ordered: false, start: '', loose: false, items: [item] } as unknown as Token;
    }
    const l = lines(renderMarkdown([list!], opts()));
    expect(l).toHaveLength(3000);
    expect(l[2999]).toMatch(/n3000$/);
    for (const line of l) expect(line.length - line.trimStart().length).toBeLessThanOrEqual(20);
  });

  it('renders what the lexer can nest', () => {
    const out = render('>'.repeat(1000) + ' x\n\n' + '- '.repeat(1000) + 'y');
    expect(out).toContain('x');
    expect(out).toContain('y');
  });
  // A 10 MB post: test/slow/scale.test.ts (npm run test:slow).
});
