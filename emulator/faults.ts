/**
 * Faults injected on demand, so the client's tests can see every failure a real network and service produce.
 * Each fault applies to the next `times` matching requests (default 1, at most 1000), optionally only to one
 * action, and is used up as it applies. The same JSON works programmatically and over POST /__emulator/faults,
 * and both are checked the same way: an unknown kind or key, or a value out of range, is refused (TypeError).
 *
 * Where each kind acts (see requestPipeline.ts):
 * - `latency {ms}` holds the request `ms` ms (0..3,600,000, on the emulator's clock), then handles it normally.
 *   A create is performed only once the delay is over, so its tunnel appears late; a client that gave up and
 *   disconnected meanwhile does not stop it, as with the real service.
 * - `http5xx {status}`, `drop`, `nonJson`, `noResponseKey` act before the signature check, as a proxy or a failing
 *   front end would: nothing is performed.
 * - `throttle` acts where the service's frequency limit does (after the signature, version, action and region
 *   checks): a verified RequestLimitExceeded. With `action: "CreateVpnConnection"` the create is refused and not
 *   performed, which a client may treat as a definite "not created".
 * - `taskFails {output}` makes the next create's task (or, with `action: "DeleteVpnConnection"`, delete's) end
 *   FAILED with `output`.
 * - The create's lost answers, for a client's "outcome unknown" handling. The create is performed (tunnel PENDING,
 *   task RUNNING), then the answer is lost (with `action` naming a modify, delete or reset: that action is performed
 *   and its answer lost alike): `createThenDrop` destroys the socket; `createThen5xx {status}` answers
 *   HTTP `status` (default 500) with an InternalError body; `createThenInternalError` answers HTTP 200 with
 *   Response.Error InternalError, as the service does when it fails after acting.
 */
import spec from '../schemas/source/vpc-2017-03-12.vpn.json';

/** What a fault does to the request it applies to. */
export type FaultKind =
  | 'latency' // answer normally, but after `ms` milliseconds
  | 'http5xx' // answer HTTP `status` (default 503), no API body
  | 'throttle' // answer the API error RequestLimitExceeded (at the rate-limit step)
  | 'drop' // destroy the socket without answering; nothing is done
  | 'nonJson' // HTTP 200 with an HTML body
  | 'noResponseKey' // HTTP 200 with JSON that lacks "Response"
  | 'taskFails' // the next create's (or, with action DeleteVpnConnection, delete's) task ends FAILED with `output`
  | 'createThenDrop' // perform the create, then destroy the socket: the ambiguous failure
  | 'createThen5xx' // perform the create, then answer HTTP `status` (default 500) with an InternalError body
  | 'createThenInternalError'; // perform the create, then answer HTTP 200 with Response.Error InternalError

export const FAULT_KINDS: readonly FaultKind[] = [
  'latency',
  'http5xx',
  'throttle',
  'drop',
  'nonJson',
  'noResponseKey',
  'taskFails',
  'createThenDrop',
  'createThen5xx',
  'createThenInternalError',
];

/**
 * The kinds that perform a create and then lose its answer. Without `action` they apply to the next create; with
 * `action` ModifyVpnConnectionAttribute, DeleteVpnConnection or ResetVpnConnection they perform that action and lose
 * its answer the same way (for a client's unknown outcome of apply, delete and reset).
 */
export const CREATE_THEN_KINDS: readonly FaultKind[] = ['createThenDrop', 'createThen5xx', 'createThenInternalError'];

/** The actions a createThen* fault can perform before losing the answer. */
export const PERFORM_THEN_ACTIONS: readonly string[] = [
  'CreateVpnConnection',
  'ModifyVpnConnectionAttribute',
  'DeleteVpnConnection',
  'ResetVpnConnection',
];

/** A fault as injected. */
export interface FaultSpec {
  kind: FaultKind;
  /** Only requests of this action (X-TC-Action); every action when absent. */
  action?: string;
  /** How many requests it applies to (default 1, at most MAX_FAULT_TIMES). */
  times?: number;
  /** latency: the delay, an integer 0..MAX_LATENCY_MS. */
  ms?: number;
  /** http5xx and createThen5xx: the status, 500-599. */
  status?: number;
  /** taskFails: the task's Output (at most MAX_OUTPUT_LENGTH characters). */
  output?: string;
}

/** A fault waiting to apply, with how many uses it has left. */
export interface ActiveFault extends FaultSpec {
  id: number;
  remaining: number;
}

/** An hour: the longest injected latency (node's timers overflow above 2^31-1 ms and would fire at once). */
export const MAX_LATENCY_MS = 3_600_000;
/** The most requests one fault applies to. */
export const MAX_FAULT_TIMES = 1000;
/** The most faults waiting at once. */
export const MAX_ACTIVE_FAULTS = 1000;
/** The longest taskFails output. */
export const MAX_OUTPUT_LENGTH = 1000;

