/**
 * lab/diagnose.ts on daemon logs recorded from the tunnel lab (strongSwan 5.9.8, lines as charon wrote them, one
 * excerpt per failure): each failure names the file's parameter that disagrees, in English and Chinese. These
 * run everywhere, also where the lab itself is skipped.
 */
import assert from 'node:assert/strict';
import { diagnose, type HandshakeLogs } from '../../lab';

const log = (...lines: string[]) => lines.map((line) => `14:09:13 14[CFG] ${line}`).join('\n') + '\n';
const none = '';

const IKE_V2_PARAMS = {
  IKEOptionsSpecification: {
    LocalIdentity: 'ADDRESS',
    LocalAddress: '192.0.2.1',
    RemoteIdentity: 'ADDRESS',
    RemoteAddress: '192.0.2.2',
  },
};

function only(logs: HandshakeLogs, params: Record<string, unknown> = IKE_V2_PARAMS) {
  const found = diagnose(logs, params);
  assert.ok(found.length >= 1);
  return found;
}

describe('lab diagnose: a failed handshake explained by the parameter that disagrees', () => {
  it('an IKEv2 DH group mismatch, the peer responding: names DhGroupName with both groups in Tencent words', () => {
    const [found, ...rest] = only({
      cloud: log('received NO_PROPOSAL_CHOSEN notify error'),
      peer: log(
        'received proposals: IKE:AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_3072',
        'configured proposals: IKE:AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048',
        'received proposals unacceptable',
      ),
    });
    assert.deepEqual(rest, [], 'only the DH group differs');
    assert.equal(found.cause, 'proposal');
    assert.deepEqual(found.parameters, ['IKEOptionsSpecification.DhGroupName']);
    assert.match(found.message.en, /file's IKEOptionsSpecification\.DhGroupName gives MODP_3072 \(GROUP15\)/);
    assert.match(found.message.en, /peer device offers MODP_2048 \(GROUP14\)/);
    assert.match(found.message.zh, /DH 组不一致.*GROUP15.*GROUP14/);
  });

  it("an IKEv1 main mode DH mismatch, the cloud responding: the cloud's configured group is the file's", () => {
    const [found] = only({
      cloud: log(
        'received proposals: IKE:AES_CBC_256/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048',
        'configured proposals: IKE:AES_CBC_256/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1536',
        'no proposal found',
      ),
      peer: log('received NO_PROPOSAL_CHOSEN error notify'),
    });
    assert.match(found.message.en, /gives MODP_1536 \(GROUP5\), the peer device offers MODP_2048 \(GROUP14\)/);
  });

  it('skips the proposal pairs that matched and reads the one that did not (a PFS mismatch at the first rekey)', () => {
    const [found] = only({
      cloud: log('received NO_PROPOSAL_CHOSEN notify, no CHILD_SA built'),
      peer: log(
        'received proposals: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/ECP_256',
        'configured proposals: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/ECP_256',
        'received proposals: ESP:AES_CBC_256/HMAC_SHA2_256_128/NO_EXT_SEQ',
        'configured proposals: ESP:AES_CBC_256/HMAC_SHA2_256_128/NO_EXT_SEQ',
        '  no acceptable KEY_EXCHANGE_METHOD found',
        'received proposals: ESP:AES_CBC_256/HMAC_SHA2_256_128/MODP_2048/NO_EXT_SEQ',
        'configured proposals: ESP:AES_CBC_256/HMAC_SHA2_256_128/ECP_256/NO_EXT_SEQ',
      ),
    });
    assert.deepEqual(found.parameters, ['IPSECOptionsSpecification.PfsDhGroup']);
    assert.match(found.message.en, /PFS group differs.*MODP_2048 \(DH-GROUP14\).*ECP_256 \(DH-GROUP19\)/);
  });

  it('an encryption and an integrity mismatch in phase 2 name both fields, in the spelling the file uses', () => {
    const found = only(
      {
        cloud: log(
          'received proposals: ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ',
          'configured proposals: ESP:AES_CBC_128/HMAC_SHA2_256_128/NO_EXT_SEQ',
        ),
        peer: none,
      },
      { IPSECOptionsSpecification: { IntegrityAlgorithm: 'SHA-256' } },
    );
    assert.deepEqual(
      found.map((d) => d.parameters[0]),
      ['IPSECOptionsSpecification.EncryptAlgorithm', 'IPSECOptionsSpecification.IntegrityAlgorithm'],
    );
    assert.match(found[0].message.en, /AES_CBC_128 \(AES-CBC-128\).*AES_CBC_256 \(AES-CBC-256\)/);
  });

  for (const [title, logs] of [
    [
      'IKEv2 (MAC mismatched)',
      {
        cloud: log('received AUTHENTICATION_FAILED notify error'),
        peer: log("tried 1 shared key for '192.0.2.2' - '192.0.2.1', but MAC mismatched"),
      },
    ],
    [
      'IKEv1 main mode (the peer cannot decrypt)',
      { cloud: log('giving up after 2 retransmits'), peer: log('invalid HASH_V1 payload length, decryption failed?') },
    ],
    ['IKEv1 aggressive mode', { cloud: log('calculated HASH does not match HASH payload'), peer: none }],
  ] as const) {
    it(`a wrong pre-shared key, ${title}: names PreShareKey`, () => {
      const [found] = only(logs);
      assert.equal(found.cause, 'pre-shared-key');
      assert.deepEqual(found.parameters, ['PreShareKey']);
      assert.match(found.message.zh, /PreShareKey/);
    });
  }

  it('swapped identities: says which identity the peer device did not expect, and what the file says', () => {
    const [found] = only(
      {
        cloud: none,
        peer: log(
          'looking for pre-shared key peer configs matching 192.0.2.2...192.0.2.1[gw.idc.example]',
          'no peer config found',
        ),
      },
      {
        IKEOptionsSpecification: {
          LocalIdentity: 'FQDN',
          LocalFqdnName: 'gw.idc.example',
          RemoteIdentity: 'FQDN',
          RemoteFqdnName: 'vpn.cloud.example',
        },
      },
    );
    assert.equal(found.cause, 'identity');
    assert.ok(found.parameters.includes('IKEOptionsSpecification.RemoteIdentity'));
    assert.match(found.message.en, /identity the cloud presents, 'gw\.idc\.example' \(the file's LocalFqdnName\)/);
    assert.match(found.message.zh, /gw\.idc\.example/);
  });

  it("an identity the cloud did not expect: names the file's remote identity", () => {
    const [found] = only({
      cloud: log(
        'looking for peer configs matching 192.0.2.1[%any]...192.0.2.2[203.0.113.9]',
        'no matching peer config found',
      ),
      peer: log('received AUTHENTICATION_FAILED notify error'),
    });
    assert.match(found.message.en, /cloud received the identity '203\.0\.113\.9'.*RemoteAddress is '192\.0\.2\.2'/);
  });

  it('traffic selectors the other end has no child for: names SecurityPolicyDatabases', () => {
    const [found] = only({
      cloud: none,
      peer: log('no matching CHILD_SA config found for 10.20.0.0/16 === 192.168.60.0/24'),
    });
    assert.equal(found.cause, 'selectors');
    assert.deepEqual(found.parameters, ['SecurityPolicyDatabases']);
    assert.deepEqual(found.evidence, ['peer: no matching CHILD_SA config found for 10.20.0.0/16 === 192.168.60.0/24']);
  });

  it('aggressive mode refused by the responder: names ExchangeMode', () => {
    const [found] = only({
      cloud: log('Aggressive Mode PSK disabled for security reasons'),
      peer: log('received AUTHENTICATION_FAILED error notify'),
    });
    assert.deepEqual(found.parameters, ['IKEOptionsSpecification.ExchangeMode']);
  });

  it("a failure it does not recognise is said so, with the daemons' own error lines", () => {
    const [found] = only({ cloud: log('something unusual failed here'), peer: none });
    assert.equal(found.cause, 'unknown');
    assert.deepEqual(found.parameters, []);
    assert.deepEqual(found.evidence, ['cloud: something unusual failed here']);
  });
});
