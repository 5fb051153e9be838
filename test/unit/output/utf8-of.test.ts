// utf8Of encodes in one pass into room for three bytes a UTF-16 unit: it must
// give exactly Buffer.from's bytes, whatever the characters (four-byte ones,
// lone surrogates written as U+FFFD) and however long the text.
import { utf8Of } from '../../../src/output/write.js';

describe('utf8Of', () => {
  const texts = [
    '',
    'a',
    'plain ASCII line\n',
    '양승도 · 13:00 █████ ░░ ∥ ─┼─',
    '😀🇰🇷 family 👨‍👩‍👧',
    'lone high \ud800 and low \udc00 surrogates',
    '\ud83d',
    '\u0000\u007f\u0080\u07ff\u0800\uffff',
    '한'.repeat(5000),
    '😀'.repeat(3000) + '\ud800',
  ];
  it.each(texts.map((t) => [t.slice(0, 20), t]))('%j encodes as Buffer.from does', (_, text) => {
    const bytes = utf8Of(text);
    expect(Buffer.compare(bytes, Buffer.from(text))).toBe(0);
    expect(bytes.length).toBe(Buffer.byteLength(text));
  });
});
