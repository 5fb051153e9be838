import { parsePost } from '../../../src/parse/post.js';
import { groupSpeakers, personKey } from '../../../src/query/people.js';
import { searchPost, searchWords } from '../../../src/query/search.js';
import { excerpt, oneLine, renderSearchHits, searchHitsDrawer } from '../../../src/render/search.js';
import type { Session, Speaker } from '../../../src/types.js';

const talk = (title: string, speakers: Speaker[], postDate: string | null = '2016-05-17') => ({
  session: { index: 1, day: null, start: '10:00', end: null, title, room: null, speakers, speakerText: null, tokens: [], kind: 'talk', links: [], dayNumber: null } as Session,
  postDate,
});
const person = (name: string, org: string | null = null): Speaker => ({ name, role: null, org });

describe('groupSpeakers', () => {
  it.each([
    ['spacing', 'Jeff  Barr', 'Jeff Barr'],
    ['case', 'JEFF BARR', 'jeff barr'],
    ['Unicode form', '양승도'.normalize('NFD'), '양승도'],
    ['spaces inside a Hangul name', '양 승도', '양승도'],
  ])('takes names that differ only by %s as one person', (_, a, b) => {
    expect(personKey(a)).toBe(personKey(b));
    const people = groupSpeakers([talk('One', [person(a)]), talk('Two', [person(b)])]);
    expect(people).toHaveLength(1);
    expect(people[0]!.talks).toHaveLength(2);
  });

  it('lists most talks first, with organisations (most seen first) and years', () => {
    const people = groupSpeakers([
      talk('A', [person('박선용', '아마존 웹서비스')], '2016-05-17'),
      talk('B', [person('박선용', '아마존 웹서비스'), person('김기완', 'AWS')], '2017-04-18'),
      talk('C', [person('박선용', 'Example')], '2019-01-02'),
    ]);
    expect(people.map((p) => [p.name, p.talks.length, p.orgs, p.years])).toEqual([
      ['박선용', 3, ['아마존 웹서비스', 'Example'], ['2016', '2017', '2019']],
      ['김기완', 1, ['AWS'], ['2017']],
    ]);
  });

  it('keeps only people matching --speaker, not everyone on a matching session', () => {
    const people = groupSpeakers([talk('B', [person('박선용'), person('김기완', 'AWS')])], ['aws']);
    expect(people.map((p) => p.name)).toEqual(['김기완']);
  });
});

