import assert from 'node:assert/strict';
import { exampleWith, findingsOf, locations } from './helpers';

const ike = (options: Record<string, unknown>) => exampleWith({ IKEOptionsSpecification: options });
const ipsec = (options: Record<string, unknown>) => exampleWith({ IPSECOptionsSpecification: options });

describe('rules: IKE identities and algorithms', () => {
  it('ike-identity-value-missing flags an FQDN identity without its name, at the identity value', () => {
    const findings = findingsOf(
      'ike-identity-value-missing',
      ike({ RemoteIdentity: 'FQDN', RemoteAddress: '203.0.113.10' }),
    );
    assert.deepEqual(locations(findings), [
      { path: ['IKEOptionsSpecification', 'RemoteIdentity'], target: 'value', code: 'InvalidParameterValue.Empty' },
    ]);
    assert.equal(findings[0].severity, 'error');
  });

  it('ike-identity-value-missing only warns for a missing LocalAddress (the zh doc defaults it)', () => {
    const findings = findingsOf(
      'ike-identity-value-missing',
      ike({ LocalIdentity: 'ADDRESS', RemoteIdentity: 'ADDRESS', RemoteAddress: '' }),
    );
    assert.deepEqual(
      findings.map((f) => [f.path[1], f.severity]),
      [
        ['LocalIdentity', 'warning'],
        ['RemoteIdentity', 'error'],
      ],
    );
  });

  it('ike-identity-value-missing stays quiet without an explicit identity and when the value is there', () => {
    assert.deepEqual(findingsOf('ike-identity-value-missing', ike({})), []);
    assert.deepEqual(
      findingsOf('ike-identity-value-missing', ike({ LocalIdentity: 'FQDN', LocalFqdnName: 'vpn.example.com' })),
      [],
    );
  });

  it('ike-identity-coexist flags the value the identity does not use and offers to remove it', () => {
    const findings = findingsOf(
      'ike-identity-coexist',
      ike({ RemoteIdentity: 'FQDN', RemoteAddress: '1.2.3.4', RemoteFqdnName: 'peer.example.com' }),
    );
    assert.deepEqual(locations(findings), [
      { path: ['IKEOptionsSpecification', 'RemoteAddress'], target: 'key', code: 'InvalidParameter.Coexist' },
    ]);
    assert.deepEqual(
      findings[0].fixes?.map((fix) => [fix.kind, fix.path]),
      [['remove', ['IKEOptionsSpecification', 'RemoteAddress']]],
    );
  });

  it('ike-identity-coexist blames the FQDN name when the identity defaults to ADDRESS', () => {
    const findings = findingsOf(
      'ike-identity-coexist',
      ike({ LocalAddress: '1.2.3.4', LocalFqdnName: 'a.example.com' }),
    );
    assert.deepEqual(
      findings.map((f) => f.path),
      [['IKEOptionsSpecification', 'LocalFqdnName']],
    );
    assert.deepEqual(findingsOf('ike-identity-coexist', ike({ LocalAddress: '1.2.3.4', LocalFqdnName: '' })), []);
  });

  it('algorithm-family-spelling turns IPsec spellings in IKE into the IKE ones (SHA1 → SHA, DH-GROUP14 → GROUP14)', () => {
    const findings = findingsOf(
      'algorithm-family-spelling',
      ike({ PropoAuthenAlgorithm: 'SHA1', DhGroupName: 'dh-group14' }),
    );
    assert.deepEqual(locations(findings), [
      { path: ['IKEOptionsSpecification', 'PropoAuthenAlgorithm'], target: 'value', code: 'InvalidParameterValue' },
      { path: ['IKEOptionsSpecification', 'DhGroupName'], target: 'value', code: 'InvalidParameterValue' },
    ]);
    assert.deepEqual(
      findings.map((f) => f.fixes?.[0].kind === 'setValue' && f.fixes[0].value),
      ['SHA', 'GROUP14'],
    );
    assert.match(findings[0].message.en, /IPsec spelling; IKE calls it "SHA"/);
  });

  it('algorithm-family-spelling turns IKE spellings in IPsec into the IPsec ones (SHA → SHA1, GROUP2 → DH-GROUP2)', () => {
    const findings = findingsOf('algorithm-family-spelling', ipsec({ IntegrityAlgorith: 'SHA', PfsDhGroup: 'GROUP2' }));
    assert.deepEqual(
      findings.map((f) => [f.path[1], f.fixes?.[0].kind === 'setValue' && f.fixes[0].value]),
      [
        ['IntegrityAlgorith', 'SHA1'],
        ['PfsDhGroup', 'DH-GROUP2'],
      ],
    );
  });

  it('algorithm-family-spelling leaves values valid in their own family, and groups neither family has', () => {
    assert.deepEqual(
      findingsOf('algorithm-family-spelling', ike({ PropoAuthenAlgorithm: 'SHA', DhGroupName: 'DH-GROUP99' })),
      [],
    );
    assert.deepEqual(
      findingsOf('algorithm-family-spelling', ipsec({ IntegrityAlgorith: 'SHA1', PfsDhGroup: 'NULL' })),
      [],
    );
  });

  it('gcm-gateway-version informs about GCM ciphers unless the gateway is known to be 4.0', () => {
    const doc = exampleWith({
      IKEOptionsSpecification: { PropoEncryAlgorithm: 'AES128GCM128' },
      IPSECOptionsSpecification: { EncryptAlgorithm: 'AES256GCM128' },
    });
    const findings = findingsOf('gcm-gateway-version', doc);
    assert.deepEqual(
      findings.map((f) => [f.path[0], f.severity, f.code]),
      [
        ['IKEOptionsSpecification', 'information', 'UnsupportedOperation'],
        ['IPSECOptionsSpecification', 'information', 'UnsupportedOperation'],
      ],
    );
    assert.deepEqual(findingsOf('gcm-gateway-version', doc, 'CreateVpnConnection', '4.0'), []);
    assert.deepEqual(
      findingsOf('gcm-gateway-version', doc, 'CreateVpnConnection', '2.0').map((f) => f.severity),
      ['error', 'error'],
    );
    assert.deepEqual(findingsOf('gcm-gateway-version', ipsec({ EncryptAlgorithm: 'AES-CBC-256' })), []);
  });
});
