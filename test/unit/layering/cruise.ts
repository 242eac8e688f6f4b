/**
 * Runs the repository's layering rules (.dependency-cruiser.cjs) through dependency-cruiser's API, over the
 * repository or over a fixture tree, and words each violation as a person acts on it: "from → to (rule)".
 */
import * as path from 'node:path';
import type { IConfiguration, ICruiseResult, IViolation } from 'dependency-cruiser';
import { PROGRAM_FOLDERS, REPO_ROOT } from '../../support/repo';

/** The repository's root, where the rules file lives and from which its paths are written. */
export { REPO_ROOT };

/**
 * Every folder of code in the repository (lab/ is a development program, not shipped); the rules choose which
 * of them each one applies to.
 */
export const CRUISED_FOLDERS = [...PROGRAM_FOLDERS, 'lab', 'scripts', 'test'];

/** The rules file, as dependency-cruiser's command line reads it. */
export function layeringConfig(): IConfiguration {
  // A .cjs file outside tsconfig's sources: required at run time, typed by the interface its JSDoc names.
  return require(path.join(REPO_ROOT, '.dependency-cruiser.cjs')) as IConfiguration;
}

/** The violations the rules file lists as known (reported with severity "ignore" instead of "error"). */
export function knownViolations(): IViolation[] {
  return layeringConfig().options?.knownViolations ?? [];
}

/**
 * Cruises `folders` under `baseDir` with the layering rules. `known` are the violations to report as ignored: the
 * repository passes its own list (knownViolations()), a fixture tree is judged by the rules alone.
 */
export async function cruiseLayering(
  baseDir: string,
  folders: string[],
  known: IViolation[] = [],
): Promise<ICruiseResult> {
  // dependency-cruiser is an ES module only (no "require" export), so it is loaded with a dynamic import.
  const { cruise } = await import('dependency-cruiser');
  const config = layeringConfig();
  const reported = await cruise(folders, {
    ...config.options,
    knownViolations: known,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
    baseDir,
  });
  if (typeof reported.output === 'string')
    throw new Error(`dependency-cruiser returned text, not a result: ${reported.output.slice(0, 200)}`);
  return reported.output;
}

/** The violations that fail the check: those not listed as known. */
export function errorsOf(result: ICruiseResult): IViolation[] {
  return result.summary.violations.filter((violation) => violation.rule.severity === 'error');
}

/** "from → to (rule)", with the cycle's path for a cycle. */
export function violationLine(violation: Pick<IViolation, 'from' | 'to' | 'rule' | 'cycle'>): string {
  const cycle = violation.cycle?.length ? ` via ${violation.cycle.map((step) => step.name).join(' → ')}` : '';
  return `${violation.from} → ${violation.to} (${violation.rule.name})${cycle}`;
}
