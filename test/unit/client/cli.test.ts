/**
 * `tcvpn submit` in-process against the emulator: a file with errors is refused before any request (exit 2),
 * --wait --output json prints the one summary object (exit 0 on SUCCESS, 1 on FAILED), usage errors exit 2.
 * Credentials come from the environment or a tccli profile in a temporary HOME.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunningEmulator } from '../../../emulator';
import { fastEmulator, FIXTURES, runCli } from './helpers';

const CREDENTIAL_ENV = [
  'TENCENTCLOUD_SECRET_ID',
  'TENCENTCLOUD_SECRET_KEY',
  'TCCLI_PROFILE',
  'TENCENTCLOUD_REGION',
  'HOME',
];

describe('tcvpn submit (CLI)', () => {
  let emulator: RunningEmulator;
  let home: string;
  const saved: Record<string, string | undefined> = {};
  let fileNumber = 0;

  /** A copy of the example with its own name, so each submit creates a distinct tunnel. */
  function exampleFile(name: string): string {
    const file = path.join(home, `cli-${++fileNumber}.vpnconn.json`);
    const value = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'example.vpnconn.json'), 'utf8'));
    delete value.$schema;
    fs.writeFileSync(file, JSON.stringify({ ...value, VpnConnectionName: name }));
    return file;
  }

  before(async () => {
    emulator = await fastEmulator();
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-cli-'));
    CREDENTIAL_ENV.forEach((name) => (saved[name] = process.env[name]));
    CREDENTIAL_ENV.forEach((name) => delete process.env[name]);
    process.env.HOME = home;
  });
  after(async () => {
    CREDENTIAL_ENV.forEach((name) =>
      saved[name] === undefined ? delete process.env[name] : (process.env[name] = saved[name]),
    );
    fs.rmSync(home, { recursive: true, force: true });
    await emulator.close();
  });
  beforeEach(() => {
    emulator.reset();
    process.env.TENCENTCLOUD_SECRET_ID = emulator.credentials[0].secretId;
    process.env.TENCENTCLOUD_SECRET_KEY = emulator.credentials[0].secretKey;
  });

  it('refuses a file with errors before any request, exit 2', async () => {
    const result = await runCli([path.join(FIXTURES, 'invalid.vpnconn.json'), '--endpoint', emulator.url]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /invalid\.vpnconn\.json: document 1: error: .*\[MissingParameter\]/);
    assert.match(result.stderr, /nothing was submitted/);
    assert.deepEqual(emulator.requests, []);
  });

  it('--wait --output json prints one summary object and exits 0 on SUCCESS', async () => {
    const result = await runCli([exampleFile('cli-ok'), '--endpoint', emulator.url, '--wait', '--output', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(summary), [
      'RecordId',
      'Name',
      'Region',
      'RequestId',
      'TaskId',
      'Status',
      'VpnConnectionId',
      'State',
      'RecordState',
      'LookUntil',
      'Source',
      'Error',
      'Action',
    ]);
    assert.equal(summary.Status, 'SUCCESS');
    assert.equal(summary.State, 'AVAILABLE');
    assert.equal(summary.TaskId, summary.RequestId);
    assert.match(summary.VpnConnectionId, /^vpnx-/);
    assert.equal(summary.Error, null);
  });

  it('without --wait prints the RequestId and TaskId and exits 0', async () => {
    const result = await runCli([exampleFile('cli-nowait'), '--endpoint', emulator.url]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /RequestId: [0-9a-f-]{36}\n\s+TaskId: [0-9a-f-]{36}/);
  });

  it("exits 1 with the task's Output when the task FAILED", async () => {
    emulator.faults.inject({ kind: 'taskFails', output: 'gateway is being upgraded' });
    const result = await runCli([exampleFile('cli-fail'), '--endpoint', emulator.url, '--wait', '--output', 'json']);
    assert.equal(result.code, 1);
    const summary = JSON.parse(result.stdout);
    assert.equal(summary.Status, 'FAILED');
    assert.deepEqual(summary.Error, { Code: 'TaskFailed', Message: 'gateway is being upgraded', RequestId: null });
  });

  it('exits 1 with the API error code for a wrong key', async () => {
    process.env.TENCENTCLOUD_SECRET_KEY = 'wrong-key';
    const result = await runCli([exampleFile('cli-badkey'), '--endpoint', emulator.url, '--output', 'json']);
    assert.equal(result.code, 1);
    const { Error: error, RequestId } = JSON.parse(result.stdout);
    assert.equal(error.Code, 'AuthFailure.SignatureFailure');
    assert.match(error.RequestId ?? '', /\S/, "the service's RequestId of the refused create");
    assert.equal(RequestId, error.RequestId);
  });

  it('reads a tccli profile with --profile', async () => {
    fs.mkdirSync(path.join(home, '.tccli'), { recursive: true });
    fs.writeFileSync(
      path.join(home, '.tccli', 'emu.credential'),
      JSON.stringify({ ...emulator.credentials[0], token: 'None' }),
    );
    delete process.env.TENCENTCLOUD_SECRET_KEY;
    const result = await runCli([exampleFile('cli-profile'), '--endpoint', emulator.url, '--profile', 'emu']);
    assert.equal(result.code, 0, result.stderr);
  });

  it('exits 2 on usage errors and missing credentials, sending nothing', async () => {
    assert.equal((await runCli([])).code, 2);
    assert.equal((await runCli([exampleFile('x'), '--bogus'])).code, 2);
    assert.equal(
      (await runCli([exampleFile('x'), '--region', 'ap-shanghai', '--endpoint', emulator.url])).code,
      2,
      "contradicts the file's Region",
    );
    assert.equal((await runCli([exampleFile('x'), '--endpoint', 'http://example.com:80'])).code, 2);
    delete process.env.TENCENTCLOUD_SECRET_KEY;
    const noCredentials = await runCli([exampleFile('x'), '--endpoint', emulator.url]);
    assert.equal(noCredentials.code, 2);
    assert.match(noCredentials.stderr, /No Tencent Cloud credentials found/);
    assert.deepEqual(emulator.requests, []);
  });
});
