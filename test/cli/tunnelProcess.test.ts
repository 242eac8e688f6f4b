/**
 * The built `tcvpn` (node dist/cli.js) as a real process for the tunnel commands: with stdin not a terminal and no
 * --yes, `delete` and `reset` send nothing and exit 2; on a real terminal (a pty from util-linux `script`; skipped
 * without it) the question is answered by typing; `plan`'s errors are exit 1 (its 2 means changes); and the commands
 * are listed in the usage text.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunningEmulator } from '../../emulator';
import { ensureBuilt, REPO_ROOT } from '../support/build';
import { fastEmulator } from '../unit/client/helpers';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/** The exit status of a quick command that needs no emulator (so spawnSync cannot starve it), or -1. */
function spawnSyncSafe(command: string, args: string[]): number {
  const run = spawnSync(command, args, { stdio: 'ignore' });
  return run.error ? -1 : (run.status ?? -1);
}

describe('tcvpn import/plan/apply/delete/reset as processes', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    ensureBuilt();
    emulator = await fastEmulator();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-tunnel-process-'));
    const [demo] = emulator.credentials;
    env = {
      PATH: process.env.PATH,
      LANG: 'C',
      HOME: dir,
      TCVPN_STATE_DIR: path.join(dir, 'state'),
      TENCENTCLOUD_SECRET_ID: demo.secretId,
      TENCENTCLOUD_SECRET_KEY: demo.secretKey,
      TENCENTCLOUD_ENDPOINT: emulator.url,
    };
  });
  after(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the CLI with stdin a pipe (no terminal); the emulator lives in this process, so never spawnSync. */
  const tcvpn = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { env, cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
      child.stdin.end();
    });
  const changing = () => emulator.requests.filter((request) => !request.action.startsWith('Describe'));

  it('refuses delete and reset without a terminal or --yes, sending nothing (exit 2)', async () => {
    for (const verb of ['delete', 'reset']) {
      const run = await tcvpn(verb, 'vpnx-5eed01gz');
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /Delete tunnel vpnx-5eed01gz|Reset tunnel vpnx-5eed01gz/);
      assert.match(run.stderr, /no terminal to confirm on; pass --yes/);
    }
    assert.deepEqual(changing(), []);
  });

  /** Runs the CLI on a real terminal (util-linux `script` gives it a pty) and types `typed` into it. */
  const onTerminal = (typed: string, ...args: string[]) =>
    new Promise<{ status: number | null; output: string }>((resolve) => {
      const command = [process.execPath, CLI, ...args].map((word) => `'${word}'`).join(' ');
      const child = spawn('script', ['-qefc', command, '/dev/null'], {
        env,
        cwd: dir,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
        // Answer once the question is on the terminal, as a person would.
        if (output.includes('[y/N]') && typed) {
          child.stdin.write(typed);
          typed = '';
        }
      });
      child.on('close', (status) => resolve({ status, output }));
    });

  it('asks on a real terminal: "n" sends nothing (exit 1), "y" resets the tunnel (exit 0)', async function () {
    if (spawnSyncSafe('script', ['--version']) !== 0) this.skip();
    const declined = await onTerminal('n\r', 'reset', 'vpnx-5eed01gz');
    assert.equal(declined.status, 1, declined.output);
    assert.match(declined.output, /Reset tunnel vpnx-5eed01gz "existing-static-gz" on vpngw-1w9tue3d/);
    assert.deepEqual(changing(), []);
    const accepted = await onTerminal('y\r', 'reset', 'vpnx-5eed01gz');
    assert.equal(accepted.status, 0, accepted.output);
    assert.deepEqual(
      changing().map((request) => request.action),
      ['ResetVpnConnection'],
    );
  });

  it('takes the endpoint from TENCENTCLOUD_ENDPOINT like every cloud command, and imports to stdout', async () => {
    const run = await tcvpn('import', 'vpnx-5eed01gz', '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).VpnConnectionId, 'vpnx-5eed01gz');
    assert.ok(!run.stdout.includes('seeded-psk-1'));
  });

  it('exits 1 for plan errors, usage included, and lists the commands in its usage', async () => {
    assert.equal((await tcvpn('plan')).status, 1);
    assert.equal((await tcvpn('plan', 'missing.vpnconn.yaml')).status, 1);
    const usage = await tcvpn('--help');
    for (const command of ['import', 'plan', 'apply', 'delete', 'reset'])
      assert.match(usage.stdout, new RegExp(`\\n  ${command} `));
  });
});
