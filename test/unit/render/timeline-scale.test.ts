// Overlaps in a timeline are found in one pass, the same as comparing every
// pair (test/slow/timeline.test.ts draws a day of 200,000 sessions).
import fc from 'fast-check';
import { markOverlaps, type Item } from '../../../src/render/timeline.js';
import type { Session } from '../../../src/types.js';

const session = (index: number, start: string, end: string | null, kind: Session['kind'] = 'talk'): Session => ({ index, day: null, start, end, title: `Talk ${index}`, room: null, speakers: [], speakerText: null, tokens: [], kind, links: [], dayNumber: null });

/** The pairwise rule markOverlaps replaces. */
function pairwise(items: Item[]): boolean[] {
  const marks = items.map(() => false);
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length && items[j]!.start < items[i]!.end; j++) marks[i] = marks[j] = true;
  }
  return marks;
}

describe('timeline overlaps', () => {
  it('marks exactly the talks that share time with another talk, never a break', () => {
    const span = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: -5, max: 20 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(span, { maxLength: 12 }), (spans) => {
        const items = spans
          .map(([start, length, pause], k) => ({ session: session(k + 1, '00:00', null, pause ? 'break' : 'talk'), start, end: start + length, open: false, overlaps: false }))
          .sort((a, b) => a.start - b.start || a.session.index - b.session.index);
        markOverlaps(items);
        const talks = items.filter((it) => it.session.kind === 'talk');
        expect(talks.map((it) => it.overlaps)).toEqual(pairwise(talks));
        expect(items.filter((it) => it.session.kind === 'break' && it.overlaps)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
