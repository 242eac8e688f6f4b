/**
 * Bytes for a server's stdin as the LSP base protocol frames them (`Content-Length: N\r\n\r\n` + body), for tests
 * that send what the protocol connection would not: many messages in one write, broken headers, unparsable
 * bodies. And the stdin the test client's connection writes through, which keeps each message in one write so a
 * raw write can go out at any time without landing between a message's header and its body.
 */
import { Writable } from 'node:stream';

/** One framed message: an object is sent as its JSON, a string or buffer as it is (malformed bodies included). */
export function frame(body: object | string | Buffer): Buffer {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

/** Several framed messages, back to back, for one write. */
export function frameAll(bodies: (object | string | Buffer)[]): Buffer {
  return Buffer.concat(bodies.map(frame));
}

/** A header as vscode-jsonrpc's StreamMessageWriter writes it, alone, before the body. */
const HEADER_ONLY = /^Content-Length: \d+\r\n\r\n$/;

/**
 * The stream a StreamMessageWriter writes into: it holds a message's header until its body comes and writes the
 * two together to `target` (the writer awaits the header's write before it writes the body, and a raw write in
 * that gap would split the message). `raw` writes bytes to `target` at once.
 */
export class WholeMessageStdin extends Writable {
  private header: Buffer | undefined;

  constructor(private readonly target: NodeJS.WritableStream) {
    super();
    target.on('close', () => this.destroy());
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    if (this.header === undefined && chunk.length < 64 && HEADER_ONLY.test(chunk.toString('latin1'))) {
      this.header = chunk;
      done();
      return;
    }
    const whole = this.header ? Buffer.concat([this.header, chunk]) : chunk;
    this.header = undefined;
    this.target.write(whole, (error) => done(error ?? null));
  }

  /** Writes `bytes` to the server's stdin in one write, between whole messages; resolves once it is written. */
  raw(bytes: Buffer | string): Promise<void> {
    return new Promise((resolve, reject) => this.target.write(bytes, (error) => (error ? reject(error) : resolve())));
  }
}
