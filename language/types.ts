/**
 * The contract between the rule engine (rules/), the schema validation (schema/) and the code-action machinery
 * (edits/). Rules and schema checks work on plain values and JSON paths; only the diagnostics map a path to a
 * range in the text (at the edge, once), so the same checks run in the editor, the CLI and the emulator.
 * This file imports nothing (the layering test holds it to that): every other module of the library may use it.
 * What a rule reads besides the value (RuleContext) lives in rules/context.ts.
 */

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

/**
 * The `data` of every diagnostic the library publishes: the code actions read it back (its fixes), suppression
 * matches its rule id, and the submit planning groups by document. The one definition of that payload.
 */
export interface DiagnosticData {
  /** The rule id ("spd-overlap", "schema.enum", "syntax", "duplicate-key", "file-too-large"). */
  ruleId: string;
  /** The meaning-level fixes code actions turn into edits. */
  fixes: SemanticFix[];
  /** The document of a YAML stream (0 for JSON). */
  documentIndex: number;
}
