/**
 * Every fault kind as Tencent's SDK (and so the product's client) sees it, how `times` and `action` scope a fault,
 * and the same faults driven over the HTTP control endpoints by an out-of-process user.
 */
import { strict as assert } from 'node:assert';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { OFFICIAL_EXAMPLE, failureOf, sdkClient, waitForEvent } from './helpers';

describe('emulator: injected faults', () => {
  let emulator: RunningEmulator;
  const describeGateways = () => sdkClient(emulator).request('DescribeVpnGateways', {});

  before(async () => {
    emulator = await startEmulator({ taskDelayMs: 60_000 });
  });
  beforeEach(() => emulator.reset());
  after(() => emulator.close());

  it('latency: answers normally after the delay, and records the fault', async () => {
    emulator.faults.inject({ kind: 'latency', ms: 50 });
    const answer = await describeGateways();
    assert.equal(answer.TotalCount, 4);
    assert.equal(emulator.requests.at(-1)?.fault, 'latency');
  });

  it('http5xx: the SDK throws with httpCode = status and no API code', async () => {
    emulator.faults.inject({ kind: 'http5xx', status: 502 });
    const failure = await failureOf(describeGateways());
    assert.deepEqual([failure.httpCode, failure.code], [502, undefined]);
  });

  it('throttle: the SDK throws RequestLimitExceeded', async () => {
    emulator.faults.inject({ kind: 'throttle' });
    assert.equal((await failureOf(describeGateways())).code, 'RequestLimitExceeded');
  });

  it('drop: the connection closes without an answer, and nothing is created', async () => {
    emulator.faults.inject({ kind: 'drop', action: 'CreateVpnConnection' });
    const failure = await failureOf(sdkClient(emulator).request('CreateVpnConnection', OFFICIAL_EXAMPLE));
    assert.match(failure.message, /socket hang up|ECONNRESET/);
    const listed = await sdkClient(emulator).request('DescribeVpnConnections', {
      Filters: [{ Name: 'vpn-connection-name', Values: ['TEST_CONN'] }],
    });
    assert.equal(listed.TotalCount, 0);
  });

  it('nonJson: HTTP 200 with HTML makes the SDK throw a raw invalid-json FetchError', async () => {
    emulator.faults.inject({ kind: 'nonJson' });
    const failure = await failureOf(describeGateways());
    assert.deepEqual([failure.type, failure.code], ['invalid-json', undefined]);
  });

  it('noResponseKey: HTTP 200 JSON without "Response" makes the SDK throw a TypeError', async () => {
    emulator.faults.inject({ kind: 'noResponseKey' });
    assert.equal((await failureOf(describeGateways())).name, 'TypeError');
  });

  it('createThenDrop: the create happens but its answer is lost; DescribeVpnConnections finds exactly one tunnel', async () => {
    emulator.faults.inject({ kind: 'createThenDrop' });
    const failure = await failureOf(sdkClient(emulator).request('CreateVpnConnection', OFFICIAL_EXAMPLE));
    assert.match(failure.message, /socket hang up|ECONNRESET/);
    const filters = [
      { Name: 'vpn-gateway-id', Values: ['vpngw-1w9tue3d'] },
      { Name: 'vpn-connection-name', Values: ['TEST_CONN'] },
    ];
    const listed = await sdkClient(emulator).request('DescribeVpnConnections', { Filters: filters });
    assert.equal(listed.TotalCount, 1);
    assert.equal(emulator.requests.at(-2)?.fault, 'createThenDrop');
  });

  it('taskFails naming DeleteVpnConnection: the delete task ends FAILED and the tunnel is AVAILABLE again', async () => {
    const fast = await startEmulator({ taskDelayMs: 10 });
    try {
      fast.faults.inject({ kind: 'taskFails', action: 'DeleteVpnConnection', output: 'busy' });
      const done = waitForEvent(fast, 'task', (task) => task.Status !== 'RUNNING');
      await sdkClient(fast).request('DeleteVpnConnection', {
        VpnGatewayId: 'vpngw-1w9tue3d',
        VpnConnectionId: 'vpnx-5eed01gz',
      });
      assert.deepEqual([(await done).Status, (await done).Output], ['FAILED', 'busy']);
      const listed = await sdkClient(fast).request('DescribeVpnConnections', { VpnConnectionIds: ['vpnx-5eed01gz'] });
      assert.equal(listed.VpnConnectionSet[0].State, 'AVAILABLE');
    } finally {
      await fast.close();
    }
  });

  it('applies a fault to `times` requests, then no more', async () => {
    emulator.faults.inject({ kind: 'throttle', times: 2 });
    assert.equal((await failureOf(describeGateways())).code, 'RequestLimitExceeded');
    assert.equal((await failureOf(describeGateways())).code, 'RequestLimitExceeded');
    assert.equal((await describeGateways()).TotalCount, 4);
  });

  it('applies a fault with an action only to that action', async () => {
    emulator.faults.inject({ kind: 'http5xx', action: 'DescribeVpcTaskResult' });
    assert.equal((await describeGateways()).TotalCount, 4);
    assert.equal(
      (await failureOf(sdkClient(emulator).request('DescribeVpcTaskResult', { TaskId: 'x' }))).httpCode,
      503,
    );
  });

  it('refuses an unknown fault kind', () => {
    assert.throws(() => emulator.faults.inject({ kind: 'meteor' } as never), TypeError);
  });

  describe('over HTTP', () => {
    const control = (method: string, path: string, body?: unknown) =>
      fetch(`${emulator.url}/__emulator/${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    it('injects with POST /__emulator/faults and clears with DELETE', async () => {
      const injected = await control('POST', 'faults', [{ kind: 'throttle', times: 5 }]);
      assert.equal(injected.status, 200);
      assert.equal((await failureOf(describeGateways())).code, 'RequestLimitExceeded');
      assert.deepEqual(await (await control('DELETE', 'faults')).json(), { faults: [] });
      assert.equal((await describeGateways()).TotalCount, 4);
    });

    it('answers 400 with the reason for an invalid fault', async () => {
      const refused = await control('POST', 'faults', { kind: 'latency' });
      assert.equal(refused.status, 400);
      assert.match(((await refused.json()) as { error: string }).error, /latency needs ms/);
    });

    it('shows tunnels with masked pre-shared keys and tasks in GET /__emulator/state, and resets with POST /__emulator/reset', async () => {
      const created = await sdkClient(emulator).request('CreateVpnConnection', OFFICIAL_EXAMPLE);
      const state = (await (await control('GET', 'state')).json()) as {
        connections: { PreShareKey: string }[];
        tasks: { TaskId: string }[];
      };
      assert.equal(state.connections.length, 3);
      assert.ok(state.connections.every((connection) => /^\*{4}\(\d+\)$/.test(connection.PreShareKey)));
      assert.deepEqual(
        state.tasks.map((task) => task.TaskId),
        [created.RequestId],
      );
      assert.equal((await control('POST', 'reset')).status, 200);
      const after = (await (await control('GET', 'state')).json()) as { connections: unknown[]; tasks: unknown[] };
      assert.deepEqual([after.connections.length, after.tasks.length], [2, 0]);
    });
  });
});
