// Issue 15 (and 11): reading sessions takes time in proportion to the post. Each
// shape below is read at 10 KB and at 100 KB, in-process; the larger must take at
// most 14 times as long (MAX_RATIO: a ratio, not a wall-clock limit). The tokens are made by
// hand, as marked would give them, so that only postview's own parsing is timed
// (marked's own cost on these shapes is a matter for the lexer).
// Timing 29 shapes at two sizes, best of several tries, takes seconds:
// `npm run test:slow`.
import type { Token } from 'marked';
import { countOutlineSessions, scanOutline } from '../../src/parse/outline.js';
import { extractSessions } from '../../src/parse/sessions.js';
import { findSpeakerLabel, parseSpeakers } from '../../src/parse/speakers.js';

const text = (s: string) => ({ type: 'text', raw: s, text: s, escaped: false }) as Token;
const heading = (s: string, depth = 3) => ({ type: 'heading', depth, raw: `${'#'.repeat(depth)} ${s}\n`, text: s, tokens: [text(s)] }) as Token;
const paragraph = (s: string) => ({ type: 'paragraph', raw: s, text: s, tokens: [text(s)] }) as Token;
const list = (lines: string[]) =>
  ({
    type: 'list', raw: lines.map((l) => `- ${l}`).join('\n'), ordered: false, start: '', loose: false,
    items: lines.map((l) => ({ type: 'list_item', raw: `- ${l}\n`, task: false, loose: false, text: l, tokens: [{ type: 'text', raw: l, text: l, tokens: [text(l)] }] })),
  }) as unknown as Token;

const KB = 1024;
/**
 * The most 100 KB may take against 10 KB. Not 12× as for a whole command (test/slow/linear.test.ts):
 * these calls alone are short enough that V8's own step between the two sizes shows. A plain
 * `split` of a 100 KB heading of "| " by the session heading's separator takes 17-20× its
 * 10 KB version on this machine, then 9-10× from 100 KB to 1 MB (the young generation fills:
 * linear past the step), and "a heading of '| '" measured 12.1-12.3× in two CI tries and
 * alone. A quadratic path measures about 100×.
 */
const MAX_RATIO = 14;
const rep = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));

/** Shapes: the known slow ones from issue 15 first, then the session shapes of issue 11 made long. */
const SHAPES: [string, (bytes: number) => Token[]][] = [
  ['a speaker line of "!"', (n) => [heading('13:00 - 13:40 Title'), paragraph(`Speaker: ${rep('!', n)}x`)]],
  ['a speaker line of "."', (n) => [heading('13:00 - 13:40 Title'), paragraph(`Speaker: ${rep('.', n)}x`)]],
  ['a session heading of dots', (n) => [heading(`13:00 - 13:40 ${rep('.', n)}`)]],
  ['a speaker line of "&"-joined names', (n) => [heading('13:00 - 13:40 Title'), paragraph(`Speaker: ${rep('Jane Doe & ', n)}Jim Roe`)]],
  ['a speaker line of "a & "', (n) => [heading('13:00 - 13:40 Title'), paragraph(`Speaker: ${rep('a & ', n)}`)]],
  ['a speaker line of spaces', (n) => [heading('13:00 - 13:40 Title'), paragraph(`Speaker: Jane${rep(' ', n)}Doe`)]],
  ['a speaker line of " / "', (n) => [heading('13:00 - 13:40 Title'), paragraph(`Speaker: ${rep('Jane Doe / ', n)}`)]],
  ['a Korean speaker line', (n) => [heading('13:00 - 13:40 제목'), paragraph(`발표자: ${rep('김철수 ', n)}`)]],
  ['a heading of " - "', (n) => [heading(`13:00 - 13:40 A${rep(' - ', n)}B`)]],
  ['a heading of "("', (n) => [heading(`13:00 - 13:40 ${rep('(', n)}`)]],
  ['a heading of "| "', (n) => [heading(`13:00 - 13:40 ${rep('| ', n)}x`)]],
  ['a heading of quotes', (n) => [heading(`13:00 - 13:40 ${rep('"', n)}`)]],
  ['a heading of slide words', (n) => [heading(`13:00 - 13:40 Title${rep(' slides', n)}`)]],
  ['a heading of "1:1 "', (n) => [heading(`13:00 - 13:40 ${rep('1:1 ', n)}`)]],
  ['a day heading of "Day 1 "', (n) => [heading(rep('Day 1 ', n), 2), heading('13:00 - 13:40 A')]],
  ['a bracketed timed line of "["', (n) => [list([`[13:00 ~ 13:40] ${rep('[', n)}`, '[14:00 ~ 14:40] B'])]],
  ['many timed lines', (n) => [list(Array.from({ length: Math.floor(n / 40) }, (_, i) => `1${i % 10}:00 - 1${i % 10}:40 Talk ${i} - 김철수님`))]],
  ['many heading sessions', (n) => Array.from({ length: Math.floor(n / 60) }, (_, i) => [heading(`1${i % 10}:00 - 1${i % 10}:40 Talk ${i}`), paragraph('Speaker: Jane Doe')]).flat()],
  ['many time-only headings', (n) => Array.from({ length: Math.floor(n / 60) }, (_, i) => [heading(`1${i % 10}:00 ~ 1${i % 10}:40`), paragraph(`Talk ${i}\n김철수 | 예시회사 개발자`)]).flat()],
];

