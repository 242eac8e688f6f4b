/**
 * One tunnel, whatever the processes do: the built `tcvpn` (node dist/cli.js) as real processes sharing one state
 * directory with an in-process submit (as the extension runs it) against one emulator.
 * - Two CLIs and the extension submit the same file at once: exactly one tunnel; every other submit is refused with
 *   the first one's state, or follows the tunnel that exists, and none sends a second create.
 * - A CLI killed (SIGKILL) while its create is on its way leaves its record, which `tcvpn status` shows with the
 *   outcome unknown and `tcvpn watch` follows to the one tunnel; a CLI interrupted (SIGINT) says how to resume.
 * - A second submit while the first one's outcome is unknown is refused until `tcvpn abandon`; after it, the new
 *   submit finds the tunnel that appeared and follows it instead of creating a twin.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TaskHistory } from '../../cloud/history';
import { FileRecordStore } from '../../cloud/recordStore';
import { SubmitRefusedError } from '../../cloud/refusal';
import { submitDocument } from '../../cloud/submission';
import { next, startRecord } from '../../cloud/submissionRecord';
import type { RunningEmulator } from '../../emulator';
import { ensureBuilt, REPO_ROOT } from '../support/build';
import { connectionsNamed, emulatorClient, exampleDocument, exampleText, fastEmulator } from '../unit/client/helpers';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/** The key fields of the official example's tunnel, named `name`. */
const TUNNEL_OF = (name: string) => ({
  name,
  region: 'ap-guangzhou',
  vpnGatewayId: 'vpngw-1w9tue3d',
  customerGatewayId: 'cgw-qa9sxpy7',
});

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

