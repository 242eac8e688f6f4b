/**
 * From file text to requests: JSON and YAML streams, editor-only keys stripped, Region kept aside, documents
 * numbered by position, syntax problems reported with lines, and the same validation as the editor.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSubmitFile, syntaxOf } from '../../../cloud/submitDocuments';
import { formatFinding, isBlocking, validateDocuments } from '../../../cloud/submitValidation';
import { chooseRegion } from '../../../cloud/region';
import { FIXTURES } from './helpers';

describe('submit documents', () => {
  it('strips $schema, Action, Version and Region from a JSON document and keeps the Region aside', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'example.vpnconn.json'), 'utf8').replace('"Region"', '"Action": "CreateVpnConnection", "Version": "2017-03-12", "Region"');
    const { documents, problems } = parseSubmitFile(text, 'json');
    assert.deepEqual(problems, []);
    assert.equal(documents[0].region, 'ap-guangzhou');
    assert.equal(documents[0].name, 'TEST_CONN');
    for (const key of ['$schema', 'Action', 'Version', 'Region']) assert.ok(!(key in documents[0].params), key);
    assert.equal(documents[0].params.VpnGatewayId, 'vpngw-1w9tue3d');
  });

  it('reads each document of a YAML stream, numbered by position even after an empty one', () => {
    const { documents, problems } = parseSubmitFile(fs.readFileSync(path.join(FIXTURES, 'two-tunnels.vpnconn.yaml'), 'utf8'), 'yaml');
    assert.deepEqual(problems, []);
    assert.deepEqual(documents.map((document) => [document.index, document.name, document.region]), [
      [0, 'tunnel-a', 'ap-guangzhou'],
      [2, 'tunnel-b', undefined],
    ]);
  });

  it('reports syntax errors with their line, and no documents', () => {
    const json = parseSubmitFile('{\n  "A": 1,\n  "B" 2\n}', 'json');
    assert.equal(json.documents.length, 0);
    assert.match(json.problems[0], /^line 3: /);
    const yaml = parseSubmitFile('A: 1\nA: 2\n', 'yaml');
    assert.match(yaml.problems[0], /^line \d+: .*(unique|duplicate)/i);
  });

  it('refuses documents of other actions and files without documents', () => {
    assert.match(parseSubmitFile('{"Action": "DeleteVpnConnection", "VpnConnectionId": "vpnx-1"}', 'json').problems[0], /only CreateVpnConnection/);
    assert.match(parseSubmitFile('# nothing\n', 'yaml').problems[0], /no document/);
    assert.match(parseSubmitFile('[1, 2]', 'json').problems[0], /expected an object/);
  });

  it('validates like the editor: errors block, the official example passes', () => {
    const example = parseSubmitFile(fs.readFileSync(path.join(FIXTURES, 'example.vpnconn.json'), 'utf8'), 'json').documents;
    assert.deepEqual(validateDocuments(example).filter(isBlocking), []);
    const broken = parseSubmitFile(fs.readFileSync(path.join(FIXTURES, 'invalid.vpnconn.json'), 'utf8'), 'json').documents;
    const blocking = validateDocuments(broken).filter(isBlocking);
    assert.ok(blocking.length >= 2, blocking.map((item) => formatFinding(item)).join('\n'));
    assert.ok(blocking.some((item) => item.finding.code === 'MissingParameter'));
    assert.match(formatFinding(blocking[0]), /^document 1: error: .*\[[A-Za-z.]+\]$/);
  });

  it('tells json from yaml by name or language id', () => {
    assert.equal(syntaxOf('/a/b.vpnconn.yml'), 'yaml');
    assert.equal(syntaxOf('tencentcloud-vpn-yaml'), 'yaml');
    assert.equal(syntaxOf('x.vpnconn.json'), 'json');
  });

  it('chooses the region: the document, then the user\'s, then the credentials\', then ap-guangzhou', () => {
    assert.equal(chooseRegion({ documentRegion: 'ap-shanghai', setting: 'ap-beijing' }), 'ap-shanghai');
    assert.equal(chooseRegion({ setting: 'ap-beijing', credentials: { region: 'ap-chengdu' } }), 'ap-beijing');
    assert.equal(chooseRegion({ credentials: { region: 'ap-chengdu' } }), 'ap-chengdu');
    assert.equal(chooseRegion({}), 'ap-guangzhou');
    assert.throws(() => chooseRegion({ documentRegion: 'ap-shanghai', explicit: 'ap-beijing' }), /names Region ap-shanghai but --region is ap-beijing/);
    assert.throws(() => chooseRegion({ explicit: 'Guangzhou!' }), /not a region id/);
  });
});
