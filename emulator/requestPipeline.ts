/**
 * One API request from arrival to answer, in the service's order: injected latency and network faults, the TC3
 * signature, action and version, region, the frequency limit (and an injected throttle), the parameters, then the
 * action, and last the faults that lose a performed create's answer. The result is an Outcome the HTTP layer
 * writes (or a dropped socket); every request is recorded and logged without secrets (the SecretId masked).
 */
import { randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import regions from '../schemas/source/regions.json';
import { ACTIONS } from './actions';
import { ApiError, errorBody, languageOf, toApiError, type Language } from './apiErrors';
import { networkFault, type Outcome } from './networkFaults';
import { CREATE_THEN_KINDS, PERFORM_THEN_ACTIONS, type ActiveFault, type FaultController } from './faults';
import { checkParams, parseBody } from './paramCheck';
import type { RateLimiter } from './rateLimit';
import { maskSecretId } from './mask';
import type { EmulatorStore } from './store';
import type { Scheduler, TaskRunner } from './tasks';
import { verifyTc3 } from './tc3Verify';
import type { ReceivedRequest } from './types';

export type { Outcome } from './networkFaults';

export const API_VERSION = '2017-03-12';
const REGIONS = new Set(regions.regions.map((region) => region.region));
const MAX_RECORDED = 10_000;

/** The raw request as the HTTP layer received it. */
export interface RawRequest {
  method: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Everything the pipeline works with, owned by one running emulator. */
export interface EmulatorCore {
  store: EmulatorStore;
  faults: FaultController;
  limiter: RateLimiter;
  tasks: TaskRunner;
  /** The async tasks' timers (cancelled by a reset). */
  scheduler: Scheduler;
  /** Injected latencies (left alone by a reset, so a request in flight still gets its answer). */
  delays: Scheduler;
  events: EventEmitter;
  requests: ReceivedRequest[];
  /** The emulator's clock (options.clock, skew included): timestamps and the rate limit's window. */
  now: () => Date;
  /** The real time plus the skew, for the TC3 signature's window only: clients sign with the real time. */
  signatureNow: () => Date;
  log: (line: string) => void;
}

const header = (raw: RawRequest, name: string): string => {
  const value = raw.headers[name];
  return (Array.isArray(value) ? value[0] : (value ?? '')).trim();
};

/** The TC3 check; returns the verified SecretId or throws the AuthFailure the service answers. */
function authenticate(core: EmulatorCore, raw: RawRequest, record: ReceivedRequest): string {
  if (raw.method !== 'POST' && raw.method !== 'GET')
    throw new ApiError('UnsupportedProtocol', `${raw.method} is neither GET nor POST`);
  const verdict = verifyTc3(raw, {
    nowSeconds: Math.floor(core.signatureNow().getTime() / 1000),
    service: 'vpc',
    secretFor: (id) => core.store.secretFor(id),
  });
  record.secretId = maskSecretId(verdict.secretId);
  if (!verdict.ok) throw new ApiError(verdict.code, verdict.detail);
  record.signatureOk = true;
  return verdict.secretId;
}

/** The common headers: action, version and region, each with the code the service answers when wrong. */
function checkHeaders(raw: RawRequest, record: ReceivedRequest): void {
  if (!record.action) throw new ApiError('MissingParameter', 'the X-TC-Action header is missing');
  const version = header(raw, 'x-tc-version');
  if (version !== API_VERSION)
    throw new ApiError(
      version ? 'NoSuchVersion' : 'MissingParameter',
      `X-TC-Version must be ${API_VERSION} (got "${version}")`,
    );
  if (!ACTIONS[record.action])
    throw new ApiError(
      'InvalidAction',
      `${record.action} is not an action of vpc ${API_VERSION} that the emulator offers`,
    );
  if (!record.region) throw new ApiError('MissingParameter', 'the X-TC-Region header is missing');
  if (!REGIONS.has(record.region)) throw new ApiError('UnsupportedRegion', `unknown region ${record.region}`);
}

/** Authenticates and routes; throws the ApiError the service would answer. Returns the action's fields. */
function serve(core: EmulatorCore, raw: RawRequest, record: ReceivedRequest): Record<string, unknown> {
  const secretId = authenticate(core, raw, record);
  checkHeaders(raw, record);
  if (core.faults.take(record.action, ['throttle'])) {
    record.fault = 'throttle';
    throw new ApiError('RequestLimitExceeded', 'injected throttling');
  }
  if (record.action === 'CreateVpnConnection' && !core.limiter.tryAcquire(secretId, core.now().getTime())) {
    throw new ApiError(
      'RequestLimitExceeded',
      `CreateVpnConnection allows ${core.limiter.perSecond} requests per second`,
    );
  }
  if (raw.method === 'GET')
    throw new ApiError(
      'InvalidParameter',
      'the emulator verifies GET signatures but takes parameters only as a POST JSON body',
    );
  const params = parseBody(header(raw, 'content-type'), raw.body);
  // Names only: the values may hold a pre-shared key.
  record.paramKeys = Object.keys(params);
  checkParams(record.action, params);
  const context = {
    region: record.region,
    requestId: record.requestId,
    params,
    store: core.store,
    tasks: core.tasks,
    faults: core.faults,
    now: core.now,
  };
  return ACTIONS[record.action](context);
}

/** The answer of a create that was performed but whose answer an injected fault loses. */
function lostAnswer(fault: ActiveFault, record: ReceivedRequest, language: Language, requestId: string): Outcome {
  record.fault = fault.kind;
  if (fault.kind === 'createThenDrop') return { kind: 'drop' };
  record.errorCode = 'InternalError';
  const body = errorBody(
    new ApiError('InternalError', 'injected failure after the create was performed'),
    language,
    requestId,
  );
  return { kind: 'json', body, status: fault.kind === 'createThen5xx' ? (fault.status ?? 500) : 200 };
}

/** Handles one API request end to end. */
export async function handleApiRequest(core: EmulatorCore, raw: RawRequest): Promise<Outcome> {
  const requestId = randomUUID();
  const language = languageOf(raw.headers['x-tc-language']);
  const record: ReceivedRequest = {
    requestId,
    action: header(raw, 'x-tc-action'),
    region: header(raw, 'x-tc-region'),
    time: core.now().toISOString(),
    signatureOk: false,
  };
  const latency = core.faults.take(record.action, ['latency']);
  if (latency) {
    // The request is held, then handled as if it arrived now: a create is performed only after the delay, and
    // whether the client is still connected makes no difference (a service does not notice a client giving up).
    record.fault = 'latency';
    await new Promise<void>((resolve) => core.delays.after(latency.ms ?? 0, resolve));
  }
  let outcome = networkFault(core.faults, record, requestId);
  if (!outcome) {
    try {
      const fields = serve(core, raw, record);
      outcome = { kind: 'json', body: { Response: { ...fields, RequestId: requestId } } };
      // Without an action a createThen* fault is a create's; naming a modify, delete or reset makes it theirs.
      const lost = PERFORM_THEN_ACTIONS.includes(record.action)
        ? core.faults.take(record.action, CREATE_THEN_KINDS, 'CreateVpnConnection')
        : undefined;
      if (lost) outcome = lostAnswer(lost, record, language, requestId);
    } catch (thrown) {
      const error = toApiError(thrown);
      record.errorCode = error.code;
      outcome = { kind: 'json', body: errorBody(error, language, requestId) };
    }
  }
  core.requests.push(record);
  // A long-running emulator polled every second must not grow without bound: keep the latest requests only.
  if (core.requests.length > MAX_RECORDED) core.requests.splice(0, core.requests.length - MAX_RECORDED);
  core.events.emit('request', { ...record });
  core.log(
    `${record.time} ${record.action || '-'} ${record.region || '-'} ${record.secretId ?? '-'} -> ${record.errorCode ?? 'OK'}${record.fault ? ` [fault ${record.fault}]` : ''} ${requestId}`,
  );
  return outcome;
}
