// A day of very many sessions at the same hour: every pair overlaps, which
// took 30 s to find pair by pair, and spreading every session into one call
// (Math.min(...items)) overflowed the stack.
import { renderTimeline } from '../../src/render/timeline.js';
import type { Session } from '../../src/types.js';

const session = (index: number): Session => ({ index, day: null, start: '13:00', end: '13:40', title: `Talk ${index}`, room: null, speakers: [], speakerText: null, tokens: [], kind: 'talk', links: [], dayNumber: null });

describe('timeline of a huge day', () => {
  it('draws a day of 200,000 sessions at the same hour', () => {
    const rows = Array.from({ length: 200_000 }, (_, k) => ({ session: session(k + 1) }));
    const text = renderTimeline(rows, { width: 80, textWidth: 80, colorLevel: 0, hyperlinks: false });
    expect(text.split('\n').filter((line) => line.includes('∥'))).toHaveLength(200_000);
  });
});
