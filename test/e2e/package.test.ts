// The npm package: what `npm pack` puts in the tarball, and that a global
// install of that tarball runs from anywhere on its bundled sample posts.
// Needs dist/ (git-ignored, built by `npm test` before jest runs).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './run-cli.js';

const AWS_POST = 'posts/2016-05-17-aws-summit-seoul-2016.md';

/** npm's environment without what an enclosing `npm test` sets (npm_config_*, npm_package_*), except the cache and registry. */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !/^npm_config_(cache|registry|userconfig)$/i.test(key)) continue;
    env[key] = value;
  }
  return env;
}

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync('npm', args, { cwd, env: npmEnv(), encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
}

function requireBuild(): void {
  if (!existsSync(join(ROOT, 'dist', 'postview.cjs'))) {
    throw new Error('dist/postview.cjs is missing: run `node scripts/build.mjs` first (`npm test` does)');
  }
}

interface PackResult {
  filename: string;
  files: { path: string }[];
}

function packJson(stdout: string): PackResult {
  // npm may print notices before the JSON; the JSON is the last top-level array.
  const start = stdout.indexOf('[');
  return (JSON.parse(stdout.slice(start)) as PackResult[])[0]!;
}

// One `npm pack` for the file: its listing is checked below, and its tarball installed.
let work: string;
let tarball: string;
let files: string[];

beforeAll(() => {
  requireBuild();
  work = mkdtempSync(join(tmpdir(), 'postview-package-'));
  const pack = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT);
  if (pack.status !== 0) throw new Error(`npm pack failed (${pack.status}): ${pack.stderr}`);
  const packed = packJson(pack.stdout);
  tarball = join(work, packed.filename);
  files = packed.files.map((f) => f.path);
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships the CLI, its bundle, the sample posts, README, LICENSE and package.json', () => {
    for (const path of ['bin/postview.cjs', 'dist/postview.cjs', 'dist/postview.cache', AWS_POST, 'README.md', 'LICENSE', 'package.json']) expect(files).toContain(path);
    expect(files.filter((f) => /^posts\/.+\.md$/.test(f)).length).toBeGreaterThanOrEqual(2);
  });

  it('ships a package.json with no install-time script (dist/ is built before packing) and the man page', () => {
    expect(files).toContain('dist/postview.1');
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; man: string[] };
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts[script]).toBeUndefined();
    expect(manifest.scripts.prepack).toBe('node scripts/build.mjs');
    expect(manifest.man).toEqual(['./dist/postview.1']);
  });

  it('leaves out sources, tests, scripts, CI and configuration', () => {
    for (const folder of ['src/', 'test/', 'scripts/', '.ci/', 'node_modules/', 'coverage/', '.bench/']) {
      expect(files.filter((f) => f.startsWith(folder))).toEqual([]);
    }
    for (const file of ['tsconfig.json', 'jest.config.js', 'eslint.config.js', 'package-lock.json', '.gitignore']) expect(files).not.toContain(file);
    expect(files.filter((f) => f.endsWith('.ts') || f.endsWith('.tgz'))).toEqual([]);
  });
});

describe('npm install -g of the packed tarball', () => {
  let prefix: string;
  let elsewhere: string;
  let installOutput: string;

  beforeAll(() => {
    prefix = join(work, 'prefix');
    elsewhere = join(work, 'elsewhere');
    mkdirSync(elsewhere);
    // As a user would: scripts allowed, so npm would warn about any it runs.
    const common = ['install', '-g', '--prefix', prefix, tarball, '--no-audit', '--no-fund'];
    // From npm's cache when it has the dependencies, else from the registry.
    let install = npm([...common, '--offline'], work);
    if (install.status !== 0) install = npm(common, work);
    if (install.status !== 0) throw new Error(`npm install -g failed (${install.status}): ${install.stderr}`);
    installOutput = install.stdout + install.stderr;
  }, 120_000);

  /** The installed command, from a folder with no posts/ of its own. */
  function installed(args: string[]): { code: number | null; stdout: string; stderr: string } {
    const run = spawnSync(join(prefix, 'bin', 'postview'), args, {
      cwd: elsewhere,
      env: { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`, HOME: work, LANG: 'C.UTF-8' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  const shippedPosts = (): string => realpathSync(join(prefix, 'lib', 'node_modules', 'postview', 'posts'));

  it('installs without a single npm warning', () => {
    expect(installOutput.split('\n').filter((line) => /warn/i.test(line))).toEqual([]);
  });

  it('installs the man page where man finds it', () => {
    const page = join(prefix, 'share', 'man', 'man1', 'postview.1');
    expect(readFileSync(page, 'utf8')).toMatch(/^\.TH POSTVIEW 1/);
    const man = spawnSync('man', ['-w', 'postview'], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', MANPATH: join(prefix, 'share', 'man') }, encoding: 'utf8' });
    if (man.error === undefined) expect(realpathSync(man.stdout.trim())).toBe(realpathSync(page));
  });

  it('shows the newest bundled post', () => {
    const run = installed(['--color', 'never']);
    // Outside any blog, the samples are shown with a note saying so.
    expect(run.stderr).toBe("postview: warning: showing postview's sample posts; use --dir or POSTVIEW_DIR for yours\n");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('HarborJS');
  });

  it('lists the bundled sample posts, from the installed package', () => {
    const run = installed(['list', '--json']);
    expect(run.code).toBe(0);
    const posts = JSON.parse(run.stdout) as { path: string }[];
    expect(posts.length).toBeGreaterThanOrEqual(2);
    for (const post of posts) expect(realpathSync(post.path).startsWith(shippedPosts())).toBe(true);
  });

  it('finds the 6 sessions of the AWS post', () => {
    const run = installed(['tracks', 'aws', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(6);
  });

  it('needs no dependency at run time: the bundle runs with no node_modules at all', () => {
    const bare = join(work, 'bare');
    mkdirSync(bare);
    const untar = spawnSync('tar', ['xzf', tarball, '-C', bare], { encoding: 'utf8' });
    expect(untar.status).toBe(0);
    expect(readdirSync(join(bare, 'package'))).not.toContain('node_modules');
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: work, LANG: 'C.UTF-8' };
    for (const args of [['tracks', 'aws', '--json'], ['--color', 'always'], ['list', '--json'], ['sections', 'harbor', '--json']]) {
      const run = spawnSync(process.execPath, [join(bare, 'package', 'bin', 'postview.cjs'), ...args], { cwd: elsewhere, env, encoding: 'utf8', timeout: 60_000 });
      // Run from elsewhere, it shows its own samples and says so, except in JSON.
      expect(run.stderr).toBe(args.includes('--json') ? '' : "postview: warning: showing postview's sample posts; use --dir or POSTVIEW_DIR for yours\n");
      expect(run.status).toBe(0);
    }
  });
});
