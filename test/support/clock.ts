/**
 * A clock that runs `factor` times faster than the real one, for the cloud client (cloud/clock.ts) and the emulator
 * alike: `now()` advances `factor` ms per real ms from `start`, and a timeout of `ms` fires after `ms / factor`
 * real ms. The 35-minute outcome window then takes 35 min / factor, so the fault matrix runs in seconds while
 * every delay keeps its proportion to the others.
 */
import { performance } from 'node:perf_hooks';
import type { Clock } from '../../cloud/clock';

export function scaledClock(factor: number, start = Date.now()): Clock {
  const realStart = performance.now();
  return {
    now: () => Math.round(start + (performance.now() - realStart) * factor),
    setTimeout: (callback, ms) => setTimeout(callback, Math.min(2 ** 31 - 1, Math.max(0, ms / factor))),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  };
}
