/**
 * The submit flow and the poller against the in-process emulator: a create followed to SUCCESS and AVAILABLE,
 * API errors surfaced with their codes, faults on the create that must not create twice, a FAILED task with its
 * Output, and transient faults during polling that only delay the outcome.
 */
import * as assert from 'node:assert/strict';
import type { RunningEmulator } from '../../../emulator';
import type { Clock } from '../../../cloud/clock';
import { scaledClock } from '../../../emulator';
import { MemoryLog } from '../../../cloud/log';
import { submitDocument } from '../../../cloud/submission';
import type { TaskPoller } from '../../../cloud/taskPoller';
import { connectionsNamed, emulatorClient, exampleDocument, fastEmulator, pollerFor, settled } from './helpers';

describe('client submit flow (emulator)', () => {
  let emulator: RunningEmulator;
  let poller: TaskPoller | undefined;

  before(async () => {
    emulator = await fastEmulator();
  });
  after(async () => emulator.close());
  beforeEach(() => emulator.reset());
  afterEach(() => poller?.dispose());

  /** Runs a test against a separately configured emulator, then goes back to the shared one. */
  async function withOwnEmulator(
    options: Parameters<typeof fastEmulator>[0],
    body: () => Promise<void>,
  ): Promise<void> {
    const shared = emulator;
    emulator = await fastEmulator(options);
    try {
      await body();
    } finally {
      await emulator.close();
      emulator = shared;
    }
  }

  async function submitAndSettle(options: { name: string; client?: ReturnType<typeof emulatorClient>; clock?: Clock }) {
    const client = options.client ?? emulatorClient(emulator);
    const setup = pollerFor(client, undefined, { clock: options.clock });
    poller = setup.poller;
    const submitted = await submitDocument(
      client,
      setup.history,
      {
        source: '/tmp/a.vpnconn.json',
        document: exampleDocument({ VpnConnectionName: options.name }),
        region: 'ap-guangzhou',
      },
      { clock: options.clock },
    );
    poller.track(submitted.id);
    return { submitted, final: await settled(setup.history, submitted.id), history: setup.history };
  }

  it('creates a tunnel and follows it to SUCCESS and AVAILABLE', async () => {
    const { submitted, final } = await submitAndSettle({ name: 'ok-tunnel' });
    assert.equal(submitted.phase, 'task');
    assert.ok(submitted.requestId);
    assert.equal(submitted.taskId, submitted.requestId, "TaskId is the create's RequestId");
    assert.equal(final.status, 'succeeded');
    assert.equal(final.taskStatus, 'SUCCESS');
    assert.equal(final.tunnelState, 'AVAILABLE');
    assert.match(final.vpnConnectionId ?? '', /^vpnx-/);
    assert.equal((await connectionsNamed(emulator, 'ok-tunnel')).length, 1);
    const taskPolls = emulator.requests.filter((request) => request.action === 'DescribeVpcTaskResult');
    assert.ok(
      taskPolls.every((request) => request.signatureOk),
      'every poll was signed correctly',
    );
  });

  it('resolves an empty VpnConnectionId with DescribeVpnConnections', () =>
    withOwnEmulator({ emptyConnectionId: true }, async () => {
      const { submitted, final } = await submitAndSettle({ name: 'empty-id' });
      assert.equal(submitted.vpnConnectionId, undefined);
      assert.equal(final.status, 'succeeded');
      const [connection] = await connectionsNamed(emulator, 'empty-id');
      assert.equal(final.vpnConnectionId, connection.VpnConnectionId);
    }));

  it('surfaces a wrong SecretKey as AuthFailure.SignatureFailure and sends no create', async () => {
    const client = emulatorClient(emulator, new MemoryLog(), {
      credentials: { ...emulator.credentials[0], secretKey: 'not-the-key' },
    });
    const { final } = await submitAndSettle({ name: 'bad-key', client });
    assert.equal(final.status, 'failed');
    assert.equal(final.error?.code, 'AuthFailure.SignatureFailure');
    assert.ok(!emulator.requests.some((request) => request.action === 'CreateVpnConnection'));
  });

  it('surfaces clock skew as AuthFailure.SignatureExpire', () =>
    withOwnEmulator({ clockSkewSeconds: 900 }, async () => {
      const { final } = await submitAndSettle({ name: 'skewed' });
      assert.equal(final.status, 'failed');
      assert.equal(final.error?.code, 'AuthFailure.SignatureExpire');
    }));

  it('fails a task whose result is FAILED, with its Output', async () => {
    emulator.faults.inject({ kind: 'taskFails', output: 'VPN gateway busy (injected)' });
    const { final } = await submitAndSettle({ name: 'doomed' });
    assert.equal(final.status, 'failed');
    assert.equal(final.taskStatus, 'FAILED');
    assert.equal(final.output, 'VPN gateway busy (injected)');
    assert.equal(final.error?.code, 'TaskFailed');
    assert.equal(final.error?.message, 'VPN gateway busy (injected)');
  });

  it('backs off and retries throttled polls until the task succeeds', async () => {
    emulator.faults.inject({ kind: 'throttle', action: 'DescribeVpcTaskResult', times: 3 });
    const log = new MemoryLog();
    const { final } = await submitAndSettle({ name: 'throttled', client: emulatorClient(emulator, log) });
    assert.equal(final.status, 'succeeded');
    const throttled = emulator.requests.filter(
      (request) => request.action === 'DescribeVpcTaskResult' && request.errorCode === 'RequestLimitExceeded',
    );
    assert.equal(throttled.length, 3);
    assert.ok(
      log.lines.some((line) => /throttled \(RequestLimitExceeded\); retry 1\/4/.test(line)),
      'the retry is logged with its backoff',
    );
  });

  it('does not retry a throttled create: it fails with RequestLimitExceeded and nothing is created', async () => {
    emulator.faults.inject({ kind: 'throttle', action: 'CreateVpnConnection' });
    const { final } = await submitAndSettle({ name: 'throttled-create' });
    assert.equal(final.status, 'failed');
    assert.equal(final.error?.code, 'RequestLimitExceeded');
    assert.equal(emulator.requests.filter((request) => request.action === 'CreateVpnConnection').length, 1);
  });

  it('keeps polling through HTTP 5xx, dropped connections and non-JSON answers', async () => {
    const client = emulatorClient(emulator);
    const setup = pollerFor(client);
    poller = setup.poller;
    const submitted = await submitDocument(client, setup.history, {
      source: '/tmp/f.vpnconn.json',
      document: exampleDocument({ VpnConnectionName: 'flaky-polls' }),
      region: 'ap-guangzhou',
    });
    emulator.faults.inject({ kind: 'http5xx', action: 'DescribeVpcTaskResult', status: 502, times: 2 });
    emulator.faults.inject({ kind: 'nonJson', action: 'DescribeVpcTaskResult', times: 1 });
    emulator.faults.inject({ kind: 'drop', action: 'DescribeVpnConnections', times: 2 });
    poller.track(submitted.id);
    const final = await settled(setup.history, submitted.id);
    assert.equal(final.status, 'succeeded');
    assert.equal(final.pollError, undefined, 'the transient error is cleared once a poll succeeds');
    assert.equal(emulator.faults.list().length, 0, 'every injected fault was hit');
  });

  it('retries the read before the create after a dropped connection', async () => {
    emulator.faults.inject({ kind: 'drop', action: 'DescribeVpnConnections', times: 2 });
    const { final } = await submitAndSettle({ name: 'flaky-snapshot' });
    assert.equal(final.status, 'succeeded');
  });

  it('after a 5xx on create, looks for the tunnel until the outcome window ends, then says it was not created', async () => {
    emulator.faults.inject({ kind: 'http5xx', action: 'CreateVpnConnection', status: 503 });
    // 3000× faster: the 35-minute window takes 0.7 s.
    const { submitted, final } = await submitAndSettle({ name: 'five-oh-three', clock: scaledClock(3000) });
    assert.equal(submitted.phase, 'unknown');
    assert.equal(submitted.error?.code, 'HTTP 503');
    assert.equal(final.status, 'failed');
    assert.equal(final.error?.code, 'NotCreated');
    assert.ok(final.finishedAt! >= submitted.lookUntil!, 'not before the window is over');
    assert.equal(emulator.requests.filter((request) => request.action === 'CreateVpnConnection').length, 1);
    assert.equal((await connectionsNamed(emulator, 'five-oh-three')).length, 0);
  });

  it('after a dropped connection on a create that did happen, adopts the tunnel: one connection, never two', async () => {
    emulator.faults.inject({ kind: 'createThenDrop' });
    const { submitted, final } = await submitAndSettle({ name: 'dropped' });
    assert.equal(submitted.requestId, undefined, 'the answer was lost');
    assert.equal(final.status, 'succeeded');
    assert.equal(final.tunnelState, 'AVAILABLE');
    assert.equal(emulator.requests.filter((request) => request.action === 'CreateVpnConnection').length, 1);
    const connections = await connectionsNamed(emulator, 'dropped');
    assert.equal(connections.length, 1);
    assert.equal(final.vpnConnectionId, connections[0].VpnConnectionId);
  });

  it('after a create that timed out but went through later, finds it: one connection, never two', async () => {
    emulator.faults.inject({ kind: 'latency', action: 'CreateVpnConnection', ms: 1500 });
    const client = emulatorClient(emulator, new MemoryLog(), { timeoutSeconds: 0.3 });
    // Enough lookups, with backoff, to outlast the injected latency.
    const setup = pollerFor(client, undefined, { maxLookups: 50 });
    poller = setup.poller;
    const submitted = await submitDocument(client, setup.history, {
      source: '/tmp/t.vpnconn.json',
      document: exampleDocument({ VpnConnectionName: 'slow' }),
      region: 'ap-guangzhou',
    });
    assert.equal(submitted.error?.kind, 'timeout');
    assert.equal(submitted.phase, 'unknown');
    poller.track(submitted.id);
    const final = await settled(setup.history, submitted.id);
    assert.equal(final.status, 'succeeded');
    assert.equal(emulator.requests.filter((request) => request.action === 'CreateVpnConnection').length, 1);
    assert.equal((await connectionsNamed(emulator, 'slow')).length, 1);
  });

  for (const kind of ['nonJson', 'noResponseKey'] as const) {
    it(`treats a ${kind} answer to the create as unclear and settles it with lookups`, async () => {
      emulator.faults.inject({ kind, action: 'CreateVpnConnection' });
      const { submitted, final } = await submitAndSettle({ name: `odd-${kind}`, clock: scaledClock(3000) });
      assert.equal(submitted.error?.kind, 'protocol');
      assert.equal(final.error?.code, 'NotCreated');
      assert.equal((await connectionsNamed(emulator, `odd-${kind}`)).length, 0);
    });
  }
});
