import * as assert from 'node:assert/strict';
import {
  CompletionRequest,
  DidChangeConfigurationNotification,
  DocumentSymbolRequest,
  HoverRequest,
  type CompletionList,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { fixtureText } from '../support/fixtures';
import { startOurServer, type LspTestClient } from '../support/lsp';

const JSON_URI = 'file:///work/tunnel.vpnconn.json';
const YAML_URI = 'file:///work/tunnel.vpnconn.yaml';

/** Errors and warnings only: the information diagnostics (weak algorithms) of the official example left out. */
function problemsOf<T extends { severity?: number }>(diagnostics: T[]): T[] {
  return diagnostics.filter((d) => d.severity === undefined || d.severity <= 2);
}

describe('language server over stdio', function () {
  this.timeout(30000);
  let server: LspTestClient | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('answers initialize with the features it serves', async () => {
    server = await startOurServer();
    const capabilities = server.initializeResult.capabilities;
    assert.ok(capabilities.completionProvider && capabilities.hoverProvider && capabilities.documentSymbolProvider);
    assert.ok(
      capabilities.documentFormattingProvider && capabilities.foldingRangeProvider && capabilities.codeActionProvider,
    );
    assert.equal(server.initializeResult.serverInfo?.name, 'tencentcloud-vpn-language-server');
  });

  it('publishes diagnostics for a broken file, and clears them once it is fixed', async () => {
    server = await startOurServer();
    const published = server.diagnostics(JSON_URI);
    await server.open(JSON_URI, 'tencentcloud-vpn-json', '{"RouteType": "static"');
    const { diagnostics } = await published;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.source]),
      [
        ['json.CloseBraceExpected', 'tencentcloud-vpn'],
        ['InvalidParameterValue', 'tencentcloud-vpn'],
      ],
    );
    const fixed = server.diagnostics(JSON_URI, (p) => p.version === 2);
    await server.change(JSON_URI, 2, [{ text: fixtureText('typical', 'json') }]);
    // The typical file is the official example: only its weak algorithms remain, as information.
    assert.deepEqual(problemsOf((await fixed).diagnostics), []);
  });

  it('follows incremental edits: one character changed makes a new diagnostic appear', async () => {
    server = await startOurServer();
    const first = server.diagnostics(YAML_URI);
    await server.open(YAML_URI, 'tencentcloud-vpn-yaml', fixtureText('typical', 'yaml'));
    assert.deepEqual(problemsOf((await first).diagnostics), []);
    const text = fixtureText('typical', 'yaml');
    const line = text.split('\n').findIndex((l) => l.includes('ExchangeMode: MAIN'));
    const column = text.split('\n')[line].indexOf('MAIN');
    const second = server.diagnostics(YAML_URI, (p) => p.version === 2);
    await server.change(YAML_URI, 2, [
      { range: { start: { line, character: column }, end: { line, character: column + 1 } }, text: 'm' },
    ]);
    const { diagnostics } = await second;
    assert.deepEqual(
      problemsOf(diagnostics).map((d) => [d.code, d.range.start.line]),
      [['InvalidParameterValue', line]],
    );
  });

  it('completes keys and enum values', async () => {
    server = await startOurServer();
    await server.open(YAML_URI, 'tencentcloud-vpn-yaml', 'VpnGatewayId: vpngw-1w9tue3d\nRouteType: \n');
    const values = (await server.request(CompletionRequest.type, {
      textDocument: { uri: YAML_URI },
      position: { line: 1, character: 11 },
    })) as CompletionList;
    assert.deepEqual(
      values.items.map((i) => i.label),
      ['STATIC', 'StaticRoute', 'Policy', 'Bgp'],
    );
    const keys = (await server.request(CompletionRequest.type, {
      textDocument: { uri: YAML_URI },
      position: { line: 2, character: 0 },
    })) as CompletionList;
    assert.ok(keys.items.some((i) => i.label === 'CustomerGatewayId'));
  });

  it('explains a key on hover in the client locale (zh-cn -> Chinese)', async () => {
    server = await startOurServer({ locale: 'zh-cn' });
    await server.open(JSON_URI, 'tencentcloud-vpn-json', '{"VpnGatewayId": "vpngw-1w9tue3d"}');
    const hover = await server.request(HoverRequest.type, {
      textDocument: { uri: JSON_URI },
      position: { line: 0, character: 4 },
    });
    assert.match((hover!.contents as MarkupContent).value, /VPN网关实例ID/);
  });

  it('reads settings through workspace/configuration and again after a change', async () => {
    let section: Record<string, unknown> = {
      docLanguage: 'zh',
      validation: { disabledRules: ['schema.additionalProperties'] },
    };
    server = await startOurServer({ settings: () => ({ tencentcloudVpn: section }) });
    const first = server.diagnostics(JSON_URI);
    await server.open(JSON_URI, 'tencentcloud-vpn-json', '{"Foo": 1}');
    let { diagnostics } = await first;
    // The initial publish may precede the configuration answer; wait for the one made with the pulled settings.
    if (diagnostics.some((d) => d.code === 'UnknownParameter')) ({ diagnostics } = await server.diagnostics(JSON_URI));
    assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.code !== 'UnknownParameter'));
    assert.ok(
      diagnostics.every((d) => /[\u4e00-\u9fff]/.test(String(d.message))),
      'messages in Chinese',
    );
    section = { docLanguage: 'en', validation: { disabledRules: [] } };
    const after = server.diagnostics(JSON_URI, (p) => p.diagnostics.some((d) => d.code === 'UnknownParameter'));
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.ok(
      (await after).diagnostics.every((d) => !/[\u4e00-\u9fff]/.test(String(d.message))),
      'messages in English',
    );
  });

  it('uses settings from initializationOptions when the client has no workspace/configuration', async () => {
    server = await startOurServer({
      capabilities: {},
      initializationOptions: { settings: { tencentcloudVpn: { docLanguage: 'zh' } } },
    });
    const published = server.diagnostics(YAML_URI);
    await server.open(YAML_URI, 'tencentcloud-vpn-yaml', 'Foo: 1\n');
    const { diagnostics } = await published;
    assert.ok(
      diagnostics.some((d) => String(d.message).startsWith('未知参数 "Foo"')),
      diagnostics.map((d) => d.message).join('\n'),
    );
  });

  it('checks and completes a *.vpnconn.yaml file sent as plaintext or with an empty language id, as YAML', async () => {
    server = await startOurServer();
    for (const [uri, languageId] of [
      ['file:///work/plain.vpnconn.yaml', 'plaintext'],
      ['file:///work/bare.vpnconn.yaml', ''],
    ]) {
      const published = server.diagnostics(uri);
      await server.open(uri, languageId, 'VpnGatewayId: vpngw-1w9tue3d\nRouteType: static\n');
      const { diagnostics } = await published;
      assert.ok(
        diagnostics.some((d) => d.code === 'InvalidParameterValue' && d.range.start.line === 1),
        `${languageId || '""'}: ${JSON.stringify(diagnostics)}`,
      );
      assert.ok(
        diagnostics.every((d) => !String(d.code).startsWith('json.')),
        `${languageId || '""'} is read as YAML`,
      );
      const values = (await server.request(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 1, character: 11 },
      })) as CompletionList;
      assert.deepEqual(
        values.items.map((i) => i.label),
        ['STATIC', 'StaticRoute', 'Policy', 'Bgp'],
        languageId,
      );
    }
  });

  it('checks and completes a *.vpnconn.json file sent as plain json, without a $schema', async () => {
    server = await startOurServer();
    const uri = 'file:///work/plain.vpnconn.json';
    const published = server.diagnostics(uri);
    await server.open(uri, 'json', '{\n  // comments are allowed\n  "RouteType": "static"\n}');
    const { diagnostics } = await published;
    assert.ok(
      diagnostics.some((d) => d.code === 'InvalidParameterValue' && d.range.start.line === 2),
      JSON.stringify(diagnostics),
    );
    assert.ok(
      diagnostics.every((d) => !String(d.code).startsWith('json.')),
      'read as JSON with comments',
    );
    const fixed = server.diagnostics(uri, (p) => p.version === 2);
    await server.change(uri, 2, [{ text: '{\n  "VpnGatewayId": "vpngw-1w9tue3d",\n  \n}' }]);
    await fixed;
    const keys = (await server.request(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 2, character: 2 },
    })) as CompletionList;
    const labels = keys.items.map((i) => i.label);
    assert.ok(labels.includes('CustomerGatewayId') && !labels.includes('VpnGatewayId'), labels.join(' '));
  });

  it('ignores plain JSON files that do not name our schema', async () => {
    server = await startOurServer();
    const published = server.diagnostics('file:///work/package.json');
    await server.open('file:///work/package.json', 'json', '{"name": "x"}');
    assert.deepEqual((await published).diagnostics, []);
  });

  it('still answers after a huge file, an alias bomb and 1,000 levels of nesting', async () => {
    server = await startOurServer();
    const huge = `{"SecurityPolicyDatabases": [${Array(80000).fill('{"LocalCidrBlock": "10.0.0.0/24", "RemoteCidrBlock": ["1.1.1.0/24"]}').join(',')}]}`;
    assert.ok(huge.length > 5 * 1024 * 1024);
    const hugeUri = 'file:///work/huge.vpnconn.json';
    const bombUri = 'file:///work/bomb.vpnconn.yaml';
    const deepUri = 'file:///work/deep.vpnconn.json';
    const published = Promise.all([
      server.diagnostics(hugeUri),
      server.diagnostics(bombUri),
      server.diagnostics(deepUri),
    ]);
    await server.open(hugeUri, 'tencentcloud-vpn-json', huge);
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 10 },
        (_, i) => `${'bcdefghijk'[i]}: &${'bcdefghijk'[i]} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`,
      ),
    ].join('\n');
    await server.open(bombUri, 'tencentcloud-vpn-yaml', bomb);
    await server.open(deepUri, 'tencentcloud-vpn-json', `{"Tags": ${'['.repeat(1000)}${']'.repeat(1000)}}`);
    const [hugeDiagnostics, bombDiagnostics, deepDiagnostics] = await published;
    assert.equal(hugeDiagnostics.diagnostics[0].code, 'file-too-large');
    assert.ok(bombDiagnostics.diagnostics.some((d) => d.code === 'yaml.alias-limit'));
    assert.ok(deepDiagnostics.diagnostics.some((d) => d.code === 'InvalidParameter'));
    const symbols = await server.request(DocumentSymbolRequest.type, { textDocument: { uri: deepUri } });
    assert.ok(Array.isArray(symbols));
  });
});
