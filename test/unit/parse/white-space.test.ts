// isWhiteSpace, the char test that replaces /\s/ and trim() in the line scans
// of parse/regions.ts and parse/session-heading.ts: it must say what they say.
import { isWhiteSpace } from '../../../src/parse/text.js';

describe('isWhiteSpace', () => {
  it('says what /\\s/ and trim() say of every UTF-16 unit', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const char = String.fromCharCode(c);
      if (isWhiteSpace(c) !== /\s/.test(char) || isWhiteSpace(c) !== (char.trim() === '')) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  });
});
