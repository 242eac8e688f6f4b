/**
 * Where the diagnostics' rule links point (language/features/docLinks.ts): the template the client sent in
 * `initializationOptions.ruleDocLink` (the VS Code extension sends a `command:` link it opens as a Markdown
 * preview), else a `file:` link to the server's own copy of the rules page, which ships beside the bundle in the
 * .vsix and the npm package (dist/server.js → docs/rules.md), so Neovim, Helix or Emacs open a real file.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_PLACEHOLDER } from '../language/features/docLinks';

/** The rules page next to this program: `<package>/docs/rules.md` for dist/server.js and for server/*.ts alike. */
export function bundledRulesPage(): string {
  return path.join(__dirname, '..', 'docs', 'rules.md');
}

/** The link template for a client that sent `ruleDocLink` (a string holding `{rule}`), else the file link. */
export function ruleDocLinkFor(sent: unknown): string | undefined {
  if (typeof sent === 'string' && sent.includes(RULE_PLACEHOLDER)) return sent;
  const page = bundledRulesPage();
  return existsSync(page) ? `${pathToFileURL(page).href}#${RULE_PLACEHOLDER}` : undefined;
}
