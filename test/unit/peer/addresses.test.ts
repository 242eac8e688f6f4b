/**
 * Addresses the peer configuration cannot take as they are: an SPD block that is no IPv4 CIDR is a problem naming
 * its parameter on every vendor, with a placeholder in its place and never the text itself in the configuration;
 * a block with host bits set is written as its network, with a note; a health-check, identity or BGP address that
 * is none is a problem too.
 */
import assert from 'node:assert/strict';
import { peerConfig, VENDORS } from '../../../peer/index';

const IKE = {
  IKEVersion: 'IKEV2',
  PropoEncryAlgorithm: 'AES-CBC-128',
  DhGroupName: 'GROUP14',
  LocalAddress: '198.51.100.1',
  RemoteAddress: '203.0.113.2',
};

/** The lines that configure the device (not the opening comment's notes). */
function settings(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*[#!]/.test(line))
    .join('\n');
}

function policy(databases: unknown[], fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { RouteType: 'Policy', SecurityPolicyDatabases: databases, IKEOptionsSpecification: IKE, ...fields };
}

describe('peer configurations: SPD blocks', () => {
  const invalid = policy([
    { LocalCidrBlock: '10.0.0.0/16', RemoteCidrBlock: ['172.16.0.0/16', '172.17.0.0/33'] },
    { LocalCidrBlock: 'not-a-block; rm', RemoteCidrBlock: ['172.18.0.0/24'] },
  ]);

  for (const { id } of VENDORS) {
    it(`${id}: names an SPD block that is no IPv4 CIDR, and writes a placeholder instead of it`, () => {
      const config = peerConfig(invalid, { vendor: id });
      const parameters = config.problems.map((problem) => problem.parameter);
      assert.deepEqual(parameters, [
        'SecurityPolicyDatabases.0.RemoteCidrBlock.1',
        'SecurityPolicyDatabases.1.LocalCidrBlock',
      ]);
      assert.match(
        config.problems[0].message.en,
        /"172\.17\.0\.0\/33" is not an IPv4 CIDR block.*<IDC_CIDR> in its place/,
      );
      assert.match(config.problems[1].message.zh, /不是 IPv4 网段.*<TENCENT_VPC_CIDR>/);
      assert.ok(!config.text.includes('172.17.0.0') && !config.text.includes('not-a-block'), id);
      // The valid mappings are still there, whatever form the vendor writes them in.
      assert.ok(config.text.includes('172.16.0.0') && config.text.includes('172.18.0.0'), id);
      assert.ok(
        config.placeholders.some((name) => name.startsWith('<IDC_')) &&
          config.placeholders.some((name) => name.startsWith('<TENCENT_VPC_')),
        `${id}: ${config.placeholders.join(', ')}`,
      );
    });
  }

  it('writes a block with host bits set as its network, with a note, on every vendor', () => {
    const config = (vendor: (typeof VENDORS)[number]['id']) =>
      peerConfig(policy([{ LocalCidrBlock: '10.0.0.5/24', RemoteCidrBlock: ['172.16.9.1/16'] }]), { vendor });
    for (const { id } of VENDORS) {
      const { text, problems } = config(id);
      assert.deepEqual(problems, [], id);
      assert.ok(!settings(text).includes('10.0.0.5') && !settings(text).includes('172.16.9.1'), id);
      assert.ok(settings(text).includes('10.0.0.0') && settings(text).includes('172.16.0.0'), id);
      assert.match(
        text,
        /SecurityPolicyDatabases\.0\.LocalCidrBlock "10\.0\.0\.5\/24" has host bits set: .* 10\.0\.0\.0\/24/,
      );
    }
    assert.match(config('strongswan').text, /local_ts = 172\.16\.0\.0\/16\n\s+remote_ts = 10\.0\.0\.0\/24/);
  });
});

describe('peer configurations: other addresses', () => {
  it('names a health-check address that is none, and writes the placeholder', () => {
    const params = {
      ...policy([{ LocalCidrBlock: '10.0.0.0/16', RemoteCidrBlock: ['172.16.0.0/16'] }]),
      EnableHealthCheck: true,
      HealthCheckRemoteIp: '172.16.0.1 dev eth0',
    };
    const config = peerConfig(params, { vendor: 'strongswan' });
    assert.deepEqual(
      config.problems.map((problem) => problem.parameter),
      ['HealthCheckRemoteIp'],
    );
    assert.ok(!config.text.includes('dev eth0') && config.text.includes('<HEALTH_CHECK_REMOTE_IP>'));
  });

  it('names an address identity or a BGP address that is none', () => {
    const params = {
      RouteType: 'Bgp',
      BgpConfig: { TunnelCidr: '169.254.0.0/31x', LocalBgpIp: '169.254.0.1' },
      IKEOptionsSpecification: { ...IKE, LocalAddress: '198.51.100.1\nexit' },
    };
    const config = peerConfig(params, { vendor: 'juniper-srx' });
    assert.deepEqual(config.problems.map((problem) => problem.parameter).sort(), [
      'BgpConfig.TunnelCidr',
      'IKEOptionsSpecification.LocalAddress',
    ]);
    assert.ok(!config.text.includes('exit'));
    assert.match(config.text, /remote-identity inet <TENCENT_VPN_GATEWAY_PUBLIC_IP>/);
  });
});
