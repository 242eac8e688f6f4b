/**
 * `tcvpn validate --live` against the emulator: credentials from the environment or a tccli profile, the account
 * checks on top of the offline ones, a usage error without credentials, and exit 2 when the lookup fails.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../emulator';
import { fastEmulator } from '../unit/client/helpers';
import { findingsOf, validate } from './support/runCli';

const EXAMPLE = {
  VpnGatewayId: 'vpngw-1w9tue3d',
  CustomerGatewayId: 'cgw-qa9sxpy7',
  VpcId: 'vpc-gapcv96p',
  VpnConnectionName: 'LIVE',
  PreShareKey: 'cli-live-psk',
  SecurityPolicyDatabases: [{ LocalCidrBlock: '10.8.4.0/24', RemoteCidrBlock: ['58.211.1.0/24'] }],
};

describe('tcvpn validate --live', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    emulator = await fastEmulator();
    dir = mkdtempSync(join(tmpdir(), 'tcvpn-live-'));
    writeFileSync(join(dir, 'ok.vpnconn.json'), JSON.stringify(EXAMPLE));
    writeFileSync(
      join(dir, 'wrong-region.vpnconn.json'),
      JSON.stringify({ ...EXAMPLE, Region: 'ap-shanghai', CustomerGatewayId: 'cgw-sh7b2k5x', VpcId: 'vpc-s7d2q8wn' }),
    );
    writeFileSync(join(dir, 'ccn.vpnconn.json'), JSON.stringify({ ...EXAMPLE, VpnGatewayId: 'vpngw-c3cn7m1q' }));
    const [demo] = emulator.credentials;
    env = { LANG: 'C', TENCENTCLOUD_SECRET_ID: demo.secretId, TENCENTCLOUD_SECRET_KEY: demo.secretKey, HOME: dir };
  });
  after(async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const codesByFile = (run: Awaited<ReturnType<typeof validate>>) =>
    Object.fromEntries(
      ['ok', 'wrong-region', 'ccn'].map((name) => [
        name,
        findingsOf(run)
          .filter((f) => f.file === `${name}.vpnconn.json`)
          .map((f) => `${f.ruleId}:${f.code}`),
      ]),
    );

  it('adds the account checks, with the region where a misplaced id lives', async () => {
    const run = await validate(['--live', '--endpoint', emulator.url, '--format', 'json', '.'], dir, env);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(codesByFile(run), {
      ok: [],
      'wrong-region': ['account-resource-not-found:ResourceNotFound'],
      ccn: ['account-vpc-mismatch:InvalidParameterValue'],
    });
    assert.match(
      findingsOf(run).find((f) => f.file === 'wrong-region.vpnconn.json')!.message as string,
      /exists in ap-guangzhou/,
    );
    assert.ok(
      emulator.requests.some((request) => request.action === 'DescribeVpcs' && request.region === 'ap-shanghai'),
    );
    assert.ok(!run.stdout.includes('seeded-psk') && !run.stderr.includes(emulator.credentials[0].secretKey));
  });

  it('without --live makes no request and finds nothing account-related', async () => {
    const before = emulator.requests.length;
    const run = await validate(['--format', 'json', '.'], dir, env);
    assert.deepEqual(codesByFile(run), { ok: [], 'wrong-region': [], ccn: [] });
    assert.equal(emulator.requests.length, before);
  });

  it('reads a tccli profile when the environment has no key', async () => {
    const [demo] = emulator.credentials;
    mkdirSync(join(dir, '.tccli'), { recursive: true });
    writeFileSync(
      join(dir, '.tccli', 'default.credential'),
      JSON.stringify({ secretId: demo.secretId, secretKey: demo.secretKey }),
    );
    const run = await validate(['--live', '--endpoint', emulator.url, '--format', 'json', 'ccn.vpnconn.json'], dir, {
      LANG: 'C',
      HOME: dir,
    });
    rmSync(join(dir, '.tccli'), { recursive: true, force: true });
    assert.deepEqual(
      findingsOf(run).map((f) => f.ruleId),
      ['account-vpc-mismatch'],
      run.stderr,
    );
  });

  it('exits 2 with a message when there are no credentials or the lookup fails', async () => {
    const noKey = await validate(['--live', '--endpoint', emulator.url, '.'], dir, { LANG: 'C', HOME: dir });
    assert.equal(noKey.code, 2);
    assert.match(noKey.stderr, /--live needs credentials/);
    emulator.faults.inject({ kind: 'http5xx', status: 503, times: 50 });
    const failed = await validate(['--live', '--endpoint', emulator.url, '.'], dir, env);
    emulator.faults.clear();
    assert.equal(failed.code, 2);
    assert.match(failed.stderr, /--live: the account lookup failed/);
  });

  it('refuses --region and --endpoint without --live', async () => {
    const run = await validate(['--region', 'ap-shanghai', '.'], dir, env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /go with --live/);
  });
});
