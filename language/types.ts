/**
 * The contract between the rule engine (server/rules), the schema validation (server/service) and the code-action
 * machinery. Rules and schema checks work on plain values and JSON paths; only the service maps a path to a
 * range in the text (at the edge, once), so the same checks run in the editor, the CLI and the emulator.
 */
import type { AccountView } from './account/documentFacts';
import type { AccountResources } from './account/snapshot';

/** A path into the document's value: object keys and array indexes, as in ajv's instancePath split on "/". */
export type JsonPath = (string | number)[];

export type Lang = 'zh' | 'en';
export type Localized = Record<Lang, string>;
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Which part of the node at `path` a finding underlines. */
export type Target = 'key' | 'value' | 'object';

/**
 * An edit described by meaning, not by offsets; `language/edits/fixes.ts` turns it into text edits for JSON
 * (jsonc-parser) or YAML (the yaml CST) that keep the file's formatting and comments.
 */
export type SemanticFix = { title: Localized } & (
  | { kind: 'setValue'; path: JsonPath; value: unknown }
  | { kind: 'renameKey'; path: JsonPath; newKey: string }
  | { kind: 'remove'; path: JsonPath }
  /** Sets each property of the object at `path`: replaces the value of a key that exists, adds the others. */
  | { kind: 'addProperties'; path: JsonPath; properties: Record<string, unknown> }
);

/** One problem found by a business rule (or by schema validation, with ruleId "schema.<keyword>"). */
export interface RuleFinding {
  /** Stable id of the rule, e.g. "bgp-tunnel-cidr-mask"; what users silence. */
  ruleId: string;
  /** The API error code the rule prevents, e.g. "InvalidParameterValue.VpnConnBgpTunnelCidrMask". */
  code: string;
  severity: Severity;
  message: Localized;
  path: JsonPath;
  target: Target;
  /** Documentation link (docs/rules.md anchor or the API page). */
  docUrl?: string;
  fixes?: SemanticFix[];
}

/** What the account rules read: the document's view of its region, and the whole account (to locate ids). */
export interface AccountContext {
  view: AccountView;
  resources: AccountResources;
}

/** What a rule may know besides the value itself. */
export interface RuleContext {
  /** The VPN gateway version ("4.0", "2.0"...) when the caller knows it (e.g. from DescribeVpnGateways). */
  gatewayVersion?: string;
  /** The API action the document describes (from its "Action" key, else CreateVpnConnection). */
  action: string;
  /** The account's resources in the document's region, when the caller has them (editor with credentials, `--live`). */
  account?: AccountContext;
}
