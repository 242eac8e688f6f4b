/**
 * The submission's state machine: the table of which state takes which event (every pair, allowed or refused),
 * what each allowed transition does to the record and why, and that a create can never be sent twice.
 */
import * as assert from 'node:assert/strict';
import { ApiError } from '../../../cloud/apiError';
import { CredentialsError } from '../../../cloud/credentials';
import {
  acceptedEvents,
  next,
  outcomeUnknown,
  recordedError,
  startRecord,
  stateFields,
  stateOf,
  TransitionRefusedError,
  type SubmissionEvent,
  type SubmissionEventType,
  type SubmissionRecord,
  type SubmissionState,
} from '../../../cloud/submissionRecord';
import { OUTCOME_WINDOW_MS } from '../../../cloud/outcomeWindow';

const NOW = 1_700_000_000_000;
const STATES: SubmissionState[] = ['sending', 'unknown', 'task', 'resolve', 'tunnel', 'succeeded', 'failed'];
const LOOKUP_EVENTS: SubmissionEventType[] = ['tunnelFound', 'lookupMissed', 'pollFailed'];

/** The table the module must implement, written out independently. */
const EXPECTED: Record<SubmissionState, SubmissionEventType[]> = {
  sending: [
    'snapshotTaken',
    'snapshotFailed',
    'tunnelExists',
    'createSent',
    'createAccepted',
    'createRefused',
    'createUnclear',
    ...LOOKUP_EVENTS,
    'abandoned',
  ],
  unknown: [...LOOKUP_EVENTS, 'abandoned'],
  task: ['taskReported', 'taskUnknown', 'pollFailed'],
  resolve: LOOKUP_EVENTS,
  tunnel: LOOKUP_EVENTS,
  succeeded: [],
  failed: [],
};

/** One sample of every event. */
const SAMPLES: Record<SubmissionEventType, SubmissionEvent> = {
  snapshotTaken: { type: 'snapshotTaken', preexistingIds: ['vpnx-old'] },
  snapshotFailed: { type: 'snapshotFailed', error: { code: 'InternalError', message: 'listing failed', kind: 'api' } },
  tunnelExists: {
    type: 'tunnelExists',
    tunnel: { VpnConnectionId: 'vpnx-old', State: 'AVAILABLE' },
    adopt: false,
    differences: ['RouteType'],
  },
  createSent: { type: 'createSent' },
  abandoned: { type: 'abandoned' },
  createAccepted: {
    type: 'createAccepted',
    answer: { RequestId: 'req-1', VpnConnection: { VpnConnectionId: 'vpnx-new', State: 'PENDING' } },
  },
  createRefused: { type: 'createRefused', error: { code: 'InvalidParameterValue', message: 'no', kind: 'api' } },
  createUnclear: {
    type: 'createUnclear',
    error: { code: 'Timeout', message: 'network timeout at …', kind: 'timeout' },
  },
  tunnelFound: { type: 'tunnelFound', tunnel: { VpnConnectionId: 'vpnx-new', State: 'PENDING' } },
  lookupMissed: { type: 'lookupMissed', maxLookups: 3 },
  taskReported: { type: 'taskReported', result: { Status: 'RUNNING' } },
  taskUnknown: { type: 'taskUnknown' },
  pollFailed: { type: 'pollFailed', error: { code: 'ECONNRESET', message: 'socket hang up', kind: 'network' } },
  // The events of actions on an existing tunnel, which a create's table takes in no state.
  operationSent: { type: 'operationSent' },
  operationAccepted: { type: 'operationAccepted', answer: { RequestId: 'req-2' } },
  operationRefused: { type: 'operationRefused', error: { code: 'ResourceNotFound', message: 'no', kind: 'api' } },
  operationUnclear: { type: 'operationUnclear', error: { code: 'Timeout', message: 'timeout', kind: 'timeout' } },
  operationConfirmed: { type: 'operationConfirmed' },
};

function recordIn(state: SubmissionState, overrides: Partial<SubmissionRecord> = {}): SubmissionRecord {
  const fresh = startRecord(
    { name: 'tunnel-a', region: 'ap-guangzhou', source: '/x.vpnconn.json', documentIndex: 0, vpnGatewayId: 'vpngw-1' },
    NOW,
    'id-1',
  );
  return { ...fresh, ...stateFields(state), ...overrides };
}

