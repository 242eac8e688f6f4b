/**
 * The live tunnels the open files name, read with cloud/tunnel's `fetchLiveTunnel` and kept as long as the account
 * cache keeps its snapshots (a minute): the status bar, the CodeLens and the diff view of one file share one read,
 * and switching editors costs no request. Concurrent asks for one tunnel share its read; a failed read is not kept.
 * `clear()` runs with the account cache's refresh; `forget(id)` after an action on the tunnel. Apply never reads
 * from here: it plans on a fresh read.
 */
import * as vscode from 'vscode';
import { fetchLiveTunnel, type LiveTunnel } from '../cloud/tunnel';
import type { Services } from './services';

const TTL_MS = 60_000;

interface Entry {
  promise: Promise<LiveTunnel>;
  storedAt: number;
}

/** Live tunnels by region and id; see the file comment. */
export class LiveTunnelCache implements vscode.Disposable {
  private entries = new Map<string, Entry>();
  private readonly cleared = new vscode.EventEmitter<void>();
  /** Fires after clear() or forget(): whoever shows a live tunnel reads it again. */
  readonly onDidClear = this.cleared.event;

  constructor(private readonly services: Services) {}

  /** The tunnel as last read within the TTL, else read now. */
  get(region: string, id: string): Promise<LiveTunnel> {
    const key = `${region}\n${id}`;
    const entry = this.entries.get(key);
    if (entry && Date.now() - entry.storedAt < TTL_MS) return entry.promise;
    const promise = this.read(region, id);
    this.entries.set(key, { promise, storedAt: Date.now() });
    promise.catch(() => this.entries.get(key)?.promise === promise && this.entries.delete(key));
    return promise;
  }

  /** Reads the tunnel now (apply's fresh read) and keeps the answer for the others. */
  fresh(region: string, id: string): Promise<LiveTunnel> {
    this.entries.delete(`${region}\n${id}`);
    return this.get(region, id);
  }

  /** Drops one tunnel (after an apply, reset or delete of it). */
  forget(id: string): void {
    for (const key of [...this.entries.keys()]) if (key.endsWith(`\n${id}`)) this.entries.delete(key);
    this.cleared.fire();
  }

  /** Drops every tunnel (the account's Refresh). */
  clear(): void {
    this.entries = new Map();
    this.cleared.fire();
  }

  dispose(): void {
    this.cleared.dispose();
  }

  private async read(region: string, id: string): Promise<LiveTunnel> {
    const client = await this.services.clients.forRegion(region);
    const live = await fetchLiveTunnel(client, region, id);
    // The answer holds the pre-shared key in clear: make sure no log line or message can show it.
    const psk = live.form.params.PreShareKey;
    this.services.redactor.add(typeof psk === 'string' ? psk : undefined);
    return live;
  }
}
