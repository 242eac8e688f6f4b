import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkParams, checkText, createLanguageService, type CheckOptions } from '../../../language';
import { yamlDocuments } from '../../../language/parsing/yamlDocuments';

const HEAD =
  'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: office\nPreShareKey: k\n';
const EN: CheckOptions = { lang: 'en', disabledRules: [] };
const codes = (diagnostics: { code?: string | number }[]) => diagnostics.map((d) => String(d.code));

describe('the document pipeline', () => {
  it('gives each document of a stream with its request parameters, the editor keys removed', () => {
    const text = `$schema: tencentcloud-vpn://schemas/CreateVpnConnection.schema.json\nRegion: ap-shanghai\n${HEAD}---\n---\nAction: DeleteVpnConnection\nVpnGatewayId: vpngw-1\nVpnConnectionId: vpnx-1\n`;
    const { parts } = checkText(text, 'yaml', 'file:///t.vpnconn.yaml', EN);
    assert.deepEqual(
      parts.map((p) => [p.index, p.action, p.region, p.name]),
      [
        [0, 'CreateVpnConnection', 'ap-shanghai', 'office'],
        [2, 'DeleteVpnConnection', undefined, ''],
      ],
    );
    assert.deepEqual(Object.keys(parts[0].params ?? {}), [
      'VpnGatewayId',
      'CustomerGatewayId',
      'VpnConnectionName',
      'PreShareKey',
    ]);
    assert.equal(parts[0].vpnGatewayId, 'vpngw-1w9tue3d');
  });

  it('keeps an unknown Action by name, so a submit can refuse it', () => {
    assert.equal(
      checkText(`Action: CreateVpnGateway\n${HEAD}`, 'yaml', 'file:///t.vpnconn.yaml', EN).parts[0].action,
      'CreateVpnGateway',
    );
  });

  it('splits shown and silenced diagnostics; silenced errors block only when the host says so', () => {
    const text = `${HEAD}DpdEnable: 1\n# tcvpn-disable-next-line dpd-timeout-range\nDpdTimeout: "120"\nHealthCheckLocalIp: 169.254.128.1\n`;
    const editor = checkText(text, 'yaml', 'file:///t.vpnconn.yaml', EN);
    assert.deepEqual(codes(editor.silenced), ['InvalidParameterValue']);
    assert.ok(!codes(editor.diagnostics).includes('InvalidParameterValue'));
    assert.deepEqual(editor.blocking, []);
    const submit = checkText(text, 'yaml', 'file:///t.vpnconn.yaml', { ...EN, silencedErrorsBlock: true });
    assert.deepEqual(codes(submit.blocking), ['InvalidParameterValue']);
    const setting = checkText(
      text.replace('# tcvpn-disable-next-line dpd-timeout-range\n', ''),
      'yaml',
      'file:///t.vpnconn.yaml',
      { ...EN, disabledRules: ['health-check-disabled'], silencedErrorsBlock: true },
    );
    assert.deepEqual(
      setting.silenced.map((d) => (d.data as { ruleId: string }).ruleId),
      ['health-check-disabled'],
    );
    assert.deepEqual(codes(setting.blocking), ['InvalidParameterValue'], 'a silenced warning never blocks');
  });

  it("blocks on a syntax error, and the service's validate is the pipeline's shown diagnostics", () => {
    const text = `${HEAD}RouteType: [StaticRoute\n`;
    const check = checkText(text, 'yaml', 'file:///t.vpnconn.yaml', EN);
    assert.ok(check.blocking.some((d) => (d.data as { ruleId: string }).ruleId === 'syntax'));
    const service = createLanguageService();
    const doc = TextDocument.create('file:///t.vpnconn.yaml', 'tencentcloud-vpn-yaml', 1, text);
    assert.deepEqual(service.validate(doc, EN), service.check(doc, EN).diagnostics);
    assert.deepEqual(service.check(doc, EN).diagnostics, check.diagnostics);
  });

  it("checks a plain value the same way (the emulator's step): schema and rules merged", () => {
    const findings = checkParams(
      {
        VpnGatewayId: 'vpngw-1w9tue3d',
        CustomerGatewayId: 'cgw-qa9sxpy7',
        VpnConnectionName: 'x'.repeat(61),
        PreShareKey: 'k',
      },
      'CreateVpnConnection',
    );
    // The name-length rule and the schema's maxLength speak of one path: the rule's finding alone is kept.
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['name-length'],
    );
  });

  it('parses a YAML version once for diagnostics, fixes and formatting (the documents are shared)', () => {
    const text = `${HEAD}DpdTimeout: "30"\n`;
    const service = createLanguageService();
    const doc = TextDocument.create('file:///once.vpnconn.yaml', 'tencentcloud-vpn-yaml', 1, text);
    service.validate(doc, EN);
    const documents = yamlDocuments(text);
    service.format(doc, { tabSize: 2, insertSpaces: true });
    assert.equal(yamlDocuments(text), documents, 'formatting read the same parse');
    assert.notEqual(yamlDocuments(`${text}# other\n`), documents);
  });
});
