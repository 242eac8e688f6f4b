/**
 * The records of actions on an existing tunnel (modify, delete, reset): their own table of the state machine
 * (submissionRecord.ts OPERATION_TRANSITIONS), one tunnel by id for the in-flight rule (tunnelIdentity.ts), and
 * records stored before actions existed read as creates (recordMigration.ts).
 */
import assert from 'node:assert/strict';
import { loadRecords } from '../../../cloud/recordMigration';
import { SIGNATURE_WINDOW_MS, OUTCOME_WINDOW_MS } from '../../../cloud/outcomeWindow';
import {
  DELETE_ACTION,
  MODIFY_ACTION,
  next,
  startRecord,
  stateOf,
  TransitionRefusedError,
  type RecordAction,
  type SubmissionRecord,
} from '../../../cloud/submissionRecord';
import { sameTunnel, tunnelLockKey } from '../../../cloud/tunnelIdentity';

const NOW = 1_800_000_000_000;
const TUNNEL = { VpnConnectionId: 'vpnx-abcd1234', State: 'AVAILABLE' };
const LOST = { code: 'Timeout', message: 'timeout', kind: 'timeout' as const };

function sent(action: Exclude<RecordAction, 'CreateVpnConnection'>): SubmissionRecord {
  const record = startRecord(
    { action, vpnConnectionId: 'vpnx-abcd1234', name: 'a', region: 'ap-guangzhou', source: 'f', documentIndex: 0 },
    NOW,
  );
  return next(record, { type: 'operationSent' }, NOW);
}

describe('records of actions on an existing tunnel', () => {
  it('a modify is done when answered; its masked answer is kept', () => {
    const done = next(sent(MODIFY_ACTION), { type: 'operationAccepted', answer: { RequestId: 'r-1' } }, NOW + 1);
    assert.equal(done.status, 'succeeded');
    assert.equal(done.requestId, 'r-1');
    assert.equal(done.taskId, undefined);
    assert.deepEqual(done.responses, { [MODIFY_ACTION]: { RequestId: 'r-1' } });
  });

  it('a delete follows its task: SUCCESS means gone, FAILED keeps the task output', () => {
    const task = next(sent(DELETE_ACTION), { type: 'operationAccepted', answer: { RequestId: 'r-2' } }, NOW);
    assert.equal(stateOf(task), 'task');
    assert.equal(task.taskId, 'r-2');
    const gone = next(task, { type: 'taskReported', result: { Status: 'SUCCESS' } }, NOW);
    assert.deepEqual([gone.status, gone.tunnelState], ['succeeded', 'DELETED']);
    const failed = next(task, { type: 'taskReported', result: { Status: 'FAILED', Output: 'busy' } }, NOW);
    assert.deepEqual([failed.status, failed.error?.code, failed.error?.message], ['failed', 'TaskFailed', 'busy']);
  });

  it('a refused action fails at once; nothing changed', () => {
    const refused = next(sent(MODIFY_ACTION), { type: 'operationRefused', error: { code: 'X', message: 'no' } }, NOW);
    assert.deepEqual([refused.status, refused.error?.code], ['failed', 'X']);
  });

  it('a delete whose answer was lost is unknown until the tunnel is gone, or the window is over', () => {
    const unknown = next(sent(DELETE_ACTION), { type: 'operationUnclear', error: LOST }, NOW);
    assert.equal(stateOf(unknown), 'unknown');
    assert.equal(unknown.lookUntil, NOW + OUTCOME_WINDOW_MS);
    const stillThere = next(unknown, { type: 'tunnelFound', tunnel: { ...TUNNEL, State: 'DELETING' } }, NOW + 1000);
    assert.deepEqual([stateOf(stillThere), stillThere.tunnelState], ['unknown', 'DELETING']);
    assert.equal(next(stillThere, { type: 'lookupMissed', maxLookups: 3 }, NOW + 2000).status, 'succeeded');
    const late = next(unknown, { type: 'tunnelFound', tunnel: TUNNEL }, NOW + OUTCOME_WINDOW_MS);
    assert.deepEqual([late.status, late.error?.code], ['failed', 'NotDeleted']);
  });

  it('a modify whose answer was lost succeeds once the tunnel is seen holding it, else ends unconfirmed', () => {
    const unknown = next(sent(MODIFY_ACTION), { type: 'operationUnclear', error: LOST }, NOW);
    assert.equal(unknown.lookUntil, NOW + SIGNATURE_WINDOW_MS);
    assert.equal(next(unknown, { type: 'operationConfirmed' }, NOW + 1).status, 'succeeded');
    assert.equal(stateOf(next(unknown, { type: 'tunnelFound', tunnel: TUNNEL }, NOW + 1)), 'unknown');
    const over = next(unknown, { type: 'tunnelFound', tunnel: TUNNEL }, NOW + SIGNATURE_WINDOW_MS);
    assert.deepEqual([over.status, over.error?.code], ['failed', 'Unconfirmed']);
    assert.match(over.error!.message, /tcvpn plan/);
  });

  it('a record left sending by a stopped process: not sent without its stamp, unknown with it', () => {
    const fresh = startRecord(
      {
        action: MODIFY_ACTION,
        vpnConnectionId: 'vpnx-abcd1234',
        name: 'a',
        region: 'r',
        source: 'f',
        documentIndex: 0,
      },
      NOW,
    );
    const notSent = next(fresh, { type: 'tunnelFound', tunnel: TUNNEL }, NOW + 1);
    assert.deepEqual([notSent.status, notSent.error?.code], ['failed', 'NotSent']);
    assert.equal(stateOf(next(sent(MODIFY_ACTION), { type: 'tunnelFound', tunnel: TUNNEL }, NOW + 1)), 'unknown');
  });

  it('takes no create event, and a create takes no operation event', () => {
    assert.throws(() => next(sent(MODIFY_ACTION), { type: 'createAccepted', answer: {} }, NOW), TransitionRefusedError);
    const create = startRecord({ name: 'a', region: 'r', source: 'f', documentIndex: 0 }, NOW);
    assert.throws(() => next(create, { type: 'operationSent' }, NOW), TransitionRefusedError);
  });

  it('one tunnel by id whatever the action; creates still by gateway, customer gateway and name', () => {
    const modify = sent(MODIFY_ACTION);
    const deleting = sent(DELETE_ACTION);
    const create = { ...startRecord({ name: 'a', region: 'ap-guangzhou', source: 'f', documentIndex: 0 }, NOW) };
    assert.ok(sameTunnel(modify, deleting));
    assert.equal(tunnelLockKey(modify), tunnelLockKey(deleting));
    assert.ok(!sameTunnel(modify, create), 'a create of the same name is not the existing tunnel');
    assert.ok(sameTunnel(modify, { ...create, vpnConnectionId: 'vpnx-abcd1234' }), 'a create that made it is');
    assert.ok(!sameTunnel(modify, { ...deleting, region: 'ap-shanghai' }));
  });

  it('reads a stored record without an action as a create', () => {
    const { action: _action, ...old } = startRecord({ name: 'a', region: 'r', source: 'f', documentIndex: 0 }, NOW);
    assert.equal(loadRecords([old])[0].action, 'CreateVpnConnection');
    assert.equal(loadRecords([sent(DELETE_ACTION)])[0].action, DELETE_ACTION);
  });
});
