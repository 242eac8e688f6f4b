/**
 * Every documentation link a diagnostic can carry leads somewhere that exists in the package: each rule's example
 * is validated the way each host does it (the VS Code extension's `command:` link, the server's `file:` link for
 * other editors, the CLI's), and the link is followed: the command's argument or the URL's fragment must be a
 * heading of the rules page the .vsix and the npm tarball ship. Schema findings, whose codes are the API's own
 * error codes, link to the action's API reference page.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../language/languageService';
import { RULES } from '../../../language/rules/registry';
import { ACTION_SCHEMAS } from '../../../language/schema/actionSchemas';
import {
  apiErrorCodesLink,
  commandLinkTemplate,
  knownApiPages,
  ruleDocLink,
} from '../../../language/features/docLinks';
import { Commands } from '../../../client/commands';
import { ruleDocLinkFor, bundledRulesPage } from '../../../server/ruleDocs';
import { cliRuleDocLink } from '../../../cli/packageDocs';
import { seedAccount } from '../account/fixtures';
import { ROOT } from './grammarSupport';
import { join } from 'node:path';

const service = createLanguageService();
/** The template client/ruleDocs.ts sends the server (that module imports vscode; this is its expression). */
const COMMAND_LINK = commandLinkTemplate(Commands.openRuleDoc);
const RULES_PAGE = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');

/** The anchors VS Code's Markdown preview (and GitHub) give the page's headings: lower case, spaces to hyphens. */
function headingAnchors(markdown: string): Set<string> {
  const headings = [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1].trim());
  return new Set(
    headings.map((text) =>
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

/** Rules whose documented example is shortened (the page cannot show 201 remote blocks): a text that triggers them. */
const TRIGGERS: Record<string, string> = {
  'spd-mapping-limit': `SecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/16\n    RemoteCidrBlock: [${Array.from(
    { length: 201 },
    (_, i) => `172.16.${i}.0/24`,
  ).join(', ')}]\n`,
};

function ruleDiagnostics(ruleId: string, ruleDocLinkTemplate: string | undefined): Diagnostic[] {
  const rule = RULES.find((candidate) => candidate.id === ruleId)!;
  const text = TRIGGERS[ruleId] ?? rule.example;
  const doc = TextDocument.create('file:///example.vpnconn.yaml', 'tencentcloud-vpn-yaml', 1, text);
  const options = { lang: 'en' as const, disabledRules: [], ruleDocLink: ruleDocLinkTemplate };
  const diagnostics = service.validate(doc, rule.needsAccount ? { ...options, account: seedAccount() } : options);
  return diagnostics.filter((d) => (d.data as { ruleId: string }).ruleId === ruleId);
}

/** The rule id a `command:tencentcloudVpn.openRuleDoc?[…]` link passes. */
function commandArgument(href: string): unknown {
  const match = /^command:tencentcloudVpn\.openRuleDoc\?(.*)$/.exec(href);
  assert.ok(match, href);
  return (JSON.parse(decodeURIComponent(match[1])) as unknown[])[0];
}

describe('documentation links: every one the product emits has its target in the package', () => {
  const anchors = headingAnchors(RULES_PAGE);

  it('the rules page has a heading whose anchor is each rule id', () => {
    assert.deepEqual(
      RULES.map((rule) => rule.id).filter((id) => !anchors.has(id)),
      [],
    );
  });

  for (const rule of RULES) {
    it(`${rule.id}: the VS Code command link, the server's file link and the CLI's open its heading`, () => {
      const viaCommand = ruleDiagnostics(rule.id, COMMAND_LINK);
      assert.ok(viaCommand.length > 0, `the example of ${rule.id} triggers it`);
      for (const diagnostic of viaCommand) {
        const argument = commandArgument(diagnostic.codeDescription!.href);
        assert.equal(argument, rule.id);
        assert.ok(anchors.has(String(argument)), `${String(argument)} is a heading`);
      }
      for (const template of [ruleDocLinkFor(undefined), cliRuleDocLink()]) {
        for (const diagnostic of ruleDiagnostics(rule.id, template)) {
          const [file, fragment] = diagnostic.codeDescription!.href.split('#');
          assert.equal(readFileSync(fileURLToPath(file), 'utf8'), RULES_PAGE, 'the link opens the shipped page');
          assert.equal(fragment, rule.id);
        }
      }
    });
  }

  it('a client may send its own template; a template without {rule} is ignored for the file link', () => {
    assert.equal(ruleDocLinkFor('https://example.test/rules#{rule}'), 'https://example.test/rules#{rule}');
    assert.equal(
      ruleDocLinkFor('https://example.test/rules'),
      `${new URL(`file://${bundledRulesPage()}`).href}#{rule}`,
    );
    assert.equal(
      ruleDocLink('spd-overlap', 'https://example.test/rules#{rule}'),
      'https://example.test/rules#spd-overlap',
    );
  });

  it('schema findings (API error codes) link to the API page of their action, in the user language', () => {
    const doc = TextDocument.create('file:///a.vpnconn.json', 'tencentcloud-vpn-json', 1, '{"Foo": 1}');
    for (const lang of ['en', 'zh'] as const) {
      const links = service
        .validate(doc, { lang, disabledRules: [] })
        .filter((d) => String((d.data as { ruleId: string }).ruleId).startsWith('schema.'))
        .map((d) => d.codeDescription?.href);
      assert.ok(links.length > 0);
      assert.deepEqual([...new Set(links)], [apiErrorCodesLink('CreateVpnConnection', lang)]);
      assert.ok(knownApiPages().includes(links[0]!));
    }
  });

  it('every action the schemas know has an https API page, and the rules page links each API code to one', () => {
    for (const action of Object.keys(ACTION_SCHEMAS))
      for (const lang of ['en', 'zh'] as const) assert.match(apiErrorCodesLink(action, lang) ?? '', /^https:\/\//);
    for (const rule of RULES.filter((candidate) => candidate.code)) {
      const section = RULES_PAGE.slice(RULES_PAGE.indexOf(`\n### ${rule.id}\n`));
      const codeLine = /^- Code: .*$/m.exec(section)?.[0] ?? '';
      assert.ok(
        knownApiPages().some((page) => codeLine.includes(`(${page})`)) || /\(https:\/\/[^)]+\)/.test(codeLine),
        `${rule.id}: ${codeLine}`,
      );
    }
  });
});
