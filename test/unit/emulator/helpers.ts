/**
 * Test helpers: a Tencent SDK client pointed at an emulator the way the product's client does it (real endpoint
 * vpc.tencentcloudapi.com, an http.Agent that dials 127.0.0.1), a raw signed POST for requests the SDK cannot
 * make, and waiting for the emulator's events instead of sleeping.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import type { EmulatorClock, RunningEmulator } from '../../../emulator';
import { canonicalRequest, signatureOf, stringToSign, utcDate } from '../../../emulator/tc3Verify';
import { officialExample } from '../../support/fixtures';

export const ENDPOINT = 'vpc.tencentcloudapi.com';

/** The official CreateVpnConnection example's parameters (schemas/source spec), which the default seed accepts. */
export const OFFICIAL_EXAMPLE = officialExample();

/** An agent that sends every request to the emulator whatever host the URL names. */
export function loopbackAgent(port: number): http.Agent {
  const agent = new http.Agent({ keepAlive: false });
  (agent as unknown as { createConnection: typeof net.createConnection }).createConnection = ((
    _options: unknown,
    callback?: () => void,
  ) => net.createConnection({ host: '127.0.0.1', port }, callback)) as typeof net.createConnection;
  return agent;
}

export interface ClientOptions {
  secretId?: string;
  secretKey?: string;
  region?: string;
  language?: 'zh-CN' | 'en-US';
  endpoint?: string;
  timeoutSeconds?: number;
}

/** A CommonClient for vpc 2017-03-12 that reaches the emulator; defaults to the seed's demo credential. */
export function sdkClient(emulator: RunningEmulator, options: ClientOptions = {}): CommonClient {
  const [demo] = emulator.credentials;
  return new CommonClient(ENDPOINT, '2017-03-12', {
    credential: { secretId: options.secretId ?? demo.secretId, secretKey: options.secretKey ?? demo.secretKey },
    region: options.region ?? 'ap-guangzhou',
    profile: {
      language: options.language ?? 'en-US',
      httpProfile: {
        protocol: 'http://',
        endpoint: options.endpoint ?? ENDPOINT,
        agent: loopbackAgent(emulator.port),
        reqTimeout: options.timeoutSeconds ?? 10,
      },
    },
  });
}

/** What an SDK call threw: the fields the product's client looks at. */
export interface CallFailure {
  code?: string;
  httpCode?: number;
  message: string;
  name: string;
  type?: string;
}

/** Runs an SDK call that must fail and returns what it threw. */
export async function failureOf(call: Promise<unknown>): Promise<CallFailure> {
  try {
    await call;
  } catch (error) {
    const e = error as CallFailure;
    return { code: e.code, httpCode: e.httpCode, message: e.message, name: e.name, type: e.type };
  }
  throw new Error('the call succeeded but was expected to fail');
}

/** A POST signed with TC3 over exactly the given headers; `tamper` edits the request after signing. */
export interface RawCall {
  action?: string;
  region?: string;
  version?: string;
  body?: string;
  timestamp?: number;
  secretKey?: string;
  secretId?: string;
  headers?: Record<string, string>;
  tamper?: (headers: Record<string, string>, body: string) => { headers: Record<string, string>; body: string };
}

/** Sends a raw signed request to the emulator and resolves with the parsed JSON answer. */
export async function rawCall(emulator: RunningEmulator, call: RawCall): Promise<{ Response: Record<string, any> }> {
  const [demo] = emulator.credentials;
  const timestamp = call.timestamp ?? Math.floor(Date.now() / 1000);
  const body = call.body ?? '{}';
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    host: ENDPOINT,
    'x-tc-action': call.action ?? 'DescribeVpnGateways',
    'x-tc-version': call.version ?? '2017-03-12',
    'x-tc-region': call.region ?? 'ap-guangzhou',
    'x-tc-timestamp': String(timestamp),
    'x-tc-language': 'en-US',
    ...call.headers,
  };
  const date = utcDate(timestamp);
  const canonical = canonicalRequest({ method: 'POST', query: '', headers, body }, ['content-type', 'host']);
  const signature = signatureOf(
    call.secretKey ?? demo.secretKey,
    date,
    'vpc',
    stringToSign(timestamp, `${date}/vpc/tc3_request`, canonical),
  );
  headers.authorization = `TC3-HMAC-SHA256 Credential=${call.secretId ?? demo.secretId}/${date}/vpc/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`;
  const sent = call.tamper ? call.tamper({ ...headers }, body) : { headers, body };
  return postJson(emulator.port, sent.headers, sent.body);
}

/** A POST with exactly these headers (node:http keeps the Host given, which fetch does not promise). */
function postJson(
  port: number,
  headers: Record<string, string>,
  body: string,
): Promise<{ Response: Record<string, any> }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Resolves with the first event `name` whose payload satisfies `predicate`. */
export function waitForEvent<T = any>(
  emulator: RunningEmulator,
  name: string,
  predicate: (payload: T) => boolean,
): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T): void => {
      if (!predicate(payload)) return;
      emulator.events.off(name, listener);
      resolve(payload);
    };
    emulator.events.on(name, listener);
  });
}

/** A control request as sent, and its answer. */
export interface ControlCall {
  method?: string;
  /** The path after /__emulator/ ("state", "faults", "reset"). */
  path: string;
  body?: unknown;
  /** Headers to send; the defaults (Host 127.0.0.1:PORT, the run's token, JSON content type) unless overridden. */
  headers?: Record<string, string | undefined>;
}

/** Sends one /__emulator/* request over node:http (which sends the Host given, unlike fetch). */
export function controlCall(
  emulator: RunningEmulator,
  call: ControlCall,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }> {
  const text = call.body === undefined ? '' : typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
  const given: Record<string, string | undefined> = {
    host: `127.0.0.1:${emulator.port}`,
    authorization: `Bearer ${emulator.controlToken}`,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...call.headers,
  };
  const headers = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as Record<
    string,
    string
  >;
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: emulator.port,
        method: call.method ?? 'GET',
        path: `/__emulator/${call.path}`,
        headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: raw ? JSON.parse(raw) : undefined,
          });
        });
      },
    );
    request.on('error', reject);
    request.end(text);
  });
}

/** Sends raw bytes to the emulator and resolves with everything it answered before closing the connection. */
export function rawExchange(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      // The server may close while we still write; what it answered is what counts.
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error),
    );
    socket.end(bytes);
  });
}

/** The JSON body of a raw HTTP/1.1 answer, and its status. */
export function parseRawAnswer(answer: string): { status: number; body: any } {
  const [head, ...rest] = answer.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), body: JSON.parse(rest.join('\r\n\r\n')) };
}

interface ManualTimer {
  at: number;
  fn: () => void;
}

/**
 * A clock that moves only when a test says so: advance(ms) runs every timer due by then, in order. It records
 * every delay it was asked for, so a test can check none exceeds what node's setTimeout can hold.
 */
export class ManualClock implements EmulatorClock {
  private time = Date.now();
  private timers: ManualTimer[] = [];
  /** Every ms passed to setTimeout, in order. */
  readonly requested: number[] = [];

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    this.requested.push(ms);
    const timer = { at: this.time + ms, fn };
    this.timers.push(timer);
    return timer;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer !== handle);
  }

  /** Timers waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves the time on by `ms`, running each timer due on the way at its own time. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = end;
  }

  /** Resolves once at least `count` timers wait (a request reaches its latency fault asynchronously). */
  async untilPending(count = 1): Promise<void> {
    while (this.timers.length < count) await new Promise((resolve) => setImmediate(resolve));
  }
}
