import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ErrorObject } from 'ajv';
import { exampleParams, generateSchemaFiles, SCHEMA_ACTIONS } from '../../../scripts/generate-schemas';
import { ANNOTATION_KEYWORDS } from '../../../server/schema/keywords';

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
  it('are up to date with the generator and the copied spec data', () => {
    const stale = [...generateSchemaFiles()].filter(([path, text]) => readFileSync(join(ROOT, path), 'utf8') !== text);
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
    ['the new IntegrityAlgorithm spelling', (d) => (d.IPSECOptionsSpecification.IntegrityAlgorithm = 'SHA1'), 'additionalProperties', '/IPSECOptionsSpecification'],
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
