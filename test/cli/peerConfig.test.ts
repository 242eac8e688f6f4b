/**
 * `tcvpn peer-config` as installed (dist/cli.js): the vendor's configuration on stdout, the same text the library
 * writes (its goldens are test/fixtures/peer/); the key only with --include-psk, an --out file holding it private
 * to its owner and never overwritten without --force; the vendor from a `# tcvpn-peer:` comment; problems and
 * placeholders on stderr (exit 1 with problems); a file with errors refused; usage errors exit 2.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, REPO_ROOT } from '../support/build';
import { childEnv } from '../support/childEnv';

const CLI = path.join(REPO_ROOT, 'dist/cli.js');
const CASES = path.join(REPO_ROOT, 'test/fixtures/peer/cases');
const GOLDENS = path.join(REPO_ROOT, 'test/fixtures/peer');

function tcvpn(args: string[], cwd: string, lang = 'C') {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: childEnv({ LANG: lang }),
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('tcvpn peer-config', function () {
  this.timeout(60_000);
  let dir: string;
  const copyCase = (name: string, prefix = '') => {
    const file = path.join(dir, `${name}.vpnconn.yaml`);
    fs.writeFileSync(file, prefix + fs.readFileSync(path.join(CASES, `${name}.vpnconn.yaml`), 'utf8'));
    return file;
  };

  before(() => ensureBuilt());
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-peer-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the vendor configuration (the golden), lists the placeholders, and exits 0', () => {
    const run = tcvpn(['peer-config', copyCase('route-ikev2'), '--vendor', 'strongswan'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, fs.readFileSync(path.join(GOLDENS, 'strongswan/route-ikev2.txt'), 'utf8'));
    assert.match(run.stderr, /placeholders to fill in: <PRE_SHARED_KEY>, <TENCENT_VPC_CIDR>/);
    assert.ok(!run.stdout.includes('fake-psk-peer-01'), 'the key appears without --include-psk');
  });

  it('writes the key only with --include-psk, into an --out file only its owner can read', () => {
    const out = path.join(dir, 'swanctl.conf');
    const run = tcvpn(
      ['peer-config', copyCase('route-ikev2'), '--vendor', 'strongswan', '--include-psk', '--out', out],
      dir,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    const text = fs.readFileSync(out, 'utf8');
    assert.match(text, /secret = "fake-psk-peer-01"/);
    assert.ok(!text.includes('<PRE_SHARED_KEY>'));
    assert.equal(fs.statSync(out).mode & 0o777, 0o600);
  });

  it('refuses to overwrite an --out file unless --force', () => {
    const out = path.join(dir, 'existing.conf');
    fs.writeFileSync(out, 'keep me\n');
    const refused = tcvpn(['peer-config', copyCase('route-ikev2'), '--vendor', 'cisco-ios', '--out', out], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /exists: --force overwrites it/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'keep me\n');
    const forced = tcvpn(
      ['peer-config', copyCase('route-ikev2'), '--vendor', 'cisco-ios', '--out', out, '--force'],
      dir,
    );
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(fs.readFileSync(out, 'utf8'), /^crypto ikev2 proposal tencent-idc-route$/m);
  });

  it('writes the other end of a file that names its existing tunnel (an imported file), as of one to create', () => {
    const file = copyCase('route-ikev2', 'VpnConnectionId: vpnx-5eed01gz\n');
    const run = tcvpn(['peer-config', file, '--vendor', 'strongswan'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, fs.readFileSync(path.join(GOLDENS, 'strongswan/route-ikev2.txt'), 'utf8'));
  });

  it('takes the vendor from a `# tcvpn-peer:` comment when --vendor is absent', () => {
    const run = tcvpn(['peer-config', copyCase('policy-ikev1-main', '# tcvpn-peer: juniper-srx\n')], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, fs.readFileSync(path.join(GOLDENS, 'juniper-srx/policy-ikev1-main.txt'), 'utf8'));
  });

  it('prints each problem on stderr naming the parameter, in the user language, and exits 1', () => {
    const run = tcvpn(['peer-config', copyCase('problems'), '--vendor', 'strongswan'], dir);
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /IPSECOptionsSpecification\.EncryptAlgorithm: strongSwan does not support IPsec encryption SM4/,
    );
    assert.match(
      run.stderr,
      /IPSECOptionsSpecification\.IntegrityAlgorith: strongSwan does not support IPsec integrity SM3/,
    );
    assert.match(run.stdout, /esp_proposals = <NOT_SUPPORTED:SM4>-<NOT_SUPPORTED:SM3>-modp3072/);
    const zh = tcvpn(['peer-config', copyCase('problems'), '--vendor', 'strongswan'], dir, 'zh_CN.UTF-8');
    assert.match(zh.stderr, /strongSwan 不支持 IPsec 加密算法 SM4/);
  });

  it('uses --cloud-address and --peer-address when the file names no identity address', () => {
    const file = copyCase('ikev1-aggressive-fqdn');
    const without = tcvpn(['peer-config', file, '--vendor', 'fortios'], dir);
    assert.match(without.stderr, /<TENCENT_VPN_GATEWAY_PUBLIC_IP>/);
    const run = tcvpn(
      ['peer-config', file, '--vendor', 'fortios', '--cloud-address', '198.51.100.1', '--peer-address', '203.0.113.2'],
      dir,
    );
    assert.equal(run.stdout, fs.readFileSync(path.join(GOLDENS, 'fortios/ikev1-aggressive-fqdn.txt'), 'utf8'));
  });

  it('refuses a file with errors, and writes nothing', () => {
    const file = path.join(dir, 'bad.vpnconn.yaml');
    fs.writeFileSync(file, 'VpnGatewayId: vpngw-1\nIKEOptionsSpecification:\n  DhGroupName: GROUP3\n');
    const out = path.join(dir, 'out.conf');
    const run = tcvpn(['peer-config', file, '--vendor', 'strongswan', '--out', out], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /nothing was written/);
    assert.ok(!fs.existsSync(out));
  });

  it('exits 2 on a usage error: no vendor, an unknown vendor, a bad address', () => {
    const file = copyCase('route-ikev2');
    for (const args of [[], ['--vendor', 'netscreen'], ['--vendor', 'h3c', '--cloud-address', '1.2.3']]) {
      const run = tcvpn(['peer-config', file, ...args], dir);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /--vendor is needed|unknown vendor "netscreen"|--cloud-address must be an IPv4 address/);
    }
  });
});
