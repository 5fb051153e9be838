// What the screen shows, from the model alone.
import stringWidth from 'string-width';
import { view } from '../../../src/browse/view.js';
import { stripStyles } from '../../../src/browse/page.js';
import { item, listModel, makePost, pageModel, press, screen } from './helpers.js';
import type { Model } from '../../../src/browse/model.js';

const POST = makePost(`# Notes \u001b[31mwith a control

Some text about the day with a Keyword in it.

## First part

${Array.from({ length: 30 }, (_, i) => `Line ${i + 1} of the first part, keyword here.`).join('\n\n')}

## 둘째 부분

### 14:00 - 14:40 세션 제목
발표자: 박선용, 솔루션즈 아키텍트, 아마존 웹서비스

- 내용
`);

const ITEMS = [item('posts/a.md', 'AWS Summit', { date: '2016-05-17', category: 'AWS', sessions: 6 }), item('posts/b.md', '컨퍼런스 메모', { date: '2023-03-04' })];

function frames(colorLevel: 0 | 1): [string, Model][] {
  const page = pageModel(POST, { width: 50, height: 14, colorLevel });
  return [
    ['list', listModel(ITEMS, { width: 50, height: 14 })],
    ['page', page],
    ['page, searched', press(page, '/', 'keyword', '<enter>')],
    ['tree', press(page, 't')],
    ['sessions', press(page, 's')],
    ['sessions, now', press(page, 's', 'n')],
    ['help', press(page, '?')],
    ['prompt', press(page, '/', '찾는 말')],
  ];
}

describe('every screen', () => {
  it.each([0, 1] as const)('is exactly the window: height lines, none wider than the width (colour %s)', (level) => {
    for (const [name, model] of frames(level)) {
      const lines = view(model);
      expect([name, lines.length]).toEqual([name, 14]);
      for (const line of lines) expect([name, stringWidth(stripStyles(line)) <= 50]).toEqual([name, true]);
    }
  });

  it('without colour uses no escape but reverse video', () => {
    for (const [name, model] of frames(0)) {
      const escapes = view(model).join('\n').match(/\x1b\[[0-9;]*m/g) ?? [];
      expect([name, escapes.filter((e) => e !== '\x1b[7m' && e !== '\x1b[27m')]).toEqual([name, []]);
    }
  });

  it('shows control characters from a post as visible symbols, never raw', () => {
    for (const [name, model] of frames(1)) {
      const text = view(model).join('\n').replace(/\x1b\[[0-9;]*m/g, '');
      expect([name, text.includes('\x1b')]).toEqual([name, false]);
    }
    expect(screen(pageModel(POST)).join('\n')).toContain('␛[31m');
  });
});

describe('posts list', () => {
  it('shows date, title, category and sessions, the cursor line in reverse video', () => {
    const model = listModel(ITEMS, { width: 60, height: 8 });
    const lines = view(model);
    expect(stripStyles(lines[0]!)).toMatch(/^Date +Title +Category +Sessions$/);
    expect(lines[1]!.startsWith('\x1b[7m')).toBe(true);
    expect(stripStyles(lines[1]!)).toMatch(/^2016-05-17 +AWS Summit +AWS +6 *$/);
    expect(lines[2]!.startsWith('\x1b[7m')).toBe(false);
    expect(view(press(model, 'j'))[2]!.startsWith('\x1b[7m')).toBe(true);
    expect(stripStyles(lines.at(-1)!)).toContain('2 posts');
  });

  it('speaks Korean when the interface does', () => {
    const model = listModel(ITEMS, { lang: 'ko' });
    const text = screen(model).join('\n');
    expect(text).toContain('글 2개');
    expect(text).toContain('제목');
  });

  it('says when nothing matches the filter, and shows the filter', () => {
    const lines = screen(press(listModel(ITEMS), '/', 'zzz', '<enter>'));
    expect(lines[0]).toBe('Nothing matches.');
    expect(lines.at(-1)).toContain('0 of 2 posts');
    expect(lines.at(-1)).toContain('“zzz”');
  });
});

describe('post view', () => {
  it('shows the section and the position in the status line', () => {
    const m = press(pageModel(POST, { width: 60, height: 10 }), ']', ']');
    const status = screen(m).at(-1)!;
    expect(status).toContain('› First part');
    expect(status).toMatch(/\d+-\d+\/\d+ \d+%/);
    expect(screen(pageModel(POST, { height: 10 })).at(-1)).toMatch(/Top\s*$/);
    expect(screen(press(pageModel(POST, { height: 10 }), 'G')).at(-1)).toMatch(/End\s*$/);
  });

  it('marks every match of the search in reverse video', () => {
    const m = press(pageModel(POST, { width: 60, height: 10 }), '/', 'KEYWORD', '<enter>');
    const marked = view(m).filter((line) => line.includes('\x1b[7mkeyword\x1b[27m') || line.includes('\x1b[7mKeyword\x1b[27m'));
    expect(marked.length).toBeGreaterThanOrEqual(3);
  });

  it('draws the section tree indented by level, the chosen one reversed', () => {
    const lines = view(press(pageModel(POST, { width: 60, height: 10 }), 't', 'j', 'j'));
    expect(stripStyles(lines[2]!)).toBe('  First part');
    expect(stripStyles(lines[4]!).trimEnd()).toBe('    14:00 - 14:40 세션 제목');
    expect(lines[4]!.startsWith('\x1b[7m')).toBe(false);
    expect(lines[3]!.startsWith('\x1b[7m')).toBe(true);
  });

  it('shows what is being typed in the prompt', () => {
    expect(screen(press(pageModel(POST), '/', '찾는 말')).at(-1)).toMatch(/^Search: 찾는 말/);
  });
});
