import assert from 'node:assert/strict';
import createSchema from '../../../schemas/CreateVpnConnection.schema.json';
import { weaknessOf } from '../../../language/rules/weakCrypto';
import { applyAction } from './editorHelpers';
import { exampleWith, findingsOf } from './helpers';

const HEAD = 'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: T\nPreShareKey: k\n';
const strong = {
  IKEOptionsSpecification: {
    PropoEncryAlgorithm: 'AES-CBC-256',
    PropoAuthenAlgorithm: 'SHA-256',
    DhGroupName: 'GROUP14',
  },
  IPSECOptionsSpecification: {
    EncryptAlgorithm: 'AES-CBC-128',
    IntegrityAlgorith: 'SHA-256',
    PfsDhGroup: 'DH-GROUP14',
  },
};

describe('rules: weak cryptography', () => {
  it('flags each weak algorithm of the official example as information, with the stronger choice', () => {
    const findings = findingsOf('weak-cryptography', exampleWith({}));
    assert.deepEqual(
      findings.map((f) => [f.path.join('.'), f.severity]),
      [
        ['IKEOptionsSpecification.PropoEncryAlgorithm', 'information'],
        ['IKEOptionsSpecification.PropoAuthenAlgorithm', 'information'],
        ['IKEOptionsSpecification.DhGroupName', 'information'],
        ['IPSECOptionsSpecification.EncryptAlgorithm', 'information'],
      ],
    );
    assert.deepEqual(
      findings.map((f) => f.fixes?.map((fix) => fix.kind === 'setValue' && fix.value)),
      [['AES-CBC-128'], ['SHA-256'], ['GROUP14'], ['AES-CBC-128']],
    );
    assert.match(findings[0].message.en, /3DES-CBC is weak.*prefer AES-CBC-128/);
    assert.match(findings[0].message.zh, /3DES-CBC 强度不足.*AES-CBC-128/);
  });

  it('covers DES, no encryption, MD5 under both integrity spellings, and the PFS groups 1, 2 and 5', () => {
    for (const [path, value, stronger] of [
      ['IKEOptionsSpecification.PropoEncryAlgorithm', 'DES-CBC', 'AES-CBC-128'],
      ['IKEOptionsSpecification.DhGroupName', 'GROUP2', 'GROUP14'],
      ['IKEOptionsSpecification.DhGroupName', 'GROUP5', 'GROUP14'],
      ['IPSECOptionsSpecification.EncryptAlgorithm', 'NULL', 'AES-CBC-128'],
      ['IPSECOptionsSpecification.IntegrityAlgorith', 'MD5', 'SHA-256'],
      ['IPSECOptionsSpecification.IntegrityAlgorithm', 'MD5', 'SHA-256'],
      ['IPSECOptionsSpecification.PfsDhGroup', 'DH-GROUP1', 'DH-GROUP14'],
      ['IPSECOptionsSpecification.PfsDhGroup', 'DH-GROUP5', 'DH-GROUP14'],
    ]) {
      const [object, key] = path.split('.');
      const doc = exampleWith({ ...strong, [object]: { ...strong[object as keyof typeof strong], [key]: value } });
      const findings = findingsOf('weak-cryptography', doc);
      assert.deepEqual(
        findings.map((f) => [f.path.join('.'), f.fixes?.map((fix) => fix.kind === 'setValue' && fix.value)[0]]),
        [[path, stronger]],
        path + value,
      );
    }
  });

  it('says nothing of strong choices, SM4/SM3, GCM or no PFS', () => {
    assert.deepEqual(findingsOf('weak-cryptography', exampleWith(strong)), []);
    const national = {
      IKEOptionsSpecification: { PropoEncryAlgorithm: 'SM4', PropoAuthenAlgorithm: 'SM3' },
      IPSECOptionsSpecification: { EncryptAlgorithm: 'AES256GCM128', IntegrityAlgorithm: 'SM3', PfsDhGroup: 'NULL' },
    };
    assert.deepEqual(findingsOf('weak-cryptography', exampleWith(national)), []);
  });

  it('suggests only values the schema allows', () => {
    const ike = createSchema.properties.IKEOptionsSpecification.properties;
    const ipsec = createSchema.properties.IPSECOptionsSpecification.properties;
    for (const finding of findingsOf(
      'weak-cryptography',
      exampleWith({
        IPSECOptionsSpecification: { EncryptAlgorithm: 'DES-CBC', IntegrityAlgorith: 'MD5', PfsDhGroup: 'DH-GROUP2' },
      }),
    )) {
      const fix = finding.fixes?.[0];
      const owner = finding.path[0] === 'IKEOptionsSpecification' ? ike : ipsec;
      const allowed = (owner as Record<string, { enum?: string[] }>)[String(finding.path[1])].enum ?? [];
      assert.ok(fix?.kind === 'setValue' && allowed.includes(String(fix.value)), finding.path.join('.'));
    }
  });

  it("completion labels (the schema's value descriptions) call weak exactly the values the rule flags", () => {
    for (const object of ['IKEOptionsSpecification', 'IPSECOptionsSpecification'] as const) {
      const properties = createSchema.properties[object].properties as Record<
        string,
        { enum?: string[]; enumDescriptions?: string[]; 'x-enum-descriptions-zh'?: string[] }
      >;
      for (const [key, property] of Object.entries(properties)) {
        (property.enum ?? []).forEach((value, index) => {
          const labelled =
            /weak/.test(property.enumDescriptions?.[index] ?? '') &&
            /弱/.test(property['x-enum-descriptions-zh']?.[index] ?? '');
          assert.equal(labelled, weaknessOf([object, key], value) !== undefined, `${object}.${key} ${value}`);
        });
      }
    }
  });

  it('quick fix replaces the value in place (YAML)', () => {
    const yaml = `${HEAD}IKEOptionsSpecification:\n  DhGroupName: GROUP2 # office router\n`;
    assert.equal(applyAction(yaml, 'yaml', 'weak-cryptography', 'Use GROUP14'), yaml.replace('GROUP2 #', 'GROUP14 #'));
  });
});
