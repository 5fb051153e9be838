// Issue 11: how many of the sessions a careful reader lists does postview find, and how
// many of the sessions it reports are right? Every fixture counts: the shapes of
// test/fixtures/sessions/ (expected sessions in a JSON file beside each post) and the older
// fixtures of test/fixtures/ (expected sessions written in test/fixtures/README.md).
// A found session is right when start, end, title, speaker names, day and kind all match
// an expected one (and room, where the expectation names one).
import { readdirSync, readFileSync } from 'node:fs';
import { FIXTURES, fixturePost } from './fixture.js';

interface Expected {
  start: string | null;
  end: string | null;
  title: string;
  speakers: string[];
  day: string | null;
  kind: 'talk' | 'break';
  room?: string | null;
}

const SHAPES = `${FIXTURES}sessions/`;

function shapeExpectations(): Map<string, Expected[]> {
  const out = new Map<string, Expected[]>();
  for (const name of readdirSync(SHAPES).filter((n) => n.endsWith('.md') && n !== 'README.md').sort()) {
    const json = JSON.parse(readFileSync(`${SHAPES}${name.replace(/\.md$/, '.json')}`, 'utf8')) as { sessions: Expected[] };
    out.set(`sessions/${name}`, json.sessions);
  }
  return out;
}

/** Reads the per-session lines of test/fixtures/README.md ("#1 day=null start=… title=… speakers=[{name "…", …}]"). */
function readmeExpectations(): Map<string, Expected[]> {
  const out = new Map<string, Expected[]>();
  const readme = readFileSync(`${FIXTURES}README.md`, 'utf8');
  const q = (v: string | undefined) => (v === undefined || v === 'null' ? null : v.slice(1, -1));
  for (const line of readme.split('\n')) {
    const file = /^- `([^`]+\.md)`/.exec(line)?.[1];
    if (!file) continue;
    const sessions: Expected[] = [];
    const allNull = /all day=null/.test(line);
    // Each session starts at "#N " and runs to the next "; #" or the end of its entry.
    for (const part of line.split(/(?=#\d+ (?:day=|"))/).slice(1)) {
      const start = /start="(\d\d:\d\d)"/.exec(part)?.[1] ?? /^#\d+ "(\d\d:\d\d)"/.exec(part)?.[1] ?? null;
      const end = /end=(null|"[^"]*")/.exec(part)?.[1] ?? /^#\d+ "\d\d:\d\d"–(null|"[^"]*")/.exec(part)?.[1];
      const title = /title="(.*?)" (?:kind=|room=|speakerText=)/.exec(part)?.[1];
      if (start === null || title === undefined) continue;
      const names = [...(/speakers=\[(.*?)\](?:[;.]|$)/.exec(part)?.[1] ?? '').matchAll(/\{name "([^"]*)"/g)].map((m) => m[1]!);
      sessions.push({
        start,
        end: q(end),
        title,
        speakers: names,
        day: allNull ? null : q(/day=(null|"[^"]*")/.exec(part)?.[1]),
        kind: /kind="break"/.test(part) ? 'break' : 'talk',
      });
    }
    // "Expected: identical … as seed-shape.md": the same sessions as that fixture.
    const same = /identical 3 sessions as (\S+\.md)/.exec(line)?.[1];
    if (same) sessions.push(...(out.get(same) ?? []));
    out.set(file, sessions);
  }
  return out;
}

interface Found {
  start: string | null;
  end: string | null;
  title: string;
  speakers: string[];
  day: string | null;
  kind: string;
  room: string | null;
}

function same(found: Found, expected: Expected): boolean {
  return (
    found.start === expected.start &&
    found.end === expected.end &&
    found.title === expected.title &&
    found.day === expected.day &&
    found.kind === expected.kind &&
    JSON.stringify(found.speakers) === JSON.stringify(expected.speakers) &&
    (expected.room === undefined || found.room === expected.room)
  );
}

function score(file: string, expected: Expected[]) {
  const found: Found[] = fixturePost(file).sessions.map((s) => ({
    start: s.start,
    end: s.end,
    title: s.title,
    speakers: s.speakers.map((p) => p.name),
    day: s.day,
    kind: s.kind,
    room: s.room,
  }));
  const left = [...expected];
  let right = 0;
  const wrong: Found[] = [];
  for (const f of found) {
    const at = left.findIndex((e) => same(f, e));
    if (at === -1) wrong.push(f);
    else {
      left.splice(at, 1);
      right++;
    }
  }
  return { found: found.length, expected: expected.length, right, wrong, missed: left };
}

const expectations = new Map([...readmeExpectations(), ...shapeExpectations()]);
const results = [...expectations].map(([file, expected]) => ({ file, ...score(file, expected) }));

describe('sessions found in every fixture, scored against what a reader lists', () => {
  it('reads an expectation for every fixture', () => {
    const top = readdirSync(FIXTURES).filter((n) => n.endsWith('.md') && n !== 'README.md');
    expect(top.filter((n) => !expectations.has(n))).toEqual([]);
    expect(expectations.size).toBeGreaterThanOrEqual(top.length + 25);
    // The README parser reads every session it describes (spot check: the 6 of name-lines.md).
    expect(expectations.get('name-lines.md')).toHaveLength(6);
    expect(expectations.get('crlf.md')).toHaveLength(3);
  });

  it('has at least 95% precision and 90% recall of fully correct sessions', () => {
    const total = results.reduce((a, r) => ({ found: a.found + r.found, expected: a.expected + r.expected, right: a.right + r.right }), { found: 0, expected: 0, right: 0 });
    const precision = total.found === 0 ? 1 : total.right / total.found;
    const recall = total.expected === 0 ? 1 : total.right / total.expected;
    const misses = results
      .filter((r) => r.wrong.length > 0 || r.missed.length > 0)
      .map((r) => `${r.file}: ${r.right}/${r.expected} right, ${r.wrong.length} wrong ${JSON.stringify(r.wrong.slice(0, 2))}, missed ${JSON.stringify(r.missed.slice(0, 2))}`);
    process.stdout.write(
      `session score over ${results.length} fixtures: found ${total.found}, expected ${total.expected}, fully correct ${total.right}; ` +
        `precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%\n${misses.join('\n')}\n`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  const none = results.filter((r) => r.expected === 0);
  it('has at least 10 no-talk fixtures in sessions/', () => {
    expect(none.filter((r) => r.file.startsWith('sessions/none-')).length).toBeGreaterThanOrEqual(10);
  });
  it.each(none.map((r) => [r.file, r] as const))('%s gives no session', (_file, r) => {
    expect(r.wrong).toEqual([]);
  });
});
