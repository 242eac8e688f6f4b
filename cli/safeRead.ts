/**
 * Reads one input file of `tcvpn` (validate and submit) without trusting what the path names. A path can name a
 * named pipe (reading it waits forever for a writer), a device (`/dev/zero` never ends), a socket, a directory,
 * a file that keeps growing, an image or a UTF-16 file; each is refused here with the reason in plain words, so
 * both commands refuse the same inputs with the same message.
 *
 * The steps, in order:
 * 1. `stat` the path (a symlink is followed: a caller that must not follow one checks it first, as the directory
 *    walk of validate/inputs.ts does) and refuse anything but a regular file, naming what it is: "is a named
 *    pipe (FIFO), not a file", "is a character device, not a file", … Nothing is opened before this check.
 * 2. Refuse a file over MAX_INPUT_BYTES by its size, before reading it.
 * 3. Open it with O_NONBLOCK (where the platform has it), so that even a path swapped for a FIFO after step 1
 *    cannot block the open, then `fstat` the open descriptor and refuse it unless it is still the same regular
 *    file.
 * 4. Read at most MAX_INPUT_BYTES + 1 bytes: a file that grows while it is read (or a /proc file that reports
 *    size 0) cannot make the read exceed the limit.
 * 5. Refuse an empty file, then what is not UTF-8 text (a NUL byte, a UTF-16 byte order mark, invalid UTF-8),
 *    and drop a UTF-8 byte order mark.
 *
 * The limit. The language library analyses a text of up to MAX_ANALYSIS_SIZE (5 Mi) UTF-16 code units fully and
 * gives a larger one only a syntax scan and a "too large" warning, which `tcvpn validate` passes through. That
 * limit counts code units, not bytes (one code unit may take up to 3 bytes of UTF-8), and the warning is part of
 * the CLI's behaviour, so the read limit is not the analysis limit itself but a bound above it:
 * MAX_INPUT_BYTES = 4 × MAX_ANALYSIS_SIZE = 20 MiB. It never refuses a text the library would analyse, and it
 * bounds the memory a hostile input can take.
 *
 * An empty file. A file holding nothing but whitespace (and perhaps a byte order mark) has no document: there
 * is nothing to submit, and nothing to check. Both commands therefore refuse it the same way, with
 * reason 'empty' and the message "is empty: it holds no document": submit exits 2, and validate reports it as an
 * input problem (on stderr and as a SARIF notification; exit 2), as it does every input it could not check, so an
 * empty file in CI is noticed instead of passing as clean. A file with only comments is not empty: it goes to the
 * language service like any other text.
 */
import * as fs from 'node:fs';
import { MAX_ANALYSIS_SIZE } from '../language/parsing/parseCache';

/** The most bytes an input file may have; see the module comment for why it is 4 × the analysis limit. */
export const MAX_INPUT_BYTES = 4 * MAX_ANALYSIS_SIZE;

/** Why a file was refused; the message says it in words. */
export type SafeReadReason =
  'missing' | 'unreadable' | 'not-a-file' | 'too-large' | 'changed' | 'empty' | 'binary' | 'encoding';

/** The file's text (without a UTF-8 byte order mark), or why it cannot be used. */
export type SafeReadResult = { ok: true; text: string } | { ok: false; reason: SafeReadReason; message: string };

export interface SafeReadOptions {
  /** The size limit in bytes; MAX_INPUT_BYTES unless a test asks for a smaller one. */
  maxBytes?: number;
}

type Refusal = { ok: false; reason: SafeReadReason; message: string };

const refuse = (reason: SafeReadReason, message: string): Refusal => ({ ok: false, reason, message });

/** O_NONBLOCK does not exist on Windows, where opening a pipe by a path of ours cannot happen anyway. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

const CHUNK_BYTES = 64 * 1024;

/**
 * Reads an input file safely (see the module comment); never throws for anything about the file. This is what
 * `tcvpn validate` and `tcvpn submit` call.
 */
