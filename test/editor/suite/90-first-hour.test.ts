/**
 * Issue 18's first hour, inside the editor: one language (with `requestLanguage` and `docLanguage` unset, a
 * failed submission, the task records, the output, hovers and diagnostics carry no text of the other language),
 * the rule links of diagnostics (the codeDescription's command opens the shipped docs/rules.md as a Markdown
 * preview; the light bulb offers "Show documentation for <rule>") and "Open an Example" indenting by 2.
 * The UI language is fixed per instance and the runtime has no language pack, so this instance is English:
 * the other language is forced through the settings as a control, which proves the checks can see Chinese.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TencentCloudVpnApi } from '../../../client/api';
import { Commands } from '../../../client/commands';
import {
  codeOf,
  describeDiagnostics,
  extensionApi,
  hoverText,
  openFixture,
  positionOf,
  waitFor,
  waitForDiagnostics,
  withUserSetting,
  workspaceFile,
} from '../support/helpers';

/**
 * A valid tunnel of its own for the language test (the fixtures' tunnels, created on the emulator by earlier
 * tests, would make a fixture's blocks conflict with a live tunnel, and a file with errors is never sent).
 */
const LANGUAGE_FILE = 'first-hour-language.vpnconn.yaml';
const LANGUAGE_TUNNEL = `# Written by the first-hour test: submitted with a wrong SecretKey, so it fails at the API.
Region: ap-guangzhou
VpnGatewayId: vpngw-1w9tue3d
CustomerGatewayId: cgw-qa9sxpy7
VpcId: vpc-gapcv96p
VpnConnectionName: editor-first-hour-language
PreShareKey: fixture-psk-lang
SecurityPolicyDatabases:
  - LocalCidrBlock: 10.77.1.0/24
    RemoteCidrBlock:
      - 58.77.1.0/24
`;

/** Any Han character: text of the Chinese UI (the English one has none). */
const CJK = /[\u3400-\u9fff]/;
const SECTION = 'tencentcloudVpn';

/** Whether the instance's UI is Chinese (zh, zh-cn, zh-tw…), as VS Code reports it to extensions. */
function zhUi(): boolean {
  return vscode.env.language.toLowerCase().startsWith('zh');
}

/** Asserts `text` is in the UI's language: no Han characters in an English UI, some in a Chinese one. */
function assertUiLanguage(text: string, what: string): void {
  if (zhUi()) assert.match(text, CJK, `${what} has no Chinese in a ${vscode.env.language} UI: ${text}`);
  else assert.doesNotMatch(text, CJK, `${what} has Chinese in a ${vscode.env.language} UI: ${text}`);
}

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.map(hoverText).join('\n---\n');
}

/** Submits `uri` with a wrong SecretKey against the emulator and returns the failed record's text and new output. */
async function failedSubmission(api: TencentCloudVpnApi, uri: vscode.Uri): Promise<string> {
  const savedKey = process.env.TENCENTCLOUD_SECRET_KEY;
  process.env.TENCENTCLOUD_SECRET_KEY = 'a-wrong-secret-key-for-the-language-test';
  try {
    // The extension keeps one API client per region, with the credentials it read when it made it; a change to a
    // client setting (the tccli profile, unused with environment credentials) makes it read them again.
    const restoreProfile = await withUserSetting(SECTION, 'tccliProfile', 'first-hour-client-reset');
    await restoreProfile();
    const before = new Set(api.getTasks().map((r) => r.id));
    const outputBefore = api.outputLines().length;
    await vscode.commands.executeCommand(Commands.submit, uri, { skipConfirmation: true });
    const failed = await waitFor(
      api.onDidChangeTasks,
      () => api.getTasks().find((r) => !before.has(r.id) && r.status === 'failed'),
      () => `a failed task for ${uri.path}; tasks: ${JSON.stringify(api.getTasks().map((r) => r.status))}`,
    );
    assert.ok(failed.error?.message, `the failed task has no error message: ${JSON.stringify(failed.error)}`);
    return `${failed.error.message}\n${api.outputLines().slice(outputBefore).join('\n')}`;
  } finally {
    process.env.TENCENTCLOUD_SECRET_KEY = savedKey;
  }
}

/** The diagnostic of bgp-mask.vpnconn.json that links to a rule (codeDescription `command:…openRuleDoc?[…]`). */
async function ruleLinkedDiagnostic(): Promise<{ document: vscode.TextDocument; diagnostic: vscode.Diagnostic }> {
  const { document } = await openFixture('bgp-mask.vpnconn.json');
  // The quick-fix test fixed this file in memory: back to the file on disk, with its mistake.
  if (document.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
  const diagnostics = await waitForDiagnostics(
    document.uri,
    (d) => d.some((x) => typeof x.code === 'object' && x.code.target.scheme === 'command'),
    'a diagnostic with a command link',
  );
  const diagnostic = diagnostics.find((x) => typeof x.code === 'object' && x.code.target.scheme === 'command')!;
  return { document, diagnostic };
}

/** The open tab titled "Preview rules.md" (the built-in Markdown preview of the shipped page), if any. */
function rulesPreviewTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Preview rules.md');
}

async function closeRulesPreviews(): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => /rules\.md/.test(t.label));
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

function describeTabs(): string {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .map((t) => t.label)
    .join(', ');
}

