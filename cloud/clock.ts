/**
 * Time, injectable: the poller and the submission record read the time and wait through a Clock, so the fault
 * matrix can run a 35-minute outcome window in seconds with a scaled clock (the emulator's scaledClock) shared with the
 * emulator. Everything else uses REAL_CLOCK.
 */

/** What the cloud client needs of time. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The process's own clock. */
export const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, Math.min(ms, 2 ** 31 - 1)),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
