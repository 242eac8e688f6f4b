/**
 * The `sarif` format: one SARIF 2.1.0 run for code-scanning tools (GitHub code scanning, Azure DevOps, the
 * SARIF viewers). Files are referenced relative to the working directory through the `SRCROOT` base, so the
 * log can be uploaded from the repository root; inputs that could not be read become tool notifications.
 */
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { version } from '../../package.json';
import type { CliFinding } from './findings';
import type { InputProblem } from './inputs';
import type { Lang } from '../../language/types';
import { packageDocUrl } from '../packageDocs';
import { ruleDescriptorOf, sarifRuleIdOf } from './sarifRules';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = 'SRCROOT';

const LEVEL_BY_SEVERITY: Record<CliFinding['severity'], Sarif.Result.level> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** The whole SARIF log, as an object; `formatSarif` prints it. Rules are described in `lang`. */
export function sarifLogOf(
  findings: readonly CliFinding[],
  problems: readonly InputProblem[],
  cwd: string,
  lang: Lang = 'en',
): Sarif.Log {
  const rules = rulesOf(findings, lang);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const informationUri = packageDocUrl('README.md');
  const run: Sarif.Run = {
    tool: { driver: { name: 'tcvpn', semanticVersion: version, ...(informationUri ? { informationUri } : {}), rules } },
    originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
    columnKind: 'utf16CodeUnits',
    invocations: [
      { executionSuccessful: problems.length === 0, toolExecutionNotifications: problems.map(notificationOf) },
    ],
    results: findings.map((finding) => resultOf(finding, ruleIndex.get(sarifRuleIdOf(finding)) ?? -1)),
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export function formatSarif(
  findings: readonly CliFinding[],
  problems: readonly InputProblem[],
  cwd: string,
  lang: Lang = 'en',
): string {
  return `${JSON.stringify(sarifLogOf(findings, problems, cwd, lang), null, 2)}\n`;
}

/** One rule descriptor (sarifRules.ts) per rule that has a result, sorted by id. */
function rulesOf(findings: readonly CliFinding[], lang: Lang): Sarif.ReportingDescriptor[] {
  const byId = new Map<string, Sarif.ReportingDescriptor>();
  for (const finding of findings) {
    const id = sarifRuleIdOf(finding);
    if (!byId.has(id)) byId.set(id, ruleDescriptorOf(finding, lang, LEVEL_BY_SEVERITY[finding.severity]));
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function resultOf(finding: CliFinding, ruleIndex: number): Sarif.Result {
  const { start, end } = finding.range;
  return {
    ruleId: sarifRuleIdOf(finding),
    ruleIndex,
    level: LEVEL_BY_SEVERITY[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactOf(finding.file),
          region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
        },
      },
    ],
    properties: { code: finding.code, source: finding.source },
  };
}

function notificationOf(problem: InputProblem): Sarif.Notification {
  return {
    level: 'error',
    message: { text: `${problem.displayPath}: ${problem.message}` },
    locations: [{ physicalLocation: { artifactLocation: artifactOf(problem.displayPath) } }],
  };
}

/** A relative path becomes a percent-encoded URI under SRCROOT; an absolute one (outside the cwd) a file: URI. */
function artifactOf(displayPath: string): Sarif.ArtifactLocation {
  if (displayPath.startsWith('/') || /^[A-Za-z]:[\\/]/.test(displayPath))
    return { uri: pathToFileURL(displayPath).href };
  return { uri: displayPath.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
