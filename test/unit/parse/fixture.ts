import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodePost } from '../../../src/load/read-post.js';
import { parsePost } from '../../../src/parse/post.js';
import type { Post } from '../../../src/types.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** A fixture post, read the way the CLI reads files (BOM, CRLF, controls handled). */
export function fixturePost(name: string): Post {
  const path = `${FIXTURES}${name}`;
  return parsePost(decodePost(readFileSync(path), path), path);
}

/** Sessions reduced to what a reader checks: "start-end title / speaker names". */
export function sessionLines(post: Post): string[] {
  return post.sessions.map((s) => `${s.index} ${s.day ?? '-'} ${s.start}-${s.end ?? '?'} ${s.title} / ${s.speakers.map((p) => p.name).join(' + ')}`);
}
