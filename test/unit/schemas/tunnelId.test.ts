/**
 * A CreateVpnConnection file may name its existing tunnel: a top-level VpnConnectionId of the API's shape is
 * valid (and nothing else new: read-only fields of DescribeVpnConnections stay unknown keys), and the lists of
 * create fields Modify can and cannot change in place are the spec data's, as both the editor and the cloud
 * client read them from `language`.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MODIFIABLE_FIELDS,
  MODIFIABLE_FROM_GATEWAY_VERSION,
  REPLACEMENT_FIELDS,
  checkParams,
  needsNewTunnel,
} from '../../../language';
import { schemaFindings } from '../../../language/schema/paramsValidation';
import { EDITOR_KEYS } from '../../../language/pipeline';
import createSchema from '../../../schemas/CreateVpnConnection.schema.json';
import { officialExample } from '../../support/fixtures';

const ROOT = join(__dirname, '..', '..', '..');
const spec = JSON.parse(readFileSync(join(ROOT, 'schemas/source/vpc-2017-03-12.vpn.json'), 'utf8'));
const inputsOf = (action: string): string[] =>
  spec.objects[spec.actions[action].input].members.map((member: { name: string }) => member.name);

const withTunnel = (id: unknown) => ({ ...officialExample(), VpnConnectionId: id });
const errorsAt = (value: unknown, path: string) =>
  schemaFindings(value, 'CreateVpnConnection').filter((finding) => finding.path.join('/') === path);

describe('VpnConnectionId in a CreateVpnConnection file', () => {
  it('is accepted in the official example, in the shape the API gives ids', () => {
    assert.deepEqual(schemaFindings(withTunnel('vpnx-5eed01gz'), 'CreateVpnConnection'), []);
    assert.deepEqual(
      checkParams(withTunnel('vpnx-f49l6u0z')).filter((finding) => finding.severity === 'error'),
      [],
    );
  });

  for (const malformed of ['vpnx-5eed01', 'vpnx-5eed01gz9', 'vpngw-1w9tue3d', 'VPNX-5EED01GZ', ' vpnx-5eed01gz', '']) {
    it(`refuses the malformed id ${JSON.stringify(malformed)}`, () => {
      assert.deepEqual(
        errorsAt(withTunnel(malformed), 'VpnConnectionId').map((finding) => [finding.ruleId, finding.severity]),
        [['schema.pattern', 'error']],
      );
    });
  }

  for (const malformed of ['VPNX-5EED01GZ', 'vpngw-1w9tue3d', 'foo']) {
    it(`keeps ${JSON.stringify(malformed)} an error when the id rule's finding replaces the schema's`, () => {
      const atId = checkParams(withTunnel(malformed)).filter((finding) => finding.path.join('/') === 'VpnConnectionId');
      assert.deepEqual(
        atId.map((finding) => [finding.ruleId, finding.severity]),
        [['id-format', 'error']],
      );
    });
  }

  it('needs PreShareKey only in a file that creates a tunnel: one that names its tunnel keeps the key on the service', () => {
    const { PreShareKey: _psk, ...withoutKey } = officialExample();
    assert.deepEqual(
      checkParams(withoutKey)
        .filter((finding) => finding.severity === 'error')
        .map((finding) => [finding.ruleId, finding.code, finding.path.join('/')]),
      [['schema.required', 'MissingParameter', 'PreShareKey']],
    );
    assert.deepEqual(
      checkParams({ ...withoutKey, VpnConnectionId: 'vpnx-5eed01gz' }).filter((finding) => finding.severity === 'error'),
      [],
    );
  });

  it('refuses a VpnConnectionId that is not a string', () => {
    assert.deepEqual(
      errorsAt(withTunnel(12345678), 'VpnConnectionId').map((finding) => finding.ruleId),
      ['schema.type'],
    );
  });

  it("still refuses DescribeVpnConnections' read-only fields: an imported file carries input fields only", () => {
    for (const key of ['State', 'CreatedTime', 'NetStatus', 'TagSet', 'SecurityPolicyDatabaseSet']) {
      const findings = schemaFindings({ ...withTunnel('vpnx-5eed01gz'), [key]: 'x' }, 'CreateVpnConnection');
      assert.ok(
        findings.some((finding) => finding.ruleId === 'schema.additionalProperties'),
        `${key}: ${JSON.stringify(findings)}`,
      );
    }
  });

  it('is documented from the Modify action, in both languages, with what it means in a file', () => {
    const modify = spec.objects[spec.actions.ModifyVpnConnectionAttribute.input].members.find(
      (member: { name: string }) => member.name === 'VpnConnectionId',
    );
    const property = createSchema.properties.VpnConnectionId;
    assert.ok(property['x-doc-zh'].startsWith(modify.doc_zh), property['x-doc-zh']);
    assert.ok(property['x-doc-en'].startsWith(modify.doc_en), property['x-doc-en']);
    assert.match(property['x-doc-en'], /Without it, the file describes a tunnel to create/);
    assert.match(property['x-doc-zh'], /不填写时，本文件描述一条待创建的通道/);
  });
});

describe('the create fields Modify can and cannot change', () => {
  const create = inputsOf('CreateVpnConnection').filter((name) => name !== 'Route');
  const modify = inputsOf('ModifyVpnConnectionAttribute');

  it("are the spec's: modifiable what both actions take, replacement what only Create takes (hidden Route left out)", () => {
    assert.deepEqual(
      MODIFIABLE_FIELDS,
      create.filter((name) => modify.includes(name)),
    );
    assert.deepEqual(
      REPLACEMENT_FIELDS,
      create.filter((name) => !modify.includes(name)),
    );
    for (const field of ['VpnGatewayId', 'VpcId', 'RouteType']) assert.ok(REPLACEMENT_FIELDS.includes(field), field);
  });

  it("cover every input key of the create schema, and none of the file's editor keys or VpnConnectionId", () => {
    const inputKeys = Object.keys(createSchema.properties).filter(
      (key) => !EDITOR_KEYS.includes(key) && key !== 'VpnConnectionId',
    );
    assert.deepEqual([...MODIFIABLE_FIELDS, ...REPLACEMENT_FIELDS].sort(), inputKeys.sort());
  });

  it('limit CustomerGatewayId to gateways of version 4.0 and later, as the Modify doc says', () => {
    assert.deepEqual(MODIFIABLE_FROM_GATEWAY_VERSION, { CustomerGatewayId: '4.0' });
    assert.equal(needsNewTunnel('CustomerGatewayId', '2.0'), true);
    assert.equal(needsNewTunnel('CustomerGatewayId', '4.0'), false);
    assert.equal(needsNewTunnel('CustomerGatewayId', '5.1'), false);
    assert.equal(needsNewTunnel('CustomerGatewayId'), false, 'an unknown version is left to the service');
    assert.equal(needsNewTunnel('CustomerGatewayId', ''), false, 'an empty version is unknown');
  });

  it('answer needsNewTunnel for the other fields from the lists alone', () => {
    assert.equal(needsNewTunnel('VpnGatewayId', '4.0'), true);
    assert.equal(needsNewTunnel('PreShareKey', '1.0'), false);
    assert.equal(needsNewTunnel('NoSuchField'), false);
  });
});
