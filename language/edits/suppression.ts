/**
 * Drops the diagnostics a user has silenced: by the `tencentcloudVpn.validation.disabledRules` setting (JSON
 * and YAML alike) or, in YAML, by `# tcvpn-disable...` comments (see suppressionComments.ts). Both match a
 * diagnostic's rule id (`data.ruleId`, e.g. "spd-overlap" or "schema.enum") or its code (the API error code).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { suppressionComments, type Silenced, type SuppressionComments } from './suppressionComments';

/** Syntax errors are not rules: a comment that silences "everything" still leaves a broken file visible. */
const NEVER_SILENCED_BY_WILDCARD = new Set(['syntax']);

/** The ids a diagnostic can be silenced by: its rule id and its code. */
function idsOf(diagnostic: Diagnostic): string[] {
  const ruleId = (diagnostic.data as { ruleId?: unknown } | undefined)?.ruleId;
  return [
    typeof ruleId === 'string' ? ruleId : undefined,
    diagnostic.code === undefined ? undefined : String(diagnostic.code),
  ].filter((id): id is string => id !== undefined);
}

function matches(silenced: Silenced | undefined, ids: string[]): boolean {
  if (!silenced) return false;
  if (silenced.all && !ids.some((id) => NEVER_SILENCED_BY_WILDCARD.has(id))) return true;
  return ids.some((id) => silenced.ids.has(id));
}

/** The diagnostics split into those shown and those the user silenced. */
export interface Suppressed {
  shown: Diagnostic[];
  silenced: Diagnostic[];
}

/**
 * The comments of the last texts seen: the diagnostics, the code actions that follow them and a submit of the
 * same version read one scan. Keyed by the text itself, so nothing stale is returned.
 */
const recentComments = new Map<string, SuppressionComments>();
const RECENT_LIMIT = 8;

function commentsOf(text: string): SuppressionComments {
  let comments = recentComments.get(text);
  if (!comments) {
    comments = suppressionComments(text);
    if (recentComments.size >= RECENT_LIMIT) recentComments.delete(recentComments.keys().next().value as string);
    recentComments.set(text, comments);
  }
  return comments;
}

/** Splits the diagnostics by whether the user silenced them (the setting, or YAML comments). */
export function partitionSuppressed(
  diagnostics: Diagnostic[],
  text: string,
  languageKind: 'json' | 'yaml',
  disabledRules: readonly string[],
): Suppressed {
  const disabled = new Set(disabledRules);
  // A file without any directive (the common case) needs no scan at all.
  const comments = languageKind === 'yaml' && text.includes('tcvpn-disable') ? commentsOf(text) : undefined;
  const result: Suppressed = { shown: [], silenced: [] };
  for (const diagnostic of diagnostics) {
    const ids = idsOf(diagnostic);
    const silenced =
      ids.some((id) => disabled.has(id)) ||
      (!!comments && (matches(comments.file, ids) || matches(comments.lines.get(diagnostic.range.start.line), ids)));
    (silenced ? result.silenced : result.shown).push(diagnostic);
  }
  return result;
}

/** The diagnostics the user has not silenced. */
export function filterSuppressed(
  diagnostics: Diagnostic[],
  text: string,
  languageKind: 'json' | 'yaml',
  disabledRules: readonly string[],
): Diagnostic[] {
  return partitionSuppressed(diagnostics, text, languageKind, disabledRules).shown;
}
