/**
 * The async life of a tunnel as the product's client follows it: the official CreateVpnConnection example goes
 * RUNNING -> SUCCESS and PENDING -> AVAILABLE, an empty VpnConnectionId is resolved with DescribeVpnConnections,
 * a task that fails says why in Output, and a delete goes DELETING -> gone. Tests wait for the emulator's events.
 */
import { strict as assert } from 'node:assert';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { OFFICIAL_EXAMPLE, failureOf, sdkClient, waitForEvent } from './helpers';

describe('emulator: task and tunnel lifecycle', () => {
  // `emulator` finishes tasks within milliseconds; `slow` keeps them RUNNING (and tunnels PENDING/DELETING) for a
  // minute, so the states in between are observed without depending on how fast the test machine is.
  let emulator: RunningEmulator;
  let slow: RunningEmulator;
  beforeEach(async () => {
    emulator = await startEmulator({ taskDelayMs: 20, stateDelayMs: 20 });
    slow = await startEmulator({ taskDelayMs: 60_000, stateDelayMs: 60_000 });
  });
  afterEach(async () => {
    await emulator.close();
    await slow.close();
  });

  it('answers a create with a PENDING tunnel whose task, keyed by the RequestId, is RUNNING', async () => {
    const client = sdkClient(slow);
    const created = await client.request('CreateVpnConnection', OFFICIAL_EXAMPLE);
    assert.match(created.VpnConnection.VpnConnectionId, /^vpnx-[0-9a-z]{8}$/);
    assert.equal(created.VpnConnection.State, 'PENDING');
    const running = await client.request('DescribeVpcTaskResult', { TaskId: created.RequestId });
    assert.deepEqual([running.Status, running.Output], ['RUNNING', '']);
  });

  it('creates the official example: the task ends SUCCESS and the tunnel turns AVAILABLE', async () => {
    const client = sdkClient(emulator);
    const available = waitForEvent(emulator, 'connection', (event) => event.State === 'AVAILABLE');
    const created = await client.request('CreateVpnConnection', OFFICIAL_EXAMPLE);
    const id = created.VpnConnection.VpnConnectionId;
    assert.equal((await available).VpnConnectionId, id);
    const done = await client.request('DescribeVpcTaskResult', { TaskId: created.RequestId });
    assert.deepEqual(
      [done.Status, done.Output, done.Result],
      ['SUCCESS', 'SUCCESS', [{ ResourceId: id, Status: 'SUCCESS' }]],
    );
    const listed = await client.request('DescribeVpnConnections', { VpnConnectionIds: [id] });
    assert.equal(listed.VpnConnectionSet[0].State, 'AVAILABLE');
    assert.equal(
      listed.VpnConnectionSet[0].PreShareKey,
      '6325ac',
      'the service returns the PSK in clear; the client masks it',
    );
  });

  it('answers VpnConnectionId "" when emptyConnectionId is set; the tunnel is found by its gateway, VPC and customer gateway', async () => {
    const empty = await startEmulator({ taskDelayMs: 10, stateDelayMs: 10, emptyConnectionId: true });
    try {
      const client = sdkClient(empty);
      const created = await client.request('CreateVpnConnection', OFFICIAL_EXAMPLE);
      assert.equal(created.VpnConnection.VpnConnectionId, '');
      const filters = [
        { Name: 'vpn-gateway-id', Values: [OFFICIAL_EXAMPLE.VpnGatewayId] },
        { Name: 'vpc-id', Values: [OFFICIAL_EXAMPLE.VpcId] },
        { Name: 'customer-gateway-id', Values: [OFFICIAL_EXAMPLE.CustomerGatewayId] },
        { Name: 'vpn-connection-name', Values: ['TEST_CONN'] },
      ];
      const found = await client.request('DescribeVpnConnections', { Filters: filters });
      assert.equal(found.TotalCount, 1);
      assert.match(found.VpnConnectionSet[0].VpnConnectionId, /^vpnx-/);
    } finally {
      await empty.close();
    }
  });

  it('ends a create task FAILED with the injected Output, and the tunnel disappears', async () => {
    const client = sdkClient(emulator);
    emulator.faults.inject({ kind: 'taskFails', output: 'VPN gateway bandwidth quota exhausted' });
    const gone = waitForEvent(emulator, 'connection', (event) => event.State === 'DELETED');
    const created = await client.request('CreateVpnConnection', OFFICIAL_EXAMPLE);
    const id = created.VpnConnection.VpnConnectionId;
    assert.equal((await gone).VpnConnectionId, id);
    const result = await client.request('DescribeVpcTaskResult', { TaskId: created.RequestId });
    assert.deepEqual([result.Status, result.Output], ['FAILED', 'VPN gateway bandwidth quota exhausted']);
    assert.equal((await client.request('DescribeVpnConnections', { VpnConnectionIds: [id] })).TotalCount, 0);
  });

  it('uses a taskFails fault only once: the next create succeeds', async () => {
    const client = sdkClient(emulator);
    emulator.faults.inject({ kind: 'taskFails' });
    const firstDone = waitForEvent(emulator, 'task', (task) => task.Status !== 'RUNNING');
    await client.request('CreateVpnConnection', OFFICIAL_EXAMPLE);
    assert.equal((await firstDone).Status, 'FAILED');
    const secondDone = waitForEvent(emulator, 'task', (task) => task.Status !== 'RUNNING');
    const second = await client.request('CreateVpnConnection', OFFICIAL_EXAMPLE);
    const task = await secondDone;
    assert.deepEqual([task.TaskId, task.Status], [second.RequestId, 'SUCCESS']);
  });

  it('shows a tunnel being deleted as DELETING while its task is RUNNING', async () => {
    const client = sdkClient(slow);
    const deleted = await client.request('DeleteVpnConnection', {
      VpnGatewayId: 'vpngw-1w9tue3d',
      VpnConnectionId: 'vpnx-5eed01gz',
    });
    const during = await client.request('DescribeVpnConnections', { VpnConnectionIds: ['vpnx-5eed01gz'] });
    assert.equal(during.VpnConnectionSet[0].State, 'DELETING');
    assert.equal((await client.request('DescribeVpcTaskResult', { TaskId: deleted.RequestId })).Status, 'RUNNING');
  });

  it('deletes a tunnel asynchronously: the task succeeds and the tunnel is gone', async () => {
    const client = sdkClient(emulator);
    const gone = waitForEvent(
      emulator,
      'connection',
      (event) => event.VpnConnectionId === 'vpnx-5eed01gz' && event.State === 'DELETED',
    );
    const deleted = await client.request('DeleteVpnConnection', {
      VpnGatewayId: 'vpngw-1w9tue3d',
      VpnConnectionId: 'vpnx-5eed01gz',
    });
    await gone;
    assert.equal((await client.request('DescribeVpcTaskResult', { TaskId: deleted.RequestId })).Status, 'SUCCESS');
    assert.equal(
      (await client.request('DescribeVpnConnections', { VpnConnectionIds: ['vpnx-5eed01gz'] })).TotalCount,
      0,
    );
  });

  it('refuses to delete or modify a tunnel that is still PENDING', async () => {
    const client = sdkClient(slow);
    const created = await client.request('CreateVpnConnection', OFFICIAL_EXAMPLE);
    const id = created.VpnConnection.VpnConnectionId;
    const deletion = await failureOf(
      client.request('DeleteVpnConnection', { VpnGatewayId: 'vpngw-1w9tue3d', VpnConnectionId: id }),
    );
    assert.equal(deletion.code, 'UnsupportedOperation.DeleteVpnConnInvalidState');
    const modification = await failureOf(
      client.request('ModifyVpnConnectionAttribute', { VpnConnectionId: id, VpnConnectionName: 'renamed' }),
    );
    assert.equal(modification.code, 'UnsupportedOperation.VpnConnInvalidState');
  });

  it('answers ResourceNotFound for an unknown TaskId and for a task asked for from another region', async () => {
    const client = sdkClient(emulator);
    assert.equal(
      (await failureOf(client.request('DescribeVpcTaskResult', { TaskId: 'no-such-task' }))).code,
      'ResourceNotFound',
    );
    const created = await client.request('CreateVpnConnection', OFFICIAL_EXAMPLE);
    const elsewhere = sdkClient(emulator, { region: 'ap-shanghai' });
    assert.equal(
      (await failureOf(elsewhere.request('DescribeVpcTaskResult', { TaskId: created.RequestId }))).code,
      'ResourceNotFound',
    );
  });
});

describe('emulator: outage with pause() and resume()', () => {
  it('refuses connections while paused, keeps the task running, and answers its result after resume()', async () => {
    const emulator = await startEmulator({ taskDelayMs: 20, stateDelayMs: 20 });
    try {
      const client = sdkClient(emulator);
      const available = waitForEvent(emulator, 'connection', (event) => event.State === 'AVAILABLE');
      const created = await client.request('CreateVpnConnection', OFFICIAL_EXAMPLE);
      await emulator.pause();
      assert.match(
        (await failureOf(client.request('DescribeVpcTaskResult', { TaskId: created.RequestId }))).message,
        /ECONNREFUSED/,
      );
      await available;
      await emulator.resume();
      assert.equal((await client.request('DescribeVpcTaskResult', { TaskId: created.RequestId })).Status, 'SUCCESS');
    } finally {
      await emulator.close();
    }
  });
});
