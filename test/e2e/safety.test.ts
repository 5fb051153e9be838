// Safe and calm on every input (issue 3): nothing from a post runs, nothing
// reaches the terminal raw, mistakes get one clear line and exit 2, odd but
// valid posts work, hostile shapes finish quickly, and a closed pipe is not
// an error. Runs the built CLI as a user would (`node scripts/build.mjs` first).
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, constants, copyFileSync, openSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, FIXTURES, runCli, type Run } from './run-cli.js';
import { RAW_CONTROL, unsafe } from '../safe-output.js';
import { runInProcess } from '../in-process.js';
import { expectCalm, expectShapeHandled, hostileShapes } from '../hostile-shapes.js';

const HOSTILE = `${FIXTURES}hostile/`;
const SEED = `${FIXTURES}seed-shape.md`;
const TMP = mkdtempSync(join(tmpdir(), 'postview-safety-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** Wall time allowed for any one run, hostile or not. */
const QUICK_MS = 15_000;
/** Generous per-test timeout: a regression should fail on QUICK_MS, not time out. */
const SLOW_TEST = 120_000;

// ---------------------------------------------------------------------------
// What output may hold


/** A user error: exit 2, nothing on stdout, a short message on stderr naming what was wrong. */
function expectUserError(run: Run, message: RegExp): void {
  expectCalm(run);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(message);
  // One line, plus at most a "Did you mean" hint.
  expect(run.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
}

/**
 * One run, timed: fails when it takes longer than QUICK_MS. In process (the
 * same main() as the CLI) unless it reads stdin, where the process is the point.
 */
async function timed(args: string[], options: Parameters<typeof runCli>[1] = {}): Promise<Run> {
  const started = Date.now();
  const run = options.input === undefined && options.cwd === undefined ? await runInProcess(args, options) : runCli(args, options);
  const took = Date.now() - started;
  if (took > QUICK_MS) throw new Error(`postview ${args.join(' ').slice(0, 80)} took ${took} ms`);
  return run;
}

function tmpFile(name: string, content: string | Buffer): string {
  const path = join(TMP, name);
  writeFileSync(path, content);
  return path;
}

function tmpFolder(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(TMP, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

const read = (name: string) => readFileSync(`${HOSTILE}${name}`);
const warnings = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('postview: warning: '));

/** Every command a post goes through, each with and without --json (list takes a folder). */
const POST_COMMANDS: string[][] = [['show'], ['sections'], ['section', '강연'], ['tracks'], ['track', '1'], ['show', '--speaker', '김민준'], ['tracks', '--at', '13:10']];

// ---------------------------------------------------------------------------

describe('nothing from a post runs', () => {
  const marker = join(TMP, 'pwned-marker');
  const jsPost = (language: string) =>
    `---${language}\n{ title: (console.log('POSTVIEW-PWNED'), require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned'), 'pwned') }\n---\n# hi\n`;

  afterEach(() => expect(existsSync(marker)).toBe(false));

  it.each(['js', 'javascript', 'JS', ' js', 'Javascript', 'coffee', 'cson'])('refuses ---%s front matter with a clear message, for every command', async (language) => {
    const post = tmpFile(`code-${language.trim()}.md`, jsPost(language));
    for (const command of POST_COMMANDS) {
      for (const json of [[], ['--json']]) {
        const run = await timed([...command, post, ...json]);
        expectUserError(run, /front matter written in (JavaScript|CoffeeScript) is not supported: postview never runs code/);
        expect(run.stderr).toContain(post);
        expect(run.stderr + run.stdout).not.toContain('POSTVIEW-PWNED');
      }
    }
  });

  it('never runs the shipped JavaScript fixtures either (they print a marker)', async () => {
    for (const name of ['js-front-matter.md', 'javascript-front-matter.md']) {
      for (const args of [['show'], ['tracks'], ['show', '--json']]) {
        const run = await timed([...args, `${HOSTILE}${name}`]);
        expectUserError(run, /never runs code from a post/);
        expect(run.stdout + run.stderr).not.toContain('POSTVIEW-PWNED');
      }
    }
    expect(existsSync(join(tmpdir(), 'postview-pwned-marker'))).toBe(false);
  });

  it('refuses YAML tags that would build code (!!js/function)', async () => {
    const run = await timed(['show', `${HOSTILE}yaml-js-tag.md`]);
    expectUserError(run, /yaml-js-tag\.md: invalid YAML front matter at line 2: unknown tag/);
    expect(run.stdout + run.stderr).not.toContain('POSTVIEW-PWNED');
  });

  it('list, tracks and show over a folder warn about a ---js post and skip it', async () => {
    const dir = tmpFolder('with-js', { '2024-01-01-good.md': readFileSync(SEED), '2024-02-02-evil.md': jsPost('js') });
    for (const args of [['list', dir], ['list', dir, '--json'], ['tracks', dir], ['tracks', dir, '--json'], ['show', dir], ['sections', dir]]) {
      const run = await timed(args);
      expectCalm(run, args);
      expect(run.code).toBe(0);
      expect(warnings(run.stderr)).toEqual([expect.stringMatching(/2024-02-02-evil\.md: front matter written in JavaScript is not supported/)]);
      expect(run.stdout + run.stderr).not.toContain('POSTVIEW-PWNED');
    }
    expect((await timed(['list', dir, '--color', 'never'])).stdout).toContain('사내 개발자 컨퍼런스 2023 후기');
  });
});

describe('nothing reaches the terminal raw', () => {
  const controls = `${HOSTILE}controls.md`;
  const colourful = { FORCE_HYPERLINK: '1' };

  it.each(POST_COMMANDS.map((c) => [c.join(' '), c]))('%s: controls in every place are shown visibly or dropped', async (_name, command) => {
    for (const extra of [[], ['--json'], ['--color', 'always'], ['--color', 'always', '--width', '40']]) {
      const args = [...command, controls, ...extra];
      const run = await timed(args, { env: colourful });
      expectCalm(run, args);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toBe('');
    }
  });

  it('timeline, now and --ics: the same', async () => {
    for (const args of [['timeline', controls], ['timeline', controls, '--color', 'always'], ['now', controls, '--time', '13:10'], ['now', controls, '--time', '13:10', '--json'], ['tracks', controls, '--ics']]) {
      const run = await timed(args, { env: colourful });
      expect(run.code).toBe(0);
      // iCalendar lines end in CRLF, as RFC 5545 asks.
      expectCalm(args.includes('--ics') ? { ...run, stdout: run.stdout.replace(/\r\n/g, '\n') } : run, args);
    }
  });

  it('shows them as control pictures: ESC as ␛, CSI as ␛[, BEL as ␇', async () => {
    const run = await timed(['show', controls, '--color', 'never']);
    expect(run.stdout).not.toContain('\x1b');
    expect(run.stdout).toContain('Heading ␛[2J with ␛[5m and ␛[7m and ␛[2J and ␇'); // raw, &#27; &#x9b; &#155; &#7;
    expect(run.stdout).toContain('Title ␛[2J␇ with YAML escapes ␛[5m'); // YAML "\e", "\a", "\x9b"
    expect(run.stdout).toContain('␁␂␈␋␌␎␟␡␛@␛E'); // C0, DEL, C1
    expect(run.stdout).toContain('fenced ␛[2J ␛[5m ␇'); // code
  });

  it('writes links as OSC 8 only with a cleaned URL', async () => {
    const run = await timed(['show', controls, '--color', 'always'], { env: colourful });
    const links = [...run.stdout.matchAll(/\x1b\]8;;([^\x1b]*)\x1b\\/g)].map((m) => m[1]!).filter(Boolean);
    expect(links.length).toBeGreaterThan(0);
    for (const url of links) expect(url).toMatch(/^[\x21-\x7e]+$/);
  });

  it('--json keeps the values, with every control escaped', async () => {
    const run = await timed(['show', controls, '--json']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    // YAML's escapes are the real characters, escaped ("\u001b"): a program reading the JSON gets
    // what the post holds. YAML cannot hold a raw control: one written raw is read as its picture.
    expect(run.stdout).toContain('"title": "Title \\u001b[2J\\u0007 with YAML escapes \\u009b5m and ␛]0;raw␇"');
    const json = JSON.parse(run.stdout) as { title: string; sessions: { title: string; speakerText: string }[] };
    expect(json.title).toBe('Title \x1b[2J\x07 with YAML escapes \x9b5m and ␛]0;raw␇');
    expect(json.sessions.map((s) => s.title)).toHaveLength(2);
  });

  it('a file NAME with controls reaches neither stdout nor stderr raw', async () => {
    const name = 'evil\x1b]0;title\x07\x1b[2J\u009b5m.md';
    const post = tmpFile(name, readFileSync(SEED));
    for (const args of [['show', post], ['tracks', post, '--json'], ['show', post, '--json'], ['sections', post], ['track', '99', post], ['section', 'nothing-like-it', post]]) {
      const run = await timed(args);
      expectCalm(run, args);
    }
    // In JSON the path stays exact (escaped), so a program can open the file.
    const json = JSON.parse((await timed(['show', post, '--json'])).stdout) as { path: string };
    expect(json.path).toBe(post);
    // Missing file, broken post, and a broken post in a folder: the name is in the message, shown visibly.
    expectUserError(await timed(['show', join(TMP, 'missing\x1b[2J\u009b5m.md')]), /missing␛\[2J␛\[5m\.md/);
    const broken = tmpFile('broken\x1b[2J.md', read('bad-yaml.md'));
    expectUserError(await timed(['show', broken]), /broken␛\[2J\.md: invalid YAML/);
    const dir = tmpFolder('evil-names', { '2023-01-01-a.md': readFileSync(SEED), 'b\x1b]0;x\x07.md': read('binary.md'), 'c\u009b2J.md': read('bad-yaml.md') });
    for (const args of [['list', dir], ['tracks', dir], ['list', dir, '--json'], ['tracks', dir, '--json']]) {
      const run = await timed(args);
      expectCalm(run, args);
      expect(warnings(run.stderr)).toHaveLength(2);
    }
  });

  it('arguments with controls are quoted visibly in messages', async () => {
    const evil = '\x1b[2J\x1b]0;x\x07\u009b5m';
    for (const args of [
      ['track', evil, SEED],
      ['section', evil, SEED],
      ['tracks', SEED, '--speaker', evil],
      ['tracks', SEED, '--at', evil],
      ['show', SEED, '--width', evil],
      ['show', SEED, '--color', evil],
      ['show', evil],
      ['list', evil],
    ]) {
      const run = await timed(args);
      expectCalm(run);
      expect(run.stderr).toContain('␛[2J␛]0;x␇␛[5m');
    }
  });

  it('commander errors (unknown option) are sanitised and prefixed too', async () => {
    const run = await timed(['show', '--x\x1b[2J\x07']);
    expect(run.code).toBe(2);
    expect(unsafe(run.stderr)).toBeNull();
    expect(run.stderr).toMatch(/^postview: unknown option/);
  });
});

describe('clear errors: one line naming the file or value, exit 2, no stack trace', () => {
  it('a missing file', async () => {
    expectUserError(await timed(['show', join(TMP, 'no-such-post.md')]), /no-such-post\.md: no such file/);
    expectUserError(await timed(['tracks', join(TMP, 'nope', 'post.md'), '--json']), /post\.md: no such file/);
  });

  // Root reads a chmod 000 file anyway.
  (process.getuid?.() === 0 ? it.skip : it)('an unreadable file', async () => {
    const post = tmpFile('unreadable.md', readFileSync(SEED));
    chmodSync(post, 0o000);
    try {
      expectUserError(await timed(['show', post]), /unreadable\.md: permission denied/);
      expect(warnings((await timed(['list', TMP])).stderr).join('\n')).toMatch(/unreadable\.md: permission denied/);
    } finally {
      chmodSync(post, 0o644);
    }
  });

  it('a folder where a post was expected shows its newest post (documented)', async () => {
    const dir = tmpFolder('two-posts', { '2020-01-01-old.md': '# Old post\n', 'seed.md': readFileSync(SEED) });
    const run = await timed(['show', dir, '--color', 'never']);
    expectCalm(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('사내 개발자 컨퍼런스 2023 후기'); // dated 2023-11-18 in its front matter
    expect((await timed(['tracks', dir, '--json'])).code).toBe(0);
    expectUserError(await timed(['show', tmpFolder('no-posts', {})]), /no-posts: no posts in this folder/);
  });

  it('a binary file', async () => {
    expectUserError(await timed(['show', `${HOSTILE}binary.md`]), /binary\.md: looks like a binary file \(NUL byte at offset 22\); expected a Markdown text file/);
    expectUserError(await timed(['show', '/dev/zero']), /\/dev\/zero: looks like a binary file/);
    expectUserError(await timed(['show', '-'], { input: Buffer.from([0x23, 0x20, 0x00, 0x01]) }), /<stdin>: looks like a binary file/);
  });

  it('invalid YAML, with its line in the file', async () => {
    expectUserError(await timed(['show', `${HOSTILE}bad-yaml.md`]), /bad-yaml\.md: invalid YAML front matter at line 4: .*\(expected key: value lines between --- lines\)/);
    // The same line with CRLF endings and a BOM.
    const crlf = tmpFile('bad-yaml-crlf.md', '\ufeff' + read('bad-yaml.md').toString().replace(/\n/g, '\r\n'));
    expectUserError(await timed(['tracks', crlf]), /bad-yaml-crlf\.md: invalid YAML front matter at line 4/);
  });

  it('bad option values, unknown options and unknown commands', async () => {
    expectUserError(await timed(['show', SEED, '--width', 'abc']), /--width: invalid value 'abc' \(expected a whole number of columns from 20 to 1000\)/);
    expectUserError(await timed(['tracks', SEED, '--color', 'sometimes']), /--color: invalid value 'sometimes' \(expected auto, always or never\)/);
    expectUserError(await timed(['tracks', SEED, '--at', '25:99']), /--at: invalid time '25:99'/);
    expectUserError(await timed(['show', SEED, '--bogus']), /unknown option '--bogus'/);
    expectUserError(await timed(['tracks', SEED, 'extra', 'args']), /too many arguments/);
    const typo = await timed(['trakcs']);
    expectUserError(typo, /trakcs: no such file/);
    expect(typo.stderr).toContain('Did you mean `postview tracks`?');
  });

  it('the 50 MB file: "larger than a post can be"', async () => {
    const big = join(TMP, 'fifty.md');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 'a'));
    try {
      for (const args of [['show', big], ['tracks', big, '--json'], ['sections', big]]) {
        expectUserError(await timed(args), /fifty\.md: 50\.0 MB is larger than a post can be \(at most 3 MB\)/);
      }
      const dir = join(TMP, 'fifty-folder');
      mkdirSync(dir);
      symlinkSync(big, join(dir, 'fifty.md'));
      copyFileSync(SEED, join(dir, 'seed.md'));
      const run = await timed(['list', dir]);
      expect(run.code).toBe(0);
      expect(warnings(run.stderr)).toEqual([expect.stringMatching(/fifty\.md: 50\.0 MB is larger than a post can be/)]);
    } finally {
      rmSync(big, { force: true });
    }
  }, SLOW_TEST);

  it('more than a post on stdin', async () => {
    const run = await timed(['show', '-'], { input: Buffer.alloc(4 * 1024 * 1024, 'a') });
    expectUserError(run, /<stdin>: more than 3 MB is larger than a post can be/);
  }, SLOW_TEST);
});

describe('odd but valid posts work', () => {
  it('an empty file', async () => {
    const empty = `${HOSTILE}empty.md`;
    for (const args of [['show', empty], ['sections', empty], ['show', empty, '--json'], ['sections', empty, '--json']]) {
      const run = await timed(args);
      expectCalm(run, args);
      expect(run.code).toBe(0);
    }
    expect(JSON.parse((await timed(['show', empty, '--json'])).stdout)).toMatchObject({ title: 'empty', frontMatter: {}, sections: [], sessions: [] });
    const tracks = await timed(['tracks', empty]);
    expect(tracks.code).toBe(1);
    expect(tracks.stderr).toMatch(/empty\.md: no sessions/);
  });

  it('no front matter', async () => {
    const run = await timed(['tracks', `${FIXTURES}no-front-matter.md`, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(2);
  });

  it('a BOM and CRLF give the same sessions and sections as LF', async () => {
    for (const command of [['tracks'], ['sections'], ['show']]) {
      const expected = (await timed([...command, SEED, '--json'])).stdout.replace(/seed-shape\.md/g, 'X');
      for (const name of ['bom.md', 'crlf.md']) {
        const run = await timed([...command, `${FIXTURES}${name}`, '--json']);
        expect(run.code).toBe(0);
        expect(run.stdout).not.toContain('\\r');
        expect(run.stdout.replace(new RegExp(name.replace('.', '\\.'), 'g'), 'X')).toBe(expected);
      }
    }
  });

  it('invalid UTF-8 is shown as U+FFFD, exit 0', async () => {
    for (const args of [['show', `${HOSTILE}invalid-utf8.md`], ['show', `${HOSTILE}invalid-utf8.md`, '--json'], ['sections', `${HOSTILE}invalid-utf8.md`]]) {
      const run = await timed(args);
      expectCalm(run, args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('\ufffd');
    }
    expect((await timed(['show', `${HOSTILE}invalid-utf8.md`, '--color', 'never'])).stdout).toContain('Bad \ufffd\ufffd bytes');
  });

  it('stdin, as "-", and pipes and devices named as files', async () => {
    const input = readFileSync(SEED);
    for (const args of [['show', '-'], ['tracks', '-', '--json'], ['sections', '-'], ['track', '2', '-']]) {
      const run = await timed(args, { input });
      expectCalm(run, args);
      expect(run.code).toBe(0);
    }
    // A pipe named as a file (/dev/stdin, <(…)) is read like stdin.
    const piped = spawnSync('bash', ['-c', `cat "$1" | node "${BIN}" tracks /dev/stdin --json`, 'bash', SEED], { encoding: 'utf8', timeout: 60_000 });
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toContain('쿠버네티스 운영 1년 회고');
  });
});

describe('hostile shapes finish quickly', () => {
  // At a tenth of their size here; full size through the CLI in test/slow/.
  const shapes = hostileShapes(0.1);

  it.each(Object.keys(shapes))('%s: renders or exits 2 with a message, for every command', async (name) => {
    await expectShapeHandled(name, shapes[name]!(), TMP, (args) => timed(args));
  });

  it('the alias bomb is refused as front matter "too large", also with --json and in a folder', async () => {
    expectUserError(await timed(['show', `${HOSTILE}alias-bomb.md`, '--json']), /alias-bomb\.md: front matter is too large/);
    const dir = tmpFolder('bomb-folder', { 'seed.md': readFileSync(SEED), 'bomb.md': read('alias-bomb.md') });
    for (const args of [['list', dir], ['tracks', dir], ['list', dir, '--json']]) {
      const run = await timed(args);
      expect(run.code).toBe(0);
      expect(warnings(run.stderr)).toEqual([expect.stringMatching(/bomb\.md: front matter is too large/)]);
    }
  });

  // marked overflows its stack on containers nested on one line ("> - > - …");
  // they are cut back to 32 levels before lexing, so these render.
  it('containers nested on one line are flattened and render', async () => {
    for (const [name, text] of [['quote-list', '> - '.repeat(5000) + 'x\n'], ['list-list', '- '.repeat(5000) + 'x\n'], ['ordered', '1. '.repeat(5000) + 'x\n']] as const) {
      const post = tmpFile(`${name}.md`, text);
      const show = await timed(['show', post, '--color', 'never']);
      expectCalm(show, ['show', post]);
      expect(show.code).toBe(0);
      expect(show.stdout).toMatch(/x\n$/);
      const tracks = await timed(['tracks', post, '--json']);
      expectCalm(tracks, ['tracks', post]);
      expect(tracks.code).toBe(1);
      expect(JSON.parse(tracks.stdout)).toEqual([]);
    }
  });

  it('a folder with a post nested deeply on one line: tracks lists the others', async () => {
    const dir = tmpFolder('deep-one-line', { 'seed.md': readFileSync(SEED), 'deep.md': '> - '.repeat(5000) + 'x\n' });
    const run = await timed(['tracks', dir, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).length).toBeGreaterThan(0);
    expect(run.stderr).toBe('');
  });
});

// A 2,000-section post cut short by head (six commands) and 2,000 warnings
// into a closed stderr take seconds each: test/slow/pipes.test.ts.
describe('pipes: a reader that stops early is not an error', () => {
  it('list … | head -1 too', async () => {
    const dir = tmpFolder('many-posts', Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`2024-01-${String((i % 28) + 1).padStart(2, '0')}-post-${i}.md`, `# Post ${i}\n`])));
    const result = spawnSync('bash', ['-c', `node "${BIN}" list "$1" | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`, 'bash', dir], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('0');
  });

  it.each(['--help', 'help tracks', '--version'])('postview %s into a pipe already closed: exit 0, no stack trace', (line) => {
    // A FIFO whose only reader is gone before postview starts: every write
    // meets EPIPE, whatever the timing (help is written by commander).
    const fifo = join(mkdtempSync(join(tmpdir(), 'postview-epipe-')), 'out');
    spawnSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY);
    closeSync(reader);
    try {
      const result = spawnSync(process.execPath, [BIN, ...line.split(' ')], { stdio: ['ignore', writer, 'pipe'], encoding: 'utf8', timeout: 30_000 });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    } finally {
      closeSync(writer);
      rmSync(join(fifo, '..'), { recursive: true, force: true });
    }
  });
});

describe('folders with broken posts', () => {
  const folder = () =>
    tmpFolder(`broken-${Math.random().toString(36).slice(2)}`, {
      '2023-11-18-good.md': readFileSync(SEED),
      '2024-01-01-bad-yaml.md': read('bad-yaml.md'),
      '2024-01-02-binary.md': read('binary.md'),
      '2024-01-03-js.md': read('js-front-matter.md'),
      '2024-01-04-invalid-utf8.md': read('invalid-utf8.md'),
      '2024-01-05-bomb.md': read('alias-bomb.md'),
      'notes.txt.bak': 'not a post',
    });
  const BROKEN = [/bad-yaml\.md: invalid YAML front matter at line 4/, /binary\.md: looks like a binary file/, /js\.md: front matter written in JavaScript is not supported/, /bomb\.md: front matter is too large/];

  it.each([['list'], ['list', '--json'], ['tracks'], ['tracks', '--json']])('%s lists the good ones and warns once per bad one, exit 0', async (...args) => {
    const dir = folder();
    const run = await timed([args[0]!, dir, ...args.slice(1), '--color', 'never']);
    expectCalm(run, args);
    expect(run.code).toBe(0);
    const warned = warnings(run.stderr);
    expect(warned).toHaveLength(BROKEN.length);
    for (const pattern of BROKEN) expect(warned.filter((w) => pattern.test(w))).toHaveLength(1);
    expect(run.stdout).toContain(args[0] === 'list' ? '사내 개발자 컨퍼런스 2023 후기' : '김민준');
    if (args[0] === 'list') expect(run.stdout).toContain('bad bytes'); // invalid UTF-8 is a post, not an error
    expect(run.stdout + run.stderr).not.toContain('POSTVIEW-PWNED');
  });

  it('links to devices, pipes and nowhere are skipped, not waited on', async () => {
    const dir = tmpFolder('links', { 'seed.md': readFileSync(SEED) });
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    symlinkSync('/dev/urandom', join(dir, 'random.md'));
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'dangling.md'));
    const fifo = spawnSync('mkfifo', [join(dir, 'fifo.md')]);
    if (fifo.status === 0) symlinkSync(join(dir, 'fifo.md'), join(dir, 'fifo-link.md'));
    for (const args of [['list', dir], ['tracks', dir], ['show', dir], ['list', dir, '--json']]) {
      const run = await timed(args);
      expectCalm(run, args);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
    }
  });
});
