// The width postview draws at: --width, else the terminal, else $COLUMNS, else 80; never past MAX_WIDTH.
import { MAX_WIDTH, resolveOutput, type Terminal } from '../../src/env.js';

const term = (columns: number | undefined, COLUMNS?: string): Terminal => ({ isTTY: false, columns, rows: undefined, env: COLUMNS === undefined ? {} : { COLUMNS } });
const width = (t: Terminal, asked?: string) => resolveOutput({ width: asked, color: 'never' }, t).render.width;

describe('output width', () => {
  it.each([
    ['$COLUMNS', term(undefined, '120'), 120],
    ['a huge $COLUMNS, capped as --width is', term(undefined, '100000'), MAX_WIDTH],
    ['$COLUMNS past any number', term(undefined, '1e400'), 80],
    ['a narrow $COLUMNS, ignored', term(undefined, '5'), 80],
    ['a huge terminal, capped', term(50000), MAX_WIDTH],
    ['the terminal before $COLUMNS', term(100, '120'), 100],
  ])('%s', (_name, t, expected) => {
    expect(width(t)).toBe(expected);
  });

  it('--width wins, and is refused past the cap', () => {
    expect(width(term(undefined, '100000'), '300')).toBe(300);
    expect(() => width(term(undefined), String(MAX_WIDTH + 1))).toThrow();
  });
});
