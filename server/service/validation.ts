/**
 * Diagnostics of a parsed file: syntax problems first, then for each document its schema findings and the
 * business rules' findings, each mapped once to a range, deduplicated and filtered by the user's suppressions.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { accountContextOf } from '../account/documentFacts';
import type { AccountResources } from '../account/snapshot';
import { runRules } from '../rules/engine';
import { filterSuppressed } from '../rules/suppression';
import type { Lang, RuleFinding, Severity } from '../rules/types';
import { mergeFindings, schemaFindings } from './paramsValidation';
import { actionOfPart } from './partAction';
import { spanFor, type Span } from './ranges';
import { rootSchemaOf } from './schemaLookup';
import { fileTooLargeMessage } from './syntaxMessages';
import type { ParsedFile, ParsedPart, SyntaxProblem } from './tree';

export const DIAGNOSTIC_SOURCE = 'tencentcloud-vpn';

export interface ValidationOptions {
  lang: Lang;
  disabledRules: readonly string[];
  /** The account's resources, when known: the account rules run and the gateway version is known. */
  account?: AccountResources;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Every diagnostic of a document, in the user's language, without the ones the user silenced. */
export function validateFile(doc: TextDocument, parsed: ParsedFile, options: ValidationOptions): Diagnostic[] {
  const toDiagnostic = (span: Span, severity: Severity, message: string, code: string) => ({
    range: { start: doc.positionAt(span.offset), end: doc.positionAt(span.offset + span.length) },
    severity: SEVERITY[severity],
    source: DIAGNOSTIC_SOURCE,
    code,
    message,
  });
  const diagnostics: Diagnostic[] = [];
  if (parsed.tooLarge) {
    const { size, limit, problems } = parsed.tooLarge;
    diagnostics.push({ ...toDiagnostic({ offset: 0, length: 1 }, 'warning', fileTooLargeMessage(size, limit)[options.lang], 'file-too-large'), data: { ruleId: 'file-too-large', fixes: [], documentIndex: 0 } });
    diagnostics.push(...problems.map((problem) => syntaxDiagnostic(problem, 0, options.lang, toDiagnostic)));
  }
  const text = doc.getText();
  for (const part of parsed.parts) {
    diagnostics.push(...part.problems.map((problem) => syntaxDiagnostic(problem, part.index, options.lang, toDiagnostic)));
    const action = actionOfPart(part, text, parsed.kind);
    for (const finding of findingsOf(part, action, options.account)) {
      const diagnostic: Diagnostic = toDiagnostic(spanFor(part, finding.path, finding.target), finding.severity, finding.message[options.lang], finding.code);
      const href = docUrlOf(finding, action, options.lang);
      if (href) diagnostic.codeDescription = { href };
      diagnostic.data = { ruleId: finding.ruleId, fixes: finding.fixes ?? [], documentIndex: part.index };
      diagnostics.push(diagnostic);
    }
  }
  return filterSuppressed(deduplicate(diagnostics), text, parsed.kind, options.disabledRules);
}

type ToDiagnostic = (span: Span, severity: Severity, message: string, code: string) => Diagnostic;

function syntaxDiagnostic(problem: SyntaxProblem, documentIndex: number, lang: Lang, toDiagnostic: ToDiagnostic): Diagnostic {
  const diagnostic = toDiagnostic(problem, problem.severity, problem.message[lang], problem.code);
  diagnostic.data = { ruleId: problem.code === 'duplicate-key' ? 'duplicate-key' : 'syntax', fixes: [], documentIndex };
  return diagnostic;
}

/** Schema and rule findings of one document; none for an empty document or one whose value is unknown. */
function findingsOf(part: ParsedPart, action: string, account: AccountResources | undefined): RuleFinding[] {
  if (!part.root || part.value === undefined) return [];
  let schema = schemaFindings(part.value, action);
  // While the text is broken, "missing parameter" is mostly the parser's loss, not the user's.
  if (part.problems.some((problem) => problem.severity === 'error' && problem.code !== 'duplicate-key')) schema = schema.filter((finding) => finding.ruleId !== 'schema.required');
  return mergeFindings(schema, rulesOf(part.value, action, account));
}

/** The business rules' findings; a failing rule must not take the schema diagnostics down with it. */
function rulesOf(value: unknown, action: string, account: AccountResources | undefined): RuleFinding[] {
  try {
    return runRules(value, { action, ...accountContextOf(value, account) });
  } catch (error) {
    console.error(`rules failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return [];
  }
}

/** Schema findings link to the action's API page in the user's language; rules bring their own link. */
function docUrlOf(finding: RuleFinding, action: string, lang: Lang): string | undefined {
  if (!finding.ruleId.startsWith('schema.')) return finding.docUrl;
  return rootSchemaOf(action)['x-doc-url']?.[lang] ?? finding.docUrl;
}

function deduplicate(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const id = `${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}:${String(d.code)}:${d.message}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
}
