// cutForSpeakers: a session's region lexed only up to the cut gives the same
// session (speakers included) as the whole region lexed, on every fixture and
// sample post and on generated bodies; and the generated bodies are varied
// enough that a cut made without its safeguards is caught.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../../src/errors.js';
import { parseFrontMatter } from '../../../src/load/front-matter.js';
import { decodePost } from '../../../src/load/read-post.js';
import { lexMarkdown } from '../../../src/parse/lexer.js';
import { limitNesting } from '../../../src/parse/nesting.js';
import { lexBody, parsePost } from '../../../src/parse/post.js';
import { parsePostSessions, withoutTokens } from '../../../src/parse/post-sessions.js';
import { splitRegions } from '../../../src/parse/regions.js';
import { headingTitle } from '../../../src/parse/sections.js';
import { sessionHeadingKind } from '../../../src/parse/session-heading.js';
import { extractSessions } from '../../../src/parse/sessions.js';
import { cutForSpeakers, lastLabelLine } from '../../../src/parse/speaker-cut.js';
import type { Tokens } from 'marked';
import type { Session } from '../../../src/types.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(`${ROOT}${dir}`, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|markdown)$/.test(e.name))
    .map((e) => `${e.parentPath}/${e.name}`);
}

/** The sessions of a region's Markdown, lexed as parse/post-sessions.ts lexes a wanted region. */
function sessionsOf(markdown: string): Session[] {
  return extractSessions(lexBody(limitNesting(markdown))).map(withoutTokens);
}

/** The regions of a body that post-sessions.ts may cut: those of a session heading with a title (not only a time). */
function sessionRegions(body: string): string[] {
  const regions = splitRegions(body);
  if (regions === null) return [];
  return regions.flatMap((r) => {
    if (r.heading === null) return [];
    const heading = lexMarkdown(r.heading)[0] as Tokens.Heading | undefined;
    return heading?.type === 'heading' && sessionHeadingKind(headingTitle(heading)) === 'session' ? [body.slice(r.from, r.to)] : [];
  });
}

/** The cut is the start of the region, and its sessions are those of the whole region. */
function expectSameSessions(region: string, cut: (region: string) => string = cutForSpeakers): void {
  const part = cut(region);
  expect(region.startsWith(part)).toBe(true);
  expect(sessionsOf(part)).toEqual(sessionsOf(region));
}

describe('cutForSpeakers on every fixture and sample post', () => {
  const regions = [...filesUnder('test/fixtures'), ...filesUnder('posts')].flatMap((path) => {
    try {
      return sessionRegions(parseFrontMatter(decodePost(readFileSync(path), path), path).content).map((region) => [path.slice(ROOT.length), region] as const);
    } catch (error) {
      if (error instanceof InputError) return [];
      throw error;
    }
  });

  it('finds session regions, and cuts some of them short', () => {
    expect(regions.length).toBeGreaterThan(50);
    expect(regions.filter(([, region]) => cutForSpeakers(region).length < region.length).length).toBeGreaterThan(10);
  });

  it.each(regions)('%s: %j', (_, region) => {
    expectSameSessions(region);
  });
});

describe('cutForSpeakers where it cuts', () => {
  const head = '### 10:20 - 11:00 데이터 분석 플랫폼\n';
  it.each([
    ['after the first item of a list', '\n- 양승도 솔루션즈 아키텍트, 아마존 웹서비스\n', '- **Amazon Kinesis**로 실시간 처리\n  - 발표 자료: [SlideShare](https://x.test/a) 참고\n\n질의응답이 길었다.\n'],
    ['after a labelled first paragraph', '\n발표자: 정민아 테크 에반젤리스트, 아마존 웹서비스\n\n', '- IAM 역할은 최소 권한으로\n- Blue/green deployments\n\n질의응답이 길었다.\n'],
    ['after the label, wherever it is', '\n짧은 소개\n\n- **Speaker**: Jane Doe, Acme\n', '- driven by demand\n'],
    ['after a paragraph that a list interrupts', '\nJane Doe, Acme\n', '- note\n'],
  ])('%s', (_, kept, rest) => {
    expect(cutForSpeakers(head + kept + rest)).toBe(head + kept);
  });

  it.each([
    ['a label in the last block', '\n- 양승도 아키텍트\n- note\n\n발표자: 홍길동\n'],
    ['"by" starting a later line', '\n- 양승도 아키텍트\n- by Jane Roe, Acme\n'],
    ['a fence before the first cut', '\n```\ncode\n\nmore\n```\n\n- 양승도\n'],
    ['a link definition', '\n- [양승도][r]\n- note\n\n[r]: http://x.test\n'],
    ['an entity in a later line', '\n- 양승도\n- &#48156;표자: 홍길동\n'],
    ['HTML in a later line', '\n- 양승도\n- <b>발표자</b>: 홍길동\n'],
    ['one block only', '\n- 양승도\n  - note\n'],
    ['only indented lines after the first', '\n- 양승도\n\n  more of the item\n'],
    ['CRLF', '\r\n- 양승도\r\n- note\r\n'],
  ])('not with %s', (_, body) => {
    expect(cutForSpeakers(head + body)).toBe(head + body);
  });
});

