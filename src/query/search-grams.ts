// A post's text as a few hundred bits, so that the search cache can pass over
// a post that cannot hold the words without loading its text. Pure.
//
// The text is folded as mayMention folds it (query/mentions.ts: normalised,
// lower-cased, spaces and ASCII punctuation dropped), and each character and
// each pair of characters next to each other sets one bit. A word the text
// holds, folded, is in the folded text, so every bit its own characters and
// pairs set is set in the text's: a post whose bits lack one is surely not a
// hit. The other way round proves nothing (two pieces may share a bit), so a
// post whose bits have them all is searched in full.
import { foldText } from './mentions.js';

/** A text's bits: `size` of them (a multiple of 64), eight to a byte of `bits` (the lowest first), from its byte `from` (a file keeps those of all its posts in one run of bytes). */
export interface GramBits {
  size: number;
  bits: Uint8Array;
  from: number;
}

export const MIN_GRAM_BITS = 64;
export const MAX_GRAM_BITS = 1 << 16;

/** The length of `bits` for `size` bits. */
export const gramBitsLength = (size: number): number => size >>> 3;

/** One character (`next` = -1) or pair of characters, hashed. */
function gramHash(first: number, next: number): number {
  let h = Math.imul(first ^ 0x9e3779b9, 0x85ebca6b) ^ (next + 1);
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

/** The hashes of a folded text's characters and pairs of characters. */
function gramHashes(folded: string): Set<number> {
  const hashes = new Set<number>();
  for (let k = 0; k < folded.length; k++) {
    const c = folded.charCodeAt(k);
    hashes.add(gramHash(c, -1));
    if (k + 1 < folded.length) hashes.add(gramHash(c, folded.charCodeAt(k + 1)));
  }
  return hashes;
}

/**
 * The bits of `text`: four bits for each piece (in whole runs of 64), so that
 * about a fifth of them are set. A piece's bit is its hash modulo the size.
 */
export function gramBitsOf(text: string): GramBits {
  const hashes = gramHashes(foldText(text));
  const size = Math.min(MAX_GRAM_BITS, Math.max(MIN_GRAM_BITS, Math.ceil((4 * hashes.size) / 64) * 64));
  const bits = new Uint8Array(gramBitsLength(size));
  for (const h of hashes) {
    const bit = h % size;
    bits[bit >>> 3]! |= 1 << (bit & 7);
  }
  return { size, bits, from: 0 };
}

/** Whether `size` bits from byte `from` are within `bits`, as gramBitsOf sizes them (anything else is not trusted). */
export function isGramSpan(size: unknown, from: unknown, bits: Uint8Array): boolean {
  if (typeof size !== 'number' || size < MIN_GRAM_BITS || size > MAX_GRAM_BITS || size % 64 !== 0) return false;
  return Number.isInteger(from) && (from as number) >= 0 && (from as number) + gramBitsLength(size) <= bits.length;
}

/** Just the bytes of `grams` (not the rest of a file's). */
export const ownGramBits = ({ size, bits, from }: GramBits): Uint8Array => bits.subarray(from, from + gramBitsLength(size));

/** The pieces of folded words (needles) a text must have every bit of. */
export function gramProbe(needles: readonly string[]): number[] {
  const hashes = new Set<number>();
  for (const needle of needles) for (const h of gramHashes(needle)) hashes.add(h);
  return [...hashes];
}

/** False when the text of `bits` surely does not hold every needle of `probe`. */
export function mayHoldGrams(probe: readonly number[], { size, bits, from }: GramBits): boolean {
  for (const h of probe) {
    const bit = h % size;
    if (((bits[from + (bit >>> 3)]! >>> (bit & 7)) & 1) === 0) return false;
  }
  return true;
}
