// Terminal input -> keys.
import { decodeKeys, isText } from '../../../src/browse/keys.js';

describe('decodeKeys', () => {
  it.each([
    ['a letter', 'j', ['j']],
    ['Hangul from an input method', '가나', ['가', '나']],
    ['arrows (CSI)', '\x1b[A\x1b[B', ['<up>', '<down>']],
    ['arrows (SS3, application mode)', '\x1bOA\x1bOB', ['<up>', '<down>']],
    ['arrows with a modifier', '\x1b[1;5A', ['<up>']],
    ['page keys', '\x1b[5~\x1b[6~', ['<pgup>', '<pgdn>']],
    ['home and end, both forms', '\x1b[H\x1b[F\x1b[1~\x1b[4~', ['<home>', '<end>', '<home>', '<end>']],
    ['wheel up and down (SGR mouse)', '\x1b[<64;10;5M\x1b[<65;10;5M', ['<wheelup>', '<wheeldown>']],
    ['a click is no key', '\x1b[<0;10;5M\x1b[<0;10;5m', []],
    ['Escape alone', '\x1b', ['<esc>']],
    ['Enter, Backspace, Ctrl-C', '\r\x7f\x03', ['<enter>', '<bs>', '<c-c>']],
    ['a pasted CRLF is one Enter', 'a\r\nb', ['a', '<enter>', 'b']],
    ['an unknown sequence is dropped, not typed', '\x1b[99Xj', ['j']],
    ['C1 controls are dropped', '\u009b31mx', ['3', '1', 'm', 'x']],
  ])('%s', (_name, input, expected) => {
    expect(decodeKeys(input)).toEqual(expected);
  });

  it('tells typed text from named keys', () => {
    expect(isText('<')).toBe(true);
    expect(isText('가')).toBe(true);
    expect(isText('<up>')).toBe(false);
  });
});
