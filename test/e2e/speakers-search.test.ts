// speakers and search through the built CLI, on the sample posts and a generated folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POSTS, runCli, runJson } from './run-cli.js';

const folder = mkdtempSync(join(tmpdir(), 'postview-people-'));
writeFileSync(join(folder, '2016-05-17-summit.md'), '---\ntitle: Summit\n---\n\n### 10:00 - 10:40 Games on AWS\n\n- 박선용 솔루션즈 아키텍트, 아마존 웹서비스\n\n### 11:00 - 11:40 DevOps\n\n- Jane Roe, Acme\n');
writeFileSync(join(folder, '2018-04-18-summit.md'), `---\ntitle: Summit 2018\n---\n\n### 10:00 - 10:40 Serverless games\n\n- ${'박선용'.normalize('NFD')} 솔루션즈 아키텍트, 아마존 웹서비스\n\n### 11:00 - 11:40 Ops\n\n- JANE  ROE, Acme\n`);

describe('speakers', () => {
  it('one entry per person across posts and name forms, most talks first, as JSON', () => {
    const { code, json } = runJson<{ name: string; orgs: string[]; talks: { title: string; post: string }[] }[]>(['speakers', folder]);
    expect(code).toBe(0);
    expect(json.map((p) => [p.name, p.talks.length])).toEqual([['Jane Roe', 2], ['박선용', 2]]);
    expect(json[1]!.orgs).toEqual(['아마존 웹서비스']);
    expect(json[1]!.talks.map((t) => t.title)).toEqual(['Games on AWS', 'Serverless games']);
    expect(json[1]!.talks[0]!.post).toBe(join(folder, '2016-05-17-summit.md'));
  });

  it('as a table with years, filtered by --speaker', () => {
    const run = runCli(['speakers', folder, '--speaker', '박선용', '--color', 'never', '--width', '80']);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^Speaker +Talks +Organisations +Years$/), expect.stringMatching(/^박선용 +2 +아마존 웹서비스 +2016, 2018$/)]);
  });

  it('no match is exit 1 with a message', () => {
    const run = runCli(['speakers', folder, '--speaker', 'nobody']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no speaker matches 'nobody'/);
  });
});

describe('search', () => {
  it('finds sections holding every word, with the post and section path, in the posts folder', () => {
    const { code, json } = runJson<{ post: string; section: string[]; excerpt: string }[]>(['search', 'lambda', '함수', POSTS]);
    expect(code).toBe(0);
    expect(json.length).toBeGreaterThan(0);
    for (const hit of json) {
      expect(hit.post).toContain('aws-summit');
      expect(hit.excerpt.toLowerCase()).toMatch(/lambda|함수/);
    }
  });

  it('highlights the words with colour, names the post by its short name', () => {
    const run = runCli(['search', 'games', folder, '--color', 'always', '--width', '80']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\x1b[1m\x1b[33mgames\x1b[39m\x1b[22m');
    expect(run.stdout).toContain('summit');
    expect(run.stdout).not.toContain(folder);
  });

  it('nothing found is exit 1', () => {
    const run = runCli(['search', 'kubernetes', 'zebra', folder]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/nothing holds every word of 'kubernetes zebra'/);
  });
});
