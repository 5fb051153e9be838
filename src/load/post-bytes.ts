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

const CR = 0x0d;
const LF = 0x0a;

/** parsePostSessions of the post these bytes hold (UTF-8, a BOM allowed), without decoding more of it than needed. */
export function parsePostSessionsBytes(bytes: Buffer, path: string, wantsBody: WantsBody | 'all'): PostSessions {
  refuseBinary(bytes, path);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const whole = () => parsePostSessions(decodePost(bytes, path), path, wantsBody);
  if (wantsBody === 'all' || bytes.indexOf(CR, start) !== -1 || !isUtf8(bytes.subarray(start))) return whole();
  const raw = bytes.toString('latin1', start);
  const headEnd = frontMatterLength(raw);
  if (headEnd > 0 && headEnd === raw.length) return whole();
  const exact = (from: number, to: number) => bytes.toString('utf8', start + from, start + to);
  const frontMatter = headEnd === 0 ? {} : parseFrontMatter(exact(0, headEnd), path).frontMatter;
  const bodyStart = headEnd > 0 && raw.charCodeAt(headEnd) === LF ? headEnd + 1 : headEnd;
  const content = raw.slice(bodyStart);
  return parseSessionsQuickly(frontMatter, content, path, wantsBody, (from, to) => exact(bodyStart + from, bodyStart + to)) ?? whole();
}
