/**
 * Builds one VpcClient per region from the current settings and credentials, and reuses it. The extension
 * resets the factory when the endpoint, language, timeout or credentials change, so the next request uses them.
 */
import { Credentials } from './credentials';
import type { LogSink } from './log';
import { RequestLanguage, VpcClient } from './tcClient';

/** Everything a client needs besides its region. */
export interface ClientSettings {
  endpoint?: string;
  language?: RequestLanguage;
  timeoutSeconds?: number;
}

export interface ClientFactoryOptions {
  settings(): ClientSettings;
  credentials(): Promise<Credentials>;
  log?: LogSink;
}

/** Caches a client per region until reset. */
export class ClientFactory {
  private readonly clients = new Map<string, Promise<VpcClient>>();

  constructor(private readonly options: ClientFactoryOptions) {}

  /** The client for a region (built on first use; a failed build is not cached). */
  forRegion(region: string): Promise<VpcClient> {
    let client = this.clients.get(region);
    if (!client) {
      client = this.build(region);
      this.clients.set(region, client);
      client.catch(() => this.clients.delete(region));
    }
    return client;
  }

  /**
   * Forgets every client (settings or credentials changed). The old clients are not disposed: a create may be in
   * flight on one, and cutting its socket would turn a clean answer into an ambiguous failure.
   */
  reset(): void {
    this.clients.clear();
  }

  /** Closes every client's sockets (the CLI, before it exits). */
  async dispose(): Promise<void> {
    const old = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(
      old.map((client) =>
        client.then(
          (built) => built.dispose(),
          () => undefined,
        ),
      ),
    );
  }

  private async build(region: string): Promise<VpcClient> {
    const credentials = await this.options.credentials();
    const client: VpcClient = new VpcClient({
      ...this.options.settings(),
      credentials,
      region,
      log: this.options.log,
      onAuthFailure: () => this.forget(region, client),
    });
    return client;
  }

  /**
   * Drops a region's client after the service refused its credentials, so the next request reads them again: a
   * key rotated in the tccli files or the environment then takes effect without a window reload. A newer client
   * already built for the region is kept.
   */
  private forget(region: string, client: VpcClient): void {
    const held = this.clients.get(region);
    void held?.then(
      (current) => current === client && this.clients.get(region) === held && this.clients.delete(region),
      () => undefined,
    );
  }
}
