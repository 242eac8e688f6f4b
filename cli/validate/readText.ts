/**
 * Reads a file as UTF-8 text, refusing what is not text: the language service would otherwise report
 * hundreds of meaningless syntax errors for an image, an archive or a UTF-16 file saved by a Windows editor.
 */
import { readFile } from 'node:fs/promises';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The file's text (a UTF-8 byte order mark dropped), or why it cannot be checked. */
export async function readSourceText(absolutePath: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? String(error)})` };
  }
  return decodeText(bytes);
}

/** Decodes bytes that must be UTF-8 text; exported for the unit tests. */
export function decodeText(bytes: Uint8Array): ReadResult {
  if (isUtf16(bytes)) return { ok: false, message: 'UTF-16 text is not supported: save the file as UTF-8' };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, message: `binary file (NUL byte at offset ${nul}), not JSON or YAML text` };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, message: `not valid UTF-8 text (first bad byte at offset ${firstInvalidUtf8Offset(bytes)})` };
  }
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
