/**
 * Every fault kind as Tencent's SDK (and so the product's client) sees it, how `times` and `action` scope a fault,
 * and the same faults driven over the HTTP control endpoints by an out-of-process user.
 */
import { strict as assert } from 'node:assert';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { ManualClock, OFFICIAL_EXAMPLE, failureOf, rawCall, sdkClient, waitForEvent } from './helpers';

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

  describe('bounds', () => {
    const refused: [string, unknown, RegExp][] = [
      ['latency over 2^31-1 ms (setTimeout would fire after 1 ms)', { kind: 'latency', ms: 2 ** 31 }, /0-3600000/],
      ['latency over an hour', { kind: 'latency', ms: 3_600_001 }, /0-3600000/],
      ['a negative latency', { kind: 'latency', ms: -1 }, /0-3600000/],
      ['a fractional latency', { kind: 'latency', ms: 1.5 }, /integer/],
      ['a latency as a string', { kind: 'latency', ms: '100' }, /integer/],
      ['times 0', { kind: 'drop', times: 0 }, /times must be an integer 1-1000/],
      ['times over 1000', { kind: 'drop', times: 1001 }, /times must be an integer 1-1000/],
      ['an http5xx status outside 500-599', { kind: 'http5xx', status: 499 }, /500-599/],
      ['a createThen5xx status outside 500-599', { kind: 'createThen5xx', status: 600 }, /500-599/],
      ['an unknown key', { kind: 'latency', ms: 10, delay: 5 }, /unknown key delay/],
      ['a key of another kind', { kind: 'drop', ms: 10 }, /unknown key ms/],
      [
        'an action the emulator does not offer',
        { kind: 'drop', action: 'CreateVpnConection' },
        /one of the emulator's actions/,
      ],
      [
        'createThenDrop on another action',
        { kind: 'createThenDrop', action: 'DescribeVpcs' },
        /only to CreateVpnConnection/,
      ],
      [
        'taskFails on a read action',
        { kind: 'taskFails', action: 'DescribeVpcs' },
        /CreateVpnConnection or DeleteVpnConnection/,
      ],
      ['a taskFails output over 1000 characters', { kind: 'taskFails', output: 'x'.repeat(1001) }, /at most 1000/],
    ];
    for (const [what, spec, message] of refused) {
      it(`refuses ${what}`, () => {
        assert.throws(
          () => emulator.faults.inject(spec as never),
          (error: Error) => {
            assert.ok(error instanceof TypeError);
            assert.match(error.message, message);
            return true;
          },
        );
        assert.deepEqual(emulator.faults.list(), []);
      });
    }

    it('takes the limits themselves', () => {
      emulator.faults.inject({ kind: 'latency', ms: 3_600_000, times: 1000 });
      emulator.faults.inject({ kind: 'latency', ms: 0 });
      emulator.faults.inject({ kind: 'createThen5xx', status: 599 });
      assert.equal(emulator.faults.list().length, 3);
    });

    it('holds at most 1000 waiting faults', () => {
      for (let i = 0; i < 1000; i++) emulator.faults.inject({ kind: 'drop', action: 'ResetVpnConnection' });
      assert.throws(() => emulator.faults.inject({ kind: 'drop' }), /at most 1000 faults/);
    });
  });

  describe('a create whose answer is lost', () => {
    const filters = [
      { Name: 'vpn-gateway-id', Values: ['vpngw-1w9tue3d'] },
      { Name: 'vpn-connection-name', Values: ['TEST_CONN'] },
    ];
    const tunnels = async () =>
      (await sdkClient(emulator).request('DescribeVpnConnections', { Filters: filters })) as {
        TotalCount: number;
        VpnConnectionSet: { VpnConnectionId: string; State: string }[];
      };

    it('createThen5xx: the create is performed (tunnel PENDING, task RUNNING), then HTTP 500 with an InternalError body', async () => {
      emulator.faults.inject({ kind: 'createThen5xx' });
      const failure = await failureOf(sdkClient(emulator).request('CreateVpnConnection', OFFICIAL_EXAMPLE));
      assert.deepEqual([failure.httpCode, failure.code], [500, undefined]);
      const record = emulator.requests.find((request) => request.action === 'CreateVpnConnection')!;
      assert.deepEqual([record.fault, record.errorCode, record.signatureOk], ['createThen5xx', 'InternalError', true]);
      const listed = await tunnels();
      assert.equal(listed.TotalCount, 1);
      assert.equal(listed.VpnConnectionSet[0].State, 'PENDING');
      const task = await sdkClient(emulator).request('DescribeVpcTaskResult', { TaskId: record.requestId });
      assert.equal(task.Status, 'RUNNING');
    });

    it('createThen5xx with a status answers that status, with an InternalError body in the service shape', async () => {
      emulator.faults.inject({ kind: 'createThen5xx', status: 502 });
      const failure = await failureOf(sdkClient(emulator).request('CreateVpnConnection', OFFICIAL_EXAMPLE));
      assert.equal(failure.httpCode, 502);
      emulator.reset();
      emulator.faults.inject({ kind: 'createThen5xx', status: 504 });
      const answer = await rawCall(emulator, { action: 'CreateVpnConnection', body: JSON.stringify(OFFICIAL_EXAMPLE) });
      assert.equal(answer.Response.Error.Code, 'InternalError');
      assert.equal(answer.Response.RequestId, emulator.requests.at(-1)?.requestId);
      assert.equal((await tunnels()).TotalCount, 1);
    });

    it('createThenInternalError: the create is performed, then HTTP 200 with Response.Error InternalError', async () => {
      emulator.faults.inject({ kind: 'createThenInternalError' });
      const failure = await failureOf(sdkClient(emulator).request('CreateVpnConnection', OFFICIAL_EXAMPLE));
      assert.equal(failure.code, 'InternalError');
      assert.equal((await tunnels()).TotalCount, 1);
    });

    it('does not apply a createThen* fault to another action', async () => {
      emulator.faults.inject({ kind: 'createThen5xx' });
      assert.equal((await describeGateways()).TotalCount, 4);
      assert.equal(emulator.faults.list().length, 1);
    });

    it('throttle on a create: a verified RequestLimitExceeded, nothing created, and the next create goes through', async () => {
      emulator.faults.inject({ kind: 'throttle', action: 'CreateVpnConnection' });
      const failure = await failureOf(sdkClient(emulator).request('CreateVpnConnection', OFFICIAL_EXAMPLE));
      assert.equal(failure.code, 'RequestLimitExceeded');
      const record = emulator.requests.at(-1)!;
      assert.deepEqual([record.fault, record.signatureOk], ['throttle', true]);
      assert.equal((await tunnels()).TotalCount, 0);
      await sdkClient(emulator).request('CreateVpnConnection', OFFICIAL_EXAMPLE);
      assert.equal((await tunnels()).TotalCount, 1);
    });
  });

  describe('latency on a create (manual clock)', () => {
    it('performs the create only once the delay is over, even after the client gave up and disconnected', async () => {
      const clock = new ManualClock();
      const held = await startEmulator({ clock, taskDelayMs: 60_000 });
      try {
        held.faults.inject({ kind: 'latency', action: 'CreateVpnConnection', ms: 20 * 60_000 });
        const failure = failureOf(
          sdkClient(held, { timeoutSeconds: 0.2 }).request('CreateVpnConnection', OFFICIAL_EXAMPLE),
        );
        await clock.untilPending();
        assert.match((await failure).message, /timeout|aborted/i);
        assert.equal(held.requests.length, 0, 'nothing recorded while the request is held');
        const none = await sdkClient(held).request('DescribeVpnConnections', {
          Filters: [{ Name: 'vpn-connection-name', Values: ['TEST_CONN'] }],
        });
        assert.equal(none.TotalCount, 0);
        const answered = waitForEvent(held, 'request', (request) => request.action === 'CreateVpnConnection');
        clock.advance(20 * 60_000);
        assert.deepEqual([(await answered).fault, (await answered).errorCode], ['latency', undefined]);
        const late = await sdkClient(held).request('DescribeVpnConnections', {
          Filters: [{ Name: 'vpn-connection-name', Values: ['TEST_CONN'] }],
        });
        assert.equal(late.TotalCount, 1);
        assert.equal(late.VpnConnectionSet[0].State, 'PENDING');
      } finally {
        await held.close();
      }
    });
  });

  describe('over HTTP', () => {
    const control = (method: string, path: string, body?: unknown) =>
      fetch(`${emulator.url}/__emulator/${path}`, {
        method,
        headers: { authorization: `Bearer ${emulator.controlToken}`, 'content-type': 'application/json' },
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

    it('answers 400 JSON for a latency of 2^31 ms and injects nothing', async () => {
      const refused = await control('POST', 'faults', { kind: 'latency', ms: 2 ** 31 });
      assert.equal(refused.status, 400);
      assert.equal(refused.headers.get('content-type'), 'application/json');
      assert.match(((await refused.json()) as { error: string }).error, /ms, an integer 0-3600000/);
      assert.deepEqual(emulator.faults.list(), []);
    });

    it('shows tunnels with masked pre-shared keys and tasks in GET /__emulator/state, and resets with POST /__emulator/reset', async () => {
      const created = await sdkClient(emulator).request('CreateVpnConnection', OFFICIAL_EXAMPLE);
      const state = (await (await control('GET', 'state')).json()) as {
        connections: { PreShareKey: string }[];
        tasks: { TaskId: string }[];
      };
      assert.equal(state.connections.length, 3);
      // Masked without its length, as everywhere else (cloud/mask.ts).
      assert.ok(state.connections.every((connection) => connection.PreShareKey === '******'));
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
