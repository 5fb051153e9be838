// readFolderSessions: a broken post is one warning with the cache or without
// it, also when it never names the speaker asked for; and the sessions it
// keeps are what a JSON copy of the parsed ones gives.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copySession, keeper, readFolderSessions, type FolderPost, type SessionNeeds } from '../../../src/load/folder-sessions.js';
import { decodePost } from '../../../src/load/read-post.js';
import { SummaryCache } from '../../../src/load/summary-cache.js';
import { InputError } from '../../../src/errors.js';
import { parsePost } from '../../../src/parse/post.js';
import { foldNeedles } from '../../../src/query/mentions.js';

let root: string;
let dir: string;
let cacheDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pv-folder-sessions-'));
  dir = join(root, 'posts');
  cacheDir = join(root, 'cache');
  mkdirSync(dir);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const BROKEN = {
  'bad YAML': '---\ntitle: [unclosed\n---\n### 10:00 - 10:40 Talk\n\n- Jane Doe, Acme\n',
  'an impossible date': '---\ntitle: X\ndate: 2024-02-30\n---\n### 10:00 - 10:40 Talk\n',
  'a front matter language': '---js\n{ title: "x" }\n---\n### 10:00 - 10:40 Talk\n',
};

function read(paths: string[], cache: SummaryCache | null, needs: SessionNeeds): { warnings: string[]; posts: FolderPost[] } {
  const warnings: string[] = [];
  const posts: FolderPost[] = [];
  readFolderSessions(paths, cache, needs, (m) => warnings.push(m), (p) => posts.push(p));
  return { warnings, posts };
}

describe('readFolderSessions warns once per broken post', () => {
  it.each(Object.entries(BROKEN))('%s, never naming the speaker, with and without the cache', (_, text) => {
    writeFileSync(join(dir, 'a.md'), '### 09:00 - 09:40 Opening\n\n- 양승도 솔루션즈 아키텍트, 아마존 웹서비스\n');
    writeFileSync(join(dir, 'broken.md'), text);
    const paths = ['a.md', 'broken.md'].map((n) => join(dir, n));
    const needs: SessionNeeds = { speakers: 'mentioned', needles: foldNeedles(['양승도']), keep: () => true };
    const without = read(paths, null, needs);
    const cache = SummaryCache.open(cacheDir, dir, 'b1', Date.now() + 60_000);
    const withCache = read(paths, cache, needs);
    expect(without.warnings).toHaveLength(1);
    expect(without.warnings[0]).toContain('broken.md');
    expect(withCache.warnings).toEqual(without.warnings);
    // The other post still shows.
    expect(without.posts.map((p) => p.sessions.map((s) => s.speakers.map((x) => x.name)))).toEqual([[['양승도']]]);
  });
});

describe('readFolderSessions reads the speakers of every session that names the speaker', () => {
  it('however the name is written in its body, next to bodies that never name it', () => {
    const nfd = '양승도'.normalize('NFD');
    const text = [
      '## Day 1', '### 09:00 - 09:40 One', '- 김철수 백엔드 개발자, 예시회사', '### 10:00 - 10:40 Two', '- 양승도 솔루션즈 아키텍트, 아마존 웹서비스',
      '### 11:00 - 11:40 Three', '- Jane Doe, Acme', '### 12:00 - 12:40 Four', '- &#50577;승도 아키텍트, 예시회사',
      '### 13:00 - 13:40 Five', `- ${nfd} 엔지니어`, '### 14:00 - 14:40 Six', '- 양**승도** 아키텍트',
    ].join('\n\n');
    writeFileSync(join(dir, 'a.md'), `${text}\n`);
    const needs: SessionNeeds = { speakers: 'mentioned', needles: foldNeedles(['양승도']), keep: () => true };
    const [post] = read([join(dir, 'a.md')], null, needs).posts;
    const full = parsePost(text, 'a.md').sessions;
    expect(post!.resolved).toEqual([false, true, false, true, true, true]);
    post!.sessions.forEach((s, k) => {
      if (post!.resolved[k]) expect(s.speakers).toEqual(full[k]!.speakers);
    });
  });
});

describe('readFolderSessions finds a speaker whose name the Markdown does not spell', () => {
  // The single-post parse shows these speakers: a folder must not pass over the post as one that never names them.
  it.each([
    ['a template printing a front-matter value written with YAML escapes', '---\ntitle: X\nspeaker: "\\uC591\\uC2B9\\uB3C4"\n---\n\n### 10:00 - 10:40 Talk\n\n- {{ page.speaker }}, 아마존 웹서비스\n'],
    ['a reference link inside the name', '### 10:00 - 10:40 Talk\n\n- [양][r]승도, 아마존 웹서비스\n\n[r]: https://example.com/\n'],
  ])('%s', (_, text) => {
    writeFileSync(join(dir, 'a.md'), text);
    const alone = parsePost(text, 'a.md').sessions.map((s) => s.speakers.map((x) => x.name));
    expect(alone).toEqual([['양승도']]);
    const needs: SessionNeeds = { speakers: 'mentioned', needles: foldNeedles(['양승도']), keep: () => true };
    const { posts } = read([join(dir, 'a.md')], null, needs);
    expect(posts.map((p) => p.sessions.map((s) => s.speakers.map((x) => x.name)))).toEqual([alone]);
  });
});

describe('copySession', () => {
  const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
  const names = readdirSync(FIXTURES).filter((n) => n.endsWith('.md'));

  it('gives what a JSON copy gives, key for key, on every fixture', () => {
    let sessions = 0;
    const keep = keeper(new Map());
    for (const name of names) {
      let post;
      try {
        post = parsePost(decodePost(readFileSync(join(FIXTURES, name)), name), name);
      } catch (error) {
        if (error instanceof InputError) continue;
        throw error;
      }
      for (const s of post.sessions) {
        sessions++;
        expect(JSON.stringify(copySession(s, keep))).toBe(JSON.stringify({ ...s, tokens: [] }));
      }
    }
    expect(sessions).toBeGreaterThan(40);
  });

  it('keeps each text once', () => {
    const keep = keeper(new Map());
    const a = 'AWS 기반 데이터 분석 플랫폼 구축하기 '.repeat(2).trim();
    const b = 'AWS 기반 데이터 분석 플랫폼 구축하기 '.repeat(2).trim();
    expect(keep(a)).toBe(keep(b));
    expect(keep(a)).toBe(a);
  });
});
