/**
 * "Open an Example": an untitled `example.vpnconn.yaml` holding the official CreateVpnConnection example, so a new
 * user sees completion, hovers and diagnostics at once and can submit it to the emulator.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from './commands';

/** The official example request (API docs, "创建VPN通道"), as YAML with a placeholder pre-shared key. */
export const EXAMPLE_YAML = `# Tencent Cloud VPN tunnel (VPC CreateVpnConnection, 2017-03-12): the official example.
# Submit it with "Tencent Cloud VPN: Submit Connection" (the editor title's cloud button).
Region: ap-guangzhou
VpnConnectionName: TEST_CONN
VpcId: vpc-gapcv96p
VpnGatewayId: vpngw-1w9tue3d
CustomerGatewayId: cgw-qa9sxpy7
PreShareKey: change-me-6325ac
SecurityPolicyDatabases:
  - LocalCidrBlock: 10.8.4.0/24
    RemoteCidrBlock:
      - 58.211.1.0/24
IKEOptionsSpecification:
  IKEVersion: IKEV1
  PropoEncryAlgorithm: 3DES-CBC
  PropoAuthenAlgorithm: MD5
  ExchangeMode: MAIN
  LocalIdentity: ADDRESS
  RemoteIdentity: ADDRESS
  LocalAddress: 58.211.2.5
  RemoteAddress: 1.2.3.4
  DhGroupName: GROUP1
IPSECOptionsSpecification:
  EncryptAlgorithm: 3DES-CBC
  IntegrityAlgorith: SHA1
  PfsDhGroup: "NULL"
Tags:
  - Key: city
    Value: shanghai
`;

/** Opens the example; returns its document. */
export async function openExample(): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.tmpdir();
  const uri = vscode.Uri.file(path.join(folder, 'example.vpnconn.yaml')).with({ scheme: 'untitled' });
  const document = await vscode.workspace.openTextDocument(uri);
  if (!document.getText()) {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), EXAMPLE_YAML);
    await vscode.workspace.applyEdit(edit);
  }
  await vscode.window.showTextDocument(document);
  if (document.languageId !== 'tencentcloud-vpn-yaml')
    await vscode.languages.setTextDocumentLanguage(document, 'tencentcloud-vpn-yaml');
  return document;
}

/** Registers the command. */
export function registerExampleCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.openExample, openExample);
}
