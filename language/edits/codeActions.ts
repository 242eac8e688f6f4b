/**
 * Quick fixes: every SemanticFix a diagnostic carries in `data.fixes` (from a rule or from the schema checks)
 * becomes a code action whose edit is computed against the current text; in YAML each diagnostic also gets
 * "disable this rule for this line", which writes a `# tcvpn-disable-next-line` comment above it.
 */
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { textEditsFor } from './fixes';
import type { Lang, SemanticFix } from '../types';

interface FixData {
  ruleId?: string;
  fixes?: SemanticFix[];
  documentIndex?: number;
}

/**
 * The code actions for the given diagnostics. `uri` keys the WorkspaceEdit; callers that have the document's
 * URI must pass it (the edit is unusable by an editor otherwise).
 */
export function codeActionsFor(
  text: string,
  languageKind: 'json' | 'yaml',
  diagnostics: Diagnostic[],
  lang: Lang,
  uri = '',
): CodeAction[] {
  const actions = new Map<string, CodeAction>();
  let lines: string[] | undefined;
  for (const diagnostic of diagnostics) {
    const data = (diagnostic.data ?? {}) as FixData;
    const fixes = Array.isArray(data.fixes) ? data.fixes : [];
    fixes.forEach((fix, index) => {
      const edits = textEditsFor(text, languageKind, fix, data.documentIndex ?? 0);
      if (edits.length > 0)
        addAction(actions, fix.title[lang], diagnostic, edits, uri, index === 0 && fixes.length === 1);
    });
    if (languageKind === 'yaml' && data.ruleId && data.ruleId !== 'syntax') {
      const title = lang === 'zh' ? `在此行禁用 ${data.ruleId}` : `Disable ${data.ruleId} for this line`;
      lines ??= text.split(/\r?\n/);
      const edit = disableNextLineEdit(
        lines,
        diagnostic.range.start.line,
        data.ruleId,
        text.includes('\r\n') ? '\r\n' : '\n',
      );
      addAction(actions, title, diagnostic, [edit], uri, false);
    }
  }
  return [...actions.values()];
}

/** Adds an action, or merges the diagnostic into an identical one (e.g. one pair fix for two addresses). */
function addAction(
  actions: Map<string, CodeAction>,
  title: string,
  diagnostic: Diagnostic,
  edits: TextEdit[],
  uri: string,
  isPreferred: boolean,
): void {
  const key = `${title}\u0000${JSON.stringify(edits)}`;
  const existing = actions.get(key);
  if (existing) {
    existing.diagnostics?.push(diagnostic);
    return;
  }
  actions.set(key, {
    title,
    kind: 'quickfix',
    diagnostics: [diagnostic],
    isPreferred,
    edit: { changes: { [uri]: edits } },
  });
}

/** A comment line above `line`, indented like it, that silences `ruleId` there. */
function disableNextLineEdit(lines: string[], line: number, ruleId: string, eol: string): TextEdit {
  const indent = /^[ \t]*/.exec(lines[line] ?? '')?.[0] ?? '';
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}# tcvpn-disable-next-line ${ruleId}${eol}`,
  };
}
