/**
 * The one poller: history survives a restart (a JSON file store), a re-created poller resumes the unfinished
 * records to the end, polls never overlap, and a record removed while it is polled stays removed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunningEmulator } from '../../../emulator';
import { CredentialsError } from '../../../cloud/credentials';
import { MemoryStore, TaskHistory, whenRecord } from '../../../cloud/history';
import { FileRecordStore } from '../../../cloud/recordStore';
import { submitDocument } from '../../../cloud/submission';
import { TaskPoller } from '../../../cloud/taskPoller';
import type { SubmissionRecord } from '../../../cloud/submissionRecord';
import type { VpcClient } from '../../../cloud/tcClient';
import {
  connectionsNamed,
  emulatorClient,
  exampleDocument,
  FAST_BACKOFF,
  fastEmulator,
  pollerFor,
  settled,
} from './helpers';

function runningRecord(id: string, overrides: Partial<SubmissionRecord> = {}): SubmissionRecord {
  const now = Date.now();
  return {
    id,
    name: id,
    region: 'ap-guangzhou',
    action: 'CreateVpnConnection',
    source: '/x',
    documentIndex: 0,
    createdAt: now,
    updatedAt: now,
    status: 'running',
    phase: 'task',
    taskId: `task-${id}`,
    ...overrides,
  };
}

describe('task poller', () => {
  let emulator: RunningEmulator;
  let dir: string;

  before(async () => {
    // Long enough that the first poller is certainly stopped while the task still runs.
    emulator = await fastEmulator({ taskDelayMs: 400 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-history-'));
  });
  after(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores the history from storage and resumes polling with a new poller', async () => {
    const file = path.join(dir, 'history.json');
    const client = emulatorClient(emulator);
    const first = pollerFor(client, new TaskHistory(new FileRecordStore(file)));
    const submitted = await submitDocument(client, first.history, {
      source: '/tmp/r.vpnconn.json',
      document: exampleDocument({ VpnConnectionName: 'resumed' }),
      region: 'ap-guangzhou',
    });
    first.poller.track(submitted.id);
    // Stop the first poller after its first poll saw the task RUNNING: the "window reload".
    await whenRecord(first.history, submitted.id, (record) => record.taskStatus === 'RUNNING');
    first.poller.dispose();

    const restored = new TaskHistory(new FileRecordStore(file));
    const stored = restored.get(submitted.id);
    assert.equal(stored?.status, 'running');
    assert.equal(stored?.taskId, submitted.taskId);
    const second = pollerFor(client, restored);
    second.poller.start();
    assert.deepEqual(second.poller.tracked(), [submitted.id]);
    const final = await settled(restored, submitted.id);
    second.poller.dispose();
    assert.equal(final.status, 'succeeded');
    assert.equal(final.tunnelState, 'AVAILABLE');
    assert.equal(
      new TaskHistory(new FileRecordStore(file)).get(submitted.id)?.status,
      'succeeded',
      'the outcome is persisted',
    );
    assert.equal((await connectionsNamed(emulator, 'resumed')).length, 1);
  });

  it('keeps a task through an emulator outage and a reload while it is down, then follows it to the end', async () => {
    const file = path.join(dir, 'outage.json');
    const client = emulatorClient(emulator);
    const first = pollerFor(client, new TaskHistory(new FileRecordStore(file)));
    const submitted = await submitDocument(client, first.history, {
      source: '/tmp/o.vpnconn.json',
      document: exampleDocument({
        VpnConnectionName: 'outage',
        SecurityPolicyDatabases: [{ LocalCidrBlock: '10.77.0.0/24', RemoteCidrBlock: ['58.77.0.0/24'] }],
      }),
      region: 'ap-guangzhou',
    });
    first.poller.track(submitted.id);
    const started = await whenRecord(
      first.history,
      submitted.id,
      (record) => record.taskStatus === 'RUNNING' || record.status !== 'running',
    );
    assert.equal(started?.status, 'running', `the create did not start: ${JSON.stringify(started?.error)}`);
    await emulator.pause();
    let second: ReturnType<typeof pollerFor> | undefined;
    try {
      // The endpoint is gone: the poll fails with a network error, shown on the record, which keeps running.
      const failing = await whenRecord(first.history, submitted.id, (record) => !!record.pollError);
      assert.equal(failing?.status, 'running');
      assert.equal(failing?.pollError?.kind, 'network', JSON.stringify(failing?.pollError));
      first.poller.dispose();
      second = pollerFor(client, new TaskHistory(new FileRecordStore(file)));
      second.poller.start();
      assert.deepEqual(second.poller.tracked(), [submitted.id], 'the reload lost the task');
    } finally {
      await emulator.resume();
    }
    const final = await settled(second.history, submitted.id);
    second.poller.dispose();
    assert.equal(final.status, 'succeeded', JSON.stringify(final.error));
    assert.equal(final.pollError, undefined, 'the outage error stays on a finished record');
    assert.equal((await connectionsNamed(emulator, 'outage')).length, 1, 'the outage made a second tunnel');
  });

  it('never sends two polls at once, however many records run', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let calls = 0;
    const fakeClient = {
      backoff: FAST_BACKOFF,
      async request(): Promise<Record<string, unknown>> {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        calls++;
        return { Status: calls > 12 ? 'FAILED' : 'RUNNING', Output: 'stop' };
      },
    } as unknown as VpcClient;
    const history = new TaskHistory(new MemoryStore());
    for (const id of ['a', 'b', 'c']) await history.upsert(runningRecord(id));
    const poller = new TaskPoller({ history, clientFor: async () => fakeClient, intervalMs: 1, backoff: FAST_BACKOFF });
    poller.start();
    await Promise.all(['a', 'b', 'c'].map((id) => settled(history, id)));
    poller.dispose();
    assert.equal(maxInFlight, 1);
  });

  it('drops a record removed while it was being polled instead of re-adding it', async () => {
    const history = new TaskHistory(new MemoryStore());
    // "other" is older, so it is polled right after "gone" in the same tick: its poll marks the end of gone's.
    await history.upsert(runningRecord('other'));
    await history.upsert(runningRecord('gone'));
    let release: () => void = () => undefined;
    let goneEntered: () => void = () => undefined;
    const entered = new Promise<void>((resolve) => (goneEntered = resolve));
    const fakeClient = {
      backoff: FAST_BACKOFF,
      request: (_action: string, params: { TaskId: string }) => {
        if (params.TaskId === 'task-other') return Promise.resolve({ Status: 'FAILED', Output: 'done' });
        goneEntered();
        return new Promise((resolve) => (release = () => resolve({ Status: 'SUCCESS' })));
      },
    } as unknown as VpcClient;
    const poller = new TaskPoller({ history, clientFor: async () => fakeClient, intervalMs: 1 });
    poller.start();
    await entered;
    await history.remove('gone');
    release();
    await settled(history, 'other');
    poller.dispose();
    assert.equal(history.get('gone'), undefined);
    assert.deepEqual(
      history.list().map((record) => record.id),
      ['other'],
    );
  });

  it('keeps a record running with its poll error while credentials are missing', async () => {
    const history = new TaskHistory(new MemoryStore());
    await history.upsert(runningRecord('no-creds'));
    const poller = new TaskPoller({
      history,
      clientFor: async () => {
        throw new CredentialsError(['environment (TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY both needed)']);
      },
      backoff: FAST_BACKOFF,
    });
    poller.start();
    const record = await whenRecord(history, 'no-creds', (current) => (current.transientFailures ?? 0) >= 2);
    poller.dispose();
    assert.equal(record?.status, 'running');
    assert.equal(record?.pollError?.code, 'CredentialsError');
    assert.equal(record?.pollError?.kind, 'credentials');
  });
});
