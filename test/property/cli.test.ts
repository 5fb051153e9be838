// Property tests, as a process: random bytes (and random posts with stray
// bytes) written to a file and read by the built CLI, each command (list
// over its folder) plain and --json. Whatever the file holds: exit 0, 1 or
// 2, no stack trace, and nothing but postview's own SGR and OSC 8 escapes on
// stdout or stderr: no other control, and no bidi or invisible character.
// Needs the build (`node scripts/build.mjs`); `npm test` builds first.
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../e2e/run-cli.js';
import { unsafe } from '../safe-output.js';

const TMP = mkdtempSync(join(tmpdir(), 'postview-property-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));


/** Bytes a post file might hold: anything, or text with junk mixed in. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc
    .tuple(
      fc.constantFrom('', '---\ntitle: "\\e[2J"\n---\n', '---js\n{}\n---\n', '---\n[\n---\n', '\ufeff---\r\ntitle: t\r\n---\r\n'),
      fc.array(fc.constantFrom('# 제목 ', '### 13:00 - 13:40 발표 ', '- 김민준 엔지니어, 예시 ', '> ', '| a | b |\n|---|---|\n', '[x](http://a.b) ', '`c` ', '&#27;', '\x1b[2J', '\x9b', '\x07', '\n', '\r\n', '😀', '\u202e', '\u2066', '\u200b', '\ufeff', '\u2028', '&#x202e;', '👩\u200d💻'), { maxLength: 30 }),
      fc.uint8Array({ maxLength: 40 }),
    )
    .map(([head, parts, junk]) => Buffer.concat([Buffer.from(head + parts.join('')), Buffer.from(junk.filter((b) => b !== 0))])),
);

const command = fc.constantFrom(['show'], ['tracks'], ['sections'], ['track', '1'], ['section', '제목'], ['list']);
const flags = fc.constantFrom<string[]>([], ['--json'], ['--color', 'always'], ['--color', 'always', '--width', '20']);

let n = 0;

describe('random bytes through the CLI', () => {
  it('exit 0, 1 or 2; no stack trace; no raw control on stdout or stderr; JSON parses', () => {
    fc.assert(
      fc.property(bytes, command, flags, (content, cmd, extra) => {
        // Each post in a folder of its own, so that `list` reads it too (through its front-matter-only path).
        const dir = join(TMP, `run-${n++}`);
        mkdirSync(dir);
        const post = join(dir, '2024-01-02-random.md');
        writeFileSync(post, content);
        const run = runCli([...cmd, cmd[0] === 'list' ? dir : post, ...extra], { env: { FORCE_HYPERLINK: '1' } });
        expect([0, 1, 2]).toContain(run.code);
        expect(run.stderr).not.toMatch(/^\s+at /m);
        expect(run.stderr).not.toContain('internal error');
        expect(unsafe(run.stdout)).toBeNull();
        expect(unsafe(run.stderr)).toBeNull();
        if (extra.includes('--json') && run.code === 0) expect(() => JSON.parse(run.stdout)).not.toThrow();
        if (run.code === 2) expect(run.stderr).toMatch(/^postview: /);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS_CLI ?? 30) },
    );
  }, 60_000);
});