describe('submission state machine', () => {
  describe('the table', () => {
    for (const state of STATES) {
      it(`${state} takes exactly ${EXPECTED[state].join(', ') || 'no event'}`, () => {
        assert.deepEqual([...acceptedEvents(state)].sort(), [...EXPECTED[state]].sort());
      });
      for (const type of Object.keys(SAMPLES) as SubmissionEventType[]) {
        const allowed = EXPECTED[state].includes(type);
        it(`${state} + ${type}: ${allowed ? 'allowed' : 'refused'}`, () => {
          const record = Object.freeze(recordIn(state, { taskId: 'req-1', vpnConnectionId: 'vpnx-new' }));
          if (allowed) assert.doesNotThrow(() => next(record, SAMPLES[type], NOW));
          else
            assert.throws(
              () => next(record, SAMPLES[type], NOW),
              (error: unknown) =>
                error instanceof TransitionRefusedError && error.state === state && error.event === type,
            );
        });
      }
    }

    it('never sends a create twice: no state but sending takes a create event, and nothing leads back to sending', () => {
      for (const state of STATES.filter((candidate) => candidate !== 'sending')) {
        assert.ok(!acceptedEvents(state).some((type) => type.startsWith('create')), state);
        for (const type of acceptedEvents(state))
          assert.notEqual(
            stateOf(next(recordIn(state, { taskId: 'req-1', vpnConnectionId: 'vpnx-new' }), SAMPLES[type], NOW)),
            'sending',
            `${state} + ${type}`,
          );
      }
    });
  });

  describe('sending', () => {
    it('starts as sending, with its outcome unknown and nothing sent', () => {
      const record = recordIn('sending');
      assert.equal(stateOf(record), 'sending');
      assert.deepEqual([record.status, record.phase], ['running', 'send']);
      assert.ok(outcomeUnknown(record));
      assert.equal(record.action, 'CreateVpnConnection');
    });

    it('notes the tunnels that existed before the create and stays sending', () => {
      const record = next(recordIn('sending'), SAMPLES.snapshotTaken, NOW);
      assert.equal(stateOf(record), 'sending');
      assert.deepEqual(record.preexistingIds, ['vpnx-old']);
    });

    it('fails for good when that listing failed or the service refused the create', () => {
      for (const type of ['snapshotFailed', 'createRefused'] as const) {
        const record = next(recordIn('sending'), SAMPLES[type], NOW);
        assert.equal(stateOf(record), 'failed');
        assert.deepEqual([record.status, record.phase, record.finishedAt], ['failed', 'done', NOW]);
        assert.deepEqual(record.error, (SAMPLES[type] as { error: unknown }).error);
      }
    });

    it('follows the task of an accepted create: its RequestId is the TaskId, the answer stored masked', () => {
      const answer = {
        RequestId: 'req-1',
        VpnConnection: { VpnConnectionId: 'vpnx-new', State: 'PENDING', PreShareKey: 'secret-psk' },
      };
      const record = next(recordIn('sending'), { type: 'createAccepted', answer }, NOW);
      assert.equal(stateOf(record), 'task');
      assert.deepEqual(
        [record.requestId, record.taskId, record.vpnConnectionId, record.tunnelState],
        ['req-1', 'req-1', 'vpnx-new', 'PENDING'],
      );
      assert.ok(!JSON.stringify(record.responses).includes('secret-psk'), 'the stored answer holds the key');
    });

    it('looks the tunnel up when an accepted create has no RequestId to follow', () => {
      const record = next(
        recordIn('sending'),
        { type: 'createAccepted', answer: { VpnConnection: { VpnConnectionId: '' } } },
        NOW,
      );
      assert.equal(stateOf(record), 'resolve');
      assert.equal(record.vpnConnectionId, undefined, 'an empty id is no id');
    });

    it('verifies an unclear create, keeping its error so the user sees why', () => {
      const record = next(recordIn('sending'), SAMPLES.createUnclear, NOW);
      assert.equal(stateOf(record), 'unknown');
      assert.equal(record.error?.code, 'Timeout');
      assert.ok(outcomeUnknown(record));
    });

    it('a record still sending after a reload whose create went out is looked up: a miss makes it unknown', () => {
      const record = next(recordIn('sending', { sentAt: NOW - 1000 }), SAMPLES.lookupMissed, NOW);
      assert.equal(stateOf(record), 'unknown');
      assert.deepEqual([record.lookups, record.lookUntil], [1, NOW - 1000 + OUTCOME_WINDOW_MS]);
    });

    it('a record still sending whose create never went out (no sentAt) fails as NotSent on its first miss', () => {
      const record = next(recordIn('sending'), SAMPLES.lookupMissed, NOW);
      assert.deepEqual([stateOf(record), record.error?.code], ['failed', 'NotSent']);
    });

    it('createSent stamps the start of the outcome window, before the create goes out', () => {
      const record = next(recordIn('sending'), SAMPLES.createSent, NOW);
      assert.deepEqual([stateOf(record), record.sentAt, record.lookUntil], ['sending', NOW, NOW + OUTCOME_WINDOW_MS]);
    });

    it('an existing tunnel that matches the file is followed, one that differs refuses the create', () => {
      const adopted = next(
        recordIn('sending'),
        {
          type: 'tunnelExists',
          adopt: true,
          differences: [],
          tunnel: { VpnConnectionId: 'vpnx-old', State: 'PENDING' },
        },
        NOW,
      );
      assert.deepEqual([stateOf(adopted), adopted.vpnConnectionId, adopted.adopted], ['tunnel', 'vpnx-old', true]);
      const refused = next(recordIn('sending'), SAMPLES.tunnelExists, NOW);
      assert.deepEqual([stateOf(refused), refused.error?.code], ['failed', 'TunnelExists']);
      assert.match(refused.error!.message, /already exists .*vpnx-old.*no second one was created.*RouteType/);
    });
  });

  describe('an unknown outcome', () => {
    const unknown = (overrides: Partial<SubmissionRecord> = {}) =>
      next(
        recordIn('sending', { sentAt: NOW, lookUntil: NOW + OUTCOME_WINDOW_MS, ...overrides }),
        SAMPLES.createUnclear,
        NOW,
      );

    it('is what an unclear create leads to, never a failure, and keeps the window of its send', () => {
      const record = unknown();
      assert.deepEqual(
        [stateOf(record), record.status, record.lookUntil],
        ['unknown', 'running', NOW + OUTCOME_WINDOW_MS],
      );
      assert.equal(record.error?.code, 'Timeout');
    });

    it('stays unknown through any number of misses inside the window', () => {
      let record = unknown();
      for (let i = 0; i < 50; i++) record = next(record, SAMPLES.lookupMissed, NOW + OUTCOME_WINDOW_MS - 1);
      assert.deepEqual([stateOf(record), record.lookups], ['unknown', 50]);
    });

    it('says NotCreated only once the window is over, naming the window and the lost answer', () => {
      const record = next(unknown(), SAMPLES.lookupMissed, NOW + OUTCOME_WINDOW_MS);
      assert.deepEqual([stateOf(record), record.error?.code], ['failed', 'NotCreated']);
      assert.match(record.error!.message, /answer was lost \(Timeout: .*\).*35 minutes the service could act on it/);
    });

    it('ends sooner only when the user abandons it', () => {
      const record = next(unknown(), SAMPLES.abandoned, NOW);
      assert.deepEqual([stateOf(record), record.error?.code], ['failed', 'Abandoned']);
      assert.throws(() => next(recordIn('task', { taskId: 'req-1' }), SAMPLES.abandoned, NOW), TransitionRefusedError);
    });
  });

  describe('lookups (unknown, resolve, tunnel)', () => {
    it("adopts a found PENDING tunnel and follows it, clearing the create's error and the misses", () => {
      for (const state of ['sending', 'unknown', 'resolve', 'tunnel'] as const) {
        const record = next(recordIn(state, { error: { message: 'lost' }, lookups: 2 }), SAMPLES.tunnelFound, NOW);
        assert.equal(stateOf(record), 'tunnel', state);
        assert.deepEqual(
          [record.vpnConnectionId, record.tunnelState, record.lookups, record.error],
          ['vpnx-new', 'PENDING', 0, undefined],
        );
      }
    });

    it('succeeds on AVAILABLE and fails on any other state but PENDING', () => {
      const available = next(
        recordIn('tunnel'),
        { type: 'tunnelFound', tunnel: { VpnConnectionId: 'vpnx-new', State: 'AVAILABLE' } },
        NOW,
      );
      assert.deepEqual([stateOf(available), available.finishedAt], ['succeeded', NOW]);
      const deleting = next(
        recordIn('tunnel'),
        { type: 'tunnelFound', tunnel: { VpnConnectionId: 'vpnx-new', State: 'DELETING' } },
        NOW,
      );
      assert.deepEqual([stateOf(deleting), deleting.error?.code], ['failed', 'UnexpectedState']);
    });

    it('counts misses and fails at maxLookups, with a verdict that says what was looked for', () => {
      const verdicts: Array<[SubmissionState, Partial<SubmissionRecord>, string, RegExp]> = [
        ['resolve', {}, 'ResourceNotFound', /task succeeded but no tunnel "tunnel-a" was found on vpngw-1/],
        ['tunnel', { vpnConnectionId: 'vpnx-gone' }, 'ResourceNotFound', /tunnel vpnx-gone no longer exists/],
      ];
      for (const [state, overrides, code, message] of verdicts) {
        const once = next(recordIn(state, overrides), SAMPLES.lookupMissed, NOW);
        assert.deepEqual([stateOf(once), once.lookups], [state, 1]);
        const last = next(recordIn(state, { ...overrides, lookups: 2 }), SAMPLES.lookupMissed, NOW);
        assert.deepEqual([stateOf(last), last.error?.code], ['failed', code], state);
        assert.match(last.error!.message, message);
      }
    });
  });

  describe('task', () => {
    const reported = (Status: string, extra: Partial<SubmissionRecord> = {}, Output?: string) =>
      next(recordIn('task', { taskId: 'req-1', ...extra }), { type: 'taskReported', result: { Status, Output } }, NOW);

    it('keeps polling while RUNNING', () => {
      const record = reported('RUNNING');
      assert.deepEqual([stateOf(record), record.taskStatus], ['task', 'RUNNING']);
    });

    it('on SUCCESS follows the tunnel it knows, or looks it up when the id came back empty', () => {
      assert.equal(stateOf(reported('SUCCESS', { vpnConnectionId: 'vpnx-new' })), 'tunnel');
      assert.equal(stateOf(reported('SUCCESS')), 'resolve');
    });

    it("on FAILED fails with the task's Output", () => {
      const record = reported('FAILED', {}, 'gateway busy');
      assert.deepEqual(
        [stateOf(record), record.output, record.error?.code, record.error?.message],
        ['failed', 'gateway busy', 'TaskFailed', 'gateway busy'],
      );
      assert.equal(reported('FAILED').error?.message, 'The task failed without output.');
    });

    it('looks the tunnel up when the service no longer knows the task', () => {
      assert.equal(stateOf(next(recordIn('task', { taskId: 'req-1' }), SAMPLES.taskUnknown, NOW)), 'resolve');
    });
  });

  describe('transient failures', () => {
    it('keep every running state, count up and show the error; the next answer clears both', () => {
      for (const state of ['sending', 'unknown', 'task', 'resolve', 'tunnel'] as const) {
        const failed = next(
          next(recordIn(state, { taskId: 'req-1', sentAt: NOW }), SAMPLES.pollFailed, NOW),
          SAMPLES.pollFailed,
          NOW,
        );
        assert.deepEqual(
          [stateOf(failed), failed.transientFailures, failed.pollError?.code],
          [state, 2, 'ECONNRESET'],
          state,
        );
        const answer = state === 'task' ? SAMPLES.taskReported : SAMPLES.lookupMissed;
        const answered = next(failed, answer, NOW);
        assert.deepEqual([answered.transientFailures, answered.pollError], [0, undefined], state);
      }
    });
  });

  it('never changes the record it is given', () => {
    const record = Object.freeze(recordIn('task', { taskId: 'req-1' }));
    const copy = structuredClone(record);
    next(record, { type: 'taskReported', result: { Status: 'SUCCESS' } }, NOW);
    assert.deepEqual(record, copy);
  });

  describe('recordedError', () => {
    it("keeps an API error's code, kind and RequestId, and an HTTP status as its code", () => {
      assert.deepEqual(
        recordedError(
          new ApiError({
            kind: 'api',
            code: 'AuthFailure.SignatureFailure',
            message: 'bad',
            requestId: 'r-1',
            retryable: false,
            ambiguous: false,
          }),
        ),
        {
          code: 'AuthFailure.SignatureFailure',
          message: 'bad',
          kind: 'api',
          requestId: 'r-1',
        },
      );
      assert.equal(
        recordedError(
          new ApiError({ kind: 'http', message: 'HTTP 503', httpStatus: 503, retryable: true, ambiguous: true }),
        ).code,
        'HTTP 503',
      );
    });

    it('names set-up errors by their kind and client code', () => {
      assert.deepEqual(recordedError(new CredentialsError(['environment'])), {
        kind: 'credentials',
        code: 'CredentialsError',
        message: 'No Tencent Cloud credentials found. Looked at: environment.',
      });
    });
  });
});
