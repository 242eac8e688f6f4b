import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ErrorObject } from 'ajv';
import { exampleParams, generateAllFiles, SCHEMA_ACTIONS } from '../../../scripts/generate-schemas';
import { ANNOTATION_KEYWORDS } from '../../../language/schema/keywords';

const ROOT = join(__dirname, '..', '..', '..');
const spec = JSON.parse(readFileSync(join(ROOT, 'schemas/source/vpc-2017-03-12.vpn.json'), 'utf8'));

function compile(action: string) {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', `${action}.schema.json`), 'utf8'));
  return ajv.compile(schema);
}

function errorsOf(action: string, value: unknown): ErrorObject[] {
  const validate = compile(action);
  return validate(value) ? [] : (validate.errors ?? []);
}

const officialCreate = () => exampleParams(spec.actions.CreateVpnConnection.examples[0].input);

describe('generated schemas', () => {
  it('are up to date with the generator and the copied spec data, their validators included', () => {
    const stale = [...generateAllFiles()].filter(([path, text]) => readFileSync(join(ROOT, path), 'utf8') !== text);
    assert.deepEqual(stale.map(([path]) => path), [], 'run npm run generate-schemas and commit the result');
  });

  for (const action of SCHEMA_ACTIONS) {
    it(`accepts the official ${action} request example`, () => {
      const example = exampleParams(spec.actions[action].examples[0].input);
      assert.deepEqual(errorsOf(action, example), []);
    });
  }

  it('accepts Action, Version and Region document keys', () => {
    const doc = { Action: 'CreateVpnConnection', Version: '2017-03-12', Region: 'ap-guangzhou', ...officialCreate() };
    assert.deepEqual(errorsOf('CreateVpnConnection', doc), []);
  });

  const broken: [string, (doc: Record<string, any>) => void, string, string][] = [
    ['a RouteType outside the enum', (d) => (d.RouteType = 'static'), 'enum', '/RouteType'],
    ['an IKE auth algorithm in IPsec spelling', (d) => (d.IKEOptionsSpecification.PropoAuthenAlgorithm = 'SHA1'), 'enum', '/IKEOptionsSpecification/PropoAuthenAlgorithm'],
    ['DpdEnable as a string', (d) => (d.DpdEnable = '1'), 'type', '/DpdEnable'],
    ['DpdTimeout as a number', (d) => (d.DpdTimeout = 30), 'type', '/DpdTimeout'],
    ['an unknown key', (d) => (d.VpnGatewayID = 'vpngw-1'), 'additionalProperties', ''],
    ['an IntegrityAlgorithm outside the merged list', (d) => (d.IPSECOptionsSpecification.IntegrityAlgorithm = 'SHA'), 'enum', '/IPSECOptionsSpecification/IntegrityAlgorithm'],
    ['the hidden Route parameter', (d) => (d.Route = { DestinationCidrBlock: '10.0.0.0/8' }), 'additionalProperties', ''],
    ['a missing PreShareKey', (d) => delete d.PreShareKey, 'required', ''],
    ['a name of 61 characters', (d) => (d.VpnConnectionName = 'x'.repeat(61)), 'maxLength', '/VpnConnectionName'],
    ['an IKE SA lifetime below 60 s', (d) => (d.IKEOptionsSpecification.IKESaLifetimeSeconds = 59), 'minimum', '/IKEOptionsSpecification/IKESaLifetimeSeconds'],
    ['a health-check threshold above 8', (d) => (d.HealthCheckConfig = { ProbeThreshold: 9 }), 'maximum', '/HealthCheckConfig/ProbeThreshold'],
    ['a tag without Key', (d) => (d.Tags = [{ Value: 'x' }]), 'required', '/Tags/0'],
  ];
  for (const [name, mutate, keyword, instancePath] of broken) {
    it(`rejects ${name} with "${keyword}"`, () => {
      const doc = officialCreate() as Record<string, any>;
      mutate(doc);
      const errors = errorsOf('CreateVpnConnection', doc);
      assert.ok(
        errors.some((e) => e.keyword === keyword && e.instancePath === instancePath),
        `expected ${keyword} at "${instancePath}", got ${JSON.stringify(errors.map((e) => [e.keyword, e.instancePath]))}`,
      );
    });
  }

  describe('the two spellings IntegrityAlgorith (sic) and IntegrityAlgorithm', () => {
    const ipsecOf = (action: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', `${action}.schema.json`), 'utf8')).properties.IPSECOptionsSpecification;
    const merged = ['MD5', 'SHA1', 'SHA-256', 'SHA-512', 'SHA-384', 'SM3'];

    for (const action of ['CreateVpnConnection', 'ModifyVpnConnectionAttribute']) {
      it(`accepts either spelling with every value of the merged list in ${action}`, () => {
        for (const key of ['IntegrityAlgorith', 'IntegrityAlgorithm']) {
          for (const value of merged) {
            const doc = { ...exampleParams(spec.actions[action].examples[0].input), IPSECOptionsSpecification: { EncryptAlgorithm: 'AES-CBC-128', [key]: value } };
            assert.deepEqual(errorsOf(action, doc), [], `${key}: ${value}`);
          }
        }
      });

      it(`gives both spellings the same allowed values, default and descriptions in ${action}`, () => {
        const { properties } = ipsecOf(action);
        for (const key of ['IntegrityAlgorith', 'IntegrityAlgorithm']) {
          assert.deepEqual(properties[key].enum, merged, key);
          assert.equal(properties[key].default, 'SHA1', key);
          assert.equal(properties[key]['x-rule'], 'ipsec-integrity', key);
        }
        assert.deepEqual(properties.IntegrityAlgorithm.enumDescriptions, properties.IntegrityAlgorith.enumDescriptions);
        assert.deepEqual(properties.IntegrityAlgorithm['x-enum-descriptions-zh'], properties.IntegrityAlgorith['x-enum-descriptions-zh']);
      });

      it(`says in each spelling's docs which one it is, in both languages, in ${action}`, () => {
        const { properties } = ipsecOf(action);
        assert.match(properties.IntegrityAlgorith['x-doc-en'], /legacy spelling.*official example, terraform and the API's responses.*deprecated/s);
        assert.match(properties.IntegrityAlgorith['x-doc-zh'], /旧拼写/);
        assert.match(properties.IntegrityAlgorithm.description, /corrected spelling.*current SDK and tccli document/s);
        assert.match(properties.IntegrityAlgorithm['x-doc-zh'], /更正后的拼写/);
        for (const key of ['IntegrityAlgorith', 'IntegrityAlgorithm']) assert.match(properties[key]['x-doc-zh'], /InvalidParameter\.Coexist/);
      });

      it(`never puts both spellings in one example object in ${action}`, () => {
        for (const example of ipsecOf(action).examples ?? []) assert.ok(!('IntegrityAlgorith' in example && 'IntegrityAlgorithm' in example), JSON.stringify(example));
      });
    }
  });

  it('rewrites copied doc sentences whose values or default disagree with the merged lists', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/CreateVpnConnection.schema.json'), 'utf8'));
    const ike = schema.properties.IKEOptionsSpecification.properties;
    assert.doesNotMatch(ike.PropoEncryAlgorithm['x-doc-en'], /AES-CBS-192/);
    assert.equal(ike.PropoAuthenAlgorithm['x-doc-en'], 'Authentication algorithm. Valid values: `MD5`, `SHA`, `SHA-256` and `SHA-512`; default value: `SHA`.');
    assert.equal(ike.PropoAuthenAlgorithm.description, ike.PropoAuthenAlgorithm['x-doc-en']);
    assert.equal(schema.properties.RouteType['x-doc-en'], 'Tunnel type. Valid values: `STATIC`, `StaticRoute`, `Policy` and `Bgp`.');
    assert.match(schema.properties.RouteType['x-doc-zh'], /枚举值：\n- STATIC： [^\n]+\n- StaticRoute： 目的路由类型\n/);
    assert.match(ike.DhGroupName['x-doc-en'], /^DH group\. Specify the DH group used for exchanging the key via IKE\. Available values: 'GROUP1', /);
    const modify = JSON.parse(readFileSync(join(ROOT, 'schemas/ModifyVpnConnectionAttribute.schema.json'), 'utf8'));
    assert.doesNotMatch(modify.properties.DpdAction['x-doc-zh'], /默认为clear/);
    assert.equal(modify.properties.NegotiationType['x-doc-zh'], spec.objects.ModifyVpnConnectionAttributeRequest.members.find((m: { name: string }) => m.name === 'NegotiationType').doc_zh, 'a doc that agrees is kept as it is');
  });

  it('counts a name of 60 Chinese characters as 60, not as UTF-16 units', () => {
    const doc = { ...officialCreate(), VpnConnectionName: '通'.repeat(59) + '😀' };
    assert.deepEqual(errorsOf('CreateVpnConnection', doc), []);
  });

  it('carries zh and en docs, and says so where English falls back to Chinese', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/CreateVpnConnection.schema.json'), 'utf8'));
    const name = schema.properties.VpnConnectionName;
    assert.match(name['x-doc-zh'], /60/);
    assert.match(name['x-doc-en'], /60 characters/);
    const bgp = schema.properties.BgpConfig;
    assert.equal(bgp['x-en-fallback'], true);
    assert.match(bgp.description, /English documentation is not available/);
    const route = schema.properties.RouteType;
    assert.deepEqual(route.enum, ['STATIC', 'StaticRoute', 'Policy', 'Bgp']);
    assert.equal(route.enumDescriptions.length, 4);
    assert.equal(route['x-enum-descriptions-zh'][3], 'BGP类型');
    assert.equal(schema.properties.DpdTimeout.type, 'string');
    assert.equal(schema.properties.DpdEnable.type, 'integer');
  });
});
