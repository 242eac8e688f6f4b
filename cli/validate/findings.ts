/**
 * The CLI's view of a diagnostic: the language service's LSP diagnostic with the file it belongs to and
 * 1-based positions, in one stable order. Every output format is written from these.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Severity } from '../../language/types';
import { compareStrings } from './inputs';

/** A 1-based line and column; columns count UTF-16 code units, as LSP and SARIF do by default. */
export interface CliPosition {
  line: number;
  column: number;
}

export interface CliFinding {
  /** Relative to the working directory with forward slashes, or absolute when outside it. */
  file: string;
  /** The end is exclusive: the column just after the underlined text. */
  range: { start: CliPosition; end: CliPosition };
  severity: Severity;
  /** The API error code the finding prevents, or a stable schema / syntax code. */
  code: string;
  message: string;
  source: string;
  /** What `--disable` and suppression comments name; the code when the service gives no rule id. */
  ruleId: string;
  /** A documentation link for the rule, when the service gives one. */
  docUrl?: string;
}

const SEVERITY_BY_LSP: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** One diagnostic of `file` as a CLI finding. */
export function findingOf(file: string, diagnostic: Diagnostic): CliFinding {
  const { start, end } = diagnostic.range;
  const code = diagnostic.code === undefined ? 'unknown' : String(diagnostic.code);
  const data = diagnostic.data as { ruleId?: unknown } | undefined;
  return {
    file,
    range: {
      start: { line: start.line + 1, column: start.character + 1 },
      end: { line: end.line + 1, column: end.character + 1 },
    },
    severity: SEVERITY_BY_LSP[diagnostic.severity ?? 1] ?? 'error',
    code,
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    source: diagnostic.source ?? 'tencentcloud-vpn',
    ruleId: typeof data?.ruleId === 'string' ? data.ruleId : code,
    ...(diagnostic.codeDescription ? { docUrl: diagnostic.codeDescription.href } : {}),
  };
}

/** Sorts by file, then position, then code and message, so two runs print the same bytes. */
export function sortFindings(findings: CliFinding[]): CliFinding[] {
  return findings.sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.column - b.range.start.column ||
      a.range.end.line - b.range.end.line ||
      a.range.end.column - b.range.end.column ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.message, b.message),
  );
}

/** 2 when an input could not be checked, else 1 when any finding is an error, else 0. */
export function exitCodeOf(findings: readonly CliFinding[], inputProblemCount: number): number {
  if (inputProblemCount > 0) return 2;
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}
