// scripts/build/ascii-only.mjs: the bundle made 7-bit ASCII behaves as written.
import { asciiOnly } from '../../scripts/build/ascii-only.mjs';

/** Runs a function expression's source and returns the function. */
const load = (code: string) => new Function(`return ${code}`)() as (s: string) => unknown;

describe('asciiOnly', () => {
  it.each([
    ['a Korean alternation under iu', String.raw`(s) => /^(?:트랙|track)\s*(\d)$/iu.exec(s)?.[1] ?? null`, ['트랙 2', 'TRACK 3', '룸 1', '트랙']],
    ['a class of syllables, no flag', String.raw`(s) => s.replace(/[가-힣]+/g, '#')`, ['abc 가나다 def', '한', 'ㄱ']],
    ['astral characters in a u class', String.raw`(s) => /^[😀-😂]$/u.test(s)`, ['😁', '😃', '\uD83D', 'a']],
    ['astral characters without u', String.raw`(s) => /😀/.test(s)`, ['x😀y', '\uD83D']],
    ['a v-flag class', String.raw`(s) => /[\p{L}--[가-힣]]/v.test(s)`, ['가', 'a', '1']],
    ['String.raw building a pattern', 'function (s) { const n = "\\\\d"; return new RegExp(String.raw`(${n}{1,3})\\s*일\\s*차|첫째\\s*날`, "i").exec(s)?.[0] ?? null; }', ['2일차', '첫째 날', 'day 1']],
    ['String.raw as a string', 'function (s) { return String.raw`월${s}일 — 끝`; }', ['17', '']],
  ])('%s: the same results, and no character above 0x7f', (_name, code, inputs) => {
    const out = asciiOnly(code, 'case.js');
    expect(out).toMatch(/^[\x00-\x7f]*$/);
    const before = load(code);
    const after = load(out);
    for (const input of inputs) expect(after(input)).toEqual(before(input));
  });

  it('leaves ASCII code as it is', () => {
    const code = 'const a = /x+/g; const b = "\\uD55C";';
    expect(asciiOnly(code, 'a.js')).toBe(code);
  });

  it.each([
    ['a template with another tag', 'const t = tag`한`;', /a\.js:1:11: .*tagged tag/],
    ['an identity escape of a non-ASCII character', 'const r = /\\한/;', /a\.js:1:11: .*escape/],
  ])('refuses %s, naming where', (_name, code, message) => {
    expect(() => asciiOnly(code, 'a.js')).toThrow(message);
  });
});