export async function readInputFile(file: string, options: SafeReadOptions = {}): Promise<SafeReadResult> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  let before: fs.Stats;
  try {
    before = await fs.promises.stat(file);
  } catch (error) {
    return errorRefusal(error);
  }
  const early = checkStats(before, maxBytes);
  if (early) return early;
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, OPEN_FLAGS);
  } catch (error) {
    return errorRefusal(error);
  }
  try {
    const opened = await handle.stat();
    const changed = checkOpened(before, opened, maxBytes);
    if (changed) return changed;
    const bytes = new BoundedBytes(opened.size, maxBytes);
    for (let chunk = bytes.next(); chunk; chunk = bytes.next())
      if (!bytes.took(chunk, (await handle.read(chunk, 0, chunk.length, null)).bytesRead)) break;
    return bytes.result();
  } catch (error) {
    return errorRefusal(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The same as readInputFile, for a caller that reads synchronously (the same checks, the same messages). */
export function readInputFileSync(file: string, options: SafeReadOptions = {}): SafeReadResult {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  let before: fs.Stats;
  try {
    before = fs.statSync(file);
  } catch (error) {
    return errorRefusal(error);
  }
  const early = checkStats(before, maxBytes);
  if (early) return early;
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (error) {
    return errorRefusal(error);
  }
  try {
    const opened = fs.fstatSync(fd);
    const changed = checkOpened(before, opened, maxBytes);
    if (changed) return changed;
    const bytes = new BoundedBytes(opened.size, maxBytes);
    for (let chunk = bytes.next(); chunk; chunk = bytes.next())
      if (!bytes.took(chunk, fs.readSync(fd, chunk, 0, chunk.length, null))) break;
    return bytes.result();
  } catch (error) {
    return errorRefusal(error);
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // Nothing was written; a failed close of a read-only descriptor loses nothing.
    }
  }
}

/** What a path is when it is not a regular file, as the message says it ("a named pipe (FIFO)", …). */
export function nonFileKind(stats: fs.Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a directory';
  return 'a special file';
}

/** Step 1 and 2: the refusal a path's stat already gives, before anything is opened. */
function checkStats(stats: fs.Stats, maxBytes: number): Refusal | undefined {
  const kind = nonFileKind(stats);
  if (kind) return refuse('not-a-file', `is ${kind}, not a file`);
  if (stats.size > maxBytes)
    return refuse('too-large', `is too large: ${bytesText(stats.size)}, over the limit of ${bytesText(maxBytes)}`);
  return undefined;
}

/** Step 3: the open descriptor must still be the regular file the path named when it was checked. */
function checkOpened(before: fs.Stats, opened: fs.Stats, maxBytes: number): Refusal | undefined {
  if (opened.dev !== before.dev || opened.ino !== before.ino)
    return refuse('changed', 'changed while it was being read (it is no longer the file that was checked)');
  return checkStats(opened, maxBytes);
}

/**
 * Step 4: the bytes read so far, never more than maxBytes + 1 of them. The first chunk has room for the whole
 * file as fstat saw it (plus one byte, to see the end), so a regular file takes one read and one more that
 * returns 0; a file that reports a wrong size (growing, or /proc's 0) is read on in chunks until the limit.
 */
class BoundedBytes {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  private ended = false;

  constructor(
    private readonly expectedSize: number,
    private readonly maxBytes: number,
  ) {}

  /** The buffer for the next read, or undefined when the reading is over (the end, or past the limit). */
  next(): Buffer | undefined {
    if (this.ended || this.total > this.maxBytes) return undefined;
    const wanted = this.total === 0 ? Math.max(CHUNK_BYTES, this.expectedSize + 1) : CHUNK_BYTES;
    return Buffer.allocUnsafe(Math.min(wanted, this.maxBytes + 1 - this.total));
  }

  /** Records a read into `chunk`; false at the end of the file. */
  took(chunk: Buffer, bytesRead: number): boolean {
    if (bytesRead === 0) {
      this.ended = true;
      return false;
    }
    this.chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    this.total += bytesRead;
    return true;
  }

  result(): SafeReadResult {
    if (this.total > this.maxBytes)
      return refuse(
        'too-large',
        `is too large: it grew past the limit of ${bytesText(this.maxBytes)} while it was read`,
      );
    return decodeInputText(Buffer.concat(this.chunks, this.total));
  }
}

/** "20,971,520 bytes (20 MiB)"; the unit only when it is a whole number of MiB. */
function bytesText(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${bytes.toLocaleString('en-US')} bytes${Number.isInteger(mib) && mib > 0 ? ` (${mib} MiB)` : ''}`;
}

/** An error from stat, open or read, in words. */
function errorRefusal(error: unknown): Refusal {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return refuse('missing', 'no such file');
  if (code === 'EACCES' || code === 'EPERM') return refuse('unreadable', 'permission denied');
  if (code === 'ELOOP') return refuse('unreadable', 'cannot read (a loop of symlinks)');
  if (code === 'EISDIR') return refuse('not-a-file', 'is a directory, not a file');
  return refuse('unreadable', `cannot read (${code ?? String(error)})`);
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Step 5: decodes the bytes of an input file, which must hold UTF-8 text with something besides whitespace in
 * it; the UTF-8 byte order mark is dropped. Exported for the unit tests.
 */
export function decodeInputText(bytes: Uint8Array): SafeReadResult {
  if (isUtf16(bytes)) return refuse('encoding', 'UTF-16 text is not supported: save the file as UTF-8');
  const nul = bytes.indexOf(0);
  if (nul >= 0) return refuse('binary', `binary file (NUL byte at offset ${nul}), not JSON or YAML text`);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return refuse('encoding', `not valid UTF-8 text (first bad byte at offset ${firstInvalidUtf8Offset(bytes)})`);
  }
  if (text.trim() === '') return refuse('empty', 'is empty: it holds no document');
  return { ok: true, text };
}

function isUtf16(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i];
  const length =
    lead < 0x80
      ? 1
      : lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
  if (length === 0) return 0;
  try {
    decoder.decode(bytes.subarray(i, i + length));
    return length;
  } catch {
    return 0;
  }
}
