import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { decodePost } from '../../../src/load/read-post.js';
import { summarizePostBytes, summarizePostText } from '../../../src/load/summary.js';
import { parsePost } from '../../../src/parse/post.js';
import { FIXTURES } from '../parse/fixture.js';

// The summary read from bytes (Latin-1 scan, partial decoding) must be the one
// the whole decoded text gives, whatever the bytes are.
function agree(bytes: Buffer, path = 'x.md') {
  const fromText = (() => {
    try {
      return summarizePostText(decodePost(bytes, path), path);
    } catch (error) {
      return String(error);
    }
  })();
  const fromBytes = (() => {
    try {
      return summarizePostBytes(bytes, path);
    } catch (error) {
      return String(error);
    }
  })();
  expect(fromBytes).toEqual(fromText);
}

describe('summarizePostBytes', () => {
  const names = readdirSync(FIXTURES).filter((name) => name.endsWith('.md') && name !== 'README.md');

  it.each(names)('agrees with the decoded text on fixture %s', (name) => {
    agree(readFileSync(`${FIXTURES}${name}`), name);
  });

  it('counts what parsePost finds, and takes the title from the front matter or the first # heading', () => {
    const text = '---\ntitle: "후기"\ndate: 2016-05-17\n---\n# 본문 제목\n\n### 13:00 - 13:40 발표 하나\n\n### 14:00 - 14:40 발표 둘\n';
    const summary = summarizePostBytes(Buffer.from(text), 'x.md');
    expect(summary).toEqual({ path: 'x.md', title: '후기', date: '2016-05-17', category: null, sessions: 2, categories: [], tags: [] });
    expect(summary.sessions).toBe(parsePost(text, 'x.md').sessions.length);
    expect(summarizePostBytes(Buffer.from('# 본문 *제목*\n'), 'y.md').title).toBe('본문 제목');
  });

  it.each([
    ['CRLF line breaks', Buffer.from('---\r\ntitle: A\r\n---\r\n# H\r\n### 13:00 - 13:40 T\r\n')],
    ['a BOM', Buffer.from('\uFEFF---\ntitle: A\n---\n### 13:00 - 13:40 T\n')],
    ['no front matter', Buffer.from('# 제목\n\n### 13:00 - 13:40 T\n')],
    ['front matter never closed', Buffer.from('---\ntitle: A\n### 13:00 - 13:40 T\n')],
    ['an escape character in a heading', Buffer.from('# A\x1b[31m red\n### 13:00 - 13:40 \x1b]8;;x\x07T\n')],
    ['a C1 control in the title', Buffer.from('---\ntitle: "a\u009bb"\n---\n')],
    ['invalid UTF-8 in a heading', Buffer.concat([Buffer.from('### 13:00 - 13:40 '), Buffer.from([0xed, 0x95, 0x0a, 0xa0, 0x85]), Buffer.from('\n# \xa0x\n')])],
    ['an ideographic space after #', Buffer.from('#\u3000제목\n# \u3000\n### 13:00\u300013:40 T\n')],
    ['a schedule table', Buffer.from('| 시간 | 주제 |\n|---|---|\n| 13:00 | A |\n')],
    ['a binary file', Buffer.from([0x23, 0x20, 0x41, 0x00, 0x42])],
    ['invalid YAML', Buffer.from('---\ntitle: a: b\n---\n')],
  ])('agrees with the decoded text: %s', (_name, bytes) => {
    agree(bytes);
  });

  it('agrees with the decoded text on any mix of lines and bytes', () => {
    const pieces = [
      '---', 'title: 제목', 'date: 2016-05-17', 'tags: [a, b]', '+++', '# 제목', '## Day 1', '### 13:00 - 13:40 발표', '### 14:00', '- 김철수 | 예시',
      '| 시간 | 주제 |', '|---|---|', '| 13:00 | A |', '```', '~~~', '- 15:00 C', '   # indented', '#\u3000x', '# \u3000', '\x1b[2J', '\u009b31m',
      '\r', '', 'plain', '#### **16:00** 굵게', '###### 17:00 - 18:00 끝 ##',
    ];
    const chunk = fc.oneof(
      fc.constantFrom(...pieces).map((s) => Buffer.from(s)),
      fc.uint8Array({ minLength: 1, maxLength: 3 }).map((a) => Buffer.from(a.map((b) => (b === 0 ? 1 : b)))),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(chunk, fc.constantFrom('\n', '', '\n\n')), { maxLength: 14 }), (parts) => {
        agree(Buffer.concat(parts.flatMap(([bytes, end]) => [bytes, Buffer.from(end)])));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('categories and tags of many posts', () => {
  const summarize = (head: string, name: string) => summarizePostText(`---\n${head}\n---\nText.\n`, `${name}.md`);

  it('gives posts that write the same names one list, and other names their own', () => {
    const a = summarize('category: dev\ntags: [aws, summit]', 'a');
    const b = summarize('category: dev\ntags: [aws, summit]', 'b');
    expect(b.tags).toBe(a.tags);
    expect(b.categories).toBe(a.categories);
    expect(a.tags).toEqual(['aws', 'summit']);
    expect(summarize('tags: [aws]', 'c').tags).toEqual(['aws']);
    expect(summarize('tags: [aws, summit, x]', 'd').tags).toEqual(['aws', 'summit', 'x']);
    expect(summarize('tag: [aws, summit]', 'e').tags).toEqual(['aws', 'summit']);
  });

  it('reads a string and a list of the same text as their own names', () => {
    expect(summarize('tags: a b', 'a').tags).toEqual(['a', 'b']);
    expect(summarize('tags: ["a b"]', 'b').tags).toEqual(['a b']);
    expect(summarize('tags: a b', 'c').tags).toEqual(['a', 'b']);
    expect(summarize('tags: ["a b"]', 'd').tags).toEqual(['a b']);
  });

  it('reads both fields of a pair, repeats, HTML and other values each time', () => {
    expect(summarize('category: a\ncategories: [b, a]', 'a').categories).toEqual(['a', 'b']);
    expect(summarize('category: a\ncategories: [c]', 'b').categories).toEqual(['a', 'c']);
    expect(summarize('tags: [x, x]', 'c').tags).toEqual(['x']);
    expect(summarize('tags: [x, x]', 'd').tags).toEqual(['x']);
    expect(summarize('tags: ["<b>x</b>", "&amp;"]', 'e').tags).toEqual(['x', '&']);
    expect(summarize('tags: [1, x]', 'f').tags).toEqual(['1', 'x']);
    expect(summarize('tags: []', 'g').tags).toEqual([]);
    expect(summarize('title: T', 'h')).toMatchObject({ categories: [], tags: [] });
  });
});
