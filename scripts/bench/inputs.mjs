// Generated inputs for `npm run bench`, kept under .bench/ (git-ignored) and
// reused while they have the right size. Content is deterministic (seeded).
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function rng(seed) { // mulberry32
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];

const TITLES = [
  'AWS 기반 데이터 분석 플랫폼 구축하기', 'Serverless Architecture Patterns with AWS Lambda',
  '엔터프라이즈를 위한 하이브리드 클라우드 전략', 'Deep Dive: Amazon Aurora 성능 최적화',
  'DevOps on AWS: 배포 파이프라인 자동화', 'Running Containers at Scale with Amazon ECS',
  '게임 서비스를 위한 DynamoDB 설계 사례', 'Security Best Practices for Your AWS Account',
  'IoT 디바이스 데이터를 실시간으로 처리하기', 'Machine Learning 서비스 도입기',
  'Building a Global CDN Strategy with CloudFront', '스타트업의 클라우드 비용 절감 노하우',
];
const ROOMS = ['Track 1', 'Track 2', 'Track 3', '그랜드볼룸', 'Room 101', 'Hall B'];
const SPEAKERS = [
  '양승도 솔루션즈 아키텍트, 아마존 웹서비스', 'Jeff Barr, Chief Evangelist, AWS',
  '김현수 시니어 엔지니어, 넥슨', '이영희 CTO, 데일리호텔', 'Werner Vogels, CTO, Amazon.com',
  '박지훈 인프라팀장, 삼성전자', '정민아 테크 에반젤리스트, 아마존 웹서비스',
];
const BULLETS = [
  '**Amazon Kinesis**로 실시간 스트림을 받아 S3에 저장한 뒤 *Amazon EMR*로 배치 처리',
  'Auto Scaling 그룹을 `min=2`, `max=20`으로 두고 트래픽 피크에 대응',
  'Lambda의 cold start는 VPC 설정 여부에 따라 크게 달라진다는 점이 인상적',
  'Multi-AZ 구성으로 장애 시 **30초 이내** 페일오버',
  'Reserved Instance와 Spot Instance를 섞어 비용을 40% 절감',
  'Infrastructure as code with CloudFormation templates reviewed like any other code',
  'Blue/green deployments behind an Application Load Balancer',
  'IAM 역할은 최소 권한 원칙으로, 루트 계정에는 MFA 필수',
  'Partition key design matters more than provisioned throughput',
  '발표 자료: [SlideShare](https://www.slideshare.net/awskorea/aws-summit-seoul-2016) 참고',
  'See the [AWS Architecture Blog](https://aws.amazon.com/blogs/architecture/) for the reference design',
];
const PARAS = [
  '키노트 직후라 그런지 세션장이 가득 찼다. 실제 운영 사례 위주라 바로 적용해 볼 만한 내용이 많았다.',
  'The speaker walked through a real migration, including the parts that went wrong, which made the talk far more useful than the usual product overview.',
  '질의응답 시간에 비용 관련 질문이 많았는데, 대부분 **태깅 전략**과 예산 알림으로 해결할 수 있다는 답변이었다.',
  'A short demo showed the whole pipeline deploying in under five minutes; the repository is linked from the slides.',
  '개인적으로는 모니터링 부분이 가장 유익했다. CloudWatch 대시보드 구성 예시는 [여기](https://docs.aws.amazon.com/cloudwatch/)에서 볼 수 있다.',
];
const CODE = '```bash\naws s3 sync ./build s3://my-bucket --delete\naws cloudfront create-invalidation --distribution-id E123 --paths "/*"\n```\n';
const TABLE = '| 항목 | Before | After |\n| --- | ---: | ---: |\n| 응답 시간 | 850 ms | 120 ms |\n| 월 비용 | $12,000 | $7,200 |\n';

const hhmm = (m) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

