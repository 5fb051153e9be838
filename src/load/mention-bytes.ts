// Whether a post's bytes may name a speaker, before they are decoded: for
// `tracks DIR --speaker 양승도`, most posts of a folder never name the
// speaker, and decoding and normalising each of them whole only to learn so
// cost about a tenth of the run.
//
// Only needles made of Hangul syllables are judged here (mayMention answers
// the others, on the decoded text). Folding (query/mentions.ts) normalises
// the text to NFKC, so a syllable in the folded text comes from that very
// syllable in the bytes (its UTF-8 encoding; an invalid sequence decodes to
// U+FFFD, never to a syllable), or from jamo composed together, or from a
// compatibility character whose NFKC form holds jamo or syllables. Every such
// character lies in a few blocks, found here by the first two bytes of its
// encoding (test/unit/load/mention-bytes.test.ts checks every code point);
// a post holding one of them is left to mayMention, as is one holding "&" or
// "<" (an entity or a tag may spell anything) or "{{" (a template prints a
// front-matter value, which YAML may write with escapes: "\uC591").
const HANGUL_SYLLABLES = /^[\uac00-\ud7a3]/;

/** [first byte, lowest second byte, highest second byte] of the UTF-8 encodings of the blocks described above. */
const COMPOSING: readonly [number, number, number][] = [
  [0xe1, 0x84, 0x87], // U+1100-11FF Hangul jamo
  [0xe3, 0x84, 0x89], // U+3100-327F compatibility jamo, parenthesized and circled Hangul (and their neighbours)
  [0xef, 0xbe, 0xbf], // U+FF80-FFFF halfwidth jamo (and their neighbours)
];

/**
 * False only when `bytes` (UTF-8) surely hold none of the folded `needles`
 * once decoded (see above); null when the needles are not all of Hangul
 * syllables, which only the decoded text can tell.
 */
export function mayMentionBytes(bytes: Buffer, needles: readonly string[]): boolean | null {
  if (needles.length === 0 || !needles.every((n) => HANGUL_SYLLABLES.test(n))) return null;
  if (bytes.indexOf(0x26) !== -1 || bytes.indexOf(0x3c) !== -1 || bytes.indexOf('{{') !== -1 || mayComposeHangul(bytes)) return true;
  return needles.some((n) => bytes.indexOf(n.slice(0, 1), 0, 'utf8') !== -1);
}

/** Whether the bytes hold a character of the blocks above (jamo, or what NFKC turns into jamo or syllables). */
export function mayComposeHangul(bytes: Uint8Array): boolean {
  for (const [first, low, high] of COMPOSING) {
    for (let at = bytes.indexOf(first); at !== -1; at = bytes.indexOf(first, at + 1)) {
      const second = bytes[at + 1]!;
      if (second >= low && second <= high) return true;
    }
  }
  return false;
}

/**
 * mayMentionBytes of bytes given as a string read from them as Latin-1, one
 * char per byte (a region of a post, see parse/post-sessions.ts): the same
 * answer, without copying them back into a buffer.
 */
export function mayMentionLatin1(raw: string, needles: readonly string[]): boolean | null {
  if (needles.length === 0 || !needles.every((n) => HANGUL_SYLLABLES.test(n))) return null;
  if (raw.indexOf('&') !== -1 || raw.indexOf('<') !== -1 || raw.indexOf('{{') !== -1 || mayComposeHangulLatin1(raw)) return true;
  return needles.some((n) => raw.indexOf(firstBytes(n)) !== -1);
}

/** The UTF-8 bytes of a needle's first syllable, one char per byte, each made once. */
const FIRST_BYTES = new Map<string, string>();
function firstBytes(needle: string): string {
  let bytes = FIRST_BYTES.get(needle);
  if (bytes === undefined) FIRST_BYTES.set(needle, (bytes = Buffer.from(needle.slice(0, 1), 'utf8').toString('latin1')));
  return bytes;
}

/** mayComposeHangul of the bytes `raw` holds one char per byte. */
function mayComposeHangulLatin1(raw: string): boolean {
  for (const [first, low, high] of COMPOSING) {
    const mark = String.fromCharCode(first);
    for (let at = raw.indexOf(mark); at !== -1; at = raw.indexOf(mark, at + 1)) {
      const second = raw.charCodeAt(at + 1);
      if (second >= low && second <= high) return true;
    }
  }
  return false;
}
