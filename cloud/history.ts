/**
 * The list of submissions, persisted through an injected key-value store: VS Code's globalState in the
 * extension, a JSON file in the CLI, memory in tests. Every change is written through before listeners hear of
 * it, so a window reload never loses a task the tree already showed. The history stores records; it never
 * changes one (the state machine in submissionRecord.ts does).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRecords } from './recordMigration';
import { isFinished, type SubmissionRecord } from './submissionRecord';

/** The subset of VS Code's Memento the history needs. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** A change to the history: one record (`id`) or the list as a whole (`id` undefined). */
export type HistoryListener = (id: string | undefined) => void;

const STORAGE_KEY = 'tencentcloudVpn.taskHistory.v1';
const MAX_RECORDS = 200;

/** An in-memory store, for tests and one-shot CLI runs. */
export class MemoryStore implements KeyValueStore {
  private readonly values = new Map<string, unknown>();

  get<T>(key: string): T | undefined {
    const value = this.values.get(key);
    return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as T);
  }

  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

/** A store kept in one JSON file (the CLI's history). */
export class JsonFileStore implements KeyValueStore {
  constructor(private readonly file: string) {}

  get<T>(key: string): T | undefined {
    try {
      return (JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, T>)[key];
    } catch {
      return undefined;
    }
  }

  async update(key: string, value: unknown): Promise<void> {
    const all = readAll(this.file);
    all[key] = value;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, JSON.stringify(all, null, 2), { mode: 0o600 });
  }
}

function readAll(file: string): Record<string, unknown> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The task records, newest first. */
export class TaskHistory {
  private records: SubmissionRecord[];
  private readonly listeners = new Set<HistoryListener>();
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly store: KeyValueStore) {
    // Records written by any earlier version load through the migration (recordMigration.ts).
    this.records = loadRecords(store.get<unknown>(STORAGE_KEY));
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
    this.trim();
    await this.persist(index >= 0 ? record.id : undefined);
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
    await this.persist(undefined);
  }

  /** Removes every finished record. */
  async clearFinished(): Promise<void> {
    this.records = this.records.filter((record) => !isFinished(record));
    await this.persist(undefined);
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onDidChange(listener: HistoryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Keeps the newest MAX_RECORDS, never dropping a running one. */
  private trim(): void {
    while (this.records.length > MAX_RECORDS) {
      const oldestFinished = this.records.map(isFinished).lastIndexOf(true);
      if (oldestFinished < 0) break;
      this.records.splice(oldestFinished, 1);
    }
  }

  private async persist(changedId: string | undefined): Promise<void> {
    const snapshot = this.list();
    // Writes are chained so an older snapshot never lands after a newer one; a failed write does not block later ones.
    this.writing = this.writing.catch(() => undefined).then(() => this.store.update(STORAGE_KEY, snapshot));
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
