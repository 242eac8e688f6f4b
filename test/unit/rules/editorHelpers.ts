/**
 * Drives the real language service the way the editor does: text → diagnostics (ranges from the service's own
 * path mapping) → code actions → edits applied to the text. Used to test ranges, quick fixes and silencing.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { AccountResources } from '../../../language/account/snapshot';
import { codeActionsFor } from '../../../language/edits/codeActions';
import { ruleById } from '../../../language/rules/registry';
import { seedAccount } from '../account/fixtures';
import { createLanguageService } from '../../../language/languageService';

const service = createLanguageService();
let version = 0;

export type Kind = 'json' | 'yaml';

export function documentOf(text: string, kind: Kind): TextDocument {
  return TextDocument.create(
    `file:///test/${++version}.vpnconn.${kind}`,
    kind === 'json' ? 'tencentcloud-vpn-json' : 'tencentcloud-vpn-yaml',
    1,
    text,
  );
}

/** Every diagnostic of a text, as the language server would publish them (with an account when given). */
export function diagnosticsOf(
  text: string,
  kind: Kind,
  disabledRules: string[] = [],
  account?: AccountResources,
): Diagnostic[] {
  return service.validate(documentOf(text, kind), { lang: 'en', disabledRules, account });
}

/** The diagnostics of a text as the editor shows them when checking this rule: account rules see the seed's account. */
function diagnosticsFor(text: string, kind: Kind, ruleId: string): Diagnostic[] {
  return diagnosticsOf(text, kind, [], ruleById(ruleId)?.needsAccount ? seedAccount() : undefined);
}

/** The diagnostics of one rule with the text they underline. */
export function underlined(text: string, kind: Kind, ruleId: string): string[] {
  const document = documentOf(text, kind);
  return diagnosticsFor(text, kind, ruleId)
    .filter((diagnostic) => (diagnostic.data as { ruleId?: string }).ruleId === ruleId)
    .map((diagnostic) => document.getText(diagnostic.range));
}

/** The quick fixes offered for one rule's diagnostics. */
export function actionsFor(text: string, kind: Kind, ruleId: string): CodeAction[] {
  const diagnostics = diagnosticsFor(text, kind, ruleId).filter(
    (diagnostic) => (diagnostic.data as { ruleId?: string }).ruleId === ruleId,
  );
  return codeActionsFor(text, kind, diagnostics, 'en', 'file:///x');
}

/** The text after applying the code action with this title (fails the test when there is none). */
export function applyAction(text: string, kind: Kind, ruleId: string, title: string | RegExp): string {
  const actions = actionsFor(text, kind, ruleId);
  const action = actions.find((candidate) =>
    typeof title === 'string' ? candidate.title === title : title.test(candidate.title),
  );
  if (!action?.edit?.changes)
    throw new Error(`no action "${String(title)}" for ${ruleId}; got ${actions.map((a) => a.title).join(' | ')}`);
  return TextDocument.applyEdits(documentOf(text, kind), action.edit.changes['file:///x']);
}

/** Rule ids with diagnostics in a text. */
export function ruleIdsIn(text: string, kind: Kind, disabledRules: string[] = []): string[] {
  return diagnosticsOf(text, kind, disabledRules).map((diagnostic) =>
    String((diagnostic.data as { ruleId?: string }).ruleId),
  );
}
