/**
 * `tcvpn export` as installed (dist/cli.js): each target from a real file, read back as its tool would read it
 * (the same readers as the library's round-trip tests); the key only with --include-psk, an --out file holding it
 * private to its owner; a file with errors refused; YAML streams by --document; usage errors exit 2.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { PSK_ENV_NAME } from '../../cloud/export';
import { ensureBuilt, REPO_ROOT } from '../support/build';
import { officialExample } from '../support/fixtures';
import { paramsFromTccli, paramsFromTerraform, runSdkSnippet } from '../support/export/readBack';
import { bgpTunnel, policyTunnel } from '../support/export/tunnels';
import { childEnv } from '../support/childEnv';

const CLI = path.join(REPO_ROOT, 'dist/cli.js');

function tcvpn(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: childEnv({ LANG: 'C' }),
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('tcvpn export', function () {
  this.timeout(60_000);
  let dir: string;
  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return name;
  };

  before(() => ensureBuilt());
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-export-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--to terraform prints the resource for a YAML file, without the key, with the region as a comment', () => {
    const file = write('tunnel.vpnconn.yaml', stringify({ Region: 'ap-guangzhou', ...bgpTunnel() }));
    const run = tcvpn(['export', file, '--to', 'terraform'], dir);
    assert.equal(run.code, 0, run.stderr);
    const { PreShareKey: _psk, ...expected } = bgpTunnel();
    const { params } = paramsFromTerraform(run.stdout);
    const ipsec = expected.IPSECOptionsSpecification as Record<string, unknown>;
    ipsec.IntegrityAlgorith = ipsec.IntegrityAlgorithm;
    delete ipsec.IntegrityAlgorithm;
    assert.deepEqual({ ...params, PreShareKey: undefined }, { ...expected, PreShareKey: undefined });
    assert.ok(!run.stdout.includes(String(bgpTunnel().PreShareKey)));
    assert.match(run.stdout, /^# Region ap-guangzhou/m);
  });

  it('says on stderr what terraform will do differently', () => {
    const file = write('t.vpnconn.json', JSON.stringify(officialExample()));
    const run = tcvpn(['export', file, '--to', 'terraform'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      /^tcvpn export: note: terraform sends its own defaults .*ipsec_sa_lifetime_seconds = 3600/m,
    );
  });

  it('a file naming its tunnel gets an import block', () => {
    const file = write('t.vpnconn.json', JSON.stringify({ ...officialExample(), VpnConnectionId: 'vpnx-abcd1234' }));
    const run = tcvpn(['export', file, '--to=terraform'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(paramsFromTerraform(run.stdout).document.import, [
      { to: '${tencentcloud_vpn_connection.test_conn}', id: 'vpnx-abcd1234' },
    ]);
  });

  for (const target of ['tccli', 'sdk']) {
    it(`--to ${target} refuses a file naming its tunnel: the CreateVpnConnection call would make a second one`, () => {
      const file = write('t.vpnconn.json', JSON.stringify({ ...officialExample(), VpnConnectionId: 'vpnx-abcd1234' }));
      const run = tcvpn(['export', file, '--to', target], dir);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /existing tunnel vpnx-abcd1234 .*second tunnel/);
    });
  }

  it('--to tccli --region prints a line sh hands tccli as the file, and names the key variable on stderr', () => {
    const file = write('t.vpnconn.json', JSON.stringify(policyTunnel()));
    const run = tcvpn(['export', file, '--to', 'tccli', '--region', 'ap-shanghai'], dir);
    assert.equal(run.code, 0, run.stderr);
    const back = paramsFromTccli(run.stdout, { [PSK_ENV_NAME]: 'k' });
    assert.deepEqual(back, { params: { ...policyTunnel(), PreShareKey: 'k' }, region: 'ap-shanghai' });
    assert.match(run.stderr, new RegExp(`read from \\$${PSK_ENV_NAME}`));
  });

  it('--to sdk --out writes the snippet to the file, without the key', () => {
    const file = write('t.vpnconn.json', JSON.stringify(officialExample()));
    const run = tcvpn(['export', file, '--to', 'sdk', '--out', 'call.js'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    const text = fs.readFileSync(path.join(dir, 'call.js'), 'utf8');
    assert.ok(!text.includes('6325ac'));
    const { params } = runSdkSnippet(text, { [PSK_ENV_NAME]: 'k' });
    assert.deepEqual(params, { ...officialExample(), PreShareKey: 'k' });
  });

  it('--include-psk writes the key, and an --out file holding it is readable by its owner only', () => {
    const file = write('t.vpnconn.json', JSON.stringify(officialExample()));
    fs.writeFileSync(path.join(dir, 'main.tf'), 'old', { mode: 0o644 });
    const refused = tcvpn(['export', file, '--to', 'terraform', '--include-psk', '--out', 'main.tf'], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /main.tf exists: --force overwrites it\nnothing was exported/);
    assert.equal(fs.readFileSync(path.join(dir, 'main.tf'), 'utf8'), 'old');
    const run = tcvpn(['export', file, '--to', 'terraform', '--include-psk', '--out', 'main.tf', '--force'], dir);
    assert.equal(run.code, 0, run.stderr);
    const out = path.join(dir, 'main.tf');
    assert.equal(paramsFromTerraform(fs.readFileSync(out, 'utf8')).params.PreShareKey, '6325ac');
    assert.equal(fs.statSync(out).mode & 0o777, 0o600);
  });

  it('refuses a file with errors, exporting nothing', () => {
    const file = write('bad.vpnconn.json', JSON.stringify({ ...officialExample(), RouteType: 'Sideways' }));
    const run = tcvpn(['export', file, '--to', 'terraform'], dir);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(
      run.stderr,
      /bad\.vpnconn\.json: document 1: error: line 1: "Sideways" is not an allowed value of RouteType/,
    );
    assert.match(run.stderr, /nothing was exported/);
  });

  it('a YAML stream needs --document, which picks one', () => {
    const stream = [officialExample(), bgpTunnel()].map((value) => stringify(value)).join('---\n');
    const file = write('two.vpnconn.yaml', stream);
    const without = tcvpn(['export', file, '--to', 'tccli'], dir);
    assert.equal(without.code, 2);
    assert.match(without.stderr, /has 2 documents: choose one with --document N/);
    const second = tcvpn(['export', file, '--to', 'tccli', '--document', '2'], dir);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(paramsFromTccli(second.stdout, { [PSK_ENV_NAME]: 'k' }).params.VpnConnectionName, 'bgp-idc-1');
    assert.equal(tcvpn(['export', file, '--to', 'tccli', '--document', '3'], dir).code, 2);
  });

  it('--region must agree with the file’s Region', () => {
    const file = write('t.vpnconn.json', JSON.stringify({ ...officialExample(), Region: 'ap-guangzhou' }));
    const run = tcvpn(['export', file, '--to', 'sdk', '--region', 'ap-beijing'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--region ap-beijing disagrees with the file's Region ap-guangzhou/);
  });

  for (const [why, args, expected] of [
    ['no --to', ['t.vpnconn.json'], /--to must be terraform, tccli, sdk/],
    ['an unknown target', ['t.vpnconn.json', '--to', 'pulumi'], /--to must be terraform, tccli, sdk, not "pulumi"/],
    ['an unknown option', ['t.vpnconn.json', '--to', 'sdk', '--psk'], /Unknown option '--psk'/],
    ['two files', ['t.vpnconn.json', 'u.vpnconn.json', '--to', 'sdk'], /exactly one FILE is needed/],
    ['a missing file', ['missing.vpnconn.json', '--to', 'sdk'], /missing\.vpnconn\.json: /],
  ] as const) {
    it(`exits 2 for ${why}`, () => {
      write('t.vpnconn.json', JSON.stringify(officialExample()));
      const run = tcvpn(['export', ...args], dir);
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, expected);
    });
  }

  it('is listed in tcvpn --help', () => {
    assert.match(tcvpn(['--help'], dir).stdout, /^ {2}export FILE --to terraform\|tccli\|sdk/m);
  });
});
