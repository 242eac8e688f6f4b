/**
 * The emulator's delays run on the clock passed to startEmulator: injected latency, task durations, a tunnel's
 * PENDING -> AVAILABLE and the create rate limit's window. A manual clock makes them exact; a scaled one makes a
 * 20-minute-late answer take 2 s. The TC3 signature's window keeps the real time, since clients sign with it.
 */
import { strict as assert } from 'node:assert';
import { scaledClock, startEmulator, type RunningEmulator } from '../../../emulator';
import { MAX_TIMER_MS } from '../../../emulator/clock';
import { ManualClock, OFFICIAL_EXAMPLE, failureOf, sdkClient, waitForEvent } from './helpers';

const MINUTE = 60_000;

describe('emulator: the clock option', () => {
  describe('a manual clock', () => {
    let clock: ManualClock;
    let emulator: RunningEmulator;
    beforeEach(async () => {
      clock = new ManualClock();
      emulator = await startEmulator({ clock, taskDelayMs: 10 * MINUTE, stateDelayMs: 5 * MINUTE });
    });
    afterEach(() => emulator.close());

    it('drives a create task RUNNING -> SUCCESS after taskDelayMs and the tunnel PENDING -> AVAILABLE after stateDelayMs', async () => {
      const client = sdkClient(emulator);
      const created = await client.request('CreateVpnConnection', OFFICIAL_EXAMPLE);
      const task = () => client.request('DescribeVpcTaskResult', { TaskId: created.RequestId });
      const state = async () =>
        (await client.request('DescribeVpnConnections', { VpnConnectionIds: [created.VpnConnection.VpnConnectionId] }))
          .VpnConnectionSet[0].State;
      clock.advance(10 * MINUTE - 1);
      assert.equal((await task()).Status, 'RUNNING');
      clock.advance(1);
      assert.equal((await task()).Status, 'SUCCESS');
      assert.equal(await state(), 'PENDING');
      clock.advance(5 * MINUTE);
      assert.equal(await state(), 'AVAILABLE');
    });

    it('drives a delete task DELETING -> gone', async () => {
      const client = sdkClient(emulator);
      const gone = waitForEvent(emulator, 'connection', (event) => event.State === 'DELETED');
      await client.request('DeleteVpnConnection', { VpnGatewayId: 'vpngw-1w9tue3d', VpnConnectionId: 'vpnx-5eed01gz' });
      assert.equal(clock.pending, 1);
      clock.advance(10 * MINUTE);
      assert.equal((await gone).VpnConnectionId, 'vpnx-5eed01gz');
    });

    it('holds a request with an injected latency until the clock has moved `ms` on', async () => {
      emulator.faults.inject({ kind: 'latency', ms: 20 * MINUTE });
      let answered = false;
      const call = sdkClient(emulator)
        .request('DescribeVpnGateways', {})
        .then((answer) => {
          answered = true;
          return answer;
        });
      await clock.untilPending();
      clock.advance(20 * MINUTE - 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(answered, false);
      clock.advance(1);
      assert.equal((await call).TotalCount, 4);
    });

    it('counts the create rate limit over the clock: the window reopens when the clock has moved a second on', async () => {
      const limited = await startEmulator({ clock, createRateLimitPerSecond: 1, taskDelayMs: MINUTE });
      try {
        const create = () =>
          failureOf(
            sdkClient(limited).request('CreateVpnConnection', { ...OFFICIAL_EXAMPLE, VpnGatewayId: 'vpngw-zzzzzzzz' }),
          );
        assert.equal((await create()).code, 'ResourceNotFound');
        assert.equal((await create()).code, 'RequestLimitExceeded');
        clock.advance(999);
        assert.equal((await create()).code, 'RequestLimitExceeded');
        clock.advance(1);
        assert.equal((await create()).code, 'ResourceNotFound');
      } finally {
        await limited.close();
      }
    });

    it('checks the TC3 window against the real time: a request signed now verifies though the clock is a day ahead', async () => {
      clock.advance(24 * 60 * MINUTE);
      assert.equal((await sdkClient(emulator).request('DescribeVpnGateways', {})).TotalCount, 4);
    });

    it('stamps tasks and requests with the clock', async () => {
      clock.advance(60 * MINUTE);
      const created = await sdkClient(emulator).request('CreateVpnConnection', OFFICIAL_EXAMPLE);
      const expected = new Date(clock.now()).toISOString();
      assert.equal(emulator.requests.at(-1)?.time, expected);
      const task = (await sdkClient(emulator).request('DescribeVpcTaskResult', { TaskId: created.RequestId })) as {
        Status: string;
      };
      assert.equal(task.Status, 'RUNNING');
    });

    it('never hands setTimeout more than 2^31-1 ms: a longer task delay is waited for in steps', async () => {
      const long = await startEmulator({ clock, taskDelayMs: 3 * MAX_TIMER_MS, stateDelayMs: 0 });
      try {
        const done = waitForEvent(long, 'task', (task) => task.Status === 'SUCCESS');
        await sdkClient(long).request('CreateVpnConnection', OFFICIAL_EXAMPLE);
        clock.advance(3 * MAX_TIMER_MS - 1);
        assert.equal(long.requests.length, 1);
        let finished = false;
        void done.then(() => (finished = true));
        await new Promise((resolve) => setImmediate(resolve));
        assert.equal(finished, false, 'the task finished early');
        clock.advance(1);
        assert.equal((await done).Status, 'SUCCESS');
        assert.ok(
          clock.requested.every((ms) => ms <= MAX_TIMER_MS),
          `asked for ${Math.max(...clock.requested)} ms`,
        );
      } finally {
        await long.close();
      }
    });

    it('refuses a clock without its three functions', async () => {
      await assert.rejects(startEmulator({ clock: { now: () => 0 } as never }), /clock option needs a setTimeout/);
    });
  });

  describe('a scaled clock (600x)', () => {
    it('answers a create held 20 minutes in about 2 s, and performs it only then', async function () {
      this.timeout(15_000);
      const emulator = await startEmulator({ clock: scaledClock(600), taskDelayMs: 10 * MINUTE, stateDelayMs: MINUTE });
      try {
        emulator.faults.inject({ kind: 'latency', action: 'CreateVpnConnection', ms: 20 * MINUTE });
        const started = Date.now();
        const call = sdkClient(emulator, { timeoutSeconds: 12 }).request('CreateVpnConnection', OFFICIAL_EXAMPLE);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const early = await sdkClient(emulator).request('DescribeVpnConnections', {
          Filters: [{ Name: 'vpn-connection-name', Values: ['TEST_CONN'] }],
        });
        assert.equal(early.TotalCount, 0, 'the create was performed before its delay was over');
        const created = await call;
        const elapsed = Date.now() - started;
        assert.ok(elapsed >= 1900 && elapsed < 10_000, `answered after ${elapsed} ms`);
        // Its task (10 minutes) and the state change (1 minute) follow in about 1.1 s.
        const available = waitForEvent(emulator, 'connection', (event) => event.State === 'AVAILABLE');
        assert.equal((await available).VpnConnectionId, created.VpnConnection.VpnConnectionId);
      } finally {
        await emulator.close();
      }
    });

    it('advances now() factor times faster than the real time', async () => {
      const clock = scaledClock(600);
      const before = clock.now();
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(clock.now() - before >= 600 * 45);
      assert.throws(() => scaledClock(0), RangeError);
    });
  });
});
