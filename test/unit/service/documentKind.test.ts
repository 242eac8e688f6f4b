import * as assert from 'node:assert/strict';
import { isVpnConnectionDocument } from '../../../language/languageService';
import { documentKindOf, effectiveLanguageId, fileKindOf, globToRegExp } from '../../../language/parsing/documentKind';
import { makeDoc } from './helpers';

describe('service documentKind: which documents are VPN connection files', () => {
  it('always takes our own languages', () => {
    assert.ok(isVpnConnectionDocument(makeDoc('json', '{}')));
    assert.ok(isVpnConnectionDocument(makeDoc('yaml', '')));
  });

  it('takes a plain JSON file whose $schema names our schema by id or by path, and no other', () => {
    assert.ok(
      isVpnConnectionDocument(
        makeDoc(
          'json',
          '{"$schema": "tencentcloud-vpn://schemas/CreateVpnConnection.schema.json"}',
          'json',
          'file:///a.json',
        ),
      ),
    );
    assert.ok(
      isVpnConnectionDocument(
        makeDoc(
          'json',
          '{"$schema": "../schemas/ModifyVpnConnectionAttribute.schema.json"}',
          'jsonc',
          'file:///a.json',
        ),
      ),
    );
    assert.ok(
      !isVpnConnectionDocument(
        makeDoc('json', '{"$schema": "https://json.schemastore.org/package.json"}', 'json', 'file:///a.json'),
      ),
    );
  });

  it('takes a plain YAML file with a yaml-language-server modeline naming our schema', () => {
    assert.ok(
      isVpnConnectionDocument(
        makeDoc(
          'yaml',
          '# yaml-language-server: $schema=./schemas/CreateVpnConnection.schema.json\nA: 1\n',
          'yaml',
          'file:///a.yaml',
        ),
      ),
    );
    assert.ok(!isVpnConnectionDocument(makeDoc('yaml', 'A: 1\n', 'yaml', 'file:///a.yaml')));
  });

  it('takes files matching a files.include glob, and ignores other languages', () => {
    assert.ok(
      isVpnConnectionDocument(makeDoc('yaml', 'A: 1\n', 'yaml', 'file:///work/tunnels/prod.yml'), ['**/tunnels/*.yml']),
    );
    assert.ok(
      isVpnConnectionDocument(makeDoc('json', '{}', 'json', 'file:///w/x.tunnel.json'), ['*.tunnel.{json,jsonc}']),
    );
    assert.ok(
      !isVpnConnectionDocument(makeDoc('json', '{}', 'markdown', 'file:///w/x.tunnel.json'), ['*.tunnel.json']),
    );
  });

  it('takes a *.vpnconn.json/.yaml/.yml file whatever language id the client sends', () => {
    for (const languageId of ['json', 'yaml', 'plaintext', '', 'markdown', 'tencentcloud-vpn-json']) {
      assert.ok(
        isVpnConnectionDocument(makeDoc('yaml', 'A: 1\n', languageId, 'file:///w/x.vpnconn.yaml')),
        `yaml as ${languageId}`,
      );
      assert.ok(
        isVpnConnectionDocument(makeDoc('yaml', 'A: 1\n', languageId, 'file:///w/x.vpnconn.yml')),
        `yml as ${languageId}`,
      );
      assert.ok(
        isVpnConnectionDocument(makeDoc('json', '{}', languageId, 'file:///w/x.vpnconn.json')),
        `json as ${languageId}`,
      );
    }
    assert.ok(
      !isVpnConnectionDocument(makeDoc('json', '{}', 'plaintext', 'file:///w/x.json')),
      'another name in plaintext is not ours',
    );
    assert.ok(
      !isVpnConnectionDocument(makeDoc('json', '{}', 'json', 'file:///w/vpnconn.json')),
      'the suffix needs its dot',
    );
    assert.ok(!isVpnConnectionDocument(makeDoc('yaml', 'A: 1\n', 'yaml', 'file:///w/x.vpnconn.yaml.bak')));
  });

  it('takes the syntax of one of our file names from its extension, not from the language id', () => {
    assert.equal(fileKindOf('file:///w/x.vpnconn.yaml'), 'yaml');
    assert.equal(fileKindOf('file:///w/x.vpnconn.yml'), 'yaml');
    assert.equal(fileKindOf('file:///w/X.VPNCONN.JSON'), 'json');
    assert.equal(fileKindOf('file:///w/my%20tunnel.vpnconn.yaml?x=1#top'), 'yaml');
    assert.equal(fileKindOf('file:///w/x.yaml'), undefined);
    assert.equal(documentKindOf({ uri: 'file:///w/x.vpnconn.yaml', languageId: 'json' }), 'yaml');
    assert.equal(documentKindOf({ uri: 'file:///w/x.vpnconn.json', languageId: 'plaintext' }), 'json');
    assert.equal(documentKindOf({ uri: 'file:///w/x.yaml', languageId: 'yaml' }), 'yaml');
    assert.equal(documentKindOf({ uri: 'file:///w/x.txt', languageId: 'plaintext' }), undefined);
  });

  it('keeps one of our files under our language of its syntax, and other files under the id the client sent', () => {
    assert.equal(effectiveLanguageId('file:///w/x.vpnconn.yaml', 'plaintext'), 'tencentcloud-vpn-yaml');
    assert.equal(effectiveLanguageId('file:///w/x.vpnconn.yml', ''), 'tencentcloud-vpn-yaml');
    assert.equal(effectiveLanguageId('file:///w/x.vpnconn.json', 'json'), 'tencentcloud-vpn-json');
    assert.equal(effectiveLanguageId('file:///w/x.vpnconn.json', 'tencentcloud-vpn-yaml'), 'tencentcloud-vpn-json');
    assert.equal(effectiveLanguageId('file:///w/package.json', 'json'), 'json');
    assert.equal(effectiveLanguageId('untitled:Untitled-1', 'tencentcloud-vpn-yaml'), 'tencentcloud-vpn-yaml');
  });

  it('translates globs: ** crosses folders, * does not', () => {
    assert.ok(globToRegExp('src/**/*.json').test('/repo/src/a/b/c.json'));
    assert.ok(!globToRegExp('src/*.json').test('/repo/src/a/c.json'));
  });
});
