/**
 * The server's side of the LSP base protocol on stdin: a message reader that frames strictly, so a stream it
 * cannot frame ends the server instead of leaving it alive and deaf (issue 14).
 *
 * vscode-jsonrpc's StreamMessageReader reports a bad header through `onError` and carries on reading in a state
 * it can no longer frame: with a missing or non-numeric `Content-Length` it goes on parsing body bytes as headers,
 * a negative length is taken as is, `Content-Length: 10737418240` buffers forever, binary noise without a blank
 * line buffers forever, and a body that is not JSON is only an error event (the client gets no answer). Here:
 *
 * - **A framing fault is fatal.** A missing, duplicated, non-numeric, negative or too large `Content-Length`
 *   (over MAX_CONTENT_LENGTH), a header line without a `name:`, a byte in the header that is not text (binary
 *   noise), a header section longer than MAX_HEADER_BYTES, or an unsupported charset fire `onError` with a
 *   FramingError that names the fault, and the reader stops reading. main.ts then writes one line on stderr and
 *   exits with FRAMING_EXIT_CODE, so the client's crash handling restarts the server.
 * - **A well-framed body that is not a JSON-RPC message is answered and skipped.** Invalid UTF-8 or JSON gets
 *   the JSON-RPC parse error (-32700), JSON that is not an object gets invalid request (-32600), both with
 *   `id: null` as JSON-RPC 2.0 says; the next message is read as usual.
 * - **Every delivered message is noted** (`onMessage`), before the connection queues it: the diagnostics
 *   publisher uses that to let pending input go first (inputActivity.ts).
 */
import { inspect } from 'node:util';
import {
  AbstractMessageReader,
  Disposable,
  ErrorCodes,
  type DataCallback,
  type Message,
  type MessageReader,
  type ResponseMessage,
} from 'vscode-languageserver/node';

/**
 * The largest message body accepted, in bytes: 256 MiB. Documents over 5 MB get only a syntax scan anyway, but
 * the didOpen of a 50 MB file is about 64 MB once JSON escapes its quotes, and V8 cannot hold a string much over
 * 512 MB; a larger `Content-Length` is a framing fault, refused before any of its body is buffered.
 */
export const MAX_CONTENT_LENGTH = 256 * 1024 * 1024;
/** The longest header section accepted, in bytes (real clients send one or two short lines). */
export const MAX_HEADER_BYTES = 8 * 1024;
/** The exit code after a framing fault (1 is the library's exit without shutdown, 0 a polite exit). */
export const FRAMING_EXIT_CODE = 2;

/** A stream the server cannot frame; the message names the fault. */
export class FramingError extends Error {
  override name = 'FramingError';
}

/** The headers of one message: its body length. */
interface Header {
  /** Bytes of the header section including the blank line that ends it. */
  size: number;
  contentLength: number;
}

const CR = 0x0d;
const LF = 0x0a;
const COLON = 0x3a;
/** RFC 9110 token characters, those a header name may use. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Describes a byte for a message: printable ASCII as itself, anything else in hex. */
function byteName(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? `'${String.fromCharCode(byte)}'` : `0x${byte.toString(16).padStart(2, '0')}`;
}

/**
 * Reads one header section from the start of `data`: the header, undefined while it is incomplete (and still
 * plausible), or a FramingError as soon as the bytes seen cannot be one (so noise fails at its first bad byte).
 */
export function scanHeader(data: Buffer): Header | undefined | FramingError {
  const fields = new Map<string, string>();
  let lineStart = 0;
  let colon = -1; // of the current line
  for (let i = 0; i < data.length; i++) {
    if (i >= MAX_HEADER_BYTES) return new FramingError(`no end of the header section within ${MAX_HEADER_BYTES} bytes`);
    const byte = data[i];
    if (byte === CR) {
      if (i + 1 >= data.length) return undefined;
      if (data[i + 1] !== LF)
        return new FramingError(`a carriage return without a line feed in the header (byte ${i})`);
      if (i === lineStart) return headerOf(fields, i + 2);
      const line = data.toString('latin1', lineStart, i);
      const name = colon < 0 ? '' : data.toString('latin1', lineStart, colon).trim().toLowerCase();
      if (!TOKEN.test(name))
        return new FramingError(`a header line that is not "Name: value": ${JSON.stringify(line.slice(0, 80))}`);
      if (fields.has(name)) return new FramingError(`the header field "${name}" appears twice`);
      fields.set(name, data.toString('latin1', colon + 1, i).trim());
      lineStart = i + 2;
      colon = -1;
      i++;
    } else if (byte === LF) {
      return new FramingError(`a line feed without a carriage return in the header (byte ${i})`);
    } else if (byte === COLON) {
      if (colon < 0) colon = i;
    } else if (byte === 0x09 || (byte >= 0x20 && byte < 0x7f)) {
      // A name may use only token characters: a body sent without a header (`{"jsonrpc"…`) fails at its first byte.
      if (colon < 0 && byte !== 0x20 && byte !== 0x09 && !TOKEN.test(String.fromCharCode(byte)))
        return new FramingError(`${byteName(byte)} in a header name (byte ${i}): a message without a header?`);
    } else {
      return new FramingError(`the byte ${byteName(byte)} in the header (byte ${i}): binary data, not a header`);
    }
  }
  return undefined;
}

