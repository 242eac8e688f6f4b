/**
 * The bundled client reaches the local emulator even where the agent it gives a request is replaced, as VS Code's
 * extension host does for every host but localhost (`http.proxySupport`). The bundle (dist/cli.js, built the same
 * way as dist/client.js) sends emulator-bound requests to 127.0.0.1 by URL; the signature still names service vpc
 * and Host vpc.tencentcloudapi.com, which the emulator checks.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LoopbackAgent } from '../../../cloud/endpoint';
import { loopbackUrl } from '../../../cloud/loopbackFetch';
import type { RunningEmulator } from '../../../emulator';
import { ensureBuilt } from '../../support/build';
import { REPO_ROOT } from '../../cli/support/runCli';
import { fastEmulator, FIXTURES } from './helpers';

const PROXY_LAYER = path.join(REPO_ROOT, 'test/fixtures/client/preload/vscode-proxy-layer.js');

function runBundledCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', PROXY_LAYER, path.join(REPO_ROOT, 'dist/cli.js'), ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('loopback endpoint under a proxy layer that replaces agents', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let home: string;

  before(async () => {
    ensureBuilt();
    emulator = await fastEmulator();
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-proxy-'));
  });
  after(async () => {
    fs.rmSync(home, { recursive: true, force: true });
    await emulator.close();
  });

  it('sends a loopback-agent request to the agent origin with the path kept, and leaves other requests alone', () => {
    const agent = new LoopbackAgent('127.0.0.1', 8930);
    try {
      assert.equal(loopbackUrl('http://vpc.tencentcloudapi.com/?a=1', agent), 'http://127.0.0.1:8930/?a=1');
      assert.equal(loopbackUrl('https://vpc.tencentcloudapi.com/', undefined), 'https://vpc.tencentcloudapi.com/');
    } finally {
      agent.destroy();
    }
  });

  it('creates a tunnel on the emulator through the bundled client, signed for vpc.tencentcloudapi.com', async () => {
    const file = path.join(home, 'proxy-layer.vpnconn.json');
    const value = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'example.vpnconn.json'), 'utf8'));
    delete value.$schema;
    fs.writeFileSync(file, JSON.stringify({ ...value, VpnConnectionName: 'proxy-layer' }));
    const { secretId, secretKey } = emulator.credentials[0];
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      LANG: 'C',
      TENCENTCLOUD_SECRET_ID: secretId,
      TENCENTCLOUD_SECRET_KEY: secretKey,
    };
    const result = await runBundledCli(['submit', file, '--endpoint', emulator.url, '--output', 'json'], env);
    assert.equal(result.code, 0, `exit ${result.code}: ${result.stdout}${result.stderr}`);
    const summary = JSON.parse(result.stdout) as { RequestId?: string; Error?: unknown };
    assert.ok(summary.RequestId, `no RequestId: ${result.stdout}`);
    assert.equal(summary.Error ?? null, null);
    assert.ok(!result.stdout.includes(secretKey) && !result.stderr.includes(secretKey), 'the SecretKey was printed');
  });
});
