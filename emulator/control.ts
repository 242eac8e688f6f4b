/**
 * The control endpoints for out-of-process users (the CLI's emulator, scripts, other test runners). They are not
 * part of the VPC API, take no TC3 signature and answer plain JSON:
 *   POST   /__emulator/faults   a FaultSpec or an array of them (at most 100) -> { faults }
 *   GET    /__emulator/faults   -> { faults }
 *   DELETE /__emulator/faults   -> { faults: [] }
 *   GET    /__emulator/state    -> { connections (pre-shared keys masked), tasks, faults, requests (SecretIds masked) }
 *   POST   /__emulator/reset    back to the seed -> { ok: true }
 *
 * They are for the emulator's owner only. Listening on 127.0.0.1 is not enough: a web page the owner visits can
 * POST to 127.0.0.1 (a cross-origin "simple" request), and DNS rebinding can make a page's own origin resolve to
 * it. So every control request must pass, in this order:
 *   1. a loopback Host header naming the emulator's port (127.0.0.1:PORT, localhost:PORT, [::1]:PORT) -> else 403;
 *   2. no Origin header, or a loopback one for the same port -> else 403 (browsers send Origin cross-origin);
 *   3. the run's token as `Authorization: Bearer <token>` or `X-Emulator-Token: <token>` -> else 401;
 *   4. for POST, `Content-Type: application/json` (which a browser cannot send without a preflight) -> else 415.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorCore } from './requestPipeline';

export const CONTROL_PREFIX = '/__emulator/';
/** The largest control body: fault specs are small. */
export const MAX_CONTROL_BODY_BYTES = 64 * 1024;
/** The most fault specs one POST may carry. */
export const MAX_SPECS_PER_POST = 100;

/** An HTTP status, a JSON body, and extra response headers. */
export interface ControlAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** What the control endpoints need of the running emulator. */
export interface ControlContext {
  /** The run's control token. */
  token: string;
  /** The port the server listens on (the Host and Origin checks name it). */
  port: number;
  /** Restores the whole emulator. */
  reset(): void;
}

/** A control request as the HTTP layer received it (the body is read only once it is authorized). */
export interface ControlRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

const refusal = (status: number, error: string, headers?: Record<string, string>): ControlAnswer => ({
  status,
  body: { error },
  headers,
});

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The Host header values that name this emulator over loopback. */
function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** The token a request carries, from Authorization: Bearer or X-Emulator-Token. */
function tokenOf(headers: IncomingHttpHeaders): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(single(headers.authorization) ?? '');
  return bearer?.[1] ?? single(headers['x-emulator-token'])?.trim();
}

/** True when `given` is the token; compared in constant time (over digests, so the length does not leak either). */
function tokenMatches(given: string | undefined, token: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

/** Why a control request is refused, or undefined when it may proceed (its body is then read and routed). */
export function refuseControl(request: ControlRequest, context: ControlContext): ControlAnswer | undefined {
  const hosts = loopbackHosts(context.port);
  const host = single(request.headers.host)?.trim().toLowerCase();
  if (!host || !hosts.includes(host))
    return refusal(403, `control endpoints answer only a loopback Host header (${hosts.join(', ')})`);
  const origin = single(request.headers.origin);
  if (origin !== undefined && !hosts.some((loopback) => origin.trim().toLowerCase() === `http://${loopback}`))
    return refusal(403, 'control endpoints refuse cross-origin requests');
  if (!tokenMatches(tokenOf(request.headers), context.token))
    return refusal(
      401,
      'control endpoints need the run\'s token: "Authorization: Bearer <token>" or "X-Emulator-Token: <token>"',
      {
        'WWW-Authenticate': 'Bearer realm="tcvpn-emulator"',
      },
    );
  if (request.method === 'POST' && !/^application\/json\s*(;|$)/i.test(single(request.headers['content-type']) ?? ''))
    return refusal(415, 'control POSTs need Content-Type: application/json');
  return undefined;
}

function injectFaults(core: EmulatorCore, body: Buffer): ControlAnswer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8') || 'null');
  } catch {
    return refusal(400, 'the body is not valid JSON');
  }
  const specs = Array.isArray(parsed) ? parsed : [parsed];
  if (specs.length === 0 || specs.length > MAX_SPECS_PER_POST)
    return refusal(400, `send 1-${MAX_SPECS_PER_POST} fault specs at a time`);
  try {
    core.faults.injectAll(specs);
    return { status: 200, body: { faults: core.faults.list() } };
  } catch (error) {
    return refusal(400, (error as Error).message);
  }
}

/** Answers one authorized control request (see refuseControl); `context.reset` restores the whole emulator. */
export function handleControl(
  core: EmulatorCore,
  request: ControlRequest,
  body: Buffer,
  context: ControlContext,
): ControlAnswer {
  const { method, path } = request;
  const route = `${method} ${path.slice(CONTROL_PREFIX.length).replace(/\/$/, '')}`;
  switch (route) {
    case 'POST faults':
      return injectFaults(core, body);
    case 'GET faults':
      return { status: 200, body: { faults: core.faults.list() } };
    case 'DELETE faults':
      core.faults.clear();
      return { status: 200, body: { faults: [] } };
    case 'GET state':
      return { status: 200, body: { ...core.store.snapshot(), faults: core.faults.list(), requests: core.requests } };
    case 'POST reset':
      context.reset();
      return { status: 200, body: { ok: true } };
    default:
      return refusal(404, `no control endpoint ${method} ${path}`);
  }
}