describe('searchPost', () => {
  const post = parsePost(
    '---\ntitle: Recap\n---\n\nIntro about **Lambda**.\n\n## 강연 트랙\n\n### 13:50 - 14:30 서버리스\n\n- 김기완\n- AWS 서비스를 쓰는 사례\n\n## 마무리\n\nNothing here.\n',
    'posts/2016-05-17-recap.md',
  );
  const sections = (query: string[]) => searchPost(post, searchWords(query)).map((h) => h.section.join(' › '));

  it('finds the section whose own text holds every word, with its path', () => {
    expect(sections(['서비스', 'aws'])).toEqual(['강연 트랙 › 13:50 - 14:30 서버리스']);
  });

  it('matches case-insensitively, whatever the Unicode form, inside words (Korean particles)', () => {
    expect(sections(['LAMBDA'])).toEqual(['']);
    expect(sections(['서비스'.normalize('NFD')])).toEqual(['강연 트랙 › 13:50 - 14:30 서버리스']);
    expect(sections(['ＡＷＳ'])).toEqual(['강연 트랙 › 13:50 - 14:30 서버리스']);
  });

  it('falls back to the whole post when the words are in different sections, and finds nothing when one is missing', () => {
    expect(sections(['lambda', '서비스'])).toEqual(['']);
    expect(sections(['lambda', 'kubernetes'])).toEqual([]);
  });

  it.each([
    ['the body line that holds most words', 'Lambda\nplain\nLambda and 서비스 together\nLambda alone', 'Lambda and 서비스 together'],
    ['a body line over the title line when both hold as many', 'Lambda title\nno match\nLambda in the body', 'Lambda in the body'],
    ['the last of body lines as good as the title when each repeats it', 'Lambda\nLambda\nＬＡＭＢＤＡ wide', 'ＬＡＭＢＤＡ wide'],
    ['the title when no body line holds a word', 'Lambda title\nnothing here', 'Lambda title'],
  ])('picks for its excerpt %s', (_name, text, line) => {
    expect(excerpt(text, searchWords(['lambda', '서비스']), 80)).toBe(line);
  });

  it('cuts an excerpt around the word, within the width', () => {
    const text = 'x\n' + 'a '.repeat(40) + 'the Lambda part of a long line that goes on and on';
    const cut = excerpt(text, ['lambda'], 30);
    expect(cut).toMatch(/^….*Lambda/);
    expect(cut.length).toBeLessThanOrEqual(30);
  });

  it('puts a text on one line as collapsing every run of white space does (property)', async () => {
    const fc = (await import('fast-check')).default;
    const pieces = [' ', '  ', '\t', '\n', '\u00a0', '\u3000', '\u1680', '\u2003', '\ufeff', 'a', 'Lambda', '설계', '~', 'é', '😀'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (p) => {
        const t = p.join('');
        expect(oneLine(t)).toBe(t.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 3000 },
    );
  });

  it('picks and cuts the same excerpt of a text known to be normal without normalising it (property)', async () => {
    const fc = (await import('fast-check')).default;
    const { isNormalText } = await import('../../../src/query/word-match.js');
    const pieces = ['Lambda', 'lambda', '서비스', 'AWS', ' ', '  ', '\t', '\n', '\n', '\n', '\u00a0', 'Ｌ', 'e\u0301', '\u0007', 'x', '설계', 'a '.repeat(20), '\nLambda 서비스\n', '\nLambda\n'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((p) => p.join(''));
    let normal = 0;
    fc.assert(
      fc.property(text, fc.subarray(['lambda', '서비스', 'aws', 'x'], { minLength: 1 }), fc.integer({ min: 5, max: 60 }), (t, typed, width) => {
        if (!isNormalText(t)) return;
        normal++;
        const words = searchWords(typed);
        expect(excerpt(t, words, width, true)).toBe(excerpt(t, words, width));
      }),
      { numRuns: 5000 },
    );
    expect(normal).toBeGreaterThan(200);
  });

  it('draws hits a post at a time as it draws them all at once (property)', async () => {
    const fc = (await import('fast-check')).default;
    const words = searchWords(['lambda', '서비스']);
    const texts = ['Lambda 서비스', 'intro\nAWS Lambda 서비스를 쓰다\nmore', '  lambda\t서비스  ', 'x\u0007 Lambda 서비스', 'ＬＡＭＢＤＡ 서비스'];
    const post = (n: number) => ({ path: `/blog/_posts/2016-0${n}-01-post-${n}.md`, title: `Post ${n}`, date: null, category: null, frontMatter: {}, tokens: [], sections: [], sessions: [] });
    const hit = fc.record({ section: fc.array(fc.constantFrom('Lambda', '서비스 설계', 'a\u0007b', '  spaced  '), { maxLength: 2 }), text: fc.constantFrom(...texts), normal: fc.boolean() });
    // Each post's hits follow one another, as search gives them.
    const hits = fc.array(fc.array(hit, { minLength: 1, maxLength: 3 }), { maxLength: 5 }).map((posts) => posts.flatMap((mine, n) => mine.map((h) => ({ ...h, normal: h.normal && !h.text.includes('\u0007') && !h.text.includes('Ｌ') && !h.section.some((s) => s.includes('\u0007')), post: post(n) }))));
    fc.assert(
      fc.property(hits, fc.integer({ min: 10, max: 100 }), fc.constantFrom(0 as const, 1 as const), (all, width, colorLevel) => {
        const options = { width, textWidth: width, colorLevel, hyperlinks: false };
        const draw = searchHitsDrawer(words, options);
        const byPost = new Map<string, typeof all>();
        for (const h of all) byPost.set(h.post.path, [...(byPost.get(h.post.path) ?? []), h]);
        const pieces = [...byPost.values()].map(draw).join('');
        expect(pieces).toBe(all.length === 0 ? '' : renderSearchHits(all, words, options));
      }),
      { numRuns: 500 },
    );
  });
});

describe('searchPostText (sections lexed only when they may match) agrees with searchPost', () => {
  // A section found by its title alone carries its title as its text: what is shown of it, its excerpt, is the same.
  it('on generated posts and words', async () => {
    const fc = (await import('fast-check')).default;
    const { searchPostText } = await import('../../../src/query/search.js');
    const { foldText } = await import('../../../src/query/mentions.js');
    const pieces = ['# Title', '## 강연 트랙', '### 13:50 - 14:30 Lambda 서버리스', '- AWS 서비스를 쓰는 사례', 'Intro about **Lambda** and &amp; more', '```\nlambda in code\n```',
      '| a | b |\n| - | - |\n| AWS | 서비스 |', '<div>html AWS</div>', '[Lambda](http://aws.test) link', '> quote 서비스', 'Plain line', '### Notes',
      '### AWS 서비스를 위한 Lambda 설계', '## ＬＡＭＢＤＡ and aws', '- AWS Lambda 서비스 all in one line', '### Lambda',
      // Inline HTML and templates, which the full parse reads.
      '### Two<br>notes', '- AWS<br>Lambda 서비스', '- {{ page.title }} again', '{% comment %}\n## Lambda hidden\n{% endcomment %}'];
    // Front matter whose title holds the words: the post as a whole is a hit when no section is.
    const frontMatter = fc.constantFrom('', '---\ntitle: AWS Lambda 서비스\n---\n', '---\ntitle: Other notes\n---\n');
    const post = fc.tuple(frontMatter, fc.array(fc.constantFrom(...pieces), { maxLength: 10 })).map(([head, p]) => head + p.join('\n\n') + '\n');
    const query = fc.subarray(['lambda', '서비스', 'aws', 'AWS서비스', 'html', 'notes', 'two notes', 'aws lambda'], { minLength: 1, maxLength: 2 });
    fc.assert(
      fc.property(post, query, (text, typed) => {
        const words = searchWords(typed);
        const simple = (hits: ReturnType<typeof searchPost>) => hits.map((h) => [h.section, excerpt(h.text, words, 200)]);
        expect(simple(searchPostText(text, 'p.md', words, words.map(foldText)))).toEqual(simple(searchPost(parsePost(text, 'p.md'), words)));
      }),
      { numRuns: 600 },
    );
  });
});
