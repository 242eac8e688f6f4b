/**
 * PASS-THROUGH placeholder written by the language-service engineer (issue 3) so the service can call the
 * contract today; the rules engineer (issue 4) owns this file and replaces it with the real suppression logic
 * (inline comments, disabledRules by rule id or API code).
 */
import type { Diagnostic } from 'vscode-languageserver-types';

/** The diagnostics the user has not silenced. Placeholder: keeps every diagnostic. */
export function filterSuppressed(diagnostics: Diagnostic[], _text: string, _languageKind: 'json' | 'yaml', _disabledRules: readonly string[]): Diagnostic[] {
  return diagnostics;
}