/** The fastest of several runs, in ms (the least disturbed by other work on the machine). */
function fastest(run: () => void, rounds: number): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return best;
}

/**
 * How much longer 100 KB takes than 10 KB. A small input is run 10 times per
 * round so timer grain does not count. The machine is shared and garbage
 * collection comes in bursts, so the best of five attempts counts (stopping at the first that passes): a quadratic
 * path is ~100× every time, noise is not.
 */
function ratio(run: (bytes: number) => void): number {
  run(10 * KB);
  run(100 * KB);
  let best = Infinity;
  for (let attempt = 0; attempt < 5 && best > MAX_RATIO; attempt++) {
    const small = fastest(() => {
      for (let k = 0; k < 10; k++) run(10 * KB);
    }, 5) / 10;
    const big = fastest(() => run(100 * KB), 3);
    best = Math.min(best, big / Math.max(small, 0.05));
  }
  return best;
}

describe('sessions are read in linear time', () => {
  it.each(SHAPES)(`%s: 10× the size takes at most ${MAX_RATIO}× the time`, (_name, make) => {
    const cache = new Map<number, Token[]>();
    const tokens = (bytes: number) => cache.get(bytes) ?? cache.set(bytes, make(bytes)).get(bytes)!;
    expect(ratio((bytes) => extractSessions(tokens(bytes)))).toBeLessThanOrEqual(MAX_RATIO);
  });

  it.each<[string, (bytes: number) => string]>([
    ['"!"', (n) => rep('!', n)],
    ['"."', (n) => rep('.', n)],
    ['8,000-name "&"', (n) => rep('Jane Doe & ', n)],
    ['spaces', (n) => `Jane${rep(' ', n)}Doe`],
    ['"(" without a close', (n) => `Jane ${rep('(', n)}`],
    ['"," and spaces', (n) => rep(' , ', n)],
  ])('a speaker line of %s: labelled and parsed in linear time', (_name, make) => {
    const lines = new Map([10 * KB, 100 * KB].map((b) => [b, `Speaker: ${make(b)}`]));
    expect(ratio((bytes) => parseSpeakers(findSpeakerLabel(lines.get(bytes)!) ?? ''))).toBeLessThanOrEqual(MAX_RATIO);
  });

  it.each<[string, (bytes: number) => string]>([
    ['headings of dots', (n) => `### 13:00 - 13:40 ${rep('.', n)}\n`],
    ['many heading sessions', (n) => rep('### 13:00 - 13:40 Talk\n\n', n)],
    ['an HTML comment holding headings', (n) => `<!--\n${rep('### 13:00 - 13:40 T\n', n)}-->\n`],
    ['indented heading lines', (n) => rep('  ### 13:00 - 13:40 T\n', n)],
  ])('the outline list counts from, over %s, in linear time', (_name, make) => {
    const posts = new Map([10 * KB, 100 * KB].map((b) => [b, make(b)]));
    expect(ratio((bytes) => countOutlineSessions(scanOutline(posts.get(bytes)!)))).toBeLessThanOrEqual(MAX_RATIO);
  });
});
