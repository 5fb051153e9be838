import fc from 'fast-check';
import matter from 'gray-matter';
import { parseFrontMatter } from '../../../src/load/front-matter.js';

// parseFrontMatter hands gray-matter only the front matter; the split must be
// exactly the one gray-matter makes of the whole text.
describe('parseFrontMatter splits like gray-matter', () => {
  it.each([
    ['plain', '---\ntitle: A\n---\nbody\n'],
    ['no body', '---\ntitle: A\n---'],
    ['blank line after', '---\ntitle: A\n---\n\nbody'],
    ['closing line with text after it', '---\ntitle: A\n---tail\nbody'],
    ['CR after the closing line', '---\ntitle: A\n---\r\nbody'],
    ['empty front matter', '---\n---\nbody'],
    ['never closed', '---\ntitle: A\nauthor: B\n'],
    ['four dashes: not front matter', '----\ntitle: A\n---\nbody'],
    ['a language after the opening', '---yaml\ntitle: A\n---\nbody'],
    ['a later --- in the body', '---\ntitle: A\n---\nbody\n---\nmore\n'],
  ])('%s', (_name, text) => {
    const expected = matter(text, { engines: {} } as never);
    const got = parseFrontMatter(text, 'x.md');
    expect(got.content).toBe(expected.content);
    expect(got.frontMatter).toEqual(expected.data);
  });

  it('refuses JavaScript front matter instead of running it', () => {
    expect(() => parseFrontMatter('---js\n{ title: process.exit(9) }\n---\n', 'x.md')).toThrow(/never runs code/);
    expect(() => parseFrontMatter('---javascript\n{ title: 1 }\n---\n', 'x.md')).toThrow(/never runs code/);
  });

  it('names the line of invalid YAML', () => {
    expect(() => parseFrontMatter('---\ntitle: ok\nfoo: bar\n  baz: 1\n---\n', 'x.md')).toThrow(/^x\.md: invalid YAML front matter at line 4/);
  });

  it('keeps what YAML escapes stand for, and reads a raw control (which YAML cannot hold) as its picture', () => {
    const { frontMatter, content } = parseFrontMatter('---\ntitle: "a\\e[2J \u202eb"\nauthor: "c\x1b[5m\x9b"\ntags: [x\u200by]\n---\nbody \x1b\n', 'p.md');
    expect(frontMatter).toEqual({ title: 'a\x1b[2J \u202eb', author: 'c␛[5m␛[', tags: ['x\u200by'] });
    // The body is left as written: render shows its controls.
    expect(content).toBe('body \x1b\n');
  });

  it('keeps a "__proto__" key as an ordinary key, not as a prototype', () => {
    const { frontMatter } = parseFrontMatter('---\n"__proto__": { polluted: yes }\ntitle: A\n---\n', 'x.md');
    expect(Object.getPrototypeOf(frontMatter)).toBe(Object.prototype);
    expect(Object.keys(frontMatter)).toEqual(['__proto__', 'title']);
    expect(Object.getOwnPropertyDescriptor(frontMatter, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect((frontMatter as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('stops at a YAML alias bomb instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`);
    expect(() => parseFrontMatter(`---\n${levels.join('\n')}\n---\n`, 'x.md')).toThrow(/too large/);
  });
});

// parseFrontMatter reads simple YAML itself (simple-yaml.ts). A comment line
// sends the same front matter through gray-matter and js-yaml instead: the
// two must give the same data, errors included.
describe('parseFrontMatter gives the same data with and without its YAML fast path', () => {
  const slow = (text: string) => text.replace('---\n', '---\n# through js-yaml\n');
  const outcome = (text: string) => {
    try {
      return parseFrontMatter(text, 'x.md');
    } catch (error) {
      return String(error);
    }
  };

  it('on random simple front matter', () => {
    const value = fc.constantFrom('A', '제목 "인용"', "'q'", '"a, b"', '2016-05-17', '2016-02-30', 'true', '~', '', '[a, 후기]', '[]', 'C#', 'é\u3000', '\u00a0x', 'a\u0085b');
    const line = fc.tuple(fc.constantFrom('title', 'date', 'tags', 'category', 'draft'), value).map(([k, v]) => `${k}:${v === '' ? '' : ' '}${v}`);
    fc.assert(
      fc.property(fc.uniqueArray(line, { maxLength: 5, selector: (l) => l.split(':')[0] }), (lines) => {
        const text = `---\n${lines.join('\n')}\n---\nbody\n`;
        expect(outcome(text)).toEqual(outcome(slow(text)));
      }),
      { numRuns: 500 },
    );
  });

  it('counts list items towards the 10,000-value limit the same way', () => {
    for (const n of [9998, 9999, 10_000]) {
      const text = `---\ntags: [${Array(n).fill('a').join(', ')}]\n---\n`;
      expect(outcome(text)).toEqual(outcome(slow(text)));
    }
    expect(outcome(`---\ntags: [${Array(10_000).fill('a').join(', ')}]\n---\n`)).toMatch(/too large/);
  });
});
