/**
 * The lab's model of Tencent's side, without daemons: a file's parameters → the cloud gateway's swanctl.conf
 * (lab/cloudGateway.ts, through lab/tunnelSpec.ts), what strongSwan cannot do named by parameter, and
 * swanctl's raw SA listing read back as data (lab/swanctlRaw.ts, lab/negotiated.ts).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { readLabFile } from '../../lab';
import { cloudGatewayConfig, espProposal, ikeProposal } from '../../lab/cloudGateway';
import { insidePlan } from '../../lab/insideAddresses';
import { ikeSasOf } from '../../lab/negotiated';
import { parseSwanctlRaw } from '../../lab/swanctlRaw';
import { tunnelSpecOf } from '../../lab/tunnelSpec';
import { LAB_FIXTURES } from './scenarios';

const addresses = { cloudAddress: '192.0.2.1', peerAddress: '192.0.2.2' };

function specOf(params: Record<string, unknown>) {
  const { spec, problems } = tunnelSpecOf(params);
  assert.ok(spec, problems.join('; '));
  return spec;
}

describe('lab cloud gateway: the Tencent side modelled from the file', () => {
  it("maps the official example's names to strongSwan keywords (3DES-CBC/MD5/GROUP1, ESP 3DES-CBC/SHA1, no PFS)", () => {
    const file = readLabFile(path.join(LAB_FIXTURES, '..', 'official-example.vpnconn.yaml'));
    const spec = specOf(file.params!);
    assert.equal(ikeProposal(spec), '3des-md5-modp768');
    assert.equal(espProposal(spec), '3des-sha1');
    assert.equal(spec.ikeVersion, 1);
    assert.deepEqual(spec.selectors, [{ local: '10.8.4.0/24', remote: '58.211.1.0/24' }]);
  });

  it("writes one proposal each (Tencent offers exactly the file's), one child per SPD pair, and the key only as base64", () => {
    const file = readLabFile(path.join(LAB_FIXTURES, 'policy-ikev1-main.vpnconn.yaml'));
    const text = cloudGatewayConfig(specOf(file.params!), addresses);
    assert.match(text, /^\s+proposals = aes256-sha1-modp2048$/m);
    assert.equal(text.match(/esp_proposals = aes128-sha1-modp2048$/gm)?.length, 2);
    assert.match(text, /local_ts = 10\.8\.4\.0\/24\n\s+remote_ts = 172\.16\.10\.0\/24/);
    assert.match(text, /local_ts = 10\.8\.5\.0\/24\n\s+remote_ts = 172\.16\.20\.0\/24/);
    assert.ok(!text.includes('lab-policy-psk-2'), 'the key is not written in clear');
    assert.match(text, new RegExp(`secret = 0s${Buffer.from('lab-policy-psk-2').toString('base64')}`));
  });

  it('uses fqdn: identities, GCM with a PRF, and PFS groups by their strongSwan names', () => {
    const spec = specOf({
      PreShareKey: 'k',
      IKEOptionsSpecification: {
        IKEVersion: 'IKEV2',
        PropoEncryAlgorithm: 'AES256GCM128',
        PropoAuthenAlgorithm: 'SHA-512',
        DhGroupName: 'GROUP24',
        LocalIdentity: 'FQDN',
        LocalFqdnName: 'a.example',
        RemoteIdentity: 'FQDN',
        RemoteFqdnName: 'b.example',
      },
      IPSECOptionsSpecification: { EncryptAlgorithm: 'AES128GCM128', PfsDhGroup: 'DH-GROUP20' },
    });
    assert.equal(ikeProposal(spec), 'aes256gcm16-prfsha512-modp2048s256');
    assert.equal(espProposal(spec), 'aes128gcm16-ecp384');
    assert.deepEqual([spec.localId, spec.remoteId], ['fqdn:a.example', 'fqdn:b.example']);
  });

  it('refuses what strongSwan cannot do, naming the parameter (SM4, SM3)', () => {
    const { spec, problems } = tunnelSpecOf({
      IKEOptionsSpecification: { PropoEncryAlgorithm: 'SM4', LocalAddress: '192.0.2.1', RemoteAddress: '192.0.2.2' },
      IPSECOptionsSpecification: { IntegrityAlgorith: 'SM3' },
    });
    assert.equal(spec, undefined);
    assert.deepEqual(problems, [
      'IKEOptionsSpecification.PropoEncryAlgorithm = SM4: strongSwan has no such algorithm',
      'IPSECOptionsSpecification.IntegrityAlgorith = SM3: strongSwan has no such algorithm',
    ]);
  });

  it('plans a ping the selectors must refuse: across two SPD rules, or to TEST-NET-2 routed into the tunnel', () => {
    const two = insidePlan(specOf(readLabFile(path.join(LAB_FIXTURES, 'policy-ikev1-main.vpnconn.yaml')).params!), {});
    assert.deepEqual(two.probes, [
      { from: '10.8.4.1', to: '172.16.10.1', expect: 'through-tunnel' },
      { from: '10.8.5.1', to: '172.16.20.1', expect: 'through-tunnel' },
      { from: '10.8.4.1', to: '172.16.20.1', expect: 'refused' },
    ]);
    const one = insidePlan(specOf(readLabFile(path.join(LAB_FIXTURES, 'aggressive-fqdn.vpnconn.yaml')).params!), {});
    assert.deepEqual(one.probes.at(-1), { from: '10.20.0.1', to: '198.51.100.1', expect: 'refused' });
    assert.deepEqual(one.routes.cloud, [{ to: '198.51.100.1' }]);
  });

  it("reads swanctl's raw SA listing (recorded from the lab) into IKE and CHILD SAs", () => {
    const raw =
      'list-sa event {tencent {uniqueid=1 version=2 state=ESTABLISHED local-host=192.0.2.1 local-id=192.0.2.1 ' +
      'remote-id=192.0.2.2 initiator=yes encr-alg=AES_CBC encr-keysize=128 integ-alg=HMAC_SHA2_256_128 ' +
      'prf-alg=PRF_HMAC_SHA2_256 dh-group=MODP_2048 child-sas {route-1 {name=route uniqueid=1 state=INSTALLED ' +
      'mode=TUNNEL protocol=ESP encap=yes encr-alg=AES_CBC encr-keysize=128 integ-alg=HMAC_SHA2_256_128 ' +
      'bytes-in=168 packets-in=2 bytes-out=168 packets-out=2 local-ts=[0.0.0.0/0] remote-ts=[0.0.0.0/0]}}}}\n' +
      'list-sas reply {}\n';
    const [sa] = ikeSasOf(parseSwanctlRaw(raw));
    assert.deepEqual(
      { ...sa, children: undefined },
      {
        name: 'tencent',
        version: 2,
        state: 'ESTABLISHED',
        initiator: true,
        localId: '192.0.2.1',
        remoteId: '192.0.2.2',
        algorithms: {
          encryption: 'AES_CBC_128',
          integrity: 'HMAC_SHA2_256_128',
          prf: 'PRF_HMAC_SHA2_256',
          dh: 'MODP_2048',
        },
        children: undefined,
      },
    );
    assert.deepEqual(sa.children, [
      {
        name: 'route',
        state: 'INSTALLED',
        algorithms: { encryption: 'AES_CBC_128', integrity: 'HMAC_SHA2_256_128', dh: undefined },
        localTs: ['0.0.0.0/0'],
        remoteTs: ['0.0.0.0/0'],
        packetsIn: 2,
        packetsOut: 2,
      },
    ]);
  });
});