describe('lastLabelLine', () => {
  it.each([
    ['발표자: 홍길동', 0],
    ['note\n- **Speaker**: Jane', 1],
    ['note\n발**표**자: 홍길동', 1],
    ['note\n[발표자](http://x.test): 홍길동', 1],
    ['note\n![](http://x.test/i.png)by Jane Roe', 1],
    ['note\n- [x] by Jane Roe', 1],
    ['note\n`발표자\n:` 홍길동', 1],
    ['note\n[발](http://x.test "t")표자: 홍길동', 1],
    ['note\n연사 — 홍길동\nmore', 1],
    ['note\n&#48156;표자: 홍길동\nmore', 1],
    ['발표 자료: [SlideShare](https://x.test/a) 참고', -1],
    ['발표자료: 링크', -1],
    ['driven by demand\nStandby mode', -1],
    ['- Partition key design', -1],
  ])('%j -> %d', (text, line) => {
    expect(lastLabelLine(text)).toBe(line);
  });
});

// Generated regions: a session heading, then lines of many shapes: loose and
// tight lists (nested, ordered, tasks), setext underlines, fences, quotes,
// tables, labels in later lines (behind markup, entities or HTML), "by Name",
// reference links and their definitions, code spans across lines.
const HEADINGS = ['### 10:00 - 10:40 Talk', '## 14:00 - 14:40 Rust in production', '#### 09:30 ~ 10:10 | Room A | 데이터 파이프라인'];
const LINES = [
  '', '', '', ' ', '\t',
  '- 양승도 솔루션즈 아키텍트, 아마존 웹서비스', '- Jeff Barr, Chief Evangelist, AWS', '* star item', '+ plus item', '1. ordered', '2) ordered', '- [ ] task', '- [x] by Jane Roe, Acme',
  '  - nested item', '    - deeper', '  continuation', '   1. nested ordered', 'lazy line', '- ', '-', '- 발표 자료: [SlideShare](https://x.test/s) 참고',
  '발표자: 김현수 시니어 엔지니어, 넥슨', '**Speaker**: Jane Doe', '- **발표자**: 홍길동', 'Speaker - Rosa Diaz', '발표자료: 링크', 'by Jane Roe, Example Corp', '- by Sam Lee',
  'driven by demand', '**by** Jane Roe', '발**표**자: 양승도', '[발표자](http://x.test): 이영희', '`발표자', ':` 이영희', '[발](http://x.test "t")표자: 박민수',
  '![](http://x.test/i.png)by Jane Roe', '&#48156;표자: 엔티티', '<b>발표</b>자: 태그', '{{ page.speaker }}', '연사 — 홍길동', '  발표자: 들여쓴 줄',
  '[ref]: http://x.test', '> [ref]: http://x.test', '- [ref]: http://x.test', 'See [Jane][ref] talk', '[Jane][ref], Acme', '- [Jane][ref] Doe', '> quote line', '> 발표자: 인용 안', '>',
  '```', '~~~', '```js', '    indented code', '\tindented by a tab', '---', '===', '***', '* * *', '- - -',
  '| 시간 | 발표자 |', '| --- | --- |', '| 10:00 | 홍길동 |', 'A short line', 'A sentence of notes about the talk.', '짧은 줄', '\u00a0',
  'Line with a break  ', 'escaped \\- dash', '<!-- c -->', 'Jane Doe, Acme', '김철수 | 예시회사 백엔드 개발자',
];

const regionArbitrary = fc
  .tuple(fc.constantFrom(...HEADINGS), fc.array(fc.constantFrom(...LINES), { maxLength: 16 }), fc.boolean())
  .map(([heading, lines, end]) => `${heading}\n${lines.join('\n')}${end ? '\n' : ''}`)
  // As post-sessions.ts cuts them: one region, the heading's.
  .filter((region) => splitRegions(region)?.length === 1);

/** A cut up to the first blank line after the body's first non-blank line, with no other safeguard. */
function cutAtFirstBlank(region: string): string {
  const lines = region.split('\n');
  const first = lines.findIndex((line, k) => k > 0 && line.trim() !== '');
  const blank = lines.findIndex((line, k) => first !== -1 && k > first && line.trim() === '');
  return blank === -1 ? region : lines.slice(0, blank).join('\n') + '\n';
}

/** cutForSpeakers without its raw test: before the first line that ends the blocks above it. */
function cutWithoutLabelTest(region: string): string {
  const lines = region.split('\n');
  let seen = false;
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k]!;
    const starts = line !== '' && !/^[ \t]/.test(line) && line.trim() !== '' && (/^[ \t]*$/.test(lines[k - 1]!) || /^[-*+] +[^ \t]/.test(line));
    if (seen && starts) return lines.slice(0, k).join('\n') + '\n';
    if (/```|~~~/.test(line)) return region;
    if (line.trim() !== '') seen = true;
  }
  return region;
}

describe('cutForSpeakers on generated regions', () => {
  it('gives the sessions of the whole region (property)', () => {
    fc.assert(
      fc.property(regionArbitrary, (region) => expectSameSessions(region)),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['at the first blank line', cutAtFirstBlank],
    ['without the raw test for labels', cutWithoutLabelTest],
  ])('catches a cut made %s', (_, cut) => {
    const run = fc.check(
      fc.property(regionArbitrary, (region) => expectSameSessions(region, cut)),
      { numRuns: 3000 },
    );
    expect(run.failed).toBe(true);
  });
});

describe('parsePostSessions with cut regions agrees with parsePost', () => {
  const postArbitrary = fc.array(regionArbitrary, { minLength: 1, maxLength: 5 }).map((regions) => `## Day 1\n\n${regions.join('\n')}\n`);
  it('on generated posts (property)', () => {
    fc.assert(
      fc.property(postArbitrary, (text) => {
        const full = parsePost(text, 'gen.md').sessions.map(withoutTokens);
        const quick = parsePostSessions(text, 'gen.md', () => true);
        if (quick.resolved.every(Boolean)) expect(quick.sessions).toEqual(full);
        else expect(quick.sessions.length).toBe(full.length);
      }),
      { numRuns: 500 },
    );
  });
});
