/** The `text` format: one `file:line:col: severity code message` line per finding, as compilers print. */
import type { CliFinding } from './findings';

export function formatText(findings: readonly CliFinding[]): string {
  return findings.map(lineOf).join('');
}

function lineOf(finding: CliFinding): string {
  const { file, range, severity, code } = finding;
  // A message is one line in this format, so that line-oriented tools (grep, problem matchers) see one finding per line.
  const message = finding.message.replace(/\s*\r?\n\s*/g, ' ');
  return `${file}:${range.start.line}:${range.start.column}: ${severity} ${code} ${message}\n`;
}

/** The closing summary, printed on stderr so stdout holds only findings. */
export function summaryOf(findings: readonly CliFinding[], fileCount: number): string {
  const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')} in ${plural(fileCount, 'file')}\n`;
}
