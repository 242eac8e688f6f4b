import assert from 'node:assert/strict';
import { exampleWith, findingsOf, findingsOfYaml, locations } from './helpers';

describe('rules: DPD, name, tags, ids, spelling', () => {
  it('dpd-fields-ignored flags DpdTimeout and DpdAction keys while DPD is off or unset', () => {
    const findings = findingsOf('dpd-fields-ignored', exampleWith({ DpdEnable: 0, DpdTimeout: '30', DpdAction: 'restart' }));
    assert.deepEqual(locations(findings), [
      { path: ['DpdTimeout'], target: 'key', code: 'dpd-fields-ignored' },
      { path: ['DpdAction'], target: 'key', code: 'dpd-fields-ignored' },
    ]);
    assert.deepEqual(findings[0].fixes?.map((fix) => [fix.kind, fix.path]), [['remove', ['DpdTimeout']], ['addProperties', []]]);
    assert.equal(findingsOf('dpd-fields-ignored', exampleWith({ DpdAction: 'clear' })).length, 1);
    assert.deepEqual(findingsOf('dpd-fields-ignored', exampleWith({ DpdEnable: 1, DpdTimeout: '30', DpdAction: 'clear' })), []);
  });

  it('dpd-timeout-range warns outside 30-60 s while DPD is on', () => {
    assert.deepEqual(locations(findingsOf('dpd-timeout-range', exampleWith({ DpdEnable: 1, DpdTimeout: '120' }))), [
      { path: ['DpdTimeout'], target: 'value', code: 'InvalidParameterValue' },
    ]);
    assert.equal(findingsOf('dpd-timeout-range', exampleWith({ DpdEnable: 1, DpdTimeout: '29' })).length, 1);
    assert.deepEqual(findingsOf('dpd-timeout-range', exampleWith({ DpdEnable: 1, DpdTimeout: '60' })), []);
  });

  it('name-length counts code points: 60 emoji pass, 61 characters fail with TooLong', () => {
    assert.deepEqual(findingsOf('name-length', exampleWith({ VpnConnectionName: '😀'.repeat(60) })), []);
    const findings = findingsOf('name-length', exampleWith({ VpnConnectionName: '通'.repeat(61) }));
    assert.deepEqual(locations(findings), [{ path: ['VpnConnectionName'], target: 'value', code: 'InvalidParameterValue.TooLong' }]);
    assert.match(findings[0].message.en, /61 characters/);
  });

  it('tag-duplicate-key flags the later tag key and offers to remove that tag', () => {
    const findings = findingsOfYaml('tag-duplicate-key', 'Tags:\n  - Key: env\n    Value: a\n  - Key: team\n  - Key: env\n    Value: b\n');
    assert.deepEqual(locations(findings), [{ path: ['Tags', 2, 'Key'], target: 'value', code: 'InvalidParameterValue.TagDuplicateKey' }]);
    assert.deepEqual(findings[0].fixes?.map((fix) => [fix.kind, fix.path]), [['remove', ['Tags', 2]]]);
    assert.deepEqual(findingsOf('tag-duplicate-key', exampleWith({ Tags: [{ Key: 'env' }, { Key: 'Env' }] })), []);
  });

  it('tag-empty-key flags an empty or blank key', () => {
    const findings = findingsOf('tag-empty-key', exampleWith({ Tags: [{ Key: 'ok' }, { Key: '' }, { Key: '  ' }] }));
    assert.deepEqual(locations(findings).map((l) => [l.path, l.code]), [
      [['Tags', 1, 'Key'], 'InvalidParameterValue.TagInvalidKey'],
      [['Tags', 2, 'Key'], 'InvalidParameterValue.TagInvalidKey'],
    ]);
  });

  it('tag-reserved-key flags the qcloud: prefix in any case, not keys that merely contain it', () => {
    const findings = findingsOf('tag-reserved-key', exampleWith({ Tags: [{ Key: 'QCloud:owner' }, { Key: 'my-qcloud:x' }] }));
    assert.deepEqual(locations(findings), [{ path: ['Tags', 0, 'Key'], target: 'value', code: 'UnsupportedOperation.TagSystemReservedTagKey' }]);
  });

  it('id-format warns on a wrong prefix, offers a fix for case and spaces only, and accepts an empty VpcId', () => {
    const findings = findingsOf('id-format', exampleWith({ VpcId: 'vpngw-1w9tue3d', CustomerGatewayId: ' CGW-QA9SXPY7 ' }));
    assert.deepEqual(locations(findings), [
      { path: ['VpcId'], target: 'value', code: 'InvalidParameterValue.Malformed' },
      { path: ['CustomerGatewayId'], target: 'value', code: 'InvalidParameterValue.Malformed' },
    ]);
    assert.equal(findings[0].fixes, undefined);
    assert.deepEqual(findings[1].fixes?.map((fix) => fix.kind === 'setValue' && fix.value), ['cgw-qa9sxpy7']);
    assert.deepEqual(findingsOf('id-format', exampleWith({ VpcId: '' })), []);
    assert.equal(findingsOf('id-format', { VpnGatewayId: 'vpngw-1', VpnConnectionId: 'vpn-1' }, 'DeleteVpnConnection').length, 1);
  });

  it('integrity-algorithm-spelling renames IntegrityAlgorithm, or removes it when IntegrityAlgorith is also set', () => {
    const renamed = findingsOf('integrity-algorithm-spelling', exampleWith({ IPSECOptionsSpecification: { IntegrityAlgorithm: 'SHA1' } }));
    assert.deepEqual(locations(renamed), [{ path: ['IPSECOptionsSpecification', 'IntegrityAlgorithm'], target: 'key', code: 'UnknownParameter' }]);
    assert.deepEqual(renamed[0].fixes?.map((fix) => fix.kind === 'renameKey' && fix.newKey), ['IntegrityAlgorith']);
    const both = findingsOf('integrity-algorithm-spelling', exampleWith({ IPSECOptionsSpecification: { IntegrityAlgorith: 'SHA1', IntegrityAlgorithm: 'MD5' } }));
    assert.deepEqual(both[0].fixes?.map((fix) => fix.kind), ['remove']);
    assert.deepEqual(findingsOf('integrity-algorithm-spelling', exampleWith({})), []);
  });
});