describe('first hour (issue 18)', function () {
  this.timeout(120_000);
  let api: TencentCloudVpnApi;
  before(async () => {
    api = await extensionApi();
    const inspected = vscode.workspace.getConfiguration(SECTION).inspect('requestLanguage');
    assert.equal(inspected?.globalValue, undefined, 'the suite sets requestLanguage: the default is what is tested');
    assert.equal(inspected?.defaultValue, 'auto');
  });

  it("a failed submission reads in the UI's language, and in Chinese when zh-CN is asked for", async () => {
    await vscode.workspace.fs.writeFile(workspaceFile(LANGUAGE_FILE), Buffer.from(LANGUAGE_TUNNEL));
    const { document } = await openFixture(LANGUAGE_FILE);
    assertUiLanguage(await failedSubmission(api, document.uri), 'the failed submission (record and output)');
    // Control: the other language forced, the emulator's answer changes language, so the check above can see it.
    const restore = await withUserSetting(SECTION, 'requestLanguage', zhUi() ? 'en-US' : 'zh-CN');
    try {
      const other = await failedSubmission(api, document.uri);
      if (zhUi()) assert.doesNotMatch(other, CJK, `requestLanguage en-US still answered in Chinese: ${other}`);
      else assert.match(other, CJK, `requestLanguage zh-CN did not answer in Chinese: ${other}`);
    } finally {
      await restore();
    }
  });

  it("diagnostics and hovers are in the UI's language unless docLanguage says otherwise", async () => {
    const { document } = await openFixture('schema-errors.vpnconn.yaml');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length >= 2, 'the schema diagnostics');
    assertUiLanguage(diagnostics.map((d) => d.message).join('\n'), 'the diagnostics');
    const position = positionOf(document, 'VpnGatewayId', 3);
    assertUiLanguage(await hoverAt(document.uri, position), 'the hover on VpnGatewayId');
    const restore = await withUserSetting(SECTION, 'docLanguage', zhUi() ? 'en' : 'zh');
    try {
      const other = zhUi() ? (t: string) => !CJK.test(t) : (t: string) => CJK.test(t);
      await waitForDiagnostics(
        document.uri,
        (d) => d.length >= 2 && d.every((x) => other(x.message)),
        'the diagnostics in the other language',
      );
      const hover = await hoverAt(document.uri, position);
      assert.ok(other(hover), `the hover did not follow docLanguage: ${hover}`);
    } finally {
      await restore();
    }
    await waitForDiagnostics(
      document.uri,
      (d) => d.length >= 2 && d.every((x) => zhUi() === CJK.test(x.message)),
      "the diagnostics back in the UI's language",
    );
  });

  it("a rule's code link runs the command that opens docs/rules.md in a Markdown preview", async () => {
    await closeRulesPreviews();
    const { diagnostic } = await ruleLinkedDiagnostic();
    const target = (diagnostic.code as { target: vscode.Uri }).target;
    assert.equal(target.path, Commands.openRuleDoc, `the link names another command: ${target.toString()}`);
    const args = JSON.parse(target.query) as unknown[];
    assert.equal(typeof args[0], 'string', `the link's argument is not a rule id: ${target.query}`);
    // What VS Code does for a command: link from the Problems view: the path is the command, the query its arguments.
    await vscode.commands.executeCommand(target.path, ...args);
    await waitFor(
      vscode.window.tabGroups.onDidChangeTabs,
      rulesPreviewTab,
      () => `the preview; tabs: ${describeTabs()}`,
    );
    const heading = new RegExp(`^### ${String(args[0]).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm');
    const page = await vscode.workspace.openTextDocument(
      vscode.Uri.joinPath(
        vscode.extensions.getExtension('tcvpn-dev.tencentcloud-vpn-connection')!.extensionUri,
        'docs',
        'rules.md',
      ),
    );
    assert.match(page.getText(), heading, `docs/rules.md has no heading for ${String(args[0])}`);
    await closeRulesPreviews();
  });

  it('the light bulb offers "Show documentation for <rule>", which opens the preview', async () => {
    await closeRulesPreviews();
    const { document, diagnostic } = await ruleLinkedDiagnostic();
    const ruleId = (JSON.parse((diagnostic.code as { target: vscode.Uri }).target.query) as string[])[0];
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
    );
    const show = actions.find((a) => a.title === `Show documentation for ${ruleId}`);
    assert.ok(
      show?.command,
      `no "Show documentation for ${ruleId}"; actions: ${actions.map((a) => a.title).join(', ')}`,
    );
    assert.ok(
      !show.diagnostics || show.diagnostics.some((d) => codeOf(d) === codeOf(diagnostic)),
      `the action names other diagnostics: ${describeDiagnostics(show.diagnostics ?? [])}`,
    );
    await vscode.commands.executeCommand(show.command.command, ...(show.command.arguments ?? []));
    await waitFor(
      vscode.window.tabGroups.onDidChangeTabs,
      rulesPreviewTab,
      () => `the preview; tabs: ${describeTabs()}`,
    );
    await closeRulesPreviews();
  });

  it('"Open an Example" indents by 2 spaces (configurationDefaults for our languages)', async () => {
    for (const languageId of ['tencentcloud-vpn-yaml', 'tencentcloud-vpn-json']) {
      const editor = vscode.workspace.getConfiguration('editor', { languageId });
      assert.equal(editor.get('tabSize'), 2, `editor.tabSize for ${languageId}`);
      assert.equal(editor.get('insertSpaces'), true, `editor.insertSpaces for ${languageId}`);
    }
    const document = await vscode.commands.executeCommand<vscode.TextDocument>(Commands.openExample);
    assert.equal(document.languageId, 'tencentcloud-vpn-yaml');
    const shown = await waitFor(
      vscode.window.onDidChangeTextEditorOptions,
      () => {
        const active = vscode.window.activeTextEditor;
        return active?.document === document && active.options.tabSize === 2 ? active : undefined;
      },
      () => `tab size 2 on the example; now ${String(vscode.window.activeTextEditor?.options.tabSize)}`,
    );
    assert.equal(shown.options.insertSpaces, true, 'the example indents with tabs');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
