import fc from 'fast-check';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { displayWidth, pad, truncate, truncateMeasured, wrapText } from '../../../src/render/wrap.js';

const SGR = /\x1b\[[0-9;]*m/g;
const OSC8 = /\x1b\]8;;[^\x07\x1b]*(?:\x07|\x1b\\)/g;
const strip = (s: string) => s.replace(SGR, '').replace(OSC8, '');
const BOLD = (s: string) => `\x1b[1m${s}\x1b[22m`;
const link = (url: string, s: string) => `\x1b]8;;${url}\x1b\\${s}\x1b]8;;\x1b\\`;

/** For each visible character: the styles and link in force there, each line read on its own. */
function styleMap(text: string, perLine: boolean): string[] {
  const result: string[] = [];
  let styles = new Set<string>();
  let url = '';
  const re = /\x1b\[([0-9;]*)m|\x1b\]8;;([^\x07\x1b]*)(?:\x07|\x1b\\)|\n|[^]/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined) {
      const code = m[1];
      if (code === '0' || code === '') styles.clear();
      else if (code === '22') {
        styles.delete('1');
        styles.delete('2');
      }
      else if (['23', '24', '29', '39'].includes(code)) styles.forEach((s) => closes(s, code) && styles.delete(s));
      else styles.add(code);
    } else if (m[2] !== undefined) url = m[2];
    else if (m[0] === '\n') {
      if (perLine) {
        expect([...styles]).toEqual([]); // every line closes what it opened
        expect(url).toBe('');
        styles = new Set();
      }
    } else if (m[0] !== ' ') result.push([...styles].sort().join(',') + '|' + url);
  }
  return result;
}
const closes = (open: string, close: string) =>
  (close === '23' && open === '3') || (close === '24' && open === '4') || (close === '29' && open === '9') || (close === '39' && /^3[0-7]$/.test(open));

describe('displayWidth', () => {
  it('counts Hangul and emoji as 2 columns and ASCII as 1', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('a😀b')).toBe(4);
    expect(displayWidth('カタカナ、漢字')).toBe(14);
  });

  it('ignores SGR styles and OSC 8 hyperlinks', () => {
    expect(displayWidth(BOLD('굵게') + ' ' + link('https://x.test/', 'link'))).toBe(9);
  });

  it('gives the widest line of a multi-line string', () => {
    expect(displayWidth('ab\n가나다\nc')).toBe(6);
  });

  it('agrees with string-width on mixed text', () => {
    const samples = ['café ñ', 'e\u0301', '👍🏽 ok', '🇰🇷', '1️⃣', 'ﾊﾝｶｸ', '…→←·•', '│─┼', 'ㄱㅏ ㅤ', '\u00ad', 'a\u200bb', '가\u11a8', '🖼 ☐ ☑'];
    for (const s of samples) expect(displayWidth(s)).toBe(stringWidth(s));
  });
});

