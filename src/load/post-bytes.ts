// A post's sessions taken from its bytes, decoding only what they are made
// of: its front matter, its heading lines and the bodies asked for. The
// folder commands read thousands of posts cold, and turning each whole post
// into a string cost about a tenth of their time.
//
// As in load/summary.ts (`list`), the bytes are read as Latin-1, one char
// per byte: every mark the session scan looks for is ASCII, and no byte of a
// UTF-8 sequence is ASCII, so lines and their marks sit at the same offsets as
// in the decoded text, and a piece cut at ASCII bytes decodes to the same
// text as its place in the whole. What decodePost would do differently is
// left to it: a post with a carriage return (line endings rewritten), bytes
// that are not valid UTF-8 (U+FFFD, and Latin-1 may read a stray byte as a
// space), front matter that is never closed, and every post that has to be
// lexed in full. test/unit/load/post-bytes.test.ts compares the two ways.
import { isUtf8 } from 'node:buffer';
import { frontMatterLength, parseFrontMatter } from './front-matter.js';
import { decodePost, refuseBinary } from './read-post.js';
import { parsePostSessions, parseSessionsQuickly, type PostSessions, type WantsBody } from '../parse/post-sessions.js';
import type { FrontMatter } from '../types.js';

const CR = 0x0d;
const LF = 0x0a;

/** parsePostSessions of the post these bytes hold (UTF-8, a BOM allowed), without decoding more of it than needed. */
export function parsePostSessionsBytes(bytes: Buffer, path: string, wantsBody: WantsBody | 'all'): PostSessions {
  const whole = () => parsePostSessions(decodePost(bytes, path), path, wantsBody);
  const head = wantsBody === 'all' ? null : readHead(bytes, path);
  if (head === null || wantsBody === 'all') return whole();
  const { frontMatter, raw, bodyStart, exact } = head;
  return parseSessionsQuickly(frontMatter, raw.slice(bodyStart), path, wantsBody, (from, to) => exact(bodyStart + from, bodyStart + to)) ?? whole();
}

/**
 * Reads the front matter of a post's bytes as parsePostSessions would, and
 * throws what it would throw (binary, front matter that cannot be read), for
 * a post passed over without being read.
 */
export function checkPostBytes(bytes: Buffer, path: string): void {
  refuseBinary(bytes, path);
  const start = bomLength(bytes);
  const headEnd = headLength(bytes, start);
  if (headEnd === 0) return;
  // Only the front matter is decoded (and checked for UTF-8), when its bytes decode alone to what they are in the whole text.
  const head = headEnd === -1 ? null : bytes.subarray(start, start + headEnd);
  if (head !== null && head.indexOf(CR) === -1 && isUtf8(head)) parseFrontMatter(head.toString('utf8'), path);
  else parseFrontMatter(decodePost(bytes, path), path);
}

/** 3 for a UTF-8 BOM, else 0. */
function bomLength(bytes: Buffer): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/**
 * frontMatterLength of the text from `start` (read as Latin-1: its marks are
 * ASCII), without making that text: 0 without front matter, -1 when it is
 * never closed (all of the post is front matter then).
 */
function headLength(bytes: Buffer, start: number): number {
  // Whether there is front matter at all is told by the first four characters.
  const opening = bytes.toString('latin1', start, start + 4);
  if (frontMatterLength(opening) === 0) return 0;
  const close = bytes.indexOf(`\n${opening.slice(0, 3)}`, start + 3, 'latin1');
  return close === -1 ? -1 : close + 4 - start;
}

interface Head {
  frontMatter: FrontMatter;
  /** The bytes after any BOM, read as Latin-1. */
  raw: string;
  /** Where the body starts in `raw`. */
  bodyStart: number;
  /** The exact text between two offsets of `raw`. */
  exact: (from: number, to: number) => string;
}

/** The front matter read and the body located, or null when the post is to be decoded whole (see above). */
function readHead(bytes: Buffer, path: string): Head | null {
  refuseBinary(bytes, path);
  const start = bomLength(bytes);
  if (bytes.indexOf(CR, start) !== -1 || !isUtf8(bytes.subarray(start))) return null;
  const raw = bytes.toString('latin1', start);
  const headEnd = frontMatterLength(raw);
  if (headEnd > 0 && headEnd === raw.length) return null;
  const exact = (from: number, to: number) => bytes.toString('utf8', start + from, start + to);
  const frontMatter = headEnd === 0 ? {} : parseFrontMatter(exact(0, headEnd), path).frontMatter;
  const bodyStart = headEnd > 0 && raw.charCodeAt(headEnd) === LF ? headEnd + 1 : headEnd;
  return { frontMatter, raw, bodyStart, exact };
}