const ACTIONS = new Set(Object.keys(spec.actions));
const COMMON_KEYS = ['kind', 'action', 'times'];
/** The keys each kind takes besides kind, action and times. */
const KIND_KEYS: Record<FaultKind, readonly string[]> = {
  latency: ['ms'],
  http5xx: ['status'],
  throttle: [],
  drop: [],
  nonJson: [],
  noResponseKey: [],
  taskFails: ['output'],
  createThenDrop: [],
  createThen5xx: ['status'],
  createThenInternalError: [],
};
/** The actions a kind can apply to, when it cannot apply to every action. */
const KIND_ACTIONS: Partial<Record<FaultKind, readonly string[]>> = {
  taskFails: ['CreateVpnConnection', 'DeleteVpnConnection'],
  createThenDrop: PERFORM_THEN_ACTIONS,
  createThen5xx: PERFORM_THEN_ACTIONS,
  createThenInternalError: PERFORM_THEN_ACTIONS,
};

const isInteger = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Checks a spec from JSON or code; throws a TypeError that says what is wrong. Returns a clean copy. */
export function checkFaultSpec(value: unknown): FaultSpec {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new TypeError('a fault is a JSON object with a "kind"');
  const spec = value as Record<string, unknown>;
  const kind = spec.kind as FaultKind;
  if (typeof kind !== 'string' || !FAULT_KINDS.includes(kind))
    throw new TypeError(`fault kind must be one of ${FAULT_KINDS.join(', ')}`);
  const allowed = [...COMMON_KEYS, ...KIND_KEYS[kind]];
  const unknown = Object.keys(spec).filter((key) => !allowed.includes(key));
  if (unknown.length > 0)
    throw new TypeError(
      `unknown key${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} for a ${kind} fault (it takes ${allowed.join(', ')})`,
    );
  if (spec.times !== undefined && !isInteger(spec.times, 1, MAX_FAULT_TIMES))
    throw new TypeError(`times must be an integer 1-${MAX_FAULT_TIMES}`);
  if (spec.action !== undefined) {
    if (typeof spec.action !== 'string') throw new TypeError('action must be a string');
    if (!ACTIONS.has(spec.action))
      throw new TypeError(`action must be one of the emulator's actions (${[...ACTIONS].join(', ')})`);
    const only = KIND_ACTIONS[kind];
    if (only && !only.includes(spec.action))
      throw new TypeError(`a ${kind} fault applies only to ${only.join(' or ')}`);
  }
  if (kind === 'latency' && !isInteger(spec.ms, 0, MAX_LATENCY_MS))
    throw new TypeError(`latency needs ms, an integer 0-${MAX_LATENCY_MS}`);
  if (spec.status !== undefined && !isInteger(spec.status, 500, 599))
    throw new TypeError(`${kind} status must be an integer 500-599`);
  if (spec.output !== undefined && !(typeof spec.output === 'string' && spec.output.length <= MAX_OUTPUT_LENGTH))
    throw new TypeError(`taskFails output must be a string of at most ${MAX_OUTPUT_LENGTH} characters`);
  const checked: FaultSpec = { kind };
  for (const key of allowed.slice(1) as (keyof FaultSpec)[]) {
    if (spec[key] !== undefined) (checked as unknown as Record<string, unknown>)[key] = spec[key];
  }
  return checked;
}

/** Holds the injected faults and hands each one out as many times as it was asked to apply. */
export class FaultController {
  private active: ActiveFault[] = [];
  private nextId = 1;

  /** Adds a fault; returns it with its id. Throws a TypeError on an invalid spec or when too many are waiting. */
  inject(spec: FaultSpec): ActiveFault {
    const checked = checkFaultSpec(spec);
    if (this.active.length >= MAX_ACTIVE_FAULTS)
      throw new TypeError(`at most ${MAX_ACTIVE_FAULTS} faults can wait at once; clear some first`);
    const fault: ActiveFault = { ...checked, id: this.nextId++, remaining: checked.times ?? 1 };
    this.active.push(fault);
    return { ...fault };
  }

  /** Checks every spec first, then adds them all, or none when one is invalid. */
  injectAll(specs: readonly unknown[]): ActiveFault[] {
    const checked = specs.map(checkFaultSpec);
    if (this.active.length + checked.length > MAX_ACTIVE_FAULTS)
      throw new TypeError(`at most ${MAX_ACTIVE_FAULTS} faults can wait at once; clear some first`);
    return checked.map((spec) => this.inject(spec));
  }

  /** Removes every fault. */
  clear(): void {
    this.active = [];
  }

  /** The faults still waiting to apply. */
  list(): ActiveFault[] {
    return this.active.map((fault) => ({ ...fault }));
  }

  /**
   * Uses up one application of the oldest fault of one of `kinds` that matches `action`.
   * `defaultAction` is the action a fault without one is bound to (taskFails binds to creates).
   */
  take(action: string, kinds: readonly FaultKind[], defaultAction?: string): ActiveFault | undefined {
    const fault = this.active.find((f) => kinds.includes(f.kind) && (f.action ?? defaultAction ?? action) === action);
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.active = this.active.filter((f) => f !== fault);
    return { ...fault };
  }
}
