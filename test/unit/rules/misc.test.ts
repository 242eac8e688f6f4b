import assert from 'node:assert/strict';
import { exampleWith, findingsOf, findingsOfYaml, locations } from './helpers';

describe('rules: DPD, name, tags, ids, spelling', () => {
  it('dpd-fields-ignored flags DpdTimeout and DpdAction keys while DPD is off or unset', () => {
    const findings = findingsOf(
      'dpd-fields-ignored',
      exampleWith({ DpdEnable: 0, DpdTimeout: '30', DpdAction: 'restart' }),
    );
    assert.deepEqual(locations(findings), [
      { path: ['DpdTimeout'], target: 'key', code: 'dpd-fields-ignored' },
      { path: ['DpdAction'], target: 'key', code: 'dpd-fields-ignored' },
    ]);
    assert.deepEqual(
      findings[0].fixes?.map((fix) => [fix.kind, fix.path]),
      [
        ['remove', ['DpdTimeout']],
        ['addProperties', []],
      ],
    );
    assert.equal(findingsOf('dpd-fields-ignored', exampleWith({ DpdAction: 'clear' })).length, 1);
    assert.deepEqual(
      findingsOf('dpd-fields-ignored', exampleWith({ DpdEnable: 1, DpdTimeout: '30', DpdAction: 'clear' })),
      [],
    );
    // A string "1" is the schema's type error; the fields are not called ignored.
    assert.deepEqual(findingsOf('dpd-fields-ignored', exampleWith({ DpdEnable: '1', DpdTimeout: '30' })), []);
  });

  it('dpd-timeout-range is an error outside 30-60 s while DPD is on, fixed to the nearest bound', () => {
    const over = findingsOf('dpd-timeout-range', exampleWith({ DpdEnable: 1, DpdTimeout: '120' }));
    assert.deepEqual(locations(over), [{ path: ['DpdTimeout'], target: 'value', code: 'InvalidParameterValue' }]);
    assert.equal(over[0].severity, 'error');
    assert.deepEqual(
      over[0].fixes?.map((fix) => fix.kind === 'setValue' && fix.value),
      ['60'],
    );
    const under = findingsOf('dpd-timeout-range', exampleWith({ DpdEnable: 1, DpdTimeout: '29' }));
    assert.deepEqual(
      under.map((f) => [f.severity, f.fixes?.map((fix) => fix.kind === 'setValue' && fix.value)]),
      [['error', ['30']]],
    );
    assert.equal(findingsOf('dpd-timeout-range', exampleWith({ DpdEnable: 1, DpdTimeout: '61' })).length, 1);
    for (const bound of ['30', '60'])
      assert.deepEqual(findingsOf('dpd-timeout-range', exampleWith({ DpdEnable: 1, DpdTimeout: bound })), [], bound);
    assert.deepEqual(findingsOf('dpd-timeout-range', exampleWith({ DpdEnable: 0, DpdTimeout: '120' })), []);
  });

  it('name-length counts code points: 60 emoji pass, 61 characters fail with TooLong', () => {
    assert.deepEqual(findingsOf('name-length', exampleWith({ VpnConnectionName: '😀'.repeat(60) })), []);
    const findings = findingsOf('name-length', exampleWith({ VpnConnectionName: '通'.repeat(61) }));
    assert.deepEqual(locations(findings), [
      { path: ['VpnConnectionName'], target: 'value', code: 'InvalidParameterValue.TooLong' },
    ]);
    assert.match(findings[0].message.en, /61 characters/);
  });

  it('tag-duplicate-key flags the later tag key and offers to remove that tag', () => {
    const findings = findingsOfYaml(
      'tag-duplicate-key',
      'Tags:\n  - Key: env\n    Value: a\n  - Key: team\n  - Key: env\n    Value: b\n',
    );
    assert.deepEqual(locations(findings), [
      { path: ['Tags', 2, 'Key'], target: 'value', code: 'InvalidParameterValue.TagDuplicateKey' },
    ]);
    assert.deepEqual(
      findings[0].fixes?.map((fix) => [fix.kind, fix.path]),
      [['remove', ['Tags', 2]]],
    );
    assert.deepEqual(findingsOf('tag-duplicate-key', exampleWith({ Tags: [{ Key: 'env' }, { Key: 'Env' }] })), []);
  });

  it('tag-empty-key flags an empty or blank key', () => {
    const findings = findingsOf('tag-empty-key', exampleWith({ Tags: [{ Key: 'ok' }, { Key: '' }, { Key: '  ' }] }));
    assert.deepEqual(
      locations(findings).map((l) => [l.path, l.code]),
      [
        [['Tags', 1, 'Key'], 'InvalidParameterValue.TagInvalidKey'],
        [['Tags', 2, 'Key'], 'InvalidParameterValue.TagInvalidKey'],
      ],
    );
  });

  it('tag-reserved-key flags the qcloud: prefix in any case, not keys that merely contain it', () => {
    const findings = findingsOf(
      'tag-reserved-key',
      exampleWith({ Tags: [{ Key: 'QCloud:owner' }, { Key: 'my-qcloud:x' }] }),
    );
    assert.deepEqual(locations(findings), [
      { path: ['Tags', 0, 'Key'], target: 'value', code: 'UnsupportedOperation.TagSystemReservedTagKey' },
    ]);
  });

  it('id-format warns on a wrong prefix, offers a fix for case and spaces only, and accepts an empty VpcId', () => {
    const findings = findingsOf(
      'id-format',
      exampleWith({ VpcId: 'vpngw-1w9tue3d', CustomerGatewayId: ' CGW-QA9SXPY7 ' }),
    );
    assert.deepEqual(locations(findings), [
      { path: ['VpcId'], target: 'value', code: 'InvalidParameterValue.Malformed' },
      { path: ['CustomerGatewayId'], target: 'value', code: 'InvalidParameterValue.Malformed' },
    ]);
    assert.equal(findings[0].fixes, undefined);
    assert.deepEqual(
      findings[1].fixes?.map((fix) => fix.kind === 'setValue' && fix.value),
      ['cgw-qa9sxpy7'],
    );
    assert.deepEqual(findingsOf('id-format', exampleWith({ VpcId: '' })), []);
    assert.equal(
      findingsOf('id-format', { VpnGatewayId: 'vpngw-1', VpnConnectionId: 'vpn-1' }, 'DeleteVpnConnection').length,
      1,
    );
  });

  it('integrity-algorithm-coexist accepts either spelling alone and refuses both in one object', () => {
    for (const key of ['IntegrityAlgorith', 'IntegrityAlgorithm']) {
      assert.deepEqual(
        findingsOf('integrity-algorithm-coexist', exampleWith({ IPSECOptionsSpecification: { [key]: 'SHA1' } })),
        [],
        key,
      );
    }
    const both = findingsOf(
      'integrity-algorithm-coexist',
      exampleWith({ IPSECOptionsSpecification: { IntegrityAlgorith: 'SHA1', IntegrityAlgorithm: 'MD5' } }),
    );
    assert.deepEqual(locations(both), [
      { path: ['IPSECOptionsSpecification', 'IntegrityAlgorithm'], target: 'key', code: 'InvalidParameter.Coexist' },
    ]);
    assert.deepEqual(
      both[0].fixes?.map((fix) => fix.kind === 'remove' && fix.path.join('.')),
      ['IPSECOptionsSpecification.IntegrityAlgorithm', 'IPSECOptionsSpecification.IntegrityAlgorith'],
    );
    assert.match(both[0].message.en, /disagree/);
    assert.equal(findingsOf('integrity-algorithm-coexist', exampleWith({}), 'ModifyVpnConnectionAttribute').length, 0);
    const modifyBoth = findingsOf(
      'integrity-algorithm-coexist',
      {
        VpnConnectionId: 'vpnx-1',
        IPSECOptionsSpecification: { IntegrityAlgorith: 'SHA1', IntegrityAlgorithm: 'SHA1' },
      },
      'ModifyVpnConnectionAttribute',
    );
    assert.equal(modifyBoth.length, 1);
    assert.match(modifyBoth[0].message.en, /say the same/);
  });
});
