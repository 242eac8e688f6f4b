import * as assert from 'node:assert/strict';
import { isVpnConnectionDocument } from '../../../server/service/languageService';
import { globToRegExp } from '../../../server/service/documentKind';
import { makeDoc } from './helpers';

describe('service documentKind: which documents are VPN connection files', () => {
  it('always takes our own languages', () => {
    assert.ok(isVpnConnectionDocument(makeDoc('json', '{}')));
    assert.ok(isVpnConnectionDocument(makeDoc('yaml', '')));
  });

  it('takes a plain JSON file whose $schema names our schema by id or by path, and no other', () => {
    assert.ok(isVpnConnectionDocument(makeDoc('json', '{"$schema": "tencentcloud-vpn://schemas/CreateVpnConnection.schema.json"}', 'json', 'file:///a.json')));
    assert.ok(isVpnConnectionDocument(makeDoc('json', '{"$schema": "../schemas/ModifyVpnConnectionAttribute.schema.json"}', 'jsonc', 'file:///a.json')));
    assert.ok(!isVpnConnectionDocument(makeDoc('json', '{"$schema": "https://json.schemastore.org/package.json"}', 'json', 'file:///a.json')));
  });

  it('takes a plain YAML file with a yaml-language-server modeline naming our schema', () => {
    assert.ok(isVpnConnectionDocument(makeDoc('yaml', '# yaml-language-server: $schema=./schemas/CreateVpnConnection.schema.json\nA: 1\n', 'yaml', 'file:///a.yaml')));
    assert.ok(!isVpnConnectionDocument(makeDoc('yaml', 'A: 1\n', 'yaml', 'file:///a.yaml')));
  });

  it('takes files matching a files.include glob, and ignores other languages', () => {
    assert.ok(isVpnConnectionDocument(makeDoc('yaml', 'A: 1\n', 'yaml', 'file:///work/tunnels/prod.yml'), ['**/tunnels/*.yml']));
    assert.ok(isVpnConnectionDocument(makeDoc('json', '{}', 'json', 'file:///w/x.tunnel.json'), ['*.tunnel.{json,jsonc}']));
    assert.ok(!isVpnConnectionDocument(makeDoc('json', '{}', 'markdown', 'file:///w/x.tunnel.json'), ['*.tunnel.json']));
  });

  it('translates globs: ** crosses folders, * does not', () => {
    assert.ok(globToRegExp('src/**/*.json').test('/repo/src/a/b/c.json'));
    assert.ok(!globToRegExp('src/*.json').test('/repo/src/a/c.json'));
  });
});
