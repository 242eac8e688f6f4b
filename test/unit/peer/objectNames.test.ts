/**
 * The names and numbers of the objects a configuration creates come from the tunnel (peer/naming.ts), so two
 * tunnels' configurations can live on one device: the name's rule (prefix, characters, length, a hash where the
 * name loses characters), the slot, and for every vendor two tunnels that share no object — the only bare
 * "tencent" left is the crypto map / IPsec policy group an interface must share, by design.
 */
import assert from 'node:assert/strict';
import { peerConfig, VENDORS, type VendorId } from '../../../peer/index';
import { DEFAULT_NAMES, deviceName, nameSource, SHORT_NAMES, tunnelSlot } from '../../../peer/naming';
import { VENDOR_SYNTAX } from '../../../peer/vendorSyntax';

describe('peer object names', () => {
  it('are the prefix and the connection name in lower-case letters, digits and dashes', () => {
    assert.equal(deviceName('idc-route', DEFAULT_NAMES), 'tencent-idc-route');
    assert.equal(deviceName('Office A_2.b', DEFAULT_NAMES), 'tencent-office-a-2-b');
    assert.equal(deviceName('idc-route', SHORT_NAMES), 'tc-idc-route');
    assert.equal(deviceName('', DEFAULT_NAMES), 'tencent');
  });

  it('cut a long name to the vendor length with a hash, so names that share a beginning stay apart', () => {
    const [a, b] = ['beijing-datacenter-primary', 'beijing-datacenter-standby'].map((n) => deviceName(n, SHORT_NAMES));
    assert.ok(a.length <= 15 && b.length <= 15, `${a} ${b}`);
    assert.notEqual(a, b);
    assert.match(a, /^tc-[a-z0-9-]+-[0-9a-z]{4}$/);
  });

  it('keep names apart that the slug alone would merge (a Chinese name, punctuation)', () => {
    const names = ['北京机房', '上海机房', 'idc#1', 'idc@1'].map((n) => deviceName(n, DEFAULT_NAMES));
    assert.equal(new Set(names).size, names.length, names.join(' '));
    for (const name of names) assert.match(name, /^tencent-[a-z0-9-]+$/);
  });

  it('come from VpnConnectionName, else VpnConnectionId; the slot is 1–99 and the same on every run', () => {
    assert.equal(nameSource({ VpnConnectionName: ' office ', VpnConnectionId: 'vpnx-1' }), 'office');
    assert.equal(nameSource({ VpnConnectionId: 'vpnx-8ccsnclt' }), 'vpnx-8ccsnclt');
    assert.equal(nameSource({ VpnConnectionName: 42 }), '');
    const slots = ['a', 'b', 'office', '北京', ''].map(tunnelSlot);
    for (const slot of slots) assert.ok(Number.isInteger(slot) && slot >= 1 && slot <= 99, String(slot));
    assert.equal(tunnelSlot('office'), tunnelSlot('office'));
  });
});

const SHARED_GROUP = /^\s*(crypto map tencent\b|ipsec (apply )?policy tencent\b)/;
/** Objects the vendors number: tunnel interfaces, IKE policies and proposals, ACLs, crypto map entries. */
const NUMBERED =
  /\b(Tunnel[0-9/]+|st0\.\d+|st0 unit \d+|tunnel\.\d+|xfrm\d+|ipsec\d+|ipsec-interface=\d+|if_id_(in|out) = \d+|(isakmp|ikev1|ikev2|ike) (policy|proposal) \d+|acl (number|advanced) \d+|crypto map \S+ \d+)/;

function tunnel(name: string, routeType: string): Record<string, unknown> {
  return {
    VpnConnectionName: name,
    RouteType: routeType,
    ...(routeType === 'Policy'
      ? { SecurityPolicyDatabases: [{ LocalCidrBlock: '10.0.0.0/16', RemoteCidrBlock: ['172.16.0.0/16'] }] }
      : {}),
    IKEOptionsSpecification: { IKEVersion: 'IKEV1', LocalAddress: '198.51.100.1', RemoteAddress: '203.0.113.2' },
  };
}

/** The lines that configure the device (not comments). */
function settings(text: string, vendor: VendorId): string[] {
  const marker = vendor === 'cisco-ios' || vendor === 'cisco-asa' ? '!' : '#';
  return text.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith(marker));
}

describe('two tunnels on one device', () => {
  // Two names with different slots, so the numbered objects differ too.
  const [first, second] = ['office-a', 'office-b'];
  before(() => assert.notEqual(tunnelSlot(first), tunnelSlot(second)));

  for (const { id } of VENDORS) {
    for (const routeType of ['StaticRoute', 'Policy']) {
      it(`${id} (${routeType}): have their own object names and numbers; no other name is hard-coded`, () => {
        const [a, b] = [first, second].map((name) =>
          settings(peerConfig(tunnel(name, routeType), { vendor: id }).text, id),
        );
        const nameA = deviceName(first, VENDOR_SYNTAX[id].names);
        assert.ok(
          a.some((line) => line.includes(nameA)),
          `${id} names nothing ${nameA}`,
        );
        assert.ok(!b.some((line) => line.includes(nameA)), `${id} uses the first tunnel's name for the second`);
        for (const line of a.filter((l) => b.includes(l))) {
          assert.doesNotMatch(line, NUMBERED, `${id}: both tunnels number an object the same in "${line}"`);
        }
        for (const line of [...a, ...b].filter((l) => /\btencent\b(?!-)/.test(l))) {
          assert.match(line, SHARED_GROUP, `${id}: a hard-coded name in "${line}"`);
        }
      });
    }
  }
});
