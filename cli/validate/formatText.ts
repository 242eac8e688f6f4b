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

/**
 * The closing summary, printed on stderr so stdout holds only findings. Inputs that could not be checked (a
 * missing file, a folder with no VPN file) are counted in it too, so a run that checked nothing never reads as
 * a clean one.
 */
export function summaryOf(findings: readonly CliFinding[], fileCount: number, uncheckedCount = 0): string {
  const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const checked = `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')} in ${plural(fileCount, 'file')}`;
  if (uncheckedCount === 0) return `${checked}\n`;
  const what = uncheckedCount === 1 ? '1 input could not be checked' : `${uncheckedCount} inputs could not be checked`;
  return `${checked}; ${what} (see above): not a clean run\n`;
}
