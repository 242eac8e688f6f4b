/**
 * The rule links the built server publishes, per client: an editor that says nothing gets a `file:` link to the
 * rules page installed beside the server, at the rule's heading; the VS Code extension's `ruleDocLink` template
 * (a `command:` link) is used as sent; schema findings link to the API reference page in either case.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../support/build';
import { startOurServer, type LspTestClient } from '../support/lsp';
import { commandLinkTemplate } from '../../language/features/docLinks';
import { Commands } from '../../client/commands';

const URI = 'file:///work/links.vpnconn.yaml';
/** A rule finding (cidr-host-bits) and a schema finding (UnknownParameter). */
const TEXT = [
  'VpnGatewayId: vpngw-1w9tue3d',
  'CustomerGatewayId: cgw-qa9sxpy7',
  'VpnConnectionName: links',
  'PreShareKey: "links-key"',
  'SecurityPolicyDatabases:',
  '  - LocalCidrBlock: 10.8.4.1/24',
  '    RemoteCidrBlock: [58.211.1.0/24]',
  'Foo: 1',
  '',
].join('\n');
/** What the extension sends (client/ruleDocs.ts). */
const COMMAND_LINK = commandLinkTemplate(Commands.openRuleDoc);

describe('language server: rule links per client', function () {
  this.timeout(60_000);
  let server: LspTestClient | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  async function linksOf(initializationOptions?: object): Promise<Map<string, string | undefined>> {
    server = await startOurServer(initializationOptions ? { initializationOptions } : {});
    const published = server.diagnostics(URI);
    await server.open(URI, 'tencentcloud-vpn-yaml', TEXT);
    const { diagnostics } = await published;
    return new Map(diagnostics.map((d) => [(d.data as { ruleId: string }).ruleId, d.codeDescription?.href]));
  }

  it('an editor that sends no template gets a file: link to the installed rules page, at the rule', async () => {
    const links = await linksOf();
    const [file, anchor] = links.get('cidr-host-bits')!.split('#');
    assert.equal(fileURLToPath(file), path.join(REPO_ROOT, 'docs', 'rules.md'));
    assert.ok(readFileSync(fileURLToPath(file), 'utf8').includes(`\n### ${anchor}\n`), anchor);
    assert.equal(links.get('schema.additionalProperties'), 'https://www.tencentcloud.com/document/api/215/17522');
  });

  it("the VS Code extension's command template is used as sent, with the rule id as its argument", async () => {
    const links = await linksOf({ ruleDocLink: COMMAND_LINK });
    assert.equal(links.get('cidr-host-bits'), 'command:tencentcloudVpn.openRuleDoc?%5B%22cidr-host-bits%22%5D');
    assert.equal(links.get('schema.additionalProperties'), 'https://www.tencentcloud.com/document/api/215/17522');
  });
});
