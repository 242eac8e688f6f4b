/**
 * The peer-config library beyond the goldens: where the two public addresses come from (the account, else the IKE
 * identity, else the options, else a named placeholder), the pre-shared key only when asked, the API's defaults
 * for what the file leaves out, the peer's inside address as the other host of the /30, both spellings of the
 * IPsec integrity, and values the schema refuses left to the schema.
 */
import assert from 'node:assert/strict';
import { readTunnel } from '../../../language/peer/tunnel';
import { VENDOR_IDS } from '../../../language/peer/vendor';
import { VENDOR_PROFILES } from '../../../language/peer/vendors/index';
import { peerAccountFacts, peerConfig, VENDORS } from '../../../peer/index';

const IKE = (fields: Record<string, unknown>) => ({ IKEOptionsSpecification: { IKEVersion: 'IKEV2', ...fields } });

describe('peerConfig', () => {
  it('has one profile and one generator per vendor id, in the same order', () => {
    assert.deepEqual(
      VENDORS.map((vendor) => vendor.id),
      [...VENDOR_IDS],
    );
    assert.deepEqual(
      VENDOR_PROFILES.map((profile) => profile.id),
      [...VENDOR_IDS],
    );
    for (const { id } of VENDORS) assert.ok(peerConfig({}, { vendor: id }).text.length > 0, id);
  });

  it('takes the public addresses from the account first, then the IKE identities, then the options', () => {
    const params = IKE({ LocalAddress: '198.51.100.1', RemoteAddress: '203.0.113.2' });
    const account = { vpnGatewayPublicIp: '198.51.100.9', customerGatewayIp: '203.0.113.9' };
    const options = { cloudAddress: '198.51.100.7', peerAddress: '203.0.113.7' };
    const fromAccount = peerConfig(params, { vendor: 'strongswan', account, ...options }).text;
    assert.match(fromAccount, /remote_addrs = 198\.51\.100\.9/);
    assert.match(fromAccount, /local_addrs = 203\.0\.113\.9/);
    // The identities stay the file's: Tencent's LocalAddress is what the peer expects from the cloud.
    assert.match(fromAccount, /remote \{\n\s+auth = psk\n\s+id = 198\.51\.100\.1/);
    const fromIdentity = peerConfig(params, { vendor: 'strongswan', ...options }).text;
    assert.match(fromIdentity, /remote_addrs = 198\.51\.100\.1/);
    const fromOptions = peerConfig(IKE({}), { vendor: 'strongswan', ...options }).text;
    assert.match(fromOptions, /remote_addrs = 198\.51\.100\.7/);
    assert.match(fromOptions, /local_addrs = 203\.0\.113\.7/);
  });

  it('names a missing address as a placeholder, and lists each placeholder once', () => {
    const config = peerConfig(IKE({}), { vendor: 'cisco-ios' });
    assert.match(config.text, /set peer <TENCENT_VPN_GATEWAY_PUBLIC_IP>/);
    for (const name of ['<TENCENT_VPN_GATEWAY_PUBLIC_IP>', '<CUSTOMER_GATEWAY_PUBLIC_IP>']) {
      assert.ok(config.text.includes(name) && config.placeholders.includes(name), name);
    }
    assert.equal(new Set(config.placeholders).size, config.placeholders.length);
  });

  it('writes the pre-shared key only with includePsk, and then does not list it as a placeholder', () => {
    const params = { PreShareKey: 'k<EY>"1', ...IKE({}) };
    const without = peerConfig(params, { vendor: 'strongswan' });
    assert.ok(!without.text.includes('k<EY>'));
    assert.ok(without.placeholders.includes('<PRE_SHARED_KEY>'));
    const withKey = peerConfig(params, { vendor: 'strongswan', includePsk: true });
    assert.match(withKey.text, /secret = "k<EY>\\"1"/);
    assert.ok(!withKey.placeholders.includes('<PRE_SHARED_KEY>') && !withKey.placeholders.includes('<EY>'));
  });

  it("fills in the API's defaults for what the file leaves out (IKEv1 main, 3DES/SHA/GROUP1, AES-CBC-128/SHA1)", () => {
    const tunnel = readTunnel({});
    assert.deepEqual(
      [tunnel.ikeVersion, tunnel.exchangeMode, tunnel.ike.cipher, tunnel.ike.integrity, tunnel.ike.dhGroup],
      ['IKEV1', 'MAIN', '3DES-CBC', 'SHA', 'GROUP1'],
    );
    assert.deepEqual([tunnel.esp.cipher, tunnel.esp.integrity, tunnel.esp.pfs], ['AES-CBC-128', 'SHA1', 'NULL']);
    assert.deepEqual(
      [tunnel.ike.lifetimeSeconds, tunnel.esp.lifetimeSeconds, tunnel.esp.lifetimeKilobytes],
      [86400, 14400, 4096000000],
    );
    assert.deepEqual([tunnel.routeType, tunnel.negotiation, tunnel.dpd.enabled], ['STATIC', 'active', false]);
    assert.match(peerConfig({}, { vendor: 'strongswan' }).text, /proposals = 3des-sha1-modp768\n/);
  });

  it('makes the other host of the /30 the peer inside address when RemoteBgpIp is absent', () => {
    const params = { RouteType: 'Bgp', BgpConfig: { TunnelCidr: '169.254.20.4/30', LocalBgpIp: '169.254.20.6' } };
    const text = peerConfig(params, { vendor: 'juniper-srx' }).text;
    assert.match(text, /family inet address 169\.254\.20\.5\/30/);
    assert.match(text, /neighbor 169\.254\.20\.6\n/);
    assert.match(text, /autonomous-system <CUSTOMER_GATEWAY_BGP_ASN>/);
  });

  it('reads the IPsec integrity under either spelling and names the spelling the file uses', () => {
    for (const key of ['IntegrityAlgorith', 'IntegrityAlgorithm']) {
      const config = peerConfig({ IPSECOptionsSpecification: { [key]: 'SM3' } }, { vendor: 'strongswan' });
      assert.deepEqual(
        config.problems.map((problem) => problem.parameter),
        [`IPSECOptionsSpecification.${key}`],
      );
    }
  });

  it('reports no problem on a value the schema refuses (the schema does)', () => {
    const config = peerConfig(IKE({ DhGroupName: 'GROUP3' }), { vendor: 'juniper-srx' });
    assert.deepEqual(config.problems, []);
  });

  it('names aggressive mode with IKEv2, on every vendor', () => {
    for (const { id } of VENDORS) {
      const config = peerConfig(
        IKE({ ExchangeMode: 'AGGRESSIVE', DhGroupName: 'GROUP14', PropoEncryAlgorithm: 'AES-CBC-128' }),
        { vendor: id },
      );
      assert.ok(
        config.problems.some((problem) => problem.parameter === 'IKEOptionsSpecification.ExchangeMode'),
        id,
      );
    }
  });

  it('names a lifetime the file sets outside the platform range; clamps a default it leaves out, with a note', () => {
    const juniper = peerConfig(IKE({ IKESaLifetimeSeconds: 604800 }), { vendor: 'juniper-srx' });
    assert.deepEqual(
      juniper.problems.map((problem) => problem.parameter),
      ['IKEOptionsSpecification.IKESaLifetimeSeconds'],
    );
    assert.match(juniper.problems[0].message.en, /180–86400 s .*not 604800 s/);
    const asa = peerConfig(IKE({}), { vendor: 'cisco-asa' });
    assert.ok(!asa.problems.some((problem) => problem.parameter.endsWith('IPSECSaLifetimeTraffic')));
    assert.match(asa.text, /set security-association lifetime kilobytes 2147483647$/m);
    assert.match(asa.text, /IPSECSaLifetimeTraffic is not set: .*default 4096000000 KB.*uses 2147483647 KB/);
    const set = peerConfig(
      { ...IKE({}), IPSECOptionsSpecification: { IPSECSaLifetimeTraffic: 4096000000 } },
      { vendor: 'cisco-asa' },
    );
    assert.ok(set.problems.some((problem) => problem.parameter === 'IPSECOptionsSpecification.IPSECSaLifetimeTraffic'));
  });

  it('reads a value that is no object as an empty file (the defaults), never throwing', () => {
    for (const value of [null, undefined, 'x', 42, []])
      assert.match(peerConfig(value as never, { vendor: 'strongswan' }).text, /proposals = /);
  });

  it('throws for a vendor that does not exist', () => {
    assert.throws(() => peerConfig({}, { vendor: 'netscreen' as never }), /Unknown peer vendor "netscreen"/);
  });
});

describe('peerAccountFacts', () => {
  const snapshot = {
    region: 'ap-guangzhou',
    fetchedAt: 0,
    vpnGateways: [
      {
        id: 'vpngw-1',
        name: 'g',
        publicIp: '198.51.100.9',
        type: 'IPSEC',
        version: '2.0',
        state: 'AVAILABLE',
        vpcId: 'vpc-1',
        bgpAsn: 64551,
      },
    ],
    customerGateways: [{ id: 'cgw-1', name: 'c', ipAddress: '203.0.113.9', bgpAsn: 0 }],
    vpcs: [],
    connections: [],
  };

  it('takes the gateways the file names from the snapshot, and leaves out what the account does not know', () => {
    assert.deepEqual(peerAccountFacts({ VpnGatewayId: 'vpngw-1', CustomerGatewayId: 'cgw-1' }, snapshot), {
      vpnGatewayPublicIp: '198.51.100.9',
      customerGatewayIp: '203.0.113.9',
      vpnGatewayBgpAsn: 64551,
    });
    assert.deepEqual(peerAccountFacts({ VpnGatewayId: 'vpngw-2' }, snapshot), {});
  });
});
