/**
 * The emulator's time, injectable: every delay it makes (injected latency, async task durations, a tunnel's
 * PENDING -> AVAILABLE, the create rate limit's window, the times it stamps on tasks, tunnels and requests) reads
 * and waits through an EmulatorClock, so a test can pass a scaled clock and see a 20-minute-late answer in 2 s.
 * The one exception is the TC3 signature's 300-second window: clients sign with the real time, so that check
 * reads Date.now() (plus clockSkewSeconds).
 *
 * The shape is the cloud client's Clock (cloud/clock.ts), so one test clock drives both.
 */

/** What the emulator needs of time. `setTimeout` never receives more than MAX_TIMER_MS. */
export interface EmulatorClock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The largest delay node's setTimeout honours: above it, the timer fires after 1 ms (TimeoutOverflowWarning). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The process's own clock (the default). */
export const REAL_CLOCK: EmulatorClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, Math.min(Math.max(ms, 0), MAX_TIMER_MS)),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * A clock `factor` times faster than the real one, for tests: `setTimeout(fn, ms)` fires after ms / factor real
 * milliseconds, and now() starts at the real time and advances `factor` ms per real ms. With factor 600, twenty
 * minutes pass in two seconds.
 */
export function scaledClock(factor: number): EmulatorClock {
  if (!(Number.isFinite(factor) && factor > 0)) throw new RangeError('a scaled clock needs a factor > 0');
  const start = Date.now();
  return {
    now: () => start + (Date.now() - start) * factor,
    setTimeout: (fn, ms) => setTimeout(fn, Math.min(Math.max(ms, 0) / factor, MAX_TIMER_MS)),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  };
}

/** Checks a clock passed in options; throws a TypeError naming what is missing. */
export function checkClock(clock: EmulatorClock): EmulatorClock {
  for (const name of ['now', 'setTimeout', 'clearTimeout'] as const) {
    if (typeof clock?.[name] !== 'function') throw new TypeError(`the clock option needs a ${name}() function`);
  }
  return clock;
}
