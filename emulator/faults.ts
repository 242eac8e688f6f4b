/**
 * Faults injected on demand, so the client's tests can see every failure a real network and service produce.
 * Each fault applies to the next `times` matching requests (default 1), optionally only to one action, and is
 * used up as it applies. The same JSON works programmatically and over POST /__emulator/faults.
 */

/** What a fault does to the request it applies to. */
export type FaultKind =
  | 'latency' // answer normally, but after `ms` milliseconds
  | 'http5xx' // answer HTTP `status` (default 503), no API body
  | 'throttle' // answer the API error RequestLimitExceeded
  | 'drop' // destroy the socket without answering; nothing is done
  | 'nonJson' // HTTP 200 with an HTML body
  | 'noResponseKey' // HTTP 200 with JSON that lacks "Response"
  | 'taskFails' // the next create's (or, with action DeleteVpnConnection, delete's) task ends FAILED with `output`
  | 'createThenDrop'; // perform the create, then destroy the socket: the ambiguous failure

export const FAULT_KINDS: readonly FaultKind[] = [
  'latency',
  'http5xx',
  'throttle',
  'drop',
  'nonJson',
  'noResponseKey',
  'taskFails',
  'createThenDrop',
];

/** A fault as injected. */
export interface FaultSpec {
  kind: FaultKind;
  /** Only requests of this action (X-TC-Action); every action when absent. */
  action?: string;
  /** How many requests it applies to (default 1). */
  times?: number;
  /** latency: the delay. */
  ms?: number;
  /** http5xx: the status, 500-599. */
  status?: number;
  /** taskFails: the task's Output. */
  output?: string;
}

/** A fault waiting to apply, with how many uses it has left. */
export interface ActiveFault extends FaultSpec {
  id: number;
  remaining: number;
}

/** Checks a spec from JSON; throws a TypeError that says what is wrong. */
export function checkFaultSpec(value: unknown): FaultSpec {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new TypeError('a fault is a JSON object with a "kind"');
  const spec = value as FaultSpec;
  if (!FAULT_KINDS.includes(spec.kind)) throw new TypeError(`fault kind must be one of ${FAULT_KINDS.join(', ')}`);
  if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times >= 1))
    throw new TypeError('times must be an integer >= 1');
  if (spec.kind === 'latency' && !(typeof spec.ms === 'number' && spec.ms >= 0))
    throw new TypeError('latency needs ms >= 0');
  if (
    spec.kind === 'http5xx' &&
    spec.status !== undefined &&
    !(Number.isInteger(spec.status) && spec.status >= 500 && spec.status <= 599)
  ) {
    throw new TypeError('http5xx status must be 500-599');
  }
  if (spec.action !== undefined && typeof spec.action !== 'string') throw new TypeError('action must be a string');
  return spec;
}

/** Holds the injected faults and hands each one out as many times as it was asked to apply. */
export class FaultController {
  private active: ActiveFault[] = [];
  private nextId = 1;

  /** Adds a fault; returns it with its id. Throws a TypeError on an invalid spec. */
  inject(spec: FaultSpec): ActiveFault {
    const checked = checkFaultSpec(spec);
    const fault: ActiveFault = { ...checked, id: this.nextId++, remaining: checked.times ?? 1 };
    this.active.push(fault);
    return { ...fault };
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
