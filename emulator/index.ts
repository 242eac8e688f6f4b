/**
 * The local VPC API emulator (vpc 2017-03-12, the VPN-connection actions): the "embedded default" a new user
 * tries the product against, and what every client test runs against. It listens on 127.0.0.1 only, verifies
 * TC3-HMAC-SHA256 as the service does, answers in the service's shape and codes, runs creates and deletes as
 * async tasks, and injects faults on demand. See emulator/README.md for the seed and control endpoints.
 */
import { EventEmitter } from 'node:events';
import { FaultController } from './faults';
import { listen, type ListeningServer } from './httpServer';
import type { EmulatorCore } from './requestPipeline';
import { RateLimiter } from './rateLimit';
import { loadSeed } from './seed';
import { EmulatorStore } from './store';
import { Scheduler, TaskRunner } from './tasks';
import type { EmulatorOptions, RunningEmulator } from './types';

export type {
  EmulatorCredential,
  EmulatorOptions,
  EmulatorSeed,
  ReceivedRequest,
  RunningEmulator,
  TaskRecord,
} from './types';
export type { ActiveFault, FaultKind, FaultSpec } from './faults';
export { FaultController } from './faults';
export { defaultEmulatorSeed } from './seed';

const DEFAULTS = { taskDelayMs: 1500, stateDelayMs: 1000, createRateLimitPerSecond: 100 };

/** Builds the emulator's state and machinery, without a server. */
function createCore(options: EmulatorOptions): EmulatorCore {
  const skewMs = (options.clockSkewSeconds ?? 0) * 1000;
  const now = (): Date => new Date(Date.now() + skewMs);
  const log = options.log ?? (() => undefined);
  const store = new EmulatorStore(loadSeed(options), now);
  if (options.emptyConnectionId !== undefined) store.emptyConnectionId = options.emptyConnectionId;
  const scheduler = new Scheduler();
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
    delays: new Scheduler(),
    events,
    requests: [],
    now,
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
 * Starts an emulator on 127.0.0.1. Rejects when the seed is invalid or the port cannot be bound (the error's
 * `code` is then the listen error's, e.g. "EADDRINUSE").
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const core = createCore(options);
  const reset = (): void => resetCore(core, options.emptyConnectionId);
  let listening: ListeningServer | undefined = await listen(core, options.port ?? 0, reset);
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
    faults: core.faults,
    requests: core.requests,
    events: core.events,
    reset,
    pause: async () => {
      await stopListening();
      core.log('paused: not listening, tasks keep running');
    },
    resume: async () => {
      listening ??= await listen(core, port, reset);
      core.log('resumed');
    },
    close: async () => {
      core.scheduler.cancelAll();
      core.delays.cancelAll();
      await stopListening();
    },
  };
}