describe('wrapText', () => {
  const korean = '오늘 발표에서는 서버리스 아키텍처의 장단점과 운영 경험을 차례로 살펴보고 마지막에 질의응답을 진행했습니다';

  it('wraps Korean at spaces only, within the width', () => {
    const lines = wrapText(korean, 20).split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(20);
    expect(lines.join(' ')).toBe(korean);
  });

  it('hard-breaks a word longer than the line', () => {
    const lines = wrapText('see ' + 'x'.repeat(25), 10).split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(10);
    expect(lines.join('').replace(/ /g, '')).toBe('see' + 'x'.repeat(25));
    const hangul = wrapText('가나다라마바사', 5).split('\n');
    expect(hangul).toEqual(['가나', '다라', '마바', '사']);
  });

  it('keeps existing line breaks and drops spaces at line edges', () => {
    expect(wrapText('  one two  \nthree', 40)).toBe('one two\nthree');
    expect(wrapText('a\n\nb', 10)).toBe('a\n\nb');
  });

  it('closes and reopens styles on every line', () => {
    const out = wrapText(`plain ${BOLD('굵은 글씨가 여러 줄에 걸쳐 이어집니다')} end`, 12);
    const lines = out.split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[1]!.startsWith('\x1b[1m')).toBe(true);
    expect(lines[1]!.endsWith('\x1b[22m')).toBe(true);
    expect(styleMap(out, true)).toEqual(styleMap(`plain ${BOLD('굵은 글씨가 여러 줄에 걸쳐 이어집니다')} end`, false));
  });

  it('reopens an OSC 8 link on each line it spans, with the ST terminator', () => {
    const out = wrapText(link('https://example.test/a', 'a long link text that wraps'), 10);
    const lines = out.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line.startsWith('\x1b]8;;https://example.test/a\x1b\\')).toBe(true);
      expect(line.endsWith('\x1b]8;;\x1b\\')).toBe(true);
    }
    expect(out).not.toContain('\x07');
  });

  it('breaks the same places as wrap-ansi (property)', () => {
    const word = fc.array(fc.constantFrom('a', 'bc', '가', '나다', '😀', 'é', 'ｱ', '—'), { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
    const text = fc.array(fc.oneof(word, fc.constantFrom(' ', '  ', '\n')), { maxLength: 30 }).map((p) => p.join(' '));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 30 }), (s, width) => {
        expect(wrapText(s, width)).toBe(wrapAnsi(s, width, { hard: true }));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every character in its style across breaks (property)', () => {
    const styled = fc
      .array(
        fc.tuple(fc.constantFrom('', '1', '3', '4', '9', '33'), fc.constantFrom('가나', 'ab cd', '다 라마 바', 'xyz ', ' q')),
        { minLength: 1, maxLength: 12 },
      )
      .map((parts) => parts.map(([code, s]) => (code ? `\x1b[${code}m${s}\x1b[${{ '1': 22, '3': 23, '4': 24, '9': 29, '33': 39 }[code]}m` : s)).join(''));
    fc.assert(
      fc.property(styled, fc.integer({ min: 2, max: 15 }), (s, width) => {
        const out = wrapText(s, width);
        for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(styleMap(out + '\n', true)).toEqual(styleMap(s, false));
      }),
      { numRuns: 300 },
    );
  });

  it('is fast on a large Korean text', () => {
    const big = (korean + ' ').repeat(50_000); // ~5 MB of UTF-16
    const t0 = performance.now();
    const out = wrapText(big, 60);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(out.split('\n').length).toBeGreaterThan(10_000);
  });
});

describe('truncate', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('한국어', 6)).toBe('한국어');
  });

  it('cuts by display width and ends with an ellipsis', () => {
    const out = truncate('한국어 텍스트입니다', 8);
    expect(stringWidth(out)).toBeLessThanOrEqual(8);
    expect(out.endsWith('…')).toBe(true);
    expect(strip(truncate(BOLD('abcdefgh'), 4))).toBe('abc…');
  });

  it('never exceeds the width when a wide character straddles the limit', () => {
    for (let w = 1; w <= 24; w++) {
      expect(stringWidth(truncate('나에게 맞는 AWS 데이터베이스 서비스', w))).toBeLessThanOrEqual(w);
      expect(stringWidth(truncate(BOLD('아마존웹서비스'), w))).toBeLessThanOrEqual(w);
    }
  });

  it('keeps the longest prefix that leaves room for the ellipsis, for plain and styled text alike', () => {
    const text = fc.array(fc.constantFrom('a', ' ', '한', '字', 'é', '…', '—', 'ｱ', 'Ａ'), { maxLength: 20 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 24 }), (s, w) => {
        const out = truncate(s, w);
        if (stringWidth(s) <= w) return expect(out).toBe(s);
        // The reference: the longest prefix narrower than w - 1 columns, then "…".
        let keep = 0;
        while (keep < s.length && stringWidth(s.slice(0, keep + 1)) <= w - 1) keep++;
        expect(out).toBe(w === 0 ? '' : `${s.slice(0, keep)}…`);
        // The styled path (escape sequences kept) cuts at the same place.
        expect(strip(truncate(BOLD(s), w))).toBe(out);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('truncateMeasured', () => {
  it('gives what truncate gives, with its display width (plain, wide, emoji and styled text)', () => {
    const piece = fc.constantFrom('a', ' ', '한', '字', 'é', '…', '—', 'ｱ', 'Ａ', '😀', 'e\u0301', '#');
    const text = fc.tuple(fc.array(piece, { maxLength: 20 }), fc.boolean()).map(([cs, bold]) => (bold ? BOLD(cs.join('')) : cs.join('')));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 24 }), (s, w) => {
        const out = truncate(s, w);
        expect(truncateMeasured(s, w, displayWidth(s))).toEqual([out, displayWidth(out)]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('pad', () => {
  it('pads by display width with the given alignment', () => {
    expect(pad('가', 5)).toBe('가   ');
    expect(pad('가', 5, 'right')).toBe('   가');
    expect(pad('가', 5, 'center')).toBe(' 가  ');
    expect(pad('toolong', 3)).toBe('toolong');
  });
});
