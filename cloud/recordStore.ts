/**
 * Where submission records live, and the lock that makes "one submission per tunnel" hold across processes.
 * - `FileRecordStore`: one JSON file per record under the user's state directory (stateDir.ts), written atomically
 *   (a temporary file renamed over the old one) with mode 0600, so the extension and any number of `tcvpn`
 *   processes share one store without a write of one clobbering another's record. Its tunnel lock is a lock file
 *   created with O_EXCL and holding the owner's pid and host: a lock whose process is gone, or older than
 *   LOCK_STALE_MS, is taken over. The lock is held only while a submit checks the store and writes its record.
 * - `KeyValueRecordStore`: the whole list under one key of a key-value store (VS Code's Memento, memory in tests),
 *   with an in-process lock: for tests and for reading what older versions stored in globalState.
 * Records hold no secret (submissionRecord.ts masks responses); the files are private to the user anyway.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SubmitRefusedError } from './refusal';
import type { SubmissionRecord } from './submissionTypes';

/** The subset of VS Code's Memento a key-value store needs. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** What the history needs of a store. */
export interface RecordStore {
  /** Every stored entry as written (the history migrates and filters them). */
  load(): unknown[];
  save(record: SubmissionRecord): Promise<void>;
  remove(id: string): Promise<void>;
  /** Runs `work` holding the lock of one tunnel (its key), across every process sharing the store. */
  withTunnelLock<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Where the store lives, for messages ("memory" when nowhere). */
  readonly location: string;
}

/** The key the first versions stored the list under, in globalState. */
export const STORAGE_KEY = 'tencentcloudVpn.taskHistory.v1';

/** How long a lock file may be held before it is presumed stale (a submit holds it for milliseconds). */
export const LOCK_STALE_MS = 60_000;
/** How long a submit waits for another process's lock on the same tunnel before it is refused. */
const LOCK_WAIT_MS = 5_000;
const LOCK_POLL_MS = 25;

/** An in-memory key-value store, for tests and one-shot runs. */
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

/** Chains work per key within this process. */
class LocalLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.catch(() => undefined).then(work);
    this.tails.set(key, result);
    try {
      return await result;
    } finally {
      if (this.tails.get(key) === result) this.tails.delete(key);
    }
  }
}

/** The list under STORAGE_KEY of a key-value store. */
export class KeyValueRecordStore implements RecordStore {
  private readonly locks = new LocalLocks();
  readonly location = 'memory';

  constructor(private readonly store: KeyValueStore) {}

  load(): unknown[] {
    const stored = this.store.get<unknown>(STORAGE_KEY);
    return Array.isArray(stored) ? stored : [];
  }

  async save(record: SubmissionRecord): Promise<void> {
    const list = this.load().filter((entry) => (entry as { id?: unknown })?.id !== record.id);
    await this.store.update(STORAGE_KEY, [record, ...list]);
  }

  async remove(id: string): Promise<void> {
    await this.store.update(
      STORAGE_KEY,
      this.load().filter((entry) => (entry as { id?: unknown })?.id !== id),
    );
  }

  withTunnelLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.locks.run(key, work);
  }
}

interface LockOwner {
  pid: number;
  host: string;
  at: number;
}

/** True while a process with this pid exists (on this host); EPERM means it exists but is not ours. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/** One JSON file per record under `dir/records`, and lock files under `dir/locks`. */
export class FileRecordStore implements RecordStore {
  private readonly records: string;
  private readonly locksDir: string;
  private readonly local = new LocalLocks();

  constructor(readonly location: string) {
    this.records = path.join(location, 'records');
    this.locksDir = path.join(location, 'locks');
  }

  load(): unknown[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.records).filter((name) => name.endsWith('.json'));
    } catch {
      return [];
    }
    const entries: unknown[] = [];
    for (const name of names) {
      try {
        entries.push(JSON.parse(fs.readFileSync(path.join(this.records, name), 'utf8')));
      } catch {
        // A record being replaced (renamed over) or a damaged file: skipped, never a crash.
      }
    }
    return entries;
  }

  async save(record: SubmissionRecord): Promise<void> {
    const file = this.fileOf(record.id);
    fs.mkdirSync(this.records, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(temporary, file);
  }

  async remove(id: string): Promise<void> {
    fs.rmSync(this.fileOf(id), { force: true });
  }

  /** Within this process the lock is a queue; across processes, a lock file (see the module comment). */
  withTunnelLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.local.run(key, async () => {
      const file = path.join(this.locksDir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.lock`);
      await this.acquire(file, key);
      try {
        return await work();
      } finally {
        fs.rmSync(file, { force: true });
      }
    });
  }

  private fileOf(id: string): string {
    if (!/^[\w-]{1,100}$/.test(id)) throw new Error(`not a record id: ${JSON.stringify(id)}`);
    return path.join(this.records, `${id}.json`);
  }

  private async acquire(file: string, key: string): Promise<void> {
    fs.mkdirSync(this.locksDir, { recursive: true, mode: 0o700 });
    const deadline = Date.now() + LOCK_WAIT_MS;
    const mine: LockOwner = { pid: process.pid, host: os.hostname(), at: Date.now() };
    for (;;) {
      try {
        fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx', mode: 0o600 });
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = readOwner(file);
      const stale =
        !owner ||
        Date.now() - owner.at > LOCK_STALE_MS ||
        (owner.host === mine.host && owner.pid !== process.pid && !isAlive(owner.pid));
      if (stale && owner) fs.rmSync(file, { force: true });
      else if (Date.now() > deadline)
        throw new SubmitRefusedError(
          `Another submit of ${key} holds its lock (pid ${owner?.pid} on ${owner?.host}); try again when it is done.`,
          'inFlight',
          key,
        );
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  }
}
