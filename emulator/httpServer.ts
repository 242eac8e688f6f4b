/**
 * The HTTP side: a node:http server on 127.0.0.1 only. It routes /__emulator/* to the control endpoints (which
 * refuse a request before its body is read unless it is authorized, see control.ts) and everything else to the
 * API pipeline, and writes the outcome: JSON, a bare status, an HTML page, or a destroyed socket. It tracks
 * sockets so close() ends keep-alive ones.
 *
 * Every refusal of an API request is in the service's shape, HTTP 200 with
 * `{"Response":{"Error":{"Code","Message"},"RequestId"}}`, including those node's HTTP parser makes before a
 * request exists ('clientError'): headers over MAX_HEADER_BYTES get RequestSizeLimitExceeded (node alone would
 * answer a bare 431), malformed HTTP gets UnsupportedProtocol. A body over the service's 10 MB gets
 * RequestSizeLimitExceeded; wrong methods, content types and bad JSON are answered by the pipeline.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { ApiError, errorBody, languageOf, type Language } from './apiErrors';
import {
  CONTROL_PREFIX,
  MAX_CONTROL_BODY_BYTES,
  handleControl,
  refuseControl,
  type ControlAnswer,
  type ControlContext,
} from './control';
import { handleApiRequest, type EmulatorCore, type Outcome } from './requestPipeline';

/** The service's largest request body. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** The largest header block (node's default, made explicit so a --max-http-header-size flag does not change it). */
export const MAX_HEADER_BYTES = 16 * 1024;
const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';

/** The request's body, or undefined when it is larger than `limit` (the rest is read and dropped). */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** A refusal in the service's shape, with a fresh RequestId. */
function apiRefusal(error: ApiError, language: Language): object {
  return errorBody(error, language, randomUUID());
}

function write(response: ServerResponse, outcome: Outcome): void {
  switch (outcome.kind) {
    case 'json':
      return sendJson(response, outcome.status ?? 200, outcome.body);
    case 'status':
      response.writeHead(outcome.status, { 'Content-Type': 'text/plain' });
      return void response.end(`${outcome.status} injected fault`);
    case 'html':
      response.writeHead(200, { 'Content-Type': 'text/html' });
      return void response.end(HTML_PAGE);
    case 'drop':
      // Destroying the socket without a byte of answer is what a client sees when a proxy or the network fails.
      return void response.socket?.destroy();
  }
}

const CONTROL_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

function sendControl(response: ServerResponse, answer: ControlAnswer): void {
  sendJson(response, answer.status, answer.body, { ...CONTROL_HEADERS, ...answer.headers });
}

async function routeControl(
  core: EmulatorCore,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  context: ControlContext,
): Promise<void> {
  const control = { method: request.method ?? 'GET', path: pathname, headers: request.headers };
  const refused = refuseControl(control, context);
  if (refused) {
    core.log(`control ${control.method} ${pathname} refused: ${refused.status}`);
    // Nothing of a refused request's body is read, and the connection is not reused.
    return sendControl(response, { ...refused, headers: { ...refused.headers, Connection: 'close' } });
  }
  const body = await readBody(request, MAX_CONTROL_BODY_BYTES);
  if (body === undefined)
    return sendControl(response, {
      status: 413,
      body: { error: `control bodies are limited to ${MAX_CONTROL_BODY_BYTES} bytes` },
    });
  sendControl(response, handleControl(core, control, body, context));
}

async function route(
  core: EmulatorCore,
  request: IncomingMessage,
  response: ServerResponse,
  context: ControlContext,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname.startsWith(CONTROL_PREFIX)) return routeControl(core, request, response, url.pathname, context);
  const body = await readBody(request, MAX_BODY_BYTES);
  if (body === undefined) {
    const error = new ApiError('RequestSizeLimitExceeded', `the body is larger than ${MAX_BODY_BYTES} bytes`);
    core.log(`request refused: body over ${MAX_BODY_BYTES} bytes -> RequestSizeLimitExceeded`);
    return sendJson(response, 200, apiRefusal(error, languageOf(request.headers['x-tc-language'])));
  }
  const raw = { method: request.method ?? 'GET', query: url.search.slice(1), headers: request.headers, body };
  write(response, await handleApiRequest(core, raw));
}

/** The Tencent-shaped answer to a request node's parser refused, or undefined when none can be written. */
function clientErrorAnswer(error: NodeJS.ErrnoException & { rawPacket?: Buffer }): string {
  // The headers are not parsed; the language is read from the raw bytes the parser saw, if they name one.
  const raw = error.rawPacket?.toString('latin1') ?? '';
  const language = languageOf(/\r\nx-tc-language:[ \t]*en-us[ \t]*\r\n/i.test(raw) ? 'en-US' : undefined);
  const apiError =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new ApiError('RequestSizeLimitExceeded', `the request headers are larger than ${MAX_HEADER_BYTES} bytes`)
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new ApiError('UnsupportedProtocol', 'the request did not arrive whole in time')
        : new ApiError('UnsupportedProtocol', `the request is not valid HTTP/1.1 (${error.code ?? 'parse error'})`);
  const text = JSON.stringify(apiRefusal(apiError, language));
  return [
    'HTTP/1.1 200 OK',
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(text)}`,
    'Connection: close',
    '',
    text,
  ].join('\r\n');
}

/** A listening server and a close() that also ends open keep-alive sockets. */
export interface ListeningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** What the server needs for the control endpoints besides the port it learns by listening. */
export type ControlOptions = Omit<ControlContext, 'port'>;

/** Starts the server on 127.0.0.1:port (0 = a free port); rejects with the listen error (e.g. EADDRINUSE). */
export function listen(core: EmulatorCore, port: number, control: ControlOptions): Promise<ListeningServer> {
  const sockets = new Set<Socket>();
  // requireHostHeader off: a request without Host is answered by the pipeline (an API request then fails its
  // signature, a control request the Host check) instead of node's bare 400.
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, requireHostHeader: false }, (request, response) => {
    const context = { ...control, port: (server.address() as AddressInfo | null)?.port ?? port };
    route(core, request, response, context).catch((error: unknown) => {
      core.log(`internal error: ${(error as Error).message}`);
      if (response.headersSent) return void response.destroy();
      const isControl = (request.url ?? '').startsWith(CONTROL_PREFIX);
      const internal = new ApiError('InternalError', 'the emulator failed to handle the request');
      if (isControl) sendControl(response, { status: 500, body: { error: 'emulator internal error' } });
      else sendJson(response, 200, apiRefusal(internal, languageOf(request.headers['x-tc-language'])));
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & { _httpMessage?: ServerResponse }) => {
    // As node's own handler: nothing is written when the socket is gone or a response on it has begun.
    if (error.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent)
      return void socket.destroy();
    core.log(`request refused by the HTTP parser: ${error.code ?? error.message}`);
    socket.end(clientErrorAnswer(error));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve({ server, port: (server.address() as AddressInfo).port, close });
    });
  });
}