function headerOf(fields: Map<string, string>, size: number): Header | FramingError {
  const length = fields.get('content-length');
  if (length === undefined) return new FramingError('a header without Content-Length');
  if (!/^[0-9]+$/.test(length))
    return new FramingError(`Content-Length ${JSON.stringify(length)} is not a non-negative whole number`);
  const contentLength = Number(length);
  if (contentLength > MAX_CONTENT_LENGTH)
    return new FramingError(`Content-Length ${length} exceeds the limit of ${MAX_CONTENT_LENGTH} bytes (256 MiB)`);
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(fields.get('content-type') ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    return new FramingError(`the charset ${JSON.stringify(charset)} is not supported (only utf-8)`);
  return { size, contentLength };
}

/** What the reader does besides delivering messages. */
export interface FramedReaderHooks {
  /** Sends the answer to a body that is not a JSON-RPC message (a parse error or an invalid request). */
  answer(response: ResponseMessage): void;
  /** Logs what was answered so. */
  log(message: string): void;
  /** Called for each message delivered, before the connection queues it. */
  onMessage?(): void;
}

/** A strict reader of Content-Length framed JSON-RPC messages from a byte stream (stdin). */
export class FramedMessageReader extends AbstractMessageReader implements MessageReader {
  /** Received bytes not yet consumed, in arrival order (a body is joined once, when it is complete). */
  private chunks: Buffer[] = [];
  private buffered = 0;
  private header: Header | undefined;
  private stopped = false;
  private closed = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly hooks: FramedReaderHooks,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer | string) =>
      this.onData(typeof chunk === 'string' ? Buffer.from(chunk) : chunk, callback);
    const onError = (error: unknown) => this.fireError(error);
    const onEnd = () => {
      if (this.closed) return;
      this.closed = true;
      this.fireClose();
    };
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('end', onEnd);
    this.input.on('close', onEnd);
    return Disposable.create(() => {
      this.input.off('data', onData);
      this.input.off('error', onError);
      this.input.off('end', onEnd);
      this.input.off('close', onEnd);
    });
  }

  private onData(chunk: Buffer, callback: DataCallback): void {
    if (this.stopped) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (!this.stopped) {
      if (!this.header) {
        if (this.buffered === 0) return;
        const scanned = scanHeader(this.joined());
        if (scanned === undefined) return;
        if (scanned instanceof FramingError) return this.fail(scanned);
        this.take(scanned.size);
        this.header = scanned;
      }
      if (this.buffered < this.header.contentLength) return;
      const body = this.take(this.header.contentLength);
      this.header = undefined;
      const message = this.decode(body);
      if (message) {
        this.hooks.onMessage?.();
        callback(message);
      }
    }
  }

  /** The body as a message, or undefined after answering a body that is not one. */
  private decode(body: Buffer): Message | undefined {
    let value: unknown;
    try {
      value = JSON.parse(this.decoder.decode(body));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.reject(ErrorCodes.ParseError, `Parse error: ${reason}`);
      return undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.reject(ErrorCodes.InvalidRequest, 'Invalid Request: a message must be a JSON object');
      return undefined;
    }
    return value as Message;
  }

  private reject(code: number, message: string): void {
    this.hooks.log(`an unreadable message was answered with ${code}: ${message}`);
    this.hooks.answer({ jsonrpc: '2.0', id: null, error: { code, message } });
  }

  /** Stops reading for good (nothing after a framing fault can be trusted) and reports the fault. */
  private fail(error: FramingError): void {
    this.stopped = true;
    this.chunks = [];
    this.buffered = 0;
    this.fireError(error);
  }

  /** The buffered bytes as one buffer (the header section is scanned in one piece). */
  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0];
  }

  /** Removes and returns the first `size` buffered bytes. */
  private take(size: number): Buffer {
    const first = this.chunks[0];
    let taken: Buffer;
    if (first && first.length >= size) {
      taken = first.subarray(0, size);
      if (first.length === size) this.chunks.shift();
      else this.chunks[0] = first.subarray(size);
    } else {
      const all = Buffer.concat(this.chunks, this.buffered);
      taken = all.subarray(0, size);
      // A copy of the rest, so a finished large body is not kept alive by the bytes that followed it.
      this.chunks = all.length > size ? [Buffer.from(all.subarray(size))] : [];
    }
    this.buffered -= size;
    return taken;
  }
}

/** Where console output goes instead of stdout, which carries only LSP messages. */
export interface ConsoleSink {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  log(message: string): void;
}

/**
 * Sends console output to the client's log (window/logMessage), as vscode-languageserver does for the `--stdio`
 * it sets up itself: with a reader of our own it does not, and one console.log on stdout would break the framing
 * the client reads.
 */
export function routeConsole(sink: ConsoleSink): void {
  const text = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
  console.log = (...args: unknown[]) => sink.log(text(args));
  console.info = (...args: unknown[]) => sink.info(text(args));
  console.debug = (...args: unknown[]) => sink.log(text(args));
  console.warn = (...args: unknown[]) => sink.warn(text(args));
  console.error = (...args: unknown[]) => sink.error(text(args));
  console.trace = (...args: unknown[]) => sink.log(`Trace: ${text(args)}\n${new Error().stack ?? ''}`);
  console.dir = (value: unknown) => sink.log(inspect(value));
}
