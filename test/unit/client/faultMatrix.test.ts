/**
 * The fault matrix of a submission: every way a create's answer can be late, lost or refused, and every moment a
 * window can reload, against the emulator — with the emulator and the client on one clock 600× faster than the real
 * one (the emulator's scaledClock), so the 35-minute outcome window (cloud/outcomeWindow.ts) takes 3.5 s and a create answered 20 minutes late
 * takes 2 s. The client's request timeout is the default 60 s (0.1 s real). Every cell checks the same three things:
 * exactly the tunnels the verdict says (one, or none), the record's final state and code, and nothing lost (the
 * record is in the store, finished, with the tunnel's id when there is one). The table the cells print is the one
 * in the issue's closing note.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Clock } from '../../../cloud/clock';
import { TaskHistory } from '../../../cloud/history';
import { MemoryLog } from '../../../cloud/log';
import { FileRecordStore } from '../../../cloud/recordStore';
import { submitDocument } from '../../../cloud/submission';
import { stateOf, type SubmissionRecord } from '../../../cloud/submissionRecord';
import { TaskPoller } from '../../../cloud/taskPoller';
import type { FaultSpec, RunningEmulator } from '../../../emulator';
import { scaledClock } from '../../../emulator';
import { connectionsNamed, emulatorClient, exampleDocument, fastEmulator, settled } from './helpers';

const FACTOR = 600;
const MINUTE = 60_000;

/** When a cell's window reloads: never, right after the submit returned, or while the poller follows the record. */
type Reload = 'none' | 'after submit' | 'while following';

interface Cell {
  name: string;
  fault?: FaultSpec;
  reload?: Reload;
  /** The tunnels there must be at the end, and the record's final state (and code, for a failure). */
  tunnels: 0 | 1;
  final: 'succeeded' | 'failed';
  code?: string;
  /** The record's state right after submitDocument returned. */
  afterSubmit: string;
}

const CREATE = 'CreateVpnConnection';

const CELLS: Cell[] = [
  { name: 'answered at once', tunnels: 1, final: 'succeeded', afterSubmit: 'task' },
  {
    name: 'answered 1 s late',
    fault: { kind: 'latency', action: CREATE, ms: 1000 },
    tunnels: 1,
    final: 'succeeded',
    afterSubmit: 'task',
  },
  // Not 1 min: the answer and the 60 s timeout would then fall on the same instant (0.1 s real), a race a loaded
  // machine decides either way. 3 min leaves 0.2 s real between the timeout and the answer.
  ...[3, 5, 20].map((minutes): Cell => ({
    name: `answered ${minutes} min late (after the 60 s timeout)`,
    fault: { kind: 'latency', action: CREATE, ms: minutes * MINUTE },
    tunnels: 1,
    final: 'succeeded',
    afterSubmit: 'unknown',
  })),
  {
    name: 'answered 20 min late, window reloaded after the submit',
    fault: { kind: 'latency', action: CREATE, ms: 20 * MINUTE },
    reload: 'after submit',
    tunnels: 1,
    final: 'succeeded',
    afterSubmit: 'unknown',
  },
  {
    name: 'dropped after acceptance',
    fault: { kind: 'createThenDrop', action: CREATE },
    tunnels: 1,
    final: 'succeeded',
    afterSubmit: 'tunnel',
  },
  {
    name: '5xx after acceptance',
    fault: { kind: 'createThen5xx', action: CREATE, status: 502 },
    tunnels: 1,
    final: 'succeeded',
    afterSubmit: 'tunnel',
  },
  {
    name: 'dropped after acceptance, window reloaded while following',
    fault: { kind: 'createThenDrop', action: CREATE },
    reload: 'while following',
    tunnels: 1,
    final: 'succeeded',
    afterSubmit: 'tunnel',
  },
  {
    name: 'throttled (RequestLimitExceeded)',
    fault: { kind: 'throttle', action: CREATE },
    tunnels: 0,
    final: 'failed',
    code: 'RequestLimitExceeded',
    afterSubmit: 'failed',
  },
  {
    name: '5xx before acceptance: looked for through the whole window',
    fault: { kind: 'http5xx', action: CREATE, status: 503 },
    tunnels: 0,
    final: 'failed',
    code: 'NotCreated',
    afterSubmit: 'unknown',
  },
  {
    name: 'dropped before acceptance, window reloaded after the submit',
    fault: { kind: 'drop', action: CREATE },
    reload: 'after submit',
    tunnels: 0,
    final: 'failed',
    code: 'NotCreated',
    afterSubmit: 'unknown',
  },
];

