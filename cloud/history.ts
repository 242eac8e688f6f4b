/**
 * The list of submissions, persisted through a RecordStore (recordStore.ts): the files of the user's state
 * directory, shared by the extension and every `tcvpn` process, or memory in tests. Every change is written
 * through before listeners hear of it, so a window reload never loses a task the tree already showed; `reload()`
 * picks up what other processes wrote. `claim` is the one way a new submission enters: under the tunnel's lock it
 * refuses a tunnel that another unfinished record (of any process) is creating. The history stores records; it
 * never changes one (the state machine in submissionRecord.ts does).
 */
import { loadRecords } from './recordMigration';
import { KeyValueRecordStore, type KeyValueStore, type RecordStore } from './recordStore';
import { isFinished, type SubmissionRecord } from './submissionRecord';
import { SubmitRefusedError } from './refusal';
import { describeRunning, sameTunnel, tunnelLockKey } from './tunnelIdentity';

export { MemoryStore, type KeyValueStore, type RecordStore } from './recordStore';

/** A change to the history: one record (`id`) or the list as a whole (`id` undefined). */
export type HistoryListener = (id: string | undefined) => void;

const MAX_RECORDS = 200;

function isRecordStore(store: RecordStore | KeyValueStore): store is RecordStore {
  return typeof (store as RecordStore).load === 'function';
}

function newestFirst(records: SubmissionRecord[]): SubmissionRecord[] {
  return records.sort((a, b) => b.createdAt - a.createdAt);
}

/** The task records, newest first. */
export class TaskHistory {
  private records: SubmissionRecord[];
  private readonly listeners = new Set<HistoryListener>();
  private writing: Promise<void> = Promise.resolve();
  readonly store: RecordStore;

  constructor(store: RecordStore | KeyValueStore) {
    this.store = isRecordStore(store) ? store : new KeyValueRecordStore(store);
    // Records written by any earlier version load through the migration (recordMigration.ts).
    this.records = newestFirst(loadRecords(this.store.load()));
  }

  /** Re-reads the store (other processes' records and changes); listeners hear of it as a change of the list. */
  reload(): void {
    const fresh = newestFirst(loadRecords(this.store.load()));
    if (JSON.stringify(fresh) === JSON.stringify(this.records)) return;
    this.records = fresh;
    this.listeners.forEach((listener) => listener(undefined));
  }

  /**
   * Enters a new record, unless an unfinished record of any process is creating the same tunnel (same region,
   * gateway, customer gateway and name): then throws SubmitRefusedError with that record's state. Checked and
   * written under the tunnel's lock, so two processes cannot both pass.
   */
  async claim(record: SubmissionRecord): Promise<void> {
    await this.store.withTunnelLock(tunnelLockKey(record), async () => {
      this.reload();
      const running = this.records.find((other) => !isFinished(other) && sameTunnel(other, record));
      if (running) throw new SubmitRefusedError(describeRunning(running), 'stillRunning', running.name, running);
      await this.upsert(record);
    });
  }

  /** Copies of every record, newest first. */
  list(): SubmissionRecord[] {
    return this.records.map((record) => structuredClone(record));
  }

  /** A copy of one record. */
  get(id: string): SubmissionRecord | undefined {
    const record = this.records.find((candidate) => candidate.id === id);
    return record && structuredClone(record);
  }

  /** The records the poller still has to follow. */
  unfinished(): SubmissionRecord[] {
    return this.list().filter((record) => !isFinished(record));
  }

  /** Inserts or replaces a record (by id) and persists the list. */
  async upsert(record: SubmissionRecord): Promise<void> {
    const copy = structuredClone({ ...record, updatedAt: Date.now() });
    const index = this.records.findIndex((candidate) => candidate.id === record.id);
    if (index >= 0) this.records[index] = copy;
    else this.records.unshift(copy);
    const dropped = this.trim();
    await this.persist(index >= 0 ? record.id : undefined, () =>
      Promise.all([this.store.save(copy), ...dropped.map((id) => this.store.remove(id))]),
    );
  }

  /** Replaces an existing record; returns false (and changes nothing) when it was removed meanwhile. */
  async replace(record: SubmissionRecord): Promise<boolean> {
    if (!this.records.some((candidate) => candidate.id === record.id)) return false;
    await this.upsert(record);
    return true;
  }

  /** Removes one record. */
  async remove(id: string): Promise<void> {
    this.records = this.records.filter((record) => record.id !== id);
    await this.persist(undefined, () => this.store.remove(id));
  }

  /** Removes every finished record. */
  async clearFinished(): Promise<void> {
    const finished = this.records.filter(isFinished).map((record) => record.id);
    this.records = this.records.filter((record) => !isFinished(record));
    await this.persist(undefined, () => Promise.all(finished.map((id) => this.store.remove(id))));
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onDidChange(listener: HistoryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Keeps the newest MAX_RECORDS, never dropping a running one; returns the ids dropped. */
  private trim(): string[] {
    const dropped: string[] = [];
    while (this.records.length > MAX_RECORDS) {
      const oldestFinished = this.records.map(isFinished).lastIndexOf(true);
      if (oldestFinished < 0) break;
      dropped.push(...this.records.splice(oldestFinished, 1).map((record) => record.id));
    }
    return dropped;
  }

  private async persist(changedId: string | undefined, write: () => Promise<unknown>): Promise<void> {
    // Writes are chained so an older state never lands after a newer one; a failed write does not block later ones.
    this.writing = this.writing.catch(() => undefined).then(async () => void (await write()));
    await this.writing;
    this.listeners.forEach((listener) => listener(changedId));
  }
}

/** Resolves with the record once `settled(record)` holds (checked now and after every change), or undefined if removed. */
export function whenRecord(
  history: TaskHistory,
  id: string,
  settled: (record: SubmissionRecord) => boolean,
): Promise<SubmissionRecord | undefined> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const record = history.get(id);
      if (record && !settled(record)) return false;
      resolve(record);
      return true;
    };
    if (check()) return;
    const unsubscribe = history.onDidChange((changed) => {
      if ((changed === undefined || changed === id) && check()) unsubscribe();
    });
  });
}
