// timeline, now, tracks --ics and the Korean interface, through the built CLI.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, POSTS, runCli, runJson } from './run-cli.js';

const AWS = `${POSTS}2016-05-17-aws-summit-seoul-2016.md`;

describe('timeline', () => {
  it('draws one bar per session on an hour axis, within the width', async () => {
    const { default: stringWidth } = await import('string-width');
    const run = runCli(['timeline', AWS, '--color', 'never', '--width', '90']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.some((l) => /13:00 +14:00 +15:00/.test(l))).toBe(true);
    const bars = lines.filter((l) => /^\d\d:\d\d +█/.test(l) || /^\d\d:\d\d\s+\s*█/.test(l));
    expect(bars).toHaveLength(6);
    expect(lines.every((l) => stringWidth(l) <= 90)).toBe(true);
    // Later sessions start further right.
    const starts = bars.map((l) => l.indexOf('█'));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('draws days as separate blocks', () => {
    const run = runCli(['timeline', `${FIXTURES}days.md`, '--color', 'never']);
    expect(run.stdout).toMatch(/Day 1[\s\S]*Day 2/);
  });
});

describe('now', () => {
  it.each([
    ['14:00', 2, 3],
    ['13:45', null, 2],
    ['18:00', null, null],
  ])('at %s: current %p, next %p', (time, current, next) => {
    const { json } = runJson<{ current: { index: number } | null; next: { index: number } | null }>(['now', AWS, '--time', time]);
    expect(json.current?.index ?? null).toBe(current);
    expect(json.next?.index ?? null).toBe(next);
  });

  it('nothing now or later is exit 1 with a message', () => {
    const run = runCli(['now', AWS, '--time', '20:00']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/nothing in progress at 20:00/);
  });

  it('a bad --time is exit 2', () => {
    const run = runCli(['now', AWS, '--time', 'teatime']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--time: invalid time 'teatime'/);
  });
});

describe('tracks --ics', () => {
  const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

  it('writes an RFC 5545 calendar: CRLF, folded lines, one event per session', () => {
    const run = runCli(['tracks', AWS, '--ics']);
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of run.stdout.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const lines = unfold(run.stdout);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(6);
    expect(lines).toContain('DTSTART:20160517T130000');
    expect(lines).toContain('DTEND:20160517T134000');
    expect(lines.some((l) => l.startsWith('SUMMARY:나에게 맞는 AWS 데이터베이스 서비스 선택하기'))).toBe(true);
    expect(lines.some((l) => l.startsWith('DESCRIPTION:') && l.includes('양승도'))).toBe(true);
  });

  it('filters apply, and UIDs are stable across runs', () => {
    const a = unfold(runCli(['tracks', AWS, '--ics', '--speaker', '박선용']).stdout);
    const b = unfold(runCli(['tracks', AWS, '--ics', '--speaker', '박선용']).stdout);
    expect(a.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(a.filter((l) => l.startsWith('UID:'))).toEqual(b.filter((l) => l.startsWith('UID:')));
  });

  it('puts a session of Day 2 on the day after the post date', () => {
    const lines = unfold(runCli(['tracks', `${FIXTURES}days.md`, '--ics']).stdout);
    const starts = lines.filter((l) => l.startsWith('DTSTART:'));
    expect(new Set(starts.map((l) => l.slice(8, 16))).size).toBe(2);
  });

  it('without a date asks for --date (exit 2), and uses it when given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'postview-ics-'));
    const post = join(dir, 'undated.md');
    writeFileSync(post, '### 10:00 - 10:30 Talk\n- 홍길동\n');
    const missing = runCli(['tracks', post, '--ics']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--date YYYY-MM-DD/);
    const given = runCli(['tracks', post, '--ics', '--date', '2024-03-01']);
    expect(given.code).toBe(0);
    expect(given.stdout).toContain('DTSTART:20240301T100000');
    expect(runCli(['tracks', post, '--ics', '--date', '2024-02-30']).code).toBe(2);
  });
});

describe('Korean interface', () => {
  it('follows a Korean locale: column names, help and messages', () => {
    const env = { LANG: 'ko_KR.UTF-8' };
    expect(runCli(['tracks', AWS, '--color', 'never'], { env }).stdout).toMatch(/^# +시간 +제목 +발표자/);
    expect(runCli(['--help'], { env }).stdout).toContain('사용법:');
    const bad = runCli(['tracks', AWS, '--at', '25:00'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('잘못된 시간');
  });

  it('LC_ALL wins over LANG, and --lang over both', () => {
    expect(runCli(['tracks', AWS, '--color', 'never'], { env: { LANG: 'en_US.UTF-8', LC_ALL: 'ko_KR.UTF-8' } }).stdout).toContain('발표자');
    expect(runCli(['tracks', AWS, '--color', 'never', '--lang', 'en'], { env: { LC_ALL: 'ko_KR.UTF-8' } }).stdout).toContain('Speaker');
    expect(runCli(['tracks', AWS, '--lang', 'fr']).code).toBe(2);
  });

  it('JSON keys never change with the language', () => {
    const en = runJson(['tracks', AWS]).json;
    const ko = runJson(['tracks', AWS], { env: { LANG: 'ko_KR.UTF-8' } }).json;
    expect(ko).toEqual(en);
  });
});

describe('talks and breaks (issue 11)', () => {
  const BREAKS = `${FIXTURES}sessions/table-breaks.md`; // 등록 (break), 기조 연설, 점심 시간 (break), 강연 및 실습 워크샵

  it('tracks, --ics, now and track use talks; --all adds the breaks', () => {
    const talks = runJson<{ title: string; kind: string }[]>(['tracks', BREAKS]);
    expect(talks.json.map((s) => [s.title, s.kind])).toEqual([['기조 연설', 'talk'], ['강연 및 실습 워크샵', 'talk']]);
    const all = runJson<{ kind: string }[]>(['tracks', BREAKS, '--all']);
    expect(all.json.map((s) => s.kind)).toEqual(['break', 'talk', 'break', 'talk']);
    const ics = runCli(['tracks', BREAKS, '--ics']);
    expect(ics.stdout.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(runCli(['tracks', BREAKS, '--ics', '--all']).stdout.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    // At 12:00 lunch is on: now names the talk in progress or next, never the lunch.
    const now = runJson<{ current: { title: string } | null; next: { title: string } | null }>(['now', BREAKS, '--time', '12:00']);
    expect([now.json.current?.title ?? null, now.json.next?.title ?? null]).toEqual([null, '강연 및 실습 워크샵']);
    const lone = runCli(['track', '09:00', BREAKS]);
    expect([lone.code, lone.stderr.trim()]).toEqual([1, `postview: ${BREAKS}: '09:00' matches only breaks (registration, lunch, ...); add --all to show them`]);
    expect(runJson<{ title: string }>(['track', '09:00', BREAKS, '--all']).json.title).toBe('등록 및 전시 부스 관람');
  });

  it('timeline draws breaks too, lighter (░) and dimmed', () => {
    const plain = runCli(['timeline', BREAKS, '--color', 'never', '--width', '90']).stdout;
    expect(plain).toMatch(/^09:00 +░+ +등록 및 전시 부스 관람$/m);
    expect(plain).toMatch(/^10:00 +█+ +기조 연설$/m);
    const colour = runCli(['timeline', BREAKS, '--color', 'always', '--width', '90']).stdout;
    expect(colour).toMatch(/\x1b\[2m[^\n]*점심 시간/);
  });
});
