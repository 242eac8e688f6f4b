/**
 * The rules page inside VS Code: each diagnostic's code links to `command:tencentcloudVpn.openRuleDoc?["<rule>"]`
 * (the template the client sends the server, protocol/initialization.ts `ruleDocLink`), and this command opens the
 * page the .vsix ships (docs/rules.md) as a Markdown preview beside the editor, scrolled to the rule's heading
 * (the preview reads the fragment of the uri it is given). Without the built-in Markdown extension it opens the
 * page as text at that heading instead. VS Code runs `command:` links from the Problems view; the editor's hover
 * opens a diagnostic's link without allowing commands, so in the editor the light bulb offers "Show documentation
 * for <rule>" instead (RuleDocActions).
 */
import * as vscode from 'vscode';
import { commandLinkTemplate } from '../language/features/docLinks';
import { Commands } from './commands';

/** The link template for the server: the command with the rule id as its one JSON argument. */
export const RULE_DOC_LINK = commandLinkTemplate(Commands.openRuleDoc);

/** The heading anchor VS Code's Markdown preview gives `### <rule id>`: the id itself, lower-cased. */
function anchorOf(ruleId: unknown): string | undefined {
  return typeof ruleId === 'string' && /^[\w.-]{1,80}$/.test(ruleId) ? ruleId.toLowerCase() : undefined;
}

/** Opens the rules page at the rule's heading (at the top for no or an unknown rule). */
export async function openRuleDoc(extensionUri: vscode.Uri, ruleId?: unknown): Promise<void> {
  const page = vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md');
  const anchor = anchorOf(ruleId);
  try {
    // Beside the file, so the line the diagnostic is about stays in view.
    await vscode.commands.executeCommand('markdown.showPreviewToSide', anchor ? page.with({ fragment: anchor }) : page);
  } catch {
    const document = await vscode.workspace.openTextDocument(page);
    const line = anchor ? document.getText().split('\n').indexOf(`### ${anchor}`) : -1;
    const position = new vscode.Position(Math.max(line, 0), 0);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
  }
}

/** The rule id a diagnostic's code link names (`command:…openRuleDoc?["<rule>"]`), if it is ours. */
export function linkedRuleId(diagnostic: vscode.Diagnostic): string | undefined {
  const target = typeof diagnostic.code === 'object' ? diagnostic.code.target : undefined;
  if (target?.scheme !== 'command' || target.path !== Commands.openRuleDoc) return undefined;
  try {
    const [ruleId] = JSON.parse(target.query) as unknown[];
    return anchorOf(ruleId) && typeof ruleId === 'string' ? ruleId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * "Show documentation for <rule>" in the light bulb of each diagnostic that links to a rule, as ESLint's extension
 * offers: the way in from the editor, where VS Code's hover shows the code's link but does not run commands.
 */
class RuleDocActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(_document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext) {
    const ruleIds = [...new Set(context.diagnostics.map(linkedRuleId).filter((id): id is string => !!id))];
    return ruleIds.map((ruleId) => {
      const action = new vscode.CodeAction(
        vscode.l10n.t('Show documentation for {0}', ruleId),
        vscode.CodeActionKind.QuickFix,
      );
      action.command = { command: Commands.openRuleDoc, title: action.title, arguments: [ruleId] };
      action.diagnostics = context.diagnostics.filter((diagnostic) => linkedRuleId(diagnostic) === ruleId);
      return action;
    });
  }
}

/** Registers the command the links name and the light-bulb action that runs it. */
export function registerRuleDocCommand(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.openRuleDoc, (ruleId?: unknown) => openRuleDoc(extensionUri, ruleId)),
    vscode.languages.registerCodeActionsProvider(
      [{ language: 'tencentcloud-vpn-json' }, { language: 'tencentcloud-vpn-yaml' }],
      new RuleDocActions(),
      { providedCodeActionKinds: RuleDocActions.kinds },
    ),
  );
}
