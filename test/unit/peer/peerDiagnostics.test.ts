/**
 * The peer-device capability check in the editor's pipeline: with a peer vendor chosen for the file (a
 * `# tcvpn-peer:` comment, or the tencentcloudVpn.peerVendor setting reaching the pipeline as `peerVendor`), each
 * thing the vendor cannot do is a warning on the named parameter, coded `peer-<vendor>-unsupported`; without a
 * vendor there are none; the comment wins over the setting; `peer-unsupported` silences them.
 */
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { checkText, type CheckOptions } from '../../../language';
import { peerCommentVendor } from '../../../language/peer/vendorChoice';
import { settingsFromSection } from '../../../server/workspaceSettings';

const HEAD =
  'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpcId: vpc-6h4j2w9z\nVpnConnectionName: office\nPreShareKey: k\n';
// SM4 in the IKE proposal: only the domestic vendors (Huawei, H3C) have it.
const SM4 = `${HEAD}IKEOptionsSpecification:\n  IKEVersion: IKEV2\n  PropoEncryAlgorithm: SM4\n  DhGroupName: GROUP14\nIPSECOptionsSpecification:\n  IPSECSaLifetimeTraffic: 1843200\n`;
const EN: CheckOptions = { lang: 'en', disabledRules: [] };

function peerDiagnostics(text: string, options: CheckOptions = EN): Diagnostic[] {
  return checkText(text, 'yaml', 'file:///t.vpnconn.yaml', options).diagnostics.filter((d) =>
    String(d.code).startsWith('peer-'),
  );
}

/** A diagnostic's message as text. */
function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** The text a diagnostic underlines. */
function underlined(text: string, diagnostic: Diagnostic): string {
  const lines = text.split('\n');
  const { start, end } = diagnostic.range;
  return lines[start.line].slice(start.character, start.line === end.line ? end.character : undefined);
}

describe('peer-device diagnostics', () => {
  it('warns on the parameter a `# tcvpn-peer:` vendor cannot do, coded with the vendor', () => {
    const text = `# tcvpn-peer: strongswan\n${SM4}`;
    const [diagnostic, ...rest] = peerDiagnostics(text);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.code, 'peer-strongswan-unsupported');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(underlined(text, diagnostic), 'SM4');
    assert.match(messageOf(diagnostic), /strongSwan does not support IKE encryption SM4/);
  });

  it('says it in Chinese for a Chinese user', () => {
    const [diagnostic] = peerDiagnostics(`# tcvpn-peer: strongswan\n${SM4}`, { ...EN, lang: 'zh' });
    assert.match(messageOf(diagnostic), /strongSwan 不支持 IKE 加密算法 SM4/);
  });

  it('reports nothing when no vendor is chosen, or the vendor can do it', () => {
    assert.deepEqual(peerDiagnostics(SM4), []);
    assert.deepEqual(peerDiagnostics(`# tcvpn-peer: huawei\n${SM4}`), []);
  });

  it('takes the vendor from the setting, and the comment over the setting', () => {
    assert.deepEqual(
      peerDiagnostics(SM4, { ...EN, peerVendor: 'cisco-asa' }).map((d) => d.code),
      ['peer-cisco-asa-unsupported'],
    );
    assert.deepEqual(peerDiagnostics(`# tcvpn-peer: h3c\n${SM4}`, { ...EN, peerVendor: 'cisco-asa' }), []);
  });

  it('chooses nothing for an id no vendor has', () => {
    assert.deepEqual(peerDiagnostics(`# tcvpn-peer: netscreen\n${SM4}`), []);
    assert.deepEqual(peerDiagnostics(SM4, { ...EN, peerVendor: 'netscreen' }), []);
  });

  it("checks a default the file leaves out: IKEv1 (the API's default) with GCM is named on the cipher", () => {
    const text = `# tcvpn-peer: fortios\n${HEAD}IKEOptionsSpecification:\n  PropoEncryAlgorithm: AES128GCM128\n`;
    const diagnostics = peerDiagnostics(text);
    assert.equal(diagnostics.length, 1);
    assert.equal(underlined(text, diagnostics[0]), 'AES128GCM128');
    assert.match(messageOf(diagnostics[0]), /only in IKEv2/);
  });

  it('is silenced by the rule id peer-unsupported, like any rule', () => {
    assert.deepEqual(
      peerDiagnostics(`# tcvpn-peer: strongswan\n${SM4}`, { ...EN, disabledRules: ['peer-unsupported'] }),
      [],
    );
  });

  it('receives the tencentcloudVpn.peerVendor setting as the server reads its section', () => {
    assert.equal(settingsFromSection({ peerVendor: 'h3c' }).peerVendor, 'h3c');
    assert.equal(settingsFromSection({ peerVendor: 7 }).peerVendor, '');
    assert.equal(settingsFromSection({}).peerVendor, '');
  });

  it('reads the comment only as a whole line', () => {
    assert.equal(peerCommentVendor('  #tcvpn-peer:  Cisco-IOS\n'), 'cisco-ios');
    assert.equal(peerCommentVendor('Name: x # tcvpn-peer: h3c\n'), undefined);
  });
});
