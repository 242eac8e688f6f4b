/**
 * The client's cache of account snapshots, per credential and region, each kept for a short time (a minute by
 * default). Concurrent asks for the same region share one fetch; an ask can be cancelled, and the fetch itself is
 * aborted once every ask waiting for it was cancelled. A failed fetch is not cached: the next ask tries again.
 * `clear()` (the Refresh Account Resources command, a credential or settings change) drops everything.
 */
import type { ResourceSnapshot } from '../language/account/snapshot';
import { CancelledError } from './backoff';

export interface AccountCacheOptions {
  /** Fetches a region's snapshot with the given credential (the real one calls the VPC API). */
  fetch(region: string, signal: AbortSignal): Promise<ResourceSnapshot>;
  /** How long a snapshot is served without asking the cloud again (ms, default 60 000). */
  ttlMs?: number;
  now?: () => number;
}

interface Pending {
  promise: Promise<ResourceSnapshot>;
  controller: AbortController;
  waiters: number;
}

interface Entry {
  snapshot?: ResourceSnapshot;
  storedAt: number;
  pending?: Pending;
}

/** Snapshots per (credential, region); see the file comment. */
export class AccountResourceCache {
  private entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(private readonly options: AccountCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The region's snapshot for this credential: cached while fresh, else fetched (shared with concurrent asks). */
  get(credentialKey: string, region: string, signal?: AbortSignal): Promise<ResourceSnapshot> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    const key = `${credentialKey}\n${region}`;
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = { storedAt: 0 }));
    if (entry.snapshot && this.now() - entry.storedAt < (this.options.ttlMs ?? 60_000))
      return Promise.resolve(entry.snapshot);
    const pending = entry.pending ?? this.start(entry, region);
    return this.wait(pending, signal);
  }

  /** Forgets every snapshot and aborts every fetch; answers still on their way are not stored. */
  clear(): void {
    for (const entry of this.entries.values()) entry.pending?.controller.abort();
    this.entries = new Map();
  }

  /** The regions with a stored snapshot for this credential (for locating an id without new requests). */
  cachedSnapshots(credentialKey: string): ResourceSnapshot[] {
    const prefix = `${credentialKey}\n`;
    return [...this.entries]
      .filter(([key, entry]) => key.startsWith(prefix) && entry.snapshot)
      .map(([, entry]) => entry.snapshot!);
  }

  private start(entry: Entry, region: string): Pending {
    const controller = new AbortController();
    const pending: Pending = { controller, waiters: 0, promise: this.options.fetch(region, controller.signal) };
    entry.pending = pending;
    pending.promise.then(
      (snapshot) => {
        if (entry.pending !== pending) return;
        Object.assign(entry, { snapshot, storedAt: this.now(), pending: undefined });
      },
      () => {
        if (entry.pending === pending) entry.pending = undefined;
      },
    );
    return pending;
  }

  /** Waits for a shared fetch; a cancelled waiter leaves at once, and the last one to leave aborts the fetch. */
  private wait(pending: Pending, signal?: AbortSignal): Promise<ResourceSnapshot> {
    pending.waiters++;
    if (!signal) return pending.promise;
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        if (--pending.waiters === 0) pending.controller.abort();
        reject(new CancelledError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      pending.promise.then(
        (snapshot) => (signal.removeEventListener('abort', onAbort), resolve(snapshot)),
        (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
      );
    });
  }
}
