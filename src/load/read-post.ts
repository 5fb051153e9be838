// The only place that reads posts from disk or stdin. Turns bytes into
// text: refuses binary files, decodes UTF-8 leniently, drops a BOM and
// normalises line endings. Control, bidi and invisible characters are kept
// as they are, for JSON to carry (escaped); render shows them as symbols
// wherever text is drawn for the terminal (src/sanitize.ts).
// Files are read synchronously: a CLI reads one post (or one folder) at a
// time, and node:fs/promises costs ~1 ms of start-up to load.
import { closeSync, constants, createReadStream, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { InputError } from '../errors.js';
import { showName } from '../sanitize.js';

/**
 * Larger than any blog post (they run to tens of KB; 1 MB is a book). A
 * dense post (a list of one-word items, a table of short rows) peaks at
 * about 160 bytes of memory per byte (marked's tokens and what it makes
 * while lexing): 3 MB of one-word list items took 0.48 GB (0.91 GB before
 * the lexer sized marked's arrays), growing linearly, so 32 MB would need
 * some 5 GB. 3 MB keeps every command well under 1 GB whatever the post
 * holds, and keeps a mistaken path from eating memory.
 */
export const MAX_POST_BYTES = 3 * 1024 * 1024;

export interface PostText {
  /** The path as the user gave it, or "-" for stdin. */
  path: string;
  text: string;
}

/** Bytes -> text a parser can trust. `where` names the source in errors. */
export function decodePost(bytes: Uint8Array, where: string): string {
  refuseBinary(bytes, where);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Invalid UTF-8 becomes U+FFFD, as with TextDecoder.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom).toString('utf8');
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Bytes a binary file has among its first few kilobytes, and a text file never. */
const SNIFF_BYTES = 8192;

export function refuseBinary(bytes: Uint8Array, where: string): void {
  const nul = bytes.subarray(0, SNIFF_BYTES).indexOf(0);
  if (nul !== -1) {
    throw new InputError(`${showName(where)}: looks like a binary file (NUL byte at offset ${nul}); expected a Markdown text file`);
  }
}

export async function readPost(path: string): Promise<PostText> {
  if (path === '-') return { path, text: decodePost(await readBounded(process.stdin, '<stdin>'), '<stdin>') };
  // Opened without blocking, then judged by what was opened: a post swapped
  // for a named pipe (mkfifo) since the folder was listed cannot hang the run.
  let fd: number;
  try {
    fd = openPostFile(path);
  } catch (error) {
    throw fileError(path, error);
  }
  let bytes: Uint8Array;
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new InputError(`${showName(path)}: is a folder; expected a post file`);
    if (info.isFile()) {
      if (info.size > MAX_POST_BYTES) throw tooLarge(path, info.size);
      bytes = readWholeFile(fd, info.size);
      if (bytes.length > MAX_POST_BYTES) throw tooLarge(path, bytes.length);
    } else if (info.isFIFO() && isNamedPipe(path)) {
      throw new InputError(`${showName(path)}: is a named pipe (mkfifo); expected a post file, or - to read standard input`);
    } else {
      bytes = await readStream(path);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fileError(path, error);
  } finally {
    closeSync(fd);
  }
  return { path, text: decodePost(bytes, path) };
}

/**
 * A pipe or a device (/dev/stdin, <(…), /dev/zero): its size is unknown,
 * so read it in chunks and stop at the first sign it is not a post.
 */
async function readStream(path: string): Promise<Uint8Array> {
  const stream = createReadStream(fsPath(path));
  try {
    return await readBounded(stream, path);
  } finally {
    stream.destroy();
  }
}

/** True for a FIFO made with mkfifo (it has a place in the file system), false for <(…) and /dev/stdin. */
function isNamedPipe(path: string): boolean {
  try {
    return lstatSync(realpathSync(fsPath(path))).isFIFO();
  } catch {
    return false;
  }
}

/** All of a regular file from an open fd, stopping one byte past the size limit. */
function readWholeFile(fd: number, size: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(size, MAX_POST_BYTES) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (buffer.length > MAX_POST_BYTES) break;
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_POST_BYTES + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}

/**
 * Opens a post for reading without blocking: a post swapped for a named pipe
 * since its folder was listed cannot hang the run (the caller then judges the
 * file by fstat). Throws what openSync throws.
 */
export function openPostFile(path: string): number {
  return openSync(fsPath(path), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
}

function tooLarge(path: string, size: number): InputError {
  return new InputError(`${showName(path)}: ${(size / 1048576).toFixed(1)} MB is larger than a post can be (at most ${MAX_POST_BYTES / 1048576} MB)`);
}

/** Paths whose file name is not valid UTF-8: the name as shown ("�") -> its bytes. */
const rawPaths = new Map<string, Buffer>();

/** Remembers the bytes of a path whose name, as text, has "�" for bytes that are not UTF-8. */
export function rememberRawPath(shown: string, raw: Buffer): void {
  rawPaths.set(shown, raw);
}

/** What to open for a path: its bytes when its name is not valid UTF-8 (see rememberRawPath), else itself. */
export function fsPath(path: string): string | Buffer {
  return rawPaths.size > 0 ? (rawPaths.get(path) ?? path) : path;
}

/** Reused by readPostBytesSync: most posts are smaller, so a folder is read without a buffer per file. */
let shared: Buffer | undefined;
const SHARED_BYTES = 64 * 1024;

/**
 * The bytes of one regular file of a folder being listed, read synchronously:
 * for thousands of small posts, a promise round trip or a new buffer per file
 * costs more than the reading. The bytes may live in a shared buffer, so they
 * are valid only until the next call.
 */
export function readPostBytesSync(path: string): Buffer {
  let fd: number | undefined;
  try {
    // Non-blocking, so that a file swapped for a pipe since the folder was
    // listed cannot hang the listing (a device fills the buffer, then is refused).
    fd = openPostFile(path);
    // Most posts fit the shared buffer, and then their size does not matter.
    const buffer = (shared ??= Buffer.allocUnsafe(SHARED_BYTES));
    const length = readInto(fd, buffer, 0);
    // Nothing read: an empty post, or a pipe with no writer (which must not pass for one).
    if (length === 0 && !fstatSync(fd).isFile()) throw new InputError(`${showName(path)}: not a regular file; expected a post file`);
    if (length < buffer.length) return buffer.subarray(0, length);
    const info = fstatSync(fd);
    if (!info.isFile()) throw new InputError(`${showName(path)}: not a regular file; expected a post file`);
    if (info.size > MAX_POST_BYTES) throw tooLarge(path, info.size);
    const whole = Buffer.allocUnsafe(Math.max(info.size, length) + 1);
    buffer.copy(whole, 0, 0, length);
    return whole.subarray(0, Math.min(readInto(fd, whole, length), MAX_POST_BYTES));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fileError(path, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads from fd's position until end of file or a full buffer; the bytes now in it from offset 0. */
function readInto(fd: number, buffer: Buffer, from: number): number {
  let length = from;
  while (length < buffer.length) {
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return length;
}

/** All of a stream, refusing binary data and more than MAX_POST_BYTES as soon as they show. */
async function readBounded(source: AsyncIterable<unknown>, where: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  let sniffed = false;
  for await (const chunk of source) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > MAX_POST_BYTES) {
      throw new InputError(`${showName(where)}: more than ${MAX_POST_BYTES / 1048576} MB is larger than a post can be (expected one post)`);
    }
    chunks.push(bytes);
    if (!sniffed && size >= SNIFF_BYTES) {
      refuseBinary(Buffer.concat(chunks), where);
      sniffed = true;
    }
  }
  return Buffer.concat(chunks);
}

/** A one-line InputError for a failed stat or read. */
export function fileError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reason =
    code === 'ENOENT' ? 'no such file or folder' :
    code === 'EACCES' || code === 'EPERM' ? 'permission denied' :
    code === 'EISDIR' ? 'is a folder; expected a post file' :
    code === 'ENOTDIR' ? 'a part of the path is not a folder' :
    `cannot be read (${code ?? 'unknown error'})`;
  return new InputError(`${showName(path)}: ${reason}`);
}
