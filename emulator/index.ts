/**
 * The local VPC API emulator (vpc 2017-03-12, the VPN-connection actions): the "embedded default" a new user
 * tries the product against, and what every client test runs against. It listens on 127.0.0.1 only, verifies
 * TC3-HMAC-SHA256 as the service does, answers in the service's shape and codes, runs creates and deletes as
 * async tasks on an injectable clock (clock.ts), and injects faults on demand. Its control endpoints answer only
 * loopback requests that carry the run's `controlToken` (control.ts). See emulator/README.md for the seed, the
 * faults and the control endpoints.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { checkClock, REAL_CLOCK } from './clock';
import { FaultController } from './faults';
import { listen, type ListeningServer } from './httpServer';
import type { EmulatorCore } from './requestPipeline';
import { RateLimiter } from './rateLimit';
import { loadSeed } from './seed';
import { EmulatorStore } from './store';
import { Scheduler, TaskRunner } from './tasks';
import type { EmulatorOptions, RunningEmulator } from './types';

export type {
  EmulatorClock,
  EmulatorCredential,
  EmulatorOptions,
  EmulatorSeed,
  ReceivedRequest,
  RunningEmulator,
  TaskRecord,
} from './types';
export type { ActiveFault, FaultKind, FaultSpec } from './faults';
export { FaultController } from './faults';
export { REAL_CLOCK, scaledClock } from './clock';
export { maskSecretId } from './mask';
export { defaultEmulatorSeed } from './seed';

const DEFAULTS = { taskDelayMs: 1500, stateDelayMs: 1000, createRateLimitPerSecond: 100 };
const TOKEN_PATTERN = /^[\x21-\x7e]{16,512}$/;

/** Throws a TypeError for an option out of range, before anything starts. */
function checkOptions(options: EmulatorOptions): void {
  const numbers: [string, number | undefined, number][] = [
    ['taskDelayMs', options.taskDelayMs, 0],
    ['stateDelayMs', options.stateDelayMs, 0],
    ['createRateLimitPerSecond', options.createRateLimitPerSecond, 0],
    ['clockSkewSeconds', options.clockSkewSeconds, -Infinity],
  ];
  for (const [name, value, min] of numbers) {
    if (value !== undefined && !(Number.isFinite(value) && value >= min))
      throw new TypeError(`option ${name} must be a finite number${min > -Infinity ? ` >= ${min}` : ''}`);
  }
  if (options.clock !== undefined) checkClock(options.clock);
  if (options.controlToken !== undefined && !TOKEN_PATTERN.test(options.controlToken))
    throw new TypeError('option controlToken must be 16-512 visible ASCII characters');
}

/** Builds the emulator's state and machinery, without a server. */
function createCore(options: EmulatorOptions): EmulatorCore {
  const skewMs = (options.clockSkewSeconds ?? 0) * 1000;
  const clock = options.clock ?? REAL_CLOCK;
  const now = (): Date => new Date(clock.now() + skewMs);
  const signatureNow = (): Date => new Date(Date.now() + skewMs);
  const log = options.log ?? (() => undefined);
  const store = new EmulatorStore(loadSeed(options), now);
  if (options.emptyConnectionId !== undefined) store.emptyConnectionId = options.emptyConnectionId;
  const scheduler = new Scheduler(clock);
  const events = new EventEmitter();
  const timings = {
    taskDelayMs: options.taskDelayMs ?? DEFAULTS.taskDelayMs,
    stateDelayMs: options.stateDelayMs ?? DEFAULTS.stateDelayMs,
  };
  return {
    store,
    faults: new FaultController(),
    limiter: new RateLimiter(options.createRateLimitPerSecond ?? DEFAULTS.createRateLimitPerSecond),
    tasks: new TaskRunner(store, scheduler, events, timings, now, log),
    scheduler,
    delays: new Scheduler(clock),
    events,
    requests: [],
    now,
    signatureNow,
    log,
  };
}

/** Back to the seed: tasks cancelled, faults, limits and the request record cleared. */
function resetCore(core: EmulatorCore, emptyConnectionId: boolean | undefined): void {
  core.scheduler.cancelAll();
  core.store.reset();
  if (emptyConnectionId !== undefined) core.store.emptyConnectionId = emptyConnectionId;
  core.faults.clear();
  core.limiter.clear();
  core.requests.length = 0;
  core.log('reset to the seed');
}

/**
 * Starts an emulator on 127.0.0.1. Rejects when an option or the seed is invalid or the port cannot be bound (the
 * error's `code` is then the listen error's, e.g. "EADDRINUSE").
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  checkOptions(options);
  const core = createCore(options);
  const reset = (): void => resetCore(core, options.emptyConnectionId);
  const controlToken = options.controlToken ?? randomBytes(24).toString('base64url');
  const control = { token: controlToken, reset };
  let listening: ListeningServer | undefined = await listen(core, options.port ?? 0, control);
  const port = listening.port;
  const stopListening = async (): Promise<void> => {
    const current = listening;
    listening = undefined;
    await current?.close();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    credentials: core.store.credentials.map((credential) => ({ ...credential })),
    controlToken,
    faults: core.faults,
    requests: core.requests,
    events: core.events,
    reset,
    pause: async () => {
      await stopListening();
      core.log('paused: not listening, tasks keep running');
    },
    resume: async () => {
      listening ??= await listen(core, port, control);
      core.log('resumed');
    },
    close: async () => {
      core.scheduler.cancelAll();
      core.delays.cancelAll();
      await stopListening();
    },
  };
}
