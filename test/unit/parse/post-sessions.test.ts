// parsePostSessions (headings first, bodies only when asked) against the
// full parse, generically: whatever extractSessions finds in a post, the
// quick way must find the same sessions, with the same fields, on every
// fixture, every sample post and random posts built from many shapes.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../../src/errors.js';
import { decodePost } from '../../../src/load/read-post.js';
import { parsePost } from '../../../src/parse/post.js';
import { parsePostSessions, withoutTokens } from '../../../src/parse/post-sessions.js';
import { splitRegions, type Region } from '../../../src/parse/regions.js';
import { buildSessionTest, NO_FILTER } from '../../../src/query/filter.js';
import { foldNeedles, mayMention } from '../../../src/query/mentions.js';
import type { Session } from '../../../src/types.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(`${ROOT}${dir}`, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|markdown)$/.test(e.name))
    .map((e) => `${e.parentPath}/${e.name}`);
}

const POSTS = [...filesUnder('test/fixtures'), ...filesUnder('posts')];

function read(path: string): string | null {
  try {
    return decodePost(readFileSync(path), path);
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

/** The full parse's sessions without tokens, or the error it throws. */
function fullSessions(text: string, path: string): Session[] | string {
  try {
    return parsePost(text, path).sessions.map(withoutTokens);
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
}

function quick(text: string, path: string, wants: ((s: Session, region: string) => boolean) | 'all') {
  try {
    return parsePostSessions(text, path, wants === 'all' ? 'all' : (s, region) => wants(s, region()));
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
}

const heading = (s: Session) => ({ index: s.index, day: s.day, start: s.start, end: s.end, title: s.title, room: s.room });

/** The quick way agrees with the full parse: resolved sessions in full, the others but for their speakers. */
function expectAgreement(text: string, path: string, wants: ((s: Session, region: string) => boolean) | 'all'): void {
  const full = fullSessions(text, path);
  const got = quick(text, path, wants);
  if (typeof full === 'string' || typeof got === 'string') {
    expect(got).toEqual(full);
    return;
  }
  expect(got.sessions.map(heading)).toEqual(full.map(heading));
  got.sessions.forEach((s, k) => {
    if (got.resolved[k]) expect(s).toEqual(full[k]);
  });
  expect(got.title).toBe(parsePost(text, path).title);
}

describe('parsePostSessions agrees with parsePost', () => {
  it.each(POSTS)('%s', (path) => {
    const text = read(path);
    if (text === null) return;
    expectAgreement(text, path, () => true);
    expectAgreement(text, path, 'all');
    expectAgreement(text, path, () => false);
    expectAgreement(text, path, (s) => s.index % 2 === 0);
    const all = quick(text, path, () => true);
    if (typeof all !== 'string') expect(all.resolved.every(Boolean)).toBe(true);
  });

  it('reads the speakers of only the sessions asked for, in a post of plain headings', () => {
    const text = '## Day 1\n\n### 09:00 - 09:40 One\n\n- 김철수 백엔드 개발자, 예시회사\n\n### 10:00 - 10:40 Two\n\n- Jane Doe, Acme\n';
    const got = parsePostSessions(text, 'x.md', (s) => s.index === 2);
    expect(got.resolved).toEqual([false, true]);
    expect(got.sessions[0]!.speakers).toEqual([]);
    expect(got.sessions[1]!.speakers.map((p) => p.name)).toEqual(['Jane Doe']);
    expect(got.sessions.map((s) => s.day)).toEqual(['Day 1', 'Day 1']);
  });

  it('reads a post whose sessions all hold a bare start time as parsePost does: their speakers tell a schedule from a log', () => {
    // Bare start times with nobody speaking are a log (session-noise.ts); the headings alone name nobody.
    const text = '---\ntitle: t\n---\n### 10:00 Opening talk\n\n- 양승도 솔루션즈 아키텍트, 아마존 웹서비스\n\n### 11:00 Second talk\n\n발표자: 김현수\n';
    for (const wants of [() => true, () => false, (s: Session) => s.index === 2]) {
      expect(parsePostSessions(text, 'x.md', wants).sessions.map((s) => s.title)).toEqual(['Opening talk', 'Second talk']);
      expectAgreement(text, 'x.md', wants);
    }
  });

  it('reads a post with templates as parsePost does: they may print a speaker or hide a session', () => {
    const text = '---\nspeaker: 홍길동\n---\n## Day 1\n\n### 10:00 - 10:40 One\n{{ page.speaker }}\n\n{% comment %}\n### 11:00 - 11:40 Hidden\n{% endcomment %}\n';
    const got = parsePostSessions(text, 'x.md', () => true);
    expect(got.sessions.map((s) => [s.title, s.speakerText])).toEqual([['One', '홍길동']]);
    expectAgreement(text, 'x.md', () => true);
  });

  it('reads a post with a link definition in a list as parsePost does: it makes links in every region', () => {
    const text = '## Day 1\n\n### 10:00 - 10:40 One\n- [Jane][r] Doe, Acme\n\n### 11:00 - 11:40 Two\n- [r]: http://x.test\n';
    const got = parsePostSessions(text, 'x.md', () => true);
    expect(got.sessions[0]!.speakers.map((p) => p.name)).toEqual(['Jane Doe']);
    expectAgreement(text, 'x.md', () => true);
  });
});

// Random posts from pieces of many shapes, including the ones the quick way
// must hand to the full parse (tables, timed lines, HTML, link definitions,
// setext headings, fences, headings in lists, headings with only a time).
const PIECES = [
  '## Day 1', '## 2일차', '# Conference notes', '### 09:00 - 09:40 Opening keynote', '### 10:00~10:40 | Room A | 데이터 파이프라인',
  '#### [세션 1] 14:00 - 14:40 Rust in production', '### 15:00 - 15:40 **Bold** talk &amp; more', '### 16:00', '### 17:00 ~',
  '### 좋았던 점', '###', '## Day 2', '### 13:00 - 13:40 Talk with [link](http://x.test/a) title', '### 11:00 Bare start talk', '### 14:00 점심',
  '- 양승도 솔루션즈 아키텍트, 아마존 웹서비스', '- Jeff Barr, Chief Evangelist, AWS', '발표자: 김현수 시니어 엔지니어, 넥슨',
  '- **Speaker**: Jane Doe, Acme', '- 대규모 트래픽 처리 경험 - 홍길동님', '- nested\n  - deeper\n    - deepest',
  'A paragraph that is long enough to be a sentence about the talk and what was said.', '짧은 줄', 'by Jane Roe, Example Corp',
  '```\n# not a heading\n### 09:00 - 10:00 in code\n```', '~~~js\nconst x = 1;\n~~~', '    ### indented code 10:00 - 11:00',
  '| 시간 | 제목 | 발표자 |\n| --- | --- | --- |\n| 10:00 | 키노트 | 홍길동 |', '- 13:00 - 13:40 First - 홍길동님\n- 13:50 - 14:30 Second - Jane Doe',
  '<div>\n### 11:00 - 11:40 inside html\n</div>', '<!-- comment -->', '[ref]: http://x.test', 'Setext title 10:00 - 10:30\n---',
  '- item\n  ### 12:00 - 12:30 heading in a list', '  ### 12:00 - 12:30 indented heading', '> quote\n### 18:00 - 18:40 after quote',
  '***', 'Line one  \nSpeaker: 이영희 CTO, 데일리호텔', '1. **응답 시간** - 빠름', '&#50577;승도 엔티티', '양**승도** 굵게',
  '- &#50577;승도 아키텍트, 예시회사', '- 양**승도** 아키텍트', '- <b>Ja</b>ne Doe, Acme', '- [Jeff](http://x.test) Barr, AWS', '- Ja\\ne Roe, Example',
  '{{ page.speaker }}', '{% comment %}\n### 19:00 - 19:40 Hidden talk\n{% endcomment %}', '- [Jane][r] Doe, Acme', '- [r]: http://x.test', '> [r]: http://x.test',
  // Inline HTML and templates, which the full parse reads (parse/html.ts, parse/templates.ts).
  '- 양승도<br>솔루션즈 아키텍트, AWS', '### 11:00 - 11:40 Two<br>lines', '- {{ page.who }}, AWS', '### 12:00 - 12:40 {{ page.title }}', '- 양승도[^1], AWS',
  '{% comment %}\n### 13:00 - 13:40 Hidden talk\n{% endcomment %}',
];

const postArbitrary = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }), fc.array(fc.constantFrom('\n', '\n\n'), { minLength: 14, maxLength: 14 }))
  .map(([front, pieces, gaps]) => (front ? '---\ntitle: Generated\ndate: 2024-05-01\nwho: 양승도\n---\n' : '') + pieces.map((p, k) => p + gaps[k]).join(''));

// Recaps: session headings, each with a speaker line (some with the name
// hidden behind markup or an entity) and some lines of notes.
const SPEAKER_LINES = [
  '- 양승도 솔루션즈 아키텍트, 아마존 웹서비스', '- &#50577;승도 아키텍트, 예시회사', '- 양**승도** 아키텍트', '발표자: 양승도',
  '- <b>Ja</b>ne Doe, Acme', '- [Jeff](http://x.test) Barr, AWS', '- Jeff Barr, Chief Evangelist, AWS', '- Ja\\ne Roe, Example',
  '- ＪＡＮＥ Doe', `- ${'양승도'.normalize('NFD')} 엔지니어`, '- Jane\n  Doe, Acme', 'by Jane Roe, Example Corp', '- 김현수 시니어 엔지니어, 넥슨',
  '- 양승도<br>솔루션즈 아키텍트, AWS', '- {{ page.who }}, AWS',
];
const recapArbitrary = fc
  .array(fc.tuple(fc.constantFrom('### 09:00 - 09:40 Talk', '### 10:00 ~ 10:40 | Room A | 발표', '## Day 2', '### 좋았던 점', '### 11:00 Bare start'), fc.constantFrom(...SPEAKER_LINES), fc.constantFrom('', '- note about **AWS**', 'A sentence of notes.')), { maxLength: 8 })
  .map((sessions) => '---\ntitle: Recap\nwho: 양승도\n---\n' + sessions.map((parts) => parts.join('\n\n')).join('\n\n') + '\n');

describe('parsePostSessions agrees with parsePost on generated posts', () => {
  it('whichever bodies are asked for', () => {
    fc.assert(
      fc.property(postArbitrary, fc.func(fc.boolean()), (text, pick) => {
        expectAgreement(text, 'gen.md', () => true);
        expectAgreement(text, 'gen.md', () => false);
        expectAgreement(text, 'gen.md', (s) => pick(s.index));
      }),
      { numRuns: 200 },
    );
  });

  it('never skips a body that holds a speaker the filter would keep (mayMention)', () => {
    fc.assert(
      fc.property(fc.oneof(postArbitrary, recapArbitrary), fc.constantFrom('양승도', 'jeff barr', 'JANE', '김현수', 'ｊａｎｅ', '양승도'.normalize('NFD'), 'acme', 'Roe'), (text, name) => {
        const full = fullSessions(text, 'gen.md');
        if (typeof full === 'string') return;
        const test = buildSessionTest({ ...NO_FILTER, speakers: [name] });
        const needles = foldNeedles([name]);
        const got = quick(text, 'gen.md', (s, region) => mayMention(region, needles));
        if (typeof got === 'string') return;
        // Every session the full parse keeps is resolved (its body was read) and kept the same.
        full.forEach((s, k) => {
          if (test(s)) {
            expect(got.resolved[k]).toBe(true);
            expect(got.sessions[k]).toEqual(s);
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('parsePostSessions agrees with parsePost on the bench\'s generated recaps', () => {
  it('a two-day sample and 60 kB of sessions, shaped like the 10,000-post folder', async () => {
    // @ts-expect-error: a plain ES module of the bench, without types
    const { bigPost, samplePost } = (await import('../../../scripts/bench/inputs.mjs')) as { bigPost: (bytes: number, seed?: number) => string; samplePost: () => string };
    // bigPost pads itself with an HTML comment (read in full): without it, the quick way is taken.
    const big = bigPost(60_000, 3);
    expect(parsePostSessions(big.replace(/<!--[^]*-->\n$/, ''), 'bench.md', () => false).resolved.some((r) => !r)).toBe(true);
    for (const text of [samplePost(), big, big.replace(/<!--[^]*-->\n$/, '')]) {
      expectAgreement(text, 'bench.md', () => true);
      expectAgreement(text, 'bench.md', () => false);
      expectAgreement(text, 'bench.md', (s) => s.index % 3 === 0);
    }
  });
});

describe('splitRegions', () => {
  it('cuts at heading lines outside fences', () => {
    const text = 'intro\n# A\nbody\n```\n# code\n```\n## B\n';
    expect(splitRegions(text)!.map((r) => [r.heading, text.slice(r.from, r.to)])).toEqual([
      [null, 'intro\n'],
      ['# A', '# A\nbody\n```\n# code\n```\n'],
      ['## B', '## B\n'],
    ]);
  });

  it.each([
    ['an HTML block', '<div>\n# A\n</div>'],
    ['a link definition', '[a]: http://x\n# A'],
    ['a setext heading', 'Title\n===\n# A'],
    ['an indented heading', '- item\n  # A'],
    ['an indented fence', '- item\n\n  ```\n# A\n  ```'],
  ])('refuses %s', (_, text) => {
    expect(splitRegions(text)).toBeNull();
  });
});

// splitRegions as it was before it stopped cutting out every line (kept to compare with).
const HEADING = /^(#{1,6})(?:[ \t]|$)/;
const INDENTED_HEADING = /^ {1,3}#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HTML_START = /^ {0,3}</;
const LINK_DEFINITION = /^ {0,3}\[[^\]]*\]:/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
function referenceSplitRegions(content: string): Region[] | null {
  const regions: Region[] = [];
  let current: Region = { from: 0, to: content.length, heading: null, depth: 0 };
  let fence: string | null = null;
  let previousBlank = true;
  for (let from = 0; from < content.length; ) {
    let to = content.indexOf('\n', from);
    if (to === -1) to = content.length;
    const line = content.slice(from, to);
    const lineFrom = from;
    from = to + 1;
    if (fence !== null) {
      if (referenceIsClosingFence(line, fence)) fence = null;
      previousBlank = false;
      continue;
    }
    const first = line.charCodeAt(0);
    // Most lines are prose: one look at their first character rules out every mark below.
    if (first === 0x23 /* # */) {
      const heading = HEADING.exec(line);
      if (heading) {
        current.to = lineFrom;
        if (current.heading !== null || lineFrom > 0) regions.push(current);
        current = { from: lineFrom, to: content.length, heading: line, depth: heading[1]!.length };
        previousBlank = false;
        continue;
      }
    } else if (first === 0x20 || first === 0x60 || first === 0x7e || first === 0x3c || first === 0x5b || first === 0x3d || first === 0x2d) {
      if (INDENTED_HEADING.test(line) || HTML_START.test(line) || LINK_DEFINITION.test(line)) return null;
      if (!previousBlank && SETEXT_UNDERLINE.test(line)) return null;
      const open = FENCE_OPEN.exec(line);
      if (open) {
        if (open[1] !== '' || (open[2]![0] === '`' && open[3]!.includes('`'))) return null;
        fence = open[2]!;
        previousBlank = false;
        continue;
      }
    }
    previousBlank = line.trim() === '';
  }
  if (current.heading !== null || content.length > 0) regions.push(current);
  return regions;
}
function referenceIsClosingFence(line: string, fence: string): boolean {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 0x20) i++;
  if (!line.startsWith(fence, i)) return false;
  return /^[~`]* *$/.test(line.slice(i + fence.length));
}

describe('splitRegions reads lines as cutting each out and trimming it does', () => {
  it('on generated bodies (property)', () => {
    const line = fc.constantFrom('', ' ', '\t', '\u00a0', '\u3000', '\ufeff', '\u2028', '\r', 'text', '# A', '## 10:00 - 10:40 B', '#tag', '  # C', '```', '````', '~~~', '  ```', '```js', '``` x`', '===', '---', ' - item', '<div>', '[a]: x', '`code`', '~ x', '- item', '=x', '    code', '   ---', '    ---', '   # D', '    # D', ' [b]: y', '   <p>', '    <p>', '-- ', '--\t', '=== x', '---  \t', ' = ', '  ~~~', '   ```', '- [c]: z', '-#');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), fc.boolean(), (lines, end) => {
        const body = lines.join('\n') + (end ? '\n' : '');
        expect(splitRegions(body)).toEqual(referenceSplitRegions(body));
      }),
      { numRuns: 3000 },
    );
  });
});
