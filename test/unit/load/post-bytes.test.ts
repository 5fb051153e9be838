// parsePostSessionsBytes (the bytes read as Latin-1, only some lines decoded)
// against parsePostSessions of the whole decoded post: the same title, date,
// front matter and sessions, whichever bodies are asked for, on every fixture
// and sample post and on generated posts with odd bytes (a BOM, \r, invalid
// UTF-8, Unicode spaces, line separators, unclosed front matter).
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../../src/errors.js';
import { parseFrontMatter } from '../../../src/load/front-matter.js';
import { checkPostBytes, parsePostSessionsBytes } from '../../../src/load/post-bytes.js';
import { decodePost } from '../../../src/load/read-post.js';
import { parsePostSessions } from '../../../src/parse/post-sessions.js';
import type { Session } from '../../../src/types.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(`${ROOT}${dir}`, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|markdown)$/.test(e.name))
    .map((e) => `${e.parentPath}/${e.name}`);
}

type Wants = ((s: Session, region: string) => boolean) | 'all';

/** What a reading gives (without regionText, a function), or the message it throws. */
function outcome(read: () => ReturnType<typeof parsePostSessions>): unknown {
  try {
    const { title, date, frontMatter, sessions, resolved } = read();
    return { title, date, frontMatter, sessions, resolved };
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
}

/** The message a reading throws, else null. */
function failure(read: () => unknown): string | null {
  try {
    read();
    return null;
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
}

function expectSame(bytes: Buffer, path: string, wants: Wants): void {
  let regions: string[] = [];
  let wholeRegions: string[] = [];
  const track = (into: string[]) => (wants === 'all' ? 'all' : (s: Session, region: () => string) => (into.push(region()), wants(s, region())));
  const whole = outcome(() => {
    const text = decodePost(bytes, path);
    return parsePostSessions(text, path, track(wholeRegions));
  });
  expect(outcome(() => parsePostSessionsBytes(bytes, path, track(regions)))).toEqual(whole);
  // The bodies offered are the same texts (a decision on them is the same decision).
  if (regions.length > 0) expect(regions).toEqual(wholeRegions);
  // A post passed over unread fails as reading its front matter from the decoded text fails.
  expect(failure(() => checkPostBytes(bytes, path))).toBe(failure(() => parseFrontMatter(decodePost(bytes, path), path)));
  regions = [];
  wholeRegions = [];
}

const WANTS: Wants[] = [() => true, () => false, (s) => s.index % 2 === 0, 'all'];

describe('parsePostSessionsBytes agrees with parsePostSessions of the decoded post', () => {
  it.each([...filesUnder('test/fixtures'), ...filesUnder('posts')])('%s', (path) => {
    const bytes = readFileSync(path);
    for (const wants of WANTS) expectSame(bytes, path, wants);
  });

  it('on the bench\'s generated recaps', async () => {
    // @ts-expect-error: a plain ES module of the bench, without types
    const { bigPost, samplePost } = (await import('../../../scripts/bench/inputs.mjs')) as { bigPost: (bytes: number, seed?: number) => string; samplePost: () => string };
    for (const text of [samplePost(), bigPost(30_000, 5).replace(/<!--[^]*-->\n$/, '')]) {
      for (const wants of WANTS) expectSame(Buffer.from(text), 'bench.md', wants);
    }
  });

  const FRONT = ['', '---\ntitle: 한글 제목 "따옴표"\ndate: 2024-05-01\ntags: [a, 후기]\n---\n', '---\ntitle: x\n---', '---\ntitle: never closed\n', '+++\ntitle = "톰"\n+++\n', '---\ndate: 2024-02-30\n---\n', '---\ntitle: [unclosed\n---\n', '---\n---\n'];
  const LINES = [
    '## Day 1', '## 2일차', '# 제목 하나', '### 09:00 - 09:40 Opening keynote', '### 10:00~10:40 | Room A | 데이터 파이프라인', '### 11:00 - 11:40 **굵은** 제목',
    '### 12:00 - 12:40 Tab\tand\u3000space\u00a0', '### 13:00 - 13:40 é e\u0301 Ｆｕｌｌ', '### 14:00 - 14:40 line\u2028sep', '### 16:00', '###',
    '- 양승도 솔루션즈 아키텍트, 아마존 웹서비스', '발표자: 김현수 시니어 엔지니어, 넥슨', '- Jeff Barr, Chief Evangelist, AWS', 'A paragraph of notes.',
    '', '\u3000', '\u00a0', ' ', '===', '---', '```\n# 코드\n```', '<div>\n### 15:00 - 15:40 in html\n</div>', '| 시간 | 제목 |\n| --- | --- |\n| 10:00 | 키노트 |',
    '- 13:00 - 13:40 First - 홍길동님\n- 13:50 - 14:30 Second - Jane Doe', '  ### 12:00 - 12:30 indented', '[ref]: http://x.test',
  ];
  /** Odd bytes put between lines: invalid UTF-8 (a lone continuation byte, a cut sequence, an overlong one), \r, NUL-free controls. */
  const ODD = [Buffer.from([0xa0]), Buffer.from([0xea, 0xb0]), Buffer.from([0xc0, 0x80]), Buffer.from('\r'), Buffer.from('\x0b\x0c'), Buffer.from([0xc2, 0x85]), Buffer.from([0xe2, 0x80, 0xa8])];

  it.each([
    ['a lone continuation byte read as a Latin-1 space, over a setext underline', Buffer.concat([Buffer.from('## Day 1\n\n'), Buffer.from([0xa0]), Buffer.from('\n===\n\n### 10:00 - 10:40 A\n')])],
    ['a sequence cut short at the end of a heading', Buffer.concat([Buffer.from('### 10:00 - 10:40 가'), Buffer.from([0xea, 0xb0]), Buffer.from('\n- 양승도 아키텍트\n')])],
    ['\r\n line endings', Buffer.from('---\r\ntitle: 제목\r\n---\r\n### 10:00 - 10:40 A\r\n- Jane Doe, Acme\r\n')],
    ['a BOM before the front matter', Buffer.from('\ufeff---\ntitle: 제목\n---\n### 10:00 - 10:40 A\n')],
  ])('%s', (_, bytes) => {
    for (const wants of WANTS) expectSame(bytes, 'gen.md', wants);
  });

  it('on generated posts with odd bytes', () => {
    const post = fc.tuple(
      fc.boolean(),
      fc.constantFrom(...FRONT),
      fc.array(fc.tuple(fc.constantFrom(...LINES), fc.constantFrom('\n', '\n\n'), fc.option(fc.constantFrom(...ODD), { freq: 6 })), { maxLength: 12 }),
    ).map(([bom, front, lines]) =>
      Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(front), ...lines.flatMap(([line, gap, odd]) => [Buffer.from(line), odd ?? Buffer.alloc(0), Buffer.from(gap)])]),
    );
    fc.assert(
      fc.property(post, fc.constantFrom(...WANTS), (bytes, wants) => expectSame(bytes, 'gen.md', wants)),
      { numRuns: 400 },
    );
  });
});
