/**
 * The `json` format: an array of `{file, range, severity, code, message, source, ruleId}`, sorted by file
 * and position, with 1-based `line`/`column` (end exclusive). The keys always come in this order.
 */
import type { CliFinding } from './findings';

export function formatJson(findings: readonly CliFinding[]): string {
  const entries = findings.map(({ file, range, severity, code, message, source, ruleId }) => ({
    file,
    range,
    severity,
    code,
    message,
    source,
    ruleId,
  }));
  return `${JSON.stringify(entries, null, 2)}\n`;
}
