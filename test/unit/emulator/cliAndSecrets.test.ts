/**
 * The `tcvpn emulator` command in its own process (URL and SecretId printed, no key; SIGTERM exits 0; a port in
 * use exits 2 with a clear message), and the promise that the emulator's log never holds a SecretKey or a
 * pre-shared key, even when requests fail.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator } from '../../../emulator';
import { defaultEmulatorSeed } from '../../../emulator/seed';
import { parseEmulatorArgs } from '../../../cli/emulator';
import { OFFICIAL_EXAMPLE, failureOf, sdkClient } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURE = path.join(__dirname, 'fixtures', 'runEmulatorCli.ts');

/** Starts the CLI command; resolves with the process and everything it printed once `ready` matches stdout. */
function runCli(
  args: string[],
  ready: RegExp,
): Promise<{ child: ChildProcess; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', FIXTURE, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (ready.test(output)) resolve({ child, output: () => output, exited });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    exited.then((code) => reject(new Error(`exited ${code} before printing ${ready}: ${output}`)), reject);
  });
}

describe('tcvpn emulator command', () => {
  it('prints the URL and the demo SecretId but not the key, and exits 0 on SIGTERM', async () => {
    const run = await runCli(['--port', '0', '--quiet'], /Stop with Ctrl\+C/);
    const { secretId, secretKey } = defaultEmulatorSeed().credentials[0];
    assert.match(run.output(), /listening on http:\/\/127\.0\.0\.1:\d+/);
    assert.ok(run.output().includes(secretId));
    assert.ok(!run.output().includes(secretKey));
    run.child.kill('SIGTERM');
    assert.equal(await run.exited, 0);
  });

  it('prints the control token, which the control endpoints then take', async () => {
    const run = await runCli(['--port', '0', '--quiet'], /Stop with Ctrl\+C/);
    try {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.output())![1];
      const token = /Control token: (\S+)/.exec(run.output())![1];
      assert.ok(token.length >= 22);
      const withToken = await fetch(`${url}/__emulator/state`, { headers: { 'x-emulator-token': token } });
      assert.equal(withToken.status, 200);
      assert.equal((await fetch(`${url}/__emulator/state`)).status, 401);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  });

  it('prints a SecretId of a custom seed masked', async () => {
    const seed = defaultEmulatorSeed();
    seed.credentials = [{ secretId: 'AKIDcustomSeedId000000000000000000ab', secretKey: 'custom-key-0000' }];
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tcvpn-emulator-')), 'seed.json');
    writeFileSync(file, JSON.stringify(seed));
    let output = '';
    try {
      const run = await runCli(['--port', '0', '--quiet', '--seed', file], /Stop with Ctrl\+C/);
      run.child.kill('SIGTERM');
      await run.exited;
      output = run.output();
    } finally {
      rmSync(path.dirname(file), { recursive: true, force: true });
    }
    assert.ok(!output.includes('AKIDcustomSeedId000000000000000000ab'));
    assert.match(output, /SecretId: AKID\*\*\*\*00ab \(masked\)/);
  });

  it('exits 2 with a clear message when the port is in use', async () => {
    const holder = await startEmulator();
    try {
      const run = await runCli(['--port', String(holder.port)], /already in use/).catch((error: Error) => error);
      const text = run instanceof Error ? run.message : run.output();
      assert.match(text, /port \d+ is already in use on 127\.0\.0\.1/);
      if (!(run instanceof Error)) assert.equal(await run.exited, 2);
    } finally {
      await holder.close();
    }
  });

  it('parses its options and refuses bad ones', () => {
    assert.deepEqual(parseEmulatorArgs(['--port', '8080', '--seed', 's.json', '--task-delay', '5']), {
      options: { port: 8080, seedFile: 's.json', taskDelayMs: 5 },
      quiet: false,
    });
    assert.equal(typeof parseEmulatorArgs(['--port', 'eighty']), 'string');
    assert.equal(typeof parseEmulatorArgs(['--verbose']), 'string');
  });
});

describe('emulator secrets', () => {
  it('never writes the SecretKey or the pre-shared key to its log, on success or failure', async () => {
    const lines: string[] = [];
    const emulator = await startEmulator({ taskDelayMs: 1, stateDelayMs: 1, log: (line) => lines.push(line) });
    try {
      const psk = 'Sup3r-Secret-PSK-4711';
      await sdkClient(emulator).request('CreateVpnConnection', { ...OFFICIAL_EXAMPLE, PreShareKey: psk });
      await failureOf(sdkClient(emulator).request('CreateVpnConnection', { ...OFFICIAL_EXAMPLE, PreShareKey: psk }));
      await failureOf(sdkClient(emulator, { secretKey: 'wrong-key-0815' }).request('DescribeVpnConnections', {}));
      const log = lines.join('\n');
      assert.ok(lines.length >= 3, 'the requests were logged');
      for (const secret of [psk, emulator.credentials[0].secretKey, 'wrong-key-0815'])
        assert.ok(!log.includes(secret), `log contains ${secret}`);
    } finally {
      await emulator.close();
    }
  });

  it('writes SecretIds to its log masked, known or not', async () => {
    const lines: string[] = [];
    const emulator = await startEmulator({ log: (line) => lines.push(line) });
    try {
      const { secretId } = emulator.credentials[0];
      const unknownId = 'AKIDsomeoneRealKeyByMistake000000xyz';
      await sdkClient(emulator).request('DescribeVpnGateways', {});
      await failureOf(sdkClient(emulator, { secretId: unknownId }).request('DescribeVpnGateways', {}));
      const log = lines.join('\n');
      for (const id of [secretId, unknownId]) assert.ok(!log.includes(id), `log contains ${id}`);
      assert.ok(log.includes(`${secretId.slice(0, 4)}****${secretId.slice(-4)}`));
      assert.ok(log.includes('AKID****0xyz'));
    } finally {
      await emulator.close();
    }
  });
});
