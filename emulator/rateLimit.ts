/**
 * The service's frequency limit: CreateVpnConnection allows 100 requests per second (per account; the emulator
 * counts per SecretId). A sliding one-second window over the emulator's clock (options.clock, so a scaled test clock scales the window
 * too), passed in as a time, so tests need no timing.
 */
/** Counts requests per key in a sliding window. */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    readonly perSecond: number,
    private readonly windowMs = 1000,
  ) {}

  /** Records one request of `key` at `nowMs`; false when it is over the limit (and then it is not counted). */
  tryAcquire(key: string, nowMs: number): boolean {
    const recent = (this.windows.get(key) ?? []).filter((time) => nowMs - time < this.windowMs);
    const allowed = recent.length < this.perSecond;
    if (allowed) recent.push(nowMs);
    this.windows.set(key, recent);
    return allowed;
  }

  /** Forgets every window (a reset of the emulator). */
  clear(): void {
    this.windows.clear();
  }
}
