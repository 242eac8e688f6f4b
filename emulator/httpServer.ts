/**
 * The HTTP side: a node:http server on 127.0.0.1 only. It reads each body whole (up to the service's 10 MB),
 * routes /__emulator/* to the control endpoints and everything else to the API pipeline, and writes the outcome:
 * JSON, a bare status, an HTML page, or a destroyed socket. It tracks sockets so close() ends keep-alive ones.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { CONTROL_PREFIX, handleControl } from './control';
import { handleApiRequest, type EmulatorCore, type Outcome } from './requestPipeline';

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';

/** The request's body, or undefined when it is larger than the service accepts. */
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

function write(response: ServerResponse, outcome: Outcome): void {
  switch (outcome.kind) {
    case 'json':
      return sendJson(response, 200, outcome.body);
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

async function route(
  core: EmulatorCore,
  request: IncomingMessage,
  response: ServerResponse,
  reset: () => void,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const body = await readBody(request);
  if (url.pathname.startsWith(CONTROL_PREFIX)) {
    const answer = handleControl(core, request.method ?? 'GET', url.pathname, body ?? Buffer.alloc(0), reset);
    return sendJson(response, answer.status, answer.body);
  }
  if (body === undefined) {
    const error = {
      Response: {
        Error: { Code: 'RequestSizeLimitExceeded', Message: 'The request size exceeds the upper limit.' },
        RequestId: '',
      },
    };
    return sendJson(response, 200, error);
  }
  const raw = { method: request.method ?? 'GET', query: url.search.slice(1), headers: request.headers, body };
  write(response, await handleApiRequest(core, raw));
}

/** A listening server and a close() that also ends open keep-alive sockets. */
export interface ListeningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1:port (0 = a free port); rejects with the listen error (e.g. EADDRINUSE). */
export function listen(core: EmulatorCore, port: number, reset: () => void): Promise<ListeningServer> {
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    route(core, request, response, reset).catch((error: unknown) => {
      core.log(`internal error: ${(error as Error).message}`);
      if (!response.headersSent) sendJson(response, 500, { error: 'emulator internal error' });
    });
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
      resolve({ server, port: (server.address() as { port: number }).port, close });
    });
  });
}
