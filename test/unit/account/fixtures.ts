/**
 * Static account snapshots for the service tests: the emulator's default seed (emulator/seed.json) per
 * region, mapped by the client's own API-to-snapshot functions, so the unit tests, the rule examples in
 * docs/rules.md and the emulator tests all talk about the same gateways.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import seed from '../../../emulator/seed.json';
import { connectionOf, customerGatewayOf, gatewayOf, vpcOf } from '../../../cloud/accountSnapshot';
import { accountContextOf, type RuleContext } from '../../../language/rules/context';
import {
  staticAccountResources,
  type AccountResources,
  type ResourceSnapshot,
} from '../../../language/account/snapshot';
import { createLanguageService, type ServiceOptions } from '../../../language/languageService';

type Raw = Record<string, unknown> & { Region: string };
const inRegion = (items: Raw[], region: string): Raw[] => items.filter((item) => item.Region === region);

/** The seed's resources in one region, as the client would fetch them (gateways AVAILABLE, as the emulator adds). */
export function seedSnapshot(region: string): ResourceSnapshot {
  return {
    region,
    fetchedAt: 0,
    vpnGateways: inRegion(seed.vpnGateways as Raw[], region).map((raw) => gatewayOf({ State: 'AVAILABLE', ...raw })),
    customerGateways: inRegion(seed.customerGateways as Raw[], region).map(customerGatewayOf),
    vpcs: inRegion(seed.vpcs as Raw[], region).map(vpcOf),
    connections: inRegion(seed.vpnConnections as Raw[], region).map((raw) =>
      connectionOf({ ...raw, SecurityPolicyDatabaseSet: raw.SecurityPolicyDatabases }),
    ),
  };
}

/** The seed's account in ap-guangzhou (the default region) and ap-shanghai. */
export function seedAccount(defaultRegion = 'ap-guangzhou'): AccountResources {
  return staticAccountResources([seedSnapshot('ap-guangzhou'), seedSnapshot('ap-shanghai')], defaultRegion);
}

/** The rule context a document gets with the seed's account (what the registry test runs the examples with). */
export function seedRuleContext(value: unknown, action = 'CreateVpnConnection'): RuleContext {
  return { action, ...accountContextOf(value, seedAccount()) };
}

export const service = createLanguageService();

/** Options with the seed's account unless told otherwise (null: no account, as without credentials). */
export function optionsWith(
  account: AccountResources | null = seedAccount(),
  lang: 'en' | 'zh' = 'en',
): ServiceOptions {
  return { lang, disabledRules: [], ...(account ? { account } : {}) };
}

/** A YAML document and the offset of its `|` cursor marker (removed from the text). */
export function yamlAt(
  textWithCursor: string,
  uri = 'file:///account.vpnconn.yaml',
): { doc: TextDocument; position: { line: number; character: number } } {
  const offset = textWithCursor.indexOf('|');
  const doc = TextDocument.create(uri, 'tencentcloud-vpn-yaml', 1, textWithCursor.replace('|', ''));
  return { doc, position: doc.positionAt(offset) };
}

/** A YAML document without a cursor. */
export function yamlDoc(text: string, uri = 'file:///account.vpnconn.yaml'): TextDocument {
  return TextDocument.create(uri, 'tencentcloud-vpn-yaml', 1, text);
}
