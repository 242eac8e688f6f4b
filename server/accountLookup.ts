/**
 * The server's side of the account lookup: an AccountResources that answers at once from the snapshots it holds
 * and asks the client (ResourcesRequest, LocateResourceRequest) in the background for what it lacks or what has
 * aged. Features never wait on it; `onChange` re-publishes diagnostics when an answer changes what is known.
 * A failed lookup is logged and retried after a backoff, never shown in a file; without credentials nothing
 * happens until the client says the account changed.
 */
import { CancellationTokenSource, ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { LocateResourceRequest, ResourcesRequest } from '../protocol/messages';
import type { ResourceKind, ResourceSnapshot } from '../language/account/snapshot';
import { itemsOf } from '../language/account/snapshot';
import { locateKey, type AccountView, type ViewableAccount } from './accountView';

/** How the lookup reaches the client (the connection in the server, a fake in tests). */
export interface AccountClient {
  resources(params: ResourcesRequest.Params, token: CancellationToken): Promise<ResourcesRequest.Result>;
  locate(params: LocateResourceRequest.Params, token: CancellationToken): Promise<LocateResourceRequest.Result>;
}

export interface AccountLookupOptions {
  onChange(): void;
  log(message: string): void;
  /** A snapshot older than this is asked for again (it stays in use meanwhile). Default one minute. */
  maxAgeMs?: number;
  /** A lookup the client has not answered by then is cancelled and counts as failed. Default 30 s. */
  timeoutMs?: number;
  now?: () => number;
}

interface RegionEntry {
  snapshot?: ResourceSnapshot;
  receivedAt: number;
  inFlight: boolean;
  /** No new lookup before this time (after a failure, or when the client has no credentials). */
  retryAt: number;
  failures: number;
}

const DEFAULT_KEY = '';
const NO_CREDENTIALS_RETRY_MS = 60_000;
const PENDING = Symbol('pending');

/** Account resources fetched through the client, per region; see the file comment. */
export class AccountLookup implements ViewableAccount {
  private regions = new Map<string, RegionEntry>();
  private located = new Map<string, string | null | typeof PENDING>();
  private resolvedDefault: string | undefined;
  private disabled = false;
  private generation = 0;
  private readonly now: () => number;

  constructor(
    private readonly client: AccountClient,
    private readonly options: AccountLookupOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  defaultRegion(): string | undefined {
    return this.resolvedDefault;
  }

  snapshot(region: string | undefined): ResourceSnapshot | undefined {
    const key = region ?? DEFAULT_KEY;
    const entry = this.entryOf(key);
    const aged = !entry.snapshot || this.now() - entry.receivedAt > (this.options.maxAgeMs ?? 60_000);
    if (aged && !entry.inFlight && !this.disabled && this.now() >= entry.retryAt) this.fetch(key, entry);
    return entry.snapshot;
  }

  loading(region: string | undefined): boolean {
    const entry = this.regions.get(region ?? DEFAULT_KEY);
    return !!entry?.inFlight && !entry.snapshot;
  }

  locate(kind: ResourceKind, id: string, except: string): string | undefined {
    for (const entry of this.regions.values()) {
      const snapshot = entry.snapshot;
      if (snapshot && snapshot.region !== except && itemsOf(snapshot, kind).some((item) => item.id === id))
        return snapshot.region;
    }
    const key = locateKey(kind, id, except);
    const known = this.located.get(key);
    if (known === undefined && !this.disabled) this.startLocate(key, { kind, id, except });
    return typeof known === 'string' ? known : undefined;
  }

  /** What is known now, as plain data for the validation worker (accountView.ts); asks nothing. */
  view(): AccountView {
    const located = [...this.located].filter((entry): entry is [string, string | null] => entry[1] !== PENDING);
    const snapshots = [...this.regions].flatMap(([key, entry]): Array<[string, ResourceSnapshot]> =>
      entry.snapshot ? [[key, entry.snapshot]] : [],
    );
    const loading = [...this.regions].filter(([, entry]) => entry.inFlight && !entry.snapshot).map(([key]) => key);
    return { defaultRegion: this.resolvedDefault, snapshots, loading, located };
  }

  /** Forgets everything (the client said the account or the credentials changed); late answers are dropped. */
  invalidate(): void {
    this.generation++;
    this.regions = new Map();
    this.located = new Map();
    this.resolvedDefault = undefined;
  }

  private entryOf(key: string): RegionEntry {
    let entry = this.regions.get(key);
    if (!entry) this.regions.set(key, (entry = { receivedAt: 0, inFlight: false, retryAt: 0, failures: 0 }));
    return entry;
  }

  private fetch(key: string, entry: RegionEntry): void {
    const generation = this.generation;
    entry.inFlight = true;
    this.ask((token) => this.client.resources(key === DEFAULT_KEY ? {} : { region: key }, token)).then(
      (result) => generation === this.generation && this.received(key, entry, result),
      (error: unknown) =>
        generation === this.generation && this.failed(`resources of ${key || 'the default region'}`, entry, error),
    );
  }

  private received(key: string, entry: RegionEntry, snapshot: ResourceSnapshot | null): void {
    entry.inFlight = false;
    entry.failures = 0;
    if (!snapshot) {
      entry.retryAt = this.now() + NO_CREDENTIALS_RETRY_MS;
      return;
    }
    const changed = !entry.snapshot || contentOf(entry.snapshot) !== contentOf(snapshot);
    Object.assign(entry, { snapshot, receivedAt: this.now(), retryAt: 0 });
    if (key === DEFAULT_KEY) {
      this.resolvedDefault = snapshot.region;
      const own = this.entryOf(snapshot.region);
      if (!own.snapshot) Object.assign(own, { snapshot, receivedAt: entry.receivedAt });
    }
    if (changed) this.options.onChange();
  }

  private failed(what: string, entry: RegionEntry, error: unknown): void {
    entry.inFlight = false;
    if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) {
      this.disabled = true;
      this.options.log('account lookup: the client does not answer resource requests; account features are off');
      return;
    }
    const delay = Math.min(5_000 * 2 ** entry.failures++, 300_000);
    entry.retryAt = this.now() + delay;
    this.options.log(
      `account lookup of ${what} failed: ${error instanceof Error ? error.message : String(error)}; retrying in ${delay / 1000} s`,
    );
    // Ask again once the backoff is over even if the user does not type: the next validation starts the lookup.
    setTimeout(() => this.options.onChange(), delay + 10).unref?.();
  }

  private startLocate(key: string, params: LocateResourceRequest.Params): void {
    const generation = this.generation;
    this.located.set(key, PENDING);
    this.ask((token) => this.client.locate(params, token)).then(
      ({ region }) => {
        if (generation !== this.generation) return;
        this.located.set(key, region);
        if (region) this.options.onChange();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        // Not cached: the next validation asks again.
        this.located.delete(key);
        this.options.log(
          `account lookup of ${params.id} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      },
    );
  }

  /** Sends a request that is cancelled when the client has not answered in time. */
  private async ask<T>(send: (token: CancellationToken) => Promise<T>): Promise<T> {
    const source = new CancellationTokenSource();
    const timer = setTimeout(() => source.cancel(), this.options.timeoutMs ?? 30_000);
    try {
      return await send(source.token);
    } finally {
      clearTimeout(timer);
      source.dispose();
    }
  }
}

/** A snapshot without its fetch time, to tell a new answer from the same one fetched again. */
function contentOf(snapshot: ResourceSnapshot): string {
  return JSON.stringify({ ...snapshot, fetchedAt: 0 });
}
