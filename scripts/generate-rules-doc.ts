/**
 * Renders docs/rules.md from the registry, so the page cannot drift from the rules (a test compares them).
 * Regenerate with `npx tsx scripts/generate-rules-doc.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_FAMILIES } from '../language/rules/registry';
import { codeOf, RULES_DOC, type Rule } from '../language/rules/rule';
import { apiErrorCodesLink } from '../language/features/docLinks';

const INTRO = `# Business rules

Checks that a JSON Schema cannot express, run on every keystroke next to schema validation. Each diagnostic's
\`code\` is the API error code the rule prevents (so a search for the code finds both the editor's warning and
the API's failure); rules the API accepts silently (advisory) use their own id as the code.

Severity: **error** = the API (or the console and terraform, which hold the same limits) rejects the request;
**warning** = the sources disagree, or the API silently ignores the value; **information** = depends on something
the file cannot tell (such as the gateway version), or is accepted but weak (deprecated algorithms); **hint** = a
fact worth knowing (this file's tunnel already exists). A warning, information or hint carries an API error code
only where the API may reject the value; otherwise its code is the rule's id.

Enums, value ranges (SA lifetimes, \`HealthCheckConfig\` probe limits), lengths and required keys are the
schema's job: they appear as \`schema.enum\`, \`schema.minimum\`, \`schema.required\`, ... and can be silenced the
same way.

## Silencing

- YAML, one line: \`DpdTimeout: "30"  # tcvpn-disable-line dpd-fields-ignored\`
- YAML, the next line: \`# tcvpn-disable-next-line spd-overlap, schema.enum\`
- YAML, the whole file: \`# tcvpn-disable cidr-host-bits\` anywhere; \`# tcvpn-disable\` alone silences every rule
  (syntax errors stay).
- JSON (and YAML): the setting \`tencentcloudVpn.validation.disabledRules\`, e.g. \`["id-format", "LimitExceeded"]\`.

Every form takes rule ids (including \`schema.<keyword>\`) or API error codes, separated by commas or spaces.
In YAML, the quick-fix menu offers "Disable <rule> for this line", which writes the comment for you.

## Account checks

The rules under "Account (live checks)" compare the file with the account itself: the VPN gateways, customer
gateways, VPCs and tunnels of the file's region (its \`Region\`, else the \`tencentcloudVpn.region\` setting). They
run in the editor when credentials are available and in \`tcvpn validate --live\`; without credentials they are
silent. Their examples name the resources of the local emulator's default seed (\`emulator/seed.json\`).
The gateway version from the account also turns \`gcm-gateway-version\` from information into an error.
`;

function tableRow(rule: Rule): string {
  return `| [${rule.id}](#${rule.id}) | ${rule.code ? `\`${rule.code}\`` : '— (advisory)'} | ${rule.severity} | ${rule.summary.en} |`;
}

/** Links to the API page that lists the rule's error code, in English and in Chinese. */
function apiPages(rule: Rule): string {
  const action = rule.actions?.[0] ?? 'CreateVpnConnection';
  return `[API error codes](${apiErrorCodesLink(action, 'en')}), [错误码](${apiErrorCodesLink(action, 'zh')})`;
}

function section(rule: Rule): string {
  return [
    `### ${rule.id}`,
    '',
    `${rule.summary.en}  `,
    `${rule.summary.zh}`,
    '',
    `- Code: ${rule.code ? `\`${rule.code}\` (${apiPages(rule)})` : `\`${codeOf(rule)}\` (advisory: no API error)`}`,
    `- Severity: ${rule.severity}`,
    `- Source: ${rule.source}`,
    ...(rule.actions ? [`- Applies to: ${rule.actions.join(', ')}`] : []),
    ...(rule.needsAccount
      ? ["- Needs: the account's resources (editor with credentials, or `tcvpn validate --live`)"]
      : []),
    `- Quick fix: ${rule.fix ?? 'none (the right value depends on your network)'}`,
    '',
    'Triggered by:',
    '',
    '```yaml',
    rule.example,
    '```',
    '',
  ].join('\n');
}

/** The whole docs/rules.md page. */
export function renderRulesDoc(): string {
  const table = ['| rule | API code | severity | what it catches |', '| --- | --- | --- | --- |'];
  const sections: string[] = [];
  for (const family of RULE_FAMILIES) {
    table.push(...family.rules.map(tableRow));
    sections.push(`## ${family.title}\n`, ...family.rules.map(section));
  }
  return `${INTRO}\n## Rules\n\n${table.join('\n')}\n\n${sections.join('\n')}`;
}

if (require.main === module) {
  writeFileSync(join(__dirname, '..', RULES_DOC), renderRulesDoc());
}