interface Outcome {
  cell: Cell;
  afterSubmit: SubmissionRecord;
  final: SubmissionRecord;
  stored: SubmissionRecord | undefined;
  tunnels: number;
  creates: number;
  realSeconds: number;
}

function pollerOver(history: TaskHistory, client: ReturnType<typeof emulatorClient>, clock: Clock): TaskPoller {
  return new TaskPoller({ history, clientFor: async () => client, log: new MemoryLog(), clock });
}

async function runCell(cell: Cell, index: number): Promise<Outcome> {
  const started = performance.now();
  const clock = scaledClock(FACTOR);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-matrix-'));
  const emulator: RunningEmulator = await fastEmulator({ clock, taskDelayMs: 30_000, stateDelayMs: 30_000 });
  const pollers: TaskPoller[] = [];
  try {
    if (cell.fault) emulator.faults.inject(cell.fault);
    // The default 60 s request timeout, on the scaled clock's scale (0.1 s real).
    const client = emulatorClient(emulator, new MemoryLog(), { timeoutSeconds: 60 / FACTOR });
    const name = `matrix-${index}`;
    let history = new TaskHistory(new FileRecordStore(dir));
    const planned = { source: `/tmp/${name}.vpnconn.json`, document: exampleDocument({ VpnConnectionName: name }) };
    const afterSubmit = await submitDocument(client, history, { ...planned, region: 'ap-guangzhou' }, { clock });
    if (cell.reload === 'after submit') history = new TaskHistory(new FileRecordStore(dir));
    let poller = pollerOver(history, client, clock);
    pollers.push(poller);
    if (cell.reload === 'after submit') poller.start();
    else poller.track(afterSubmit.id);
    if (cell.reload === 'while following') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      poller.dispose();
      history = new TaskHistory(new FileRecordStore(dir));
      poller = pollerOver(history, client, clock);
      pollers.push(poller);
      poller.start();
    }
    const final = await settled(history, afterSubmit.id);
    const stored = new TaskHistory(new FileRecordStore(dir)).get(afterSubmit.id);
    return {
      cell,
      afterSubmit,
      final,
      stored,
      tunnels: (await connectionsNamed(emulator, name)).length,
      creates: emulator.requests.filter((request) => request.action === CREATE).length,
      realSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    pollers.forEach((poller) => poller.dispose());
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('submission fault matrix (emulator and client on a clock 600× faster)', function () {
  this.timeout(60_000);
  let outcomes: Outcome[];

  before(async () => {
    outcomes = await Promise.all(CELLS.map(runCell));
    const rows = outcomes.map(
      (o) =>
        `| ${o.cell.name} | ${stateOf(o.afterSubmit)} | ${stateOf(o.final)}${o.final.error ? ` ${o.final.error.code}` : ''} | ${o.tunnels} | ${o.creates} | ${o.realSeconds.toFixed(1)} |`,
    );
    console.log(
      [
        '| cell | after submit | final | tunnels | creates sent | real s |',
        '| --- | --- | --- | --- | --- | --- |',
        ...rows,
      ]
        .map((line) => `      ${line}`)
        .join('\n'),
    );
  });

  CELLS.forEach((cell, index) => {
    it(`${cell.name}: ${cell.tunnels} tunnel, ${cell.final}${cell.code ? ` ${cell.code}` : ''}, nothing lost`, () => {
      const outcome = outcomes[index];
      assert.equal(outcome.creates, 1, 'the create was sent exactly once');
      assert.equal(stateOf(outcome.afterSubmit), cell.afterSubmit, 'the state the submit returned');
      assert.equal(outcome.tunnels, cell.tunnels, 'the tunnels the service holds');
      assert.equal(outcome.final.status, cell.final, JSON.stringify(outcome.final.error));
      if (cell.code) assert.equal(outcome.final.error?.code, cell.code);
      assert.ok(outcome.stored, 'the record is in the store');
      assert.equal(outcome.stored.status, cell.final, 'the store holds the final state');
      if (cell.tunnels) {
        assert.match(outcome.final.vpnConnectionId ?? '', /^vpnx-/);
        assert.equal(outcome.final.tunnelState, 'AVAILABLE');
      }
      if (cell.code === 'NotCreated')
        assert.ok(outcome.final.finishedAt! >= outcome.final.lookUntil!, 'not before the outcome window is over');
    });
  });
});