describe('tcvpn submit across processes: one tunnel, nothing lost', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  before(() => ensureBuilt());

  beforeEach(async () => {
    emulator = await fastEmulator();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-processes-'));
    const { secretId, secretKey } = emulator.credentials[0];
    env = {
      PATH: process.env.PATH,
      LANG: 'C',
      HOME: dir,
      TCVPN_STATE_DIR: path.join(dir, 'state'),
      TENCENTCLOUD_SECRET_ID: secretId,
      TENCENTCLOUD_SECRET_KEY: secretKey,
      TENCENTCLOUD_REGION: 'ap-guangzhou',
    };
  });

  afterEach(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function fileNamed(name: string): string {
    const file = path.join(dir, `${name}.vpnconn.json`);
    fs.writeFileSync(file, exampleText({ VpnConnectionName: name }));
    return file;
  }

  function cli(args: string[]): Run {
    const child = spawn(process.execPath, [CLI, ...args], { env, cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const done = new Promise<Awaited<Run['done']>>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
    );
    return { child, done };
  }

  const submitArgs = (file: string, ...more: string[]) => ['submit', file, '--endpoint', emulator.url, ...more];
  const creates = () => emulator.requests.filter((request) => request.action === 'CreateVpnConnection').length;
  const sharedHistory = () => new TaskHistory(new FileRecordStore(env.TCVPN_STATE_DIR!));

  it('two CLIs and the extension at once: one tunnel, one create, the others refused or following it', async () => {
    // A slow create keeps the first submit's record open while the others arrive.
    emulator.faults.inject({ kind: 'latency', action: 'CreateVpnConnection', ms: 1500 });
    const file = fileNamed('contended');
    const runs = [
      cli(submitArgs(file, '--wait', '--output', 'json')),
      cli(submitArgs(file, '--wait', '--output', 'json')),
    ];
    const inProcess = submitDocument(emulatorClient(emulator), sharedHistory(), {
      source: file,
      document: exampleDocument({ VpnConnectionName: 'contended' }),
      region: 'ap-guangzhou',
    }).then(
      (record) => ({ record }),
      (error: unknown) => ({ error }),
    );
    const results = await Promise.all(runs.map((run) => run.done));
    const extension = await inProcess;
    assert.equal((await connectionsNamed(emulator, 'contended')).length, 1, 'exactly one tunnel');
    assert.equal(creates(), 1, 'exactly one create was sent');
    const refusedCli = results.filter((result) => result.code === 2);
    for (const refused of refusedCli) assert.match(refused.stderr, /already being created|holds its lock/);
    const refusedHere = 'error' in extension;
    if (refusedHere) assert.ok(extension.error instanceof SubmitRefusedError, String(extension.error));
    // Whoever was not refused either created the tunnel or followed the one that existed.
    for (const result of results.filter((r) => r.code !== 2)) {
      assert.equal(result.code, 0, result.stderr);
      assert.equal(JSON.parse(result.stdout).Status, 'SUCCESS');
    }
    assert.ok(refusedCli.length + (refusedHere ? 1 : 0) >= 1, 'at least one submit met another one');
  });

  it('a CLI killed while its create is on its way: status shows the unknown outcome, watch follows it to one tunnel', async () => {
    emulator.faults.inject({ kind: 'latency', action: 'CreateVpnConnection', ms: 1000 });
    const file = fileNamed('killed');
    const run = cli(submitArgs(file, '--wait'));
    // Kill it once the create has reached the emulator (the service acts on it regardless).
    await new Promise<void>((resolve) => {
      const onRequest = (request: { action: string }) => {
        if (request.action !== 'CreateVpnConnection') return;
        emulator.events.off('request', onRequest);
        resolve();
      };
      emulator.events.on('request', onRequest);
    });
    run.child.kill('SIGKILL');
    assert.equal((await run.done).signal, 'SIGKILL');

    const [record] = sharedHistory().list();
    assert.ok(record, 'the killed process left its record');
    assert.equal(record.phase, 'send');
    assert.ok(record.sentAt, 'with its send stamped: the outcome is unknown, not "not sent"');
    const status = await cli(['status', '--output', 'json']).done;
    assert.equal(status.code, 0, status.stderr);
    assert.equal(JSON.parse(status.stdout)[0].RecordId, record.id);

    const again = await cli(submitArgs(file)).done;
    assert.equal(again.code, 2, 'a second submit is refused while the first one is open');
    assert.match(again.stderr, new RegExp(`already being created.*${record.id}`));

    const watched = await cli(['watch', record.id.slice(0, 8), '--endpoint', emulator.url, '--output', 'json']).done;
    assert.equal(watched.code, 0, watched.stderr);
    const summary = JSON.parse(watched.stdout);
    assert.deepEqual([summary.Status, summary.State], ['SUCCESS', 'AVAILABLE']);
    assert.equal((await connectionsNamed(emulator, 'killed')).length, 1);
    assert.equal(creates(), 1);
  });

  it('watch without credentials says so and exits 2 instead of polling for ever', async () => {
    const history = sharedHistory();
    const record = next(
      next(startRecord({ ...TUNNEL_OF('no-credentials'), source: fileNamed('no-credentials'), documentIndex: 0 }), {
        type: 'createSent',
      }),
      { type: 'createAccepted', answer: { RequestId: 'req-1' } },
    );
    await history.upsert(record);
    delete env.TENCENTCLOUD_SECRET_ID;
    delete env.TENCENTCLOUD_SECRET_KEY;
    const watched = await cli(['watch', record.id, '--endpoint', emulator.url]).done;
    assert.equal(watched.code, 2);
    assert.match(watched.stderr, /tcvpn watch: .*credentials/i);
    assert.equal(sharedHistory().get(record.id)?.status, 'running', 'the record is left as it was');
  });

  it('Ctrl-C during a submit keeps the record and says how to resume', async () => {
    emulator.faults.inject({ kind: 'latency', action: 'CreateVpnConnection', ms: 1500 });
    const run = cli(submitArgs(fileNamed('interrupted'), '--wait'));
    await new Promise<void>((resolve) => emulator.events.once('request', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 300));
    run.child.kill('SIGINT');
    const result = await run.done;
    assert.equal(result.code, 130);
    assert.match(result.stderr, /interrupted \(SIGINT\); nothing is lost/);
    const [record] = sharedHistory().list();
    assert.match(result.stderr, new RegExp(`tcvpn watch ${record.id}`));
  });

  it('an unknown outcome refuses a resubmit until abandoned; then the tunnel that appeared is followed, not twinned', async () => {
    // The create's answer is lost (dropped after acceptance), and from then on lookups fail, so nobody can tell yet.
    emulator.faults.inject({ kind: 'createThenDrop', action: 'CreateVpnConnection' });
    emulator.events.on('request', (request: { action: string }) => {
      if (request.action === 'CreateVpnConnection')
        emulator.faults.inject({ kind: 'http5xx', action: 'DescribeVpnConnections', times: 1000 });
    });
    const file = fileNamed('lost-answer');
    const first = cli(submitArgs(file, '--timeout', '1'));
    const phase = await new Promise<string>((resolve) => {
      const check = () => {
        const record = sharedHistory().list()[0];
        if (record && record.phase !== 'send') return resolve(record.phase);
        setTimeout(check, 50);
      };
      check();
    });
    assert.equal(phase, 'unknown');
    first.child.kill('SIGINT');
    await first.done;
    const [record] = sharedHistory().list();
    assert.equal(record.phase, 'unknown');

    const refused = await cli(submitArgs(file)).done;
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /outcome is unknown.*tcvpn abandon/);

    const abandoned = await cli(['abandon', record.id]).done;
    assert.equal(abandoned.code, 0, abandoned.stderr);
    assert.match(abandoned.stdout, /Abandoned/);

    emulator.faults.clear();
    const resubmitted = await cli(submitArgs(file, '--wait', '--output', 'json')).done;
    assert.equal(resubmitted.code, 0, resubmitted.stderr);
    assert.equal(JSON.parse(resubmitted.stdout).Status, 'SUCCESS');
    assert.equal((await connectionsNamed(emulator, 'lost-answer')).length, 1, 'no twin');
    assert.equal(creates(), 1, 'the resubmit followed the existing tunnel');
  });
});
