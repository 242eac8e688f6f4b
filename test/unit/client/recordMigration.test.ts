/**
 * Records stored by earlier versions (globalState key tencentcloudVpn.taskHistory.v1, the old TaskRecord shape)
 * still load into the history, repaired where the state machine no longer writes what they hold, and go on.
 */
import * as assert from 'node:assert/strict';
import { MemoryStore, TaskHistory } from '../../../cloud/history';
import { loadRecords, migrateRecord } from '../../../cloud/recordMigration';
import { next, stateOf } from '../../../cloud/submissionRecord';

/** The key the extension has always stored the history under: changing it would lose every user's tasks. */
const STORAGE_KEY = 'tencentcloudVpn.taskHistory.v1';

/** A record as the first version wrote it (client/core/taskRecord.ts). */
function oldRecord(id: string, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id,
    name: id,
    region: 'ap-guangzhou',
    action: 'CreateVpnConnection',
    source: 'file:///w/a.vpnconn.yaml',
    documentIndex: 0,
    createdAt: 1,
    updatedAt: 2,
    ...fields,
  };
}

describe('stored records from earlier versions', () => {
  it('load into the history under the same key, each in the state it was left in', async () => {
    const store = new MemoryStore();
    await store.update(STORAGE_KEY, [
      oldRecord('polling', {
        status: 'running',
        phase: 'task',
        taskId: 'req-1',
        requestId: 'req-1',
        transientFailures: 1,
      }),
      oldRecord('unclear', {
        status: 'running',
        phase: 'verify',
        error: { code: 'Timeout', message: 'network timeout at …', kind: 'timeout' },
        lookups: 2,
      }),
      oldRecord('done', {
        status: 'succeeded',
        phase: 'done',
        vpnConnectionId: 'vpnx-1',
        tunnelState: 'AVAILABLE',
        finishedAt: 3,
      }),
    ]);
    const history = new TaskHistory(store);
    assert.deepEqual(
      history.list().map((record) => [record.id, stateOf(record)]),
      [
        ['polling', 'task'],
        ['unclear', 'unknown'],
        ['done', 'succeeded'],
      ],
    );
    assert.deepEqual(
      history.unfinished().map((record) => record.id),
      ['polling', 'unclear'],
    );
    assert.equal(history.get('unclear')?.error?.kind, 'timeout');
    const resumed = next(history.get('unclear')!, { type: 'lookupMissed', maxLookups: 3 });
    assert.deepEqual(
      [stateOf(resumed), resumed.error?.code],
      ['failed', 'NotCreated'],
      'an old verifying record goes on where it stopped',
    );
  });

  it("gives the old poller's set-up errors their kind and drops a kind the union does not know", () => {
    const record = migrateRecord(
      oldRecord('creds', {
        status: 'running',
        phase: 'task',
        taskId: 'req-1',
        pollError: { code: 'CredentialsError', message: 'none' },
        error: { message: 'odd', kind: 'weird' },
      }),
    );
    assert.deepEqual(record?.pollError, { code: 'CredentialsError', message: 'none', kind: 'credentials' });
    assert.deepEqual(record?.error, { message: 'odd' });
  });

  it('resumes a task without TaskId, or a tunnel without id, as a lookup', () => {
    assert.equal(stateOf(migrateRecord(oldRecord('a', { status: 'running', phase: 'task' }))!), 'resolve');
    assert.equal(stateOf(migrateRecord(oldRecord('b', { status: 'running', phase: 'tunnel' }))!), 'resolve');
    assert.equal(
      stateOf(migrateRecord(oldRecord('c', { status: 'running', phase: 'tunnel', vpnConnectionId: 'vpnx-1' }))!),
      'tunnel',
    );
  });

  it('gives a finished record the phase done, and a running one marked done a lookup', () => {
    assert.equal(migrateRecord(oldRecord('f', { status: 'failed', phase: 'task', taskId: 'req-1' }))?.phase, 'done');
    assert.equal(stateOf(migrateRecord(oldRecord('r', { status: 'running', phase: 'done' }))!), 'unknown');
  });

  it('drops what is not a record instead of failing to load the rest', () => {
    assert.deepEqual(loadRecords(undefined), []);
    assert.deepEqual(loadRecords({ not: 'a list' }), []);
    const loaded = loadRecords([
      null,
      'text',
      { id: 'no-status' },
      oldRecord('ok', { status: 'failed', phase: 'done' }),
    ]);
    assert.deepEqual(
      loaded.map((record) => record.id),
      ['ok'],
    );
  });
});
