// The built CLI, run as a process: exit codes, stderr and parsed JSON.
import { mkdtempSync, writeFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, POSTS, ROOT, runCli, runJson, stripAnsi } from './run-cli.js';
import { sealCacheBytes, unsealCacheBytes } from '../../src/load/cache-file.js';

const AWS = `${POSTS}2016-05-17-aws-summit-seoul-2016.md`;


interface SessionJson {
  index: number;
  day: string | null;
  start: string | null;
  end: string | null;
  title: string;
  speakers: { name: string; role: string | null; org: string | null }[];
  speakerText: string | null;
  post?: string;
}

describe('show', () => {
  it('with no argument shows the newest post of ./posts, with a header and no raw front matter', () => {
    const run = runCli(['--color', 'never']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('HarborJS');
    expect(run.stdout).not.toMatch(/^layout:|^---$/m);
  });

  it('renders bold inside list items without leaving ** behind', () => {
    const plain = runCli(['show', AWS, '--color', 'never', '--width', '60']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('**');
    const colored = runCli(['show', AWS, '--color', 'always', '--width', '60']);
    expect(colored.stdout).toContain('\x1b[1m');
    expect(stripAnsi(colored.stdout)).not.toContain('**');
    // The bold phrase of a list item arrives bold, its markers gone.
    expect(colored.stdout).toMatch(/• [^\n]*\x1b\[1m[^*\n]+\x1b\[22m/);
  });

  it('never writes an escape sequence with colour off', () => {
    const run = runCli(['show', AWS, '--color', 'never']);
    expect(run.stdout).not.toContain('\x1b');
  });

  it('wraps to --width counting Hangul as two columns, breaking only at spaces', async () => {
    const { default: stringWidth } = await import('string-width');
    const words = '클라우드로 옮긴 뒤에 달라진 운영 방식과 비용 구조를 하나씩 정리해 보았다'.split(' ');
    const paragraph = Array.from({ length: 6 }, () => words.join(' ')).join(' ');
    const input = `# 제목\n\n${paragraph}\n\n- ${paragraph}\n  - **${words.slice(0, 4).join(' ')}** ${paragraph}\n\n> ${paragraph}\n`;
    const run = runCli(['show', '-', '--color', 'never', '--width', '50'], { input });
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => stringWidth(l) > 50)).toEqual([]);
    // Every word arrives whole: no Korean word was split across lines.
    const printed = run.stdout.split(/\s+/).filter((w) => /[가-힣]/.test(w) && w !== '제목');
    for (const word of printed) expect(words).toContain(word.replace(/^[│•◦▪]+/, ''));
  });

  it('with filters prints only the matching sessions in full', () => {
    const run = runCli(['show', AWS, '--speaker', '윤석찬', '--color', 'never']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('천만명');
    expect(run.stdout).not.toContain('함께하는 DevOps');
  });

  it('--json carries frontMatter, sections and sessions', () => {
    const { code, json } = runJson<{ frontMatter: Record<string, unknown>; sections: { title: string; level: number; children: unknown[] }[]; sessions: SessionJson[] }>(['show', AWS]);
    expect(code).toBe(0);
    expect(json.frontMatter.category).toBe('AWS');
    const track = json.sections.find((s) => s.title === '강연 트랙');
    expect(track?.children).toHaveLength(6);
    expect(json.sessions[0]).toEqual({
      index: 1,
      day: null,
      start: '13:00',
      end: '13:40',
      title: '나에게 맞는 AWS 데이터베이스 서비스 선택하기',
      room: null,
      speakers: [{ name: '양승도', role: '솔루션즈 아키텍트', org: '아마존 웹서비스' }],
      speakerText: '양승도 솔루션즈 아키텍트, 아마존 웹서비스',
      kind: 'talk',
      links: [],
    });
  });

  it('reads stdin with -', () => {
    const run = runCli(['show', '-', '--color', 'never'], { input: '# From a pipe\n\n- **bold** item\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('From a pipe');
    expect(run.stdout).toContain('bold item');
  });

  it('finds a post by a word of its title or file name', () => {
    const run = runJson<{ sessions: unknown[] }>(['show', 'aws']);
    expect(run.code).toBe(0);
    expect(run.json.sessions).toHaveLength(6);
  });
});

describe('tracks', () => {
  it('lists every session as a table whose columns line up', async () => {
    const { default: stringWidth } = await import('string-width');
    const run = runCli(['tracks', AWS, '--color', 'never', '--width', '100']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    const titleColumn = lines.map((line) => stringWidth(line.slice(0, line.indexOf(line.includes('나에게') ? '나에게' : 'Title'))));
    expect(new Set(titleColumn.slice(0, 2)).size).toBe(1);
    expect(lines.every((l) => stringWidth(l) <= 100)).toBe(true);
  });

  it('cuts a long title with … instead of breaking the table at a narrow width', async () => {
    const { default: stringWidth } = await import('string-width');
    const run = runCli(['tracks', AWS, '--color', 'never', '--width', '60']);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(run.stdout).toContain('…');
    expect(lines.every((l) => stringWidth(l) <= 60)).toBe(true);
  });

  it.each([
    [['--speaker', '박선용'], [4, 5]],
    [['--speaker', '아마존', '--speaker', '베스핀'], [1, 2, 3, 4, 5, 6]],
    [['--speaker', '박선용'.normalize('NFD')], [4, 5]],
    [['--title', 'devops'], [5]],
    [['--at', '14:00'], [2]],
    [['--at', '2pm'], [2]],
    [['--from', '15:00', '--to', '16:30'], [3, 4, 5]],
  ])('filters %j keep their original numbers', (args, indexes) => {
    const { code, json } = runJson<SessionJson[]>(['tracks', AWS, ...args]);
    expect(code).toBe(0);
    expect(json.map((s) => s.index)).toEqual(indexes);
  });

  it('nothing matched: exit 1, [] on stdout with --json, a message on stderr', () => {
    const run = runCli(['tracks', AWS, '--speaker', 'nobody', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.stderr).toMatch(/no session matches --speaker 'nobody'/);
  });

  it.each([['25:00'], ['noon'], ['2.30']])('a bad time %s is exit 2 naming the value and the accepted forms', (value) => {
    const run = runCli(['tracks', AWS, '--at', value]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`'${value}'`);
    expect(run.stderr).toContain('2:30 PM');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a folder lists the sessions of every post, each naming its post', () => {
    const { code, json } = runJson<SessionJson[]>(['tracks', POSTS, '--speaker', '박선용']);
    expect(code).toBe(0);
    expect(json.map((s) => [s.index, s.post?.endsWith('aws-summit-seoul-2016.md')])).toEqual([[4, true], [5, true]]);
  });
});

describe('track', () => {
  it.each([['2'], ['13:50'], ['lambda'], ['LAMBDA 서버없는']])('picks one session by %s', (which) => {
    const { code, json } = runJson<SessionJson>(['track', which, AWS]);
    expect(code).toBe(0);
    expect(json.title).toBe('Lambda를 활용한 서버없는 아키텍쳐 구현하기');
  });

  it('prints the session in full', () => {
    const run = runCli(['track', '13:50', AWS, '--color', 'never']);
    expect(run.stdout).toContain('Lambda를 활용한');
    expect(run.stdout).toContain('김기완');
    expect(run.stdout).not.toContain('게임서비스');
  });

  it('none matches: exit 1', () => {
    expect(runCli(['track', 'kubernetes', AWS]).code).toBe(1);
  });

  it('several match: exit 2, listing them', () => {
    const run = runCli(['track', 'AWS', AWS]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('sessions match');
    expect(run.stderr).toContain('DevOps');
  });
});

describe('sections and section', () => {
  it('prints the heading tree', () => {
    const run = runCli(['sections', AWS, '--color', 'never']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^강연 트랙$/m);
    expect(run.stdout).toMatch(/^ {2}13:00 - 13:40 나에게 맞는/m);
  });

  it('an exact title wins: 좋았던 점 never prints 안 좋았던 점', () => {
    const run = runCli(['section', '좋았던 점', `${FIXTURES}similar-sections.md`, '--color', 'never']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('점심 시간이 넉넉했다');
    expect(run.stdout).not.toContain('음향');
  });

  it('several partial matches: exit 2; none: exit 1', () => {
    expect(runCli(['section', '던 점', `${FIXTURES}similar-sections.md`]).code).toBe(2);
    expect(runCli(['section', '없는 제목', `${FIXTURES}similar-sections.md`]).code).toBe(1);
  });
});

describe('list', () => {
  it('lists the posts of a folder, newest first, with their session counts', () => {
    const { code, json } = runJson<{ path: string; title: string; date: string | null; category: string | null; sessions: number }[]>(['list', POSTS]);
    expect(code).toBe(0);
    expect(json.map((p) => p.date)).toEqual([...json.map((p) => p.date)].sort().reverse());
    const aws = json.find((p) => p.path.endsWith('2016-05-17-aws-summit-seoul-2016.md'));
    expect(aws).toMatchObject({ date: '2016-05-17', category: 'AWS', sessions: 6 });
  });

  it('a broken post is a warning; the others are still listed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'postview-list-'));
    writeFileSync(join(dir, '2020-01-01-good.md'), '---\ntitle: Good\n---\n### 10:00 - 10:30 Talk\n- 홍길동\n');
    writeFileSync(join(dir, '2020-01-02-bad.md'), '---\ntitle: ok\nfoo: bar\n  baz: 1\n---\nbody\n');
    mkdirSync(join(dir, 'sub'));
    const run = runCli(['list', dir, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((p: { title: string }) => p.title)).toEqual(['Good']);
    expect(run.stderr).toMatch(/2020-01-02-bad\.md: invalid YAML front matter at line 4/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  describe('a big folder, listed again', () => {
    // 600 posts: enough for list to keep a summary cache (see load/summary-cache.ts).
    const dir = mkdtempSync(join(tmpdir(), 'postview-big-'));
    const cacheHome = mkdtempSync(join(tmpdir(), 'postview-cache-'));
    const env = { XDG_CACHE_HOME: cacheHome };
    const post = (i: number, sessions: number) =>
      `---\ntitle: "후기 ${i}"\ndate: 2020-01-${String((i % 28) + 1).padStart(2, '0')}\n---\n${'### 10:00 - 10:30 Talk\n- 홍길동\n'.repeat(sessions)}`;
    for (let i = 0; i < 600; i++) writeFileSync(join(dir, `post-${String(i).padStart(3, '0')}.md`), post(i, i % 3));
    writeFileSync(join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\n');
    writeFileSync(join(dir, 'post-300-broken.md'), '---\ntitle: [unclosed Talk 홍길동\n---\n');
    const written = Date.now();
    const quiet = { dir: mkdtempSync(join(tmpdir(), 'postview-big-')), written: 0 };
    for (let i = 0; i < 600; i++) writeFileSync(join(quiet.dir, `post-${String(i).padStart(3, '0')}.md`), post(i, i % 3));
    writeFileSync(join(quiet.dir, 'broken.md'), '---\ntitle: [unclosed\n---\n');
    quiet.written = Date.now();
    const list = (extra: Record<string, string> = {}) => runCli(['list', dir, '--json'], { env: { ...env, ...extra } });

    it('lists the same posts with or without its cache, sees a changed post, and warns about a broken one every time', async () => {
      // Posts changed in the last seconds are not cached (their times may not show a second change yet).
      await new Promise((resolve) => setTimeout(resolve, 3200));
      const uncached = list({ POSTVIEW_CACHE: 'off' });
      expect(readdirSync(cacheHome)).toEqual([]);
      const first = list();
      const cacheFiles = readdirSync(join(cacheHome, 'postview'));
      expect(cacheFiles).toHaveLength(1);
      const second = list();
      for (const run of [uncached, first, second]) {
        expect(run.code).toBe(0);
        expect(run.stderr).toMatch(/^postview: warning: .*broken\.md: invalid YAML/);
      }
      expect(first.stdout).toBe(uncached.stdout);
      expect(second.stdout).toBe(uncached.stdout);
      expect(JSON.parse(second.stdout)).toHaveLength(600);
      // The cache answers for unchanged posts: a title planted in it comes
      // back, but only with the file's checksum made anew.
      const file = join(cacheHome, 'postview', cacheFiles[0]!);
      // (The body is read as Latin-1, a byte a character, so that its numbers after the texts come back as they were.)
      const planted = Buffer.from(unsealCacheBytes(readFileSync(file))!.toString('latin1').replace(Buffer.from('"후기 7"').toString('latin1'), '"planted"'), 'latin1');
      expect(planted.includes('"planted"')).toBe(true);
      writeFileSync(file, planted);
      expect(list().stdout).not.toContain('"title": "planted"');
      writeFileSync(file, sealCacheBytes(planted));
      expect(list().stdout).toContain('"title": "planted"');
      // A changed post is read again.
      writeFileSync(join(dir, 'post-007.md'), post(7, 5).replace('후기 7', 'changed'));
      const changed = JSON.parse(list().stdout) as { title: string; sessions: number }[];
      expect(changed.find((p) => p.title === 'changed')?.sessions).toBe(5);
      expect(changed.some((p) => p.title === 'planted')).toBe(false);
      // A cache that is not one is ignored.
      writeFileSync(file, '{"format": 1, "build": "x", "entries": 7}');
      expect(list().stdout).toBe(list({ POSTVIEW_CACHE: 'off' }).stdout);
    }, 30_000);

    it('answers list, tracks, timeline and now from its cache without setting marked up, as they answer without the cache', async () => {
      // A folder of its own: the test above changes one post of `dir`, which is then read (and lexed) until it settles.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, quiet.written + 3200 - Date.now())));
      const probe = join(mkdtempSync(join(tmpdir(), 'postview-probe-')), 'marked-probe');
      // Each command fills a cache of its own: what one reads does not answer for another.
      let home = mkdtempSync(join(tmpdir(), 'postview-cache-'));
      const probed = (args: string[], extra: Record<string, string> = {}) => {
        const run = runCli([...args, '--color', 'never', '--width', '80'], {
          env: { XDG_CACHE_HOME: home, NODE_OPTIONS: `--require "${ROOT}test/e2e/marked-probe.cjs"`, POSTVIEW_MARKED_PROBE: probe, ...extra },
        });
        return { ...run, marked: Number(readFileSync(probe, 'utf8')) };
      };
      // The probe sees marked being set up: a show lexes its post.
      expect(probed(['show', `${FIXTURES}no-sessions.md`]).marked).toBeGreaterThan(0);
      // now reads the speakers of what is on and next (unread by the first run, which reads no body) once, then from the cache.
      for (const args of [['list', quiet.dir], ['tracks', quiet.dir, '--speaker', '홍길동'], ['timeline', quiet.dir], ['now', quiet.dir, '--time', '10:10']]) {
        home = mkdtempSync(join(tmpdir(), 'postview-cache-'));
        const uncached = probed(args, { POSTVIEW_CACHE: 'off' });
        const filling = probed(args);
        const warm = probed(args);
        expect(uncached.code).toBe(0);
        for (const run of [filling, warm]) {
          expect(run.stdout).toBe(uncached.stdout);
          // Without the cache, tracks --speaker skips a post that never names the speaker unread, broken front matter and all: its warnings differ.
          if (args[0] !== 'tracks') expect({ args, stderr: run.stderr }).toEqual({ args, stderr: uncached.stderr });
        }
        expect({ args, marked: warm.marked }).toEqual({ args, marked: 0 });
      }
    }, 30_000);

    it('searches with its search cache as without it, warnings in place, and keeps that cache in files of its own', async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, written + 3200 - Date.now())));
      // --json keeps every hit until the end; text draws each post's hits as they are found (searchHitsDrawer).
      for (const [words, extra] of [[['talk', '홍길동'], ['--json']], [['talk', '홍길동'], ['--color', 'always']], [['zzz-nowhere'], ['--color', 'never']]] as const) {
        const searchHome = mkdtempSync(join(tmpdir(), 'postview-cache-'));
        const search = (env: Record<string, string> = {}) => runCli(['search', ...words, dir, ...extra], { env: { XDG_CACHE_HOME: searchHome, ...env } });
        const uncached = search({ POSTVIEW_CACHE: 'off' });
        expect(uncached.code).toBe(words.length === 1 ? 1 : 0);
        // A word found nowhere: the broken post, which cannot hold it, is not parsed.
        expect(uncached.stderr).toMatch(words.length === 1 ? /nothing holds every word of 'zzz-nowhere'\n$/ : /post-300-broken\.md: invalid YAML/);
        expect(uncached.stderr.trim().split('\n')).toHaveLength(1);
        const first = search();
        expect(readdirSync(join(searchHome, 'postview')).some((f) => f.startsWith('search'))).toBe(true);
        const second = search();
        for (const run of [first, second]) {
          expect(run.stdout).toBe(uncached.stdout);
          expect(run.stderr).toBe(uncached.stderr);
          expect(run.code).toBe(uncached.code);
        }
        if (extra[0] === '--json') expect(JSON.parse(second.stdout).length).toBeGreaterThan(300);
        else if (words.length > 1) expect(second.stdout.split('\n').length).toBeGreaterThan(600);
      }
    }, 60_000);
  });
});

describe('errors and exit codes', () => {
  it.each([
    [['show', '/no/such/post.md'], /\/no\/such\/post\.md: no such file/],
    [['--width', 'abc'], /--width: invalid value 'abc'/],
    [['--color', 'sometimes'], /--color: invalid value 'sometimes' \(expected auto, always or never\)/],
    [['tracks', '--bogus'], /unknown option '--bogus'/],
    [['trakcs'], /Did you mean `postview tracks`/],
  ])('%j is exit 2 with a one-line reason and no stack trace', (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('--help and --version exit 0', () => {
    expect(runCli(['--help']).code).toBe(0);
    const version = runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('a post with no sessions: tracks says so and exits 1', () => {
    const run = runCli(['tracks', `${FIXTURES}no-sessions.md`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no sessions/);
  });

  it('a post without front matter is titled by its first H1', () => {
    const { json } = runJson<{ title: string }>(['show', `${FIXTURES}no-front-matter.md`]);
    expect(json.title).toBe('주간 기술 세미나 메모');
  });

  it('uses POSTVIEW_DIR and --dir for the posts folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'postview-dir-'));
    writeFileSync(join(dir, 'only.md'), '---\ntitle: Only One\n---\nhello\n');
    expect(runJson<{ title: string }>(['show'], { env: { POSTVIEW_DIR: dir } }).json.title).toBe('Only One');
    expect(runJson<{ title: string }>(['show', '--dir', dir], { cwd: tmpdir() }).json.title).toBe('Only One');
  });

  it('from a folder without posts/, uses the posts shipped with postview', () => {
    const run = runJson<{ title: string }[]>(['list'], { cwd: mkdtempSync(join(tmpdir(), 'postview-cwd-')) });
    expect(run.code).toBe(0);
    expect(run.json.length).toBeGreaterThanOrEqual(2);
  });
});


