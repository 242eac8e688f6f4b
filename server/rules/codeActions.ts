/**
 * PASS-THROUGH placeholder written by the language-service engineer (issue 3) so the service can call the
 * contract today; the rules engineer (issue 4) owns this file and replaces it with quick fixes built from the
 * diagnostics' `data.fixes` (SemanticFix) and suppression actions.
 */
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { Lang } from './types';

/** The code actions for the diagnostics in a range. Placeholder: none. */
export function codeActionsFor(_text: string, _languageKind: 'json' | 'yaml', _diagnostics: Diagnostic[], _lang: Lang): CodeAction[] {
  return [];
}
