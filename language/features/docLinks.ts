/**
 * The documentation links a diagnostic carries (its `codeDescription`): a business rule links to its section of
 * the rules page (docs/rules.md, shipped in the .vsix and the npm package), a schema finding, whose code is the
 * API's own error code, to the action's API page, whose "Error codes" section lists it. Where the rules page is
 * depends on the host, so the host passes a link template (`ServiceOptions.ruleDocLink`): the VS Code extension a
 * `command:` link its client opens as a Markdown preview at the rule's heading, the server otherwise a `file:` link
 * to its own copy for other editors, the CLI the same for its text and SARIF output. The library itself never
 * touches the file system.
 */
import type { Lang } from '../types';
import { ruleDocUrl } from '../rules/rule';
import { rootSchemaOf } from '../schema/schemaLookup';

/** The placeholder a link template names the rule id with (URI-encoded where it is replaced). */
export const RULE_PLACEHOLDER = '{rule}';

/**
 * The API reference page of each action, per site: the page of the action itself, where the codes the action
 * returns are listed in its "Error codes" section. Actions without a known page fall back to the API Explorer.
 */
const API_PAGES: Record<string, string> = {
  CreateVpnConnection: '215/17522',
};

const API_SITES: Record<Lang, string> = {
  zh: 'https://cloud.tencent.com/document/api/',
  en: 'https://www.tencentcloud.com/document/api/',
};

/** The link of one rule under a template (`…#{rule}`), or the page-relative `docs/rules.md#id` without one. */
export function ruleDocLink(ruleId: string, template: string | undefined): string {
  if (!template) return ruleDocUrl(ruleId);
  return template.split(RULE_PLACEHOLDER).join(encodeURIComponent(ruleId));
}

/**
 * The page that documents the API error codes of an action, in the user's language: the action's reference page
 * when known, else its API Explorer page (from the generated schema).
 */
export function apiErrorCodesLink(action: string, lang: Lang): string | undefined {
  const page = API_PAGES[action];
  if (page) return `${API_SITES[lang]}${page}`;
  return rootSchemaOf(action)['x-doc-url']?.[lang];
}

/** A `command:` link template running `command` with the rule id as its one argument (VS Code's form). */
export function commandLinkTemplate(command: string): string {
  return `command:${command}?${encodeURIComponent('["')}${RULE_PLACEHOLDER}${encodeURIComponent('"]')}`;
}

/** Every API page a schema finding can link to, for the test that follows each link the product emits. */
export function knownApiPages(): string[] {
  return Object.values(API_PAGES).flatMap((page) => Object.values(API_SITES).map((site) => `${site}${page}`));
}
