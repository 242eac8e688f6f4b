/**
 * Drops the diagnostics a user has silenced: by the `tencentcloudVpn.validation.disabledRules` setting (JSON
 * and YAML alike) or, in YAML, by `# tcvpn-disable...` comments (see suppressionComments.ts). Both match a
 * diagnostic's rule id (`data.ruleId`, e.g. "spd-overlap" or "schema.enum") or its code (the API error code).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { suppressionComments, type Silenced } from './suppressionComments';

/** Syntax errors are not rules: a comment that silences "everything" still leaves a broken file visible. */
const NEVER_SILENCED_BY_WILDCARD = new Set(['syntax']);

/** The ids a diagnostic can be silenced by: its rule id and its code. */
function idsOf(diagnostic: Diagnostic): string[] {
  const ruleId = (diagnostic.data as { ruleId?: unknown } | undefined)?.ruleId;
  return [typeof ruleId === 'string' ? ruleId : undefined, diagnostic.code === undefined ? undefined : String(diagnostic.code)].filter(
    (id): id is string => id !== undefined,
  );
}

function matches(silenced: Silenced | undefined, ids: string[]): boolean {
  if (!silenced) return false;
  if (silenced.all && !ids.some((id) => NEVER_SILENCED_BY_WILDCARD.has(id))) return true;
  return ids.some((id) => silenced.ids.has(id));
}

/** The diagnostics the user has not silenced. */
export function filterSuppressed(
  diagnostics: Diagnostic[],
  text: string,
  languageKind: 'json' | 'yaml',
  disabledRules: readonly string[],
): Diagnostic[] {
  const disabled = new Set(disabledRules);
  const comments = languageKind === 'yaml' ? suppressionComments(text) : undefined;
  return diagnostics.filter((diagnostic) => {
    const ids = idsOf(diagnostic);
    if (ids.some((id) => disabled.has(id))) return false;
    if (!comments) return true;
    return !matches(comments.file, ids) && !matches(comments.lines.get(diagnostic.range.start.line), ids);
  });
}
