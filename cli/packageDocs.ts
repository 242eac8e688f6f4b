/**
 * The documents `tcvpn` ships beside its bundle (dist/cli.js → the package root): the rules page, docs/rules.md,
 * which every rule finding links to (text, JSON and SARIF output), and README.md, the tool's information page in
 * SARIF. Links are `file:` URLs of the installed package, so they open wherever the tool runs, offline.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_PLACEHOLDER } from '../language/features/docLinks';

/** The package root: one folder up from dist/cli.js, and from cli/*.ts when run from the sources. */
const PACKAGE_ROOT = path.join(__dirname, '..');

/** A shipped document's file: URL, or undefined when this copy of the tool lacks it. */
export function packageDocUrl(relativePath: string): string | undefined {
  const file = path.join(PACKAGE_ROOT, relativePath);
  return existsSync(file) ? pathToFileURL(file).href : undefined;
}

/** The link template of the rules page (language/features/docLinks.ts), or undefined when it is not shipped. */
export function cliRuleDocLink(): string | undefined {
  const page = packageDocUrl('docs/rules.md');
  return page ? `${page}#${RULE_PLACEHOLDER}` : undefined;
}
