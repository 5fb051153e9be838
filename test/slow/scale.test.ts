// Scale checks that take seconds by design (`npm run test:slow`).
import { Lexer } from 'marked';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { RenderOptions } from '../../src/types.js';

const opts = (o: Partial<RenderOptions> = {}): RenderOptions => ({ width: 80, textWidth: 80, colorLevel: 0, hyperlinks: false, ...o });

it('renders a 10 MB post in a few seconds', () => {
  const block = [
    '## 세션 제목과 **강조**',
    '- 발표자 소개와 `코드` 그리고 [링크](https://x.test/a)',
    '  - 하위 항목에 들어간 **중요한 내용** 설명이 이어집니다 English words too',
    '> 인용문',
    '| a | 설명 |\n|---|---|\n| 1 | 한국어 셀 |',
    '```\ncode line\n```',
  ].join('\n\n');
  const md = (block + '\n\n').repeat(Math.ceil(10_000_000 / Buffer.byteLength(block)));
  const tokens = new Lexer().lex(md);
  const t0 = performance.now();
  const out = renderMarkdown(tokens, opts({ colorLevel: 3, hyperlinks: true }));
  expect(performance.now() - t0).toBeLessThan(8000);
  expect(out.length).toBeGreaterThan(1_000_000);
});