// Shaped like posts/2016-05-17-aws-summit-seoul-2016.md: time-range heading,
// speaker as the first bullet (or a "발표자:" line), nested bullets, extras.
function session(r, start) {
  const room = r() < 0.3 ? ` · ${pick(r, ROOMS)}` : '';
  const out = [`### ${hhmm(start)} - ${hhmm(start + 40)} ${pick(r, TITLES)}${room}`, ''];
  if (r() < 0.7) out.push(`- ${pick(r, SPEAKERS)}`);
  else out.push(`발표자: ${pick(r, SPEAKERS)}`, '');
  const n = 2 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    out.push(`- ${pick(r, BULLETS)}`);
    if (r() < 0.4) {
      out.push(`  - ${pick(r, BULLETS)}`);
      if (r() < 0.25) out.push(`    - ${pick(r, BULLETS)}`);
    }
  }
  out.push('', pick(r, PARAS), '');
  const x = r();
  if (x < 0.12) out.push(CODE);
  else if (x < 0.2) out.push(TABLE);
  else if (x < 0.3) out.push(`> ${pick(r, PARAS)}`, '');
  else if (x < 0.4) out.push(`1. **응답 시간** - ${pick(r, BULLETS)}`, `2. **일관성** - ${pick(r, BULLETS)}`, '');
  return out.join('\n') + '\n';
}

const dayHeading = (n) => `## ${n % 3 === 2 ? `${n}일차` : `Day ${n}`}\n\n`;

function day(r, n, sessions) {
  let s = dayHeading(n);
  for (let i = 0; i < sessions; i++) s += session(r, 9 * 60 + 30 + i * 50);
  return s;
}

const frontMatter = (title, date, category) =>
  `---\ntitle: "${title}"\ndate: ${date}\ncategory: ${category}\ntags: [aws, summit, 후기]\n---\n\n`;

/** A post of exactly `bytes` bytes: front matter once, then days of sessions. */
export function bigPost(bytes, seed = 1) {
  const r = rng(seed);
  const head = frontMatter(`AWS Summit Seoul 2016 후기 (bench, ${bytes} bytes)`, '2016-05-17', 'conference') +
    `AWS Summit Seoul 2016에 다녀왔습니다. Notes from both days, session by session.\n\n`;
  const parts = [head];
  let size = Buffer.byteLength(head);
  for (let i = 0; ; i++) { // 8 sessions a day
    const s = (i % 8 === 0 ? dayHeading(i / 8 + 1) : '') + session(r, 9 * 60 + 30 + (i % 8) * 50);
    const len = Buffer.byteLength(s);
    if (size + len + 16 > bytes) break;
    parts.push(s);
    size += len;
  }
  // Pad to the exact size (less than one session) so reuse can check the size.
  const padLen = bytes - size - '<!--  -->\n'.length;
  parts.push(`<!-- ${'.'.repeat(Math.max(0, padLen))} -->\n`);
  return parts.join('');
}

/** A small, self-contained recap, used when posts/ holds no AWS sample yet. */
export const samplePost = () =>
  frontMatter('AWS Summit Seoul 2016 후기 (generated)', '2016-05-17', 'conference') +
  'AWS Summit Seoul 2016에 다녀왔습니다.\n\n' + day(rng(7), 1, 6) + day(rng(8), 2, 6);

/** The largest post postview reads (src/load/read-post.ts MAX_POST_BYTES). */
export const MAX_POST = 3 << 20;

const hostileHead = '---\ntitle: hostile\ndate: 2024-01-01\n---\n\n';
const repeat = (pattern, length) => pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length);
/**
 * Posts shaped to find quadratic paths (issue 15), each once 7-87 s: runs of
 * Markdown punctuation on one line, a speaker line of "!", a front-matter
 * value of spaces, a level-1 heading padded with spaces before its closing
 * "#"; the densest shape for memory (one-word list items); 1 MB paragraphs
 * dense with emphasis delimiters.
 */
