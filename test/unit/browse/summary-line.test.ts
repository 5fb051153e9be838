// show --watch's line under the post.
import { extractUnreadTimeHeadings, renderWatchSummary } from '../../../src/browse/summary-line.js';
import { makePost } from './helpers.js';

describe('renderWatchSummary', () => {
  it('counts sessions and warns about time-like headings it could not read', () => {
    const post = makePost('## 13:00 - 13:40 Opening\n\nSpeaker: A\n\n## 14시 점심 이후 세션\n\n## 2pm keynote\n\n## Day 1\n\n## 2016.05.17 정리\n');
    expect(extractUnreadTimeHeadings(post)).toEqual(['14시 점심 이후 세션', '2pm keynote']);
    expect(renderWatchSummary(post, 'en').slice(0, 2)).toEqual(['1 session', 'warning: time-like heading not read as a session: "14시 점심 이후 세션"']);
    expect(renderWatchSummary(post, 'ko').slice(0, 2)).toEqual(['세션 1개', '경고: 세션으로 읽지 못한 시간 같은 제목: "14시 점심 이후 세션"']);
  });

  it('says nothing more when every time-like heading was read', () => {
    expect(renderWatchSummary(makePost('### 10:00 - 10:30 A\n\n### 10:30 - 11:00 B\n'), 'en')).toEqual(['2 sessions']);
  });
});
