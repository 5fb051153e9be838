// A git clone builds dist/ on its first run, and again when git has changed
// the sources since (bin/postview.cjs, needsBuild). Tried on a small tree
// shaped like the clone: the real bin and source-id.cjs, a build script
// that records each build and writes a bundle printing the source it was
// made from.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './run-cli.js';

const STUB_BUILD = `
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const root = new URL('..', import.meta.url).pathname;
const id = createRequire(import.meta.url)('./build/source-id.cjs').readSourceId(root);
mkdirSync(root + 'dist', { recursive: true });
const source = readFileSync(root + 'src/main.ts', 'utf8').trim();
writeFileSync(root + 'dist/postview.cjs', 'process.stdout.write(' + JSON.stringify('made from ' + source) + ');');
writeFileSync(root + 'dist/source-id', id + '\\n');
// As the real build: the code cache of the old bundle goes (V8 checks only its length).
rmSync(root + 'dist/postview.cache', { force: true });
appendFileSync(root + 'builds.log', 'build\\n');
`;

function makeClone(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postview-clone-'));
  for (const sub of ['bin', 'scripts/build', 'src', '.git']) mkdirSync(join(dir, sub), { recursive: true });
  copyFileSync(join(ROOT, 'bin/postview.cjs'), join(dir, 'bin/postview.cjs'));
  copyFileSync(join(ROOT, 'scripts/build/source-id.cjs'), join(dir, 'scripts/build/source-id.cjs'));
  writeFileSync(join(dir, 'scripts/build.mjs'), STUB_BUILD);
  writeFileSync(join(dir, 'src/main.ts'), 'one\n');
  writeFileSync(join(dir, '.git/index'), 'index');
  return dir;
}

const run = (dir: string) => spawnSync(process.execPath, [join(dir, 'bin/postview.cjs')], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
const builds = (dir: string) => readFileSync(join(dir, 'builds.log'), 'utf8').split('\n').filter(Boolean).length;
/** Sets a file's times `seconds` from now, to a fraction of a millisecond (git writes its index's to the nanosecond). */
const age = (path: string, seconds: number) => {
  const when = Date.now() / 1000 + seconds + 0.0004567;
  utimesSync(path, when, when);
};

describe('a clone whose sources changed after dist/ was built', () => {
  test('is built on the first run, and again only when git changed the sources', () => {
    const dir = makeClone();
    age(join(dir, '.git/index'), -60);
    const first = run(dir);
    expect(first.stdout).toBe('made from one');
    expect(first.stderr).toBe('');
    expect(builds(dir)).toBe(1);

    // `git pull` brings a new source: git rewrites its index after the tree.
    writeFileSync(join(dir, 'src/main.ts'), 'two\n');
    age(join(dir, '.git/index'), 5);
    const pulled = run(dir);
    expect(pulled.stdout).toBe('made from two');
    expect(pulled.stderr).toMatch(/^postview: the sources changed since dist\/ was built \(git pull\?\); building it again\n$/);
    expect(builds(dir)).toBe(2);

    // Git touched its index (`git status`, a commit) but the sources are those built: no build, no message.
    age(join(dir, '.git/index'), 10);
    const same = run(dir);
    expect(same.stdout).toBe('made from two');
    expect(same.stderr).toBe('');
    expect(builds(dir)).toBe(2);
    // ...and the stamp caught up with the index (the bin's own test), so the sources are not hashed again on the next run.
    expect(statSync(join(dir, 'dist/source-id')).mtimeMs).toBeGreaterThanOrEqual(statSync(join(dir, '.git/index')).mtimeMs);
  });

  test('a worktree, whose .git is a file, runs the dist/ it has', () => {
    const dir = makeClone();
    age(join(dir, '.git/index'), -60);
    expect(run(dir).stdout).toBe('made from one');
    rmSync(join(dir, '.git'), { recursive: true });
    writeFileSync(join(dir, '.git'), 'gitdir: /elsewhere/.git/worktrees/x\n');
    writeFileSync(join(dir, 'src/main.ts'), 'two\n');
    const worktree = run(dir);
    expect(worktree.stderr).toBe('');
    expect(worktree.status).toBe(0);
    expect(worktree.stdout).toBe('made from one');
  });

  test('a dist/ built before source-id existed is built once more', () => {
    const dir = makeClone();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/postview.cjs'), 'process.stdout.write("old bundle");');
    writeFileSync(join(dir, 'builds.log'), '');
    expect(run(dir).stdout).toBe('made from one');
    expect(builds(dir)).toBe(1);
  });
});
