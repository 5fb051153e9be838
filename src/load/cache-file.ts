// The file-system side of postview's caches, written so that a cache folder
// others can reach cannot be turned against the user:
// - the cache folder is created 0700, and used only when it is a real folder
//   (not a link) owned by the user and writable by no one else; otherwise
//   postview runs without a cache, silently;
// - a cache file is opened without following links and without blocking, and
//   read only when it is a regular file of the user's, of bounded size;
// - its body (text, or bytes) carries a SHA-256 checksum of itself, so a truncated or edited
//   file reads as no cache;
// - it is written to a new temporary file under a random name
//   (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600), then renamed into place, so that
//   concurrent runs each see a whole file, their own or another's.
// What the text holds (and its schema check) is the caller's business.
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/** Larger than the cache of any real folder (about 300 bytes a post). */
export const MAX_CACHE_BYTES = 64 * 1024 * 1024;
const MAGIC = 'postview-cache sha256:';

function crypto(): typeof import('node:crypto') {
  return createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
}

const uid = (): number | null => (typeof process.getuid === 'function' ? process.getuid() : null);

/** Is this folder's owner the user, and can no one else write to it? (Always yes where there are no owners.) */
function isPrivate(info: { uid: number; mode: number }): boolean {
  const me = uid();
  return me === null || (info.uid === me && (info.mode & 0o022) === 0);
}

/**
 * Makes sure `dir` (the cache folder) exists and is safe to use: created 0700
 * if missing, and then a folder, not a link, owned by the user and not
 * group/world-writable. False means: run without a cache.
 */
export function prepareCacheDir(dir: string): boolean {
  try {
    mkdirSync(dirname(dir), { recursive: true, mode: 0o700 });
    try {
      mkdirSync(dir, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
    }
  } catch {
    return false;
  }
  return isSafeCacheDir(dir);
}

/** Is `dir` a cache folder safe to read from (it exists, and prepareCacheDir would accept it)? */
export function isSafeCacheDir(dir: string): boolean {
  try {
    const info = lstatSync(dir);
    return info.isDirectory() && isPrivate(info);
  } catch {
    return false;
  }
}

/** The text of `body` as stored: a checksum line, then the body. */
export function sealCacheText(body: string): string {
  return `${MAGIC}${crypto().createHash('sha256').update(body).digest('hex')}\n${body}`;
}

/** The body of a stored text whose checksum holds; null otherwise. */
export function unsealCacheText(text: string): string | null {
  const end = text.indexOf('\n');
  if (end === -1 || !text.startsWith(MAGIC)) return null;
  const body = text.slice(end + 1);
  return text.slice(MAGIC.length, end) === crypto().createHash('sha256').update(body).digest('hex') ? body : null;
}

/** sealCacheText for a body of bytes (the checksum is taken over them as stored). */
export function sealCacheBytes(body: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${MAGIC}${crypto().createHash('sha256').update(body).digest('hex')}\n`, 'latin1'), body]);
}

/** unsealCacheText for the file's bytes: the body's bytes whose checksum holds (taken over them as stored), null otherwise. */
export function unsealCacheBytes(bytes: Buffer): Buffer | null {
  const end = bytes.indexOf(0x0a);
  if (end === -1 || bytes.toString('latin1', 0, end) !== `${MAGIC}${crypto().createHash('sha256').update(bytes.subarray(end + 1)).digest('hex')}`) return null;
  return bytes.subarray(end + 1);
}

/**
 * The body of cache file `file` in a safe cache folder, as bytes, or null:
 * missing, a link, not a regular file (a pipe, a device), not the user's,
 * larger than `maxBytes`, or failing its checksum. Never blocks.
 */
export function readCacheBytes(file: string, maxBytes = MAX_CACHE_BYTES): Buffer | null {
  if (!isSafeCacheDir(dirname(file))) return null;
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    const me = uid();
    if (!info.isFile() || (me !== null && info.uid !== me) || info.size > maxBytes) return null;
    // Read at most one byte past the size it had: a file that grows is not trusted.
    const buffer = Buffer.allocUnsafe(info.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length !== info.size) return null;
    return unsealCacheBytes(buffer.subarray(0, length));
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** readCacheBytes, the body read as UTF-8 text. */
export function readCacheFile(file: string, maxBytes = MAX_CACHE_BYTES): string | null {
  return readCacheBytes(file, maxBytes)?.toString('utf8') ?? null;
}

/**
 * Replaces cache file `file` with `body` (text written as UTF-8, or bytes),
 * sealed, through a new temporary file under a random name. False when it
 * could not be written (no cache folder, read-only, full disk, a folder
 * others can write to).
 */
export function writeCacheFile(file: string, body: string | Uint8Array): boolean {
  const dir = dirname(file);
  if (!prepareCacheDir(dir)) return false;
  const temporary = `${file}.${crypto().randomBytes(12).toString('hex')}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    const bytes = sealCacheBytes(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, file);
    return true;
  } catch {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // never created, or already gone
    }
    return false;
  }
}