export const HOSTILE = {
  stars: () => `${hostileHead}${'*a'.repeat(100000)}\n`,
  underscores: () => `${hostileHead}${'a_b'.repeat(40000)}\n`,
  bangs: () => `${hostileHead}## Talks\n\n### 13:00 - 13:40 Title\n\nSpeaker: Jane ${'!'.repeat(98000)} x\n`,
  frontMatter: () => `---\ntitle: x${' '.repeat(98000)}y\ndate: 2024-01-01\n---\n\nbody\n`,
  heading: () => `${hostileHead}# 13:00 a${' '.repeat(195000)}b #\n`,
  list1m: () => `${hostileHead}${repeat('- a\n', (1 << 20) - hostileHead.length)}`,
  listAtLimit: () => `${hostileHead}${repeat('- a\n', MAX_POST - hostileHead.length)}`,
  // One 1 MB paragraph dense with emphasis openers nothing closes, and the
  // same with a far closer after every 24 openers (the slowest found).
  denseStars: () => `${hostileHead}${repeat('#**a', (1 << 20) - hostileHead.length)}\n`,
  denseFar: () => `${hostileHead}${repeat('#**a'.repeat(24) + 'a**#', (1 << 20) - hostileHead.length)}\n`,
};

function ensureFile(path, bytes, make) {
  if (existsSync(path) && (bytes === undefined || statSync(path).size === bytes)) return false;
  writeFileSync(path, make());
  return true;
}

export const FOLDER_POSTS = 10000;

/** Creates what is missing; returns the paths. `log` gets one line per file made. */
export function ensureInputs(dir, log = () => {}) {
  mkdirSync(dir, { recursive: true });
  const p = {
    dir,
    sample: join(dir, 'sample-recap.md'),
    post1m: join(dir, 'recap-1mb.md'),
    post300k: join(dir, 'recap-300kb.md'),
    postMax: join(dir, 'recap-3mb.md'),
    folder: join(dir, 'posts-10k'),
    hostile: Object.fromEntries(Object.keys(HOSTILE).map((name) => [name, join(dir, 'hostile', `${name}.md`)])),
    /** A folder holding only the heading post, for `list`. */
    hostileHeadingFolder: join(dir, 'hostile-heading'),
  };
  if (ensureFile(p.sample, undefined, samplePost)) log(`generated ${p.sample}`);
  if (ensureFile(p.post1m, 1 << 20, () => bigPost(1 << 20))) log(`generated ${p.post1m}`);
  if (ensureFile(p.post300k, Math.floor(MAX_POST / 10), () => bigPost(Math.floor(MAX_POST / 10)))) log(`generated ${p.post300k}`);
  if (ensureFile(p.postMax, MAX_POST, () => bigPost(MAX_POST))) log(`generated ${p.postMax}`);
  mkdirSync(join(dir, 'hostile'), { recursive: true });
  for (const [name, make] of Object.entries(HOSTILE)) if (ensureFile(p.hostile[name], undefined, make)) log(`generated ${p.hostile[name]}`);
  mkdirSync(p.hostileHeadingFolder, { recursive: true });
  if (ensureFile(join(p.hostileHeadingFolder, 'heading.md'), undefined, HOSTILE.heading)) log(`generated ${p.hostileHeadingFolder}/`);
  const have = existsSync(p.folder) ? readdirSync(p.folder).filter((f) => f.endsWith('.md')).length : -1;
  if (have !== FOLDER_POSTS) {
    rmSync(p.folder, { recursive: true, force: true });
    mkdirSync(p.folder);
    const r = rng(42);
    const cats = ['conference', 'meetup', 'workshop', '세미나', 'keynote'];
    for (let i = 0; i < FOLDER_POSTS; i++) {
      const date = new Date(Date.UTC(2010, 0, 1) + Math.floor(i * 0.6) * 86400000).toISOString().slice(0, 10);
      const title = `${pick(r, TITLES)} 후기 #${i + 1}`;
      const body = frontMatter(title, date, pick(r, cats)) + day(r, 1, 2 + Math.floor(r() * 3));
      writeFileSync(join(p.folder, `${date}-recap-${String(i + 1).padStart(5, '0')}.md`), body);
    }
    log(`generated ${p.folder}/ (${FOLDER_POSTS} posts)`);
  }
  return p;
}
