/**
 * The one document pipeline: parse once (per version, in the caller's cache), findings with paths
 * (features/findings.ts on each document's value), ranges at the edge (features/diagnostics.ts), silencing last
 * (edits/suppression.ts). The language server, `tcvpn validate`, the submit planning of the extension and the
 * CLI, and the code actions all read what this returns, so they agree on every file; the emulator runs its
 * value-level step on request parameters. Where a host must differ, it says so with a named option
 * (`silencedErrorsBlock`: a submit refuses a file whose errors are silenced, the editor only hides them).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { AccountResources } from './account/snapshot';
import { partitionSuppressed } from './edits/suppression';
import { diagnosticsOf } from './features/diagnostics';
import { parseText } from './parsing/parseCache';
import type { LanguageKind } from './parsing/documentKind';
import type { ParsedFile, ParsedPart } from './parsing/tree';
import { actionOfPart } from './schema/partAction';
import type { Lang } from './types';

/** What a check needs to know about its host and its user. */
export interface CheckOptions {
  lang: Lang;
  disabledRules: readonly string[];
  /** The account's resources, when the host has credentials: the account rules run. */
  account?: AccountResources;
  /**
   * Where a rule's documentation link points: a template with `{rule}` for the rule id (docLinks.ts). Absent: the
   * page-relative `docs/rules.md#<rule>`.
   */
  ruleDocLink?: string;
  /** True for a submit: silenced errors still block (they are hidden, not fixed). */
  silencedErrorsBlock?: boolean;
  /** The peer vendor of the setting (`# tcvpn-peer:` in the file wins): its problems become warnings. */
  peerVendor?: string;
}

/** One document of the file (a YAML stream holds several), as a request would carry it. */
export interface CheckedPart {
  /** 0-based position in the file (always 0 for JSON). */
  index: number;
  /** The action the document describes (its `Action` key, else CreateVpnConnection). */
  action: string;
  /** The document's value exactly as written. */
  value: unknown;
  /** The request parameters: the value without the editor-only keys; undefined when the value is not an object. */
  params: Record<string, unknown> | undefined;
  /** The document's own `Region`, if any. */
  region?: string;
  name: string;
  vpnGatewayId?: string;
  customerGatewayId?: string;
}

/** Everything a host needs of one file. */
export interface FileCheck {
  parts: CheckedPart[];
  /** What the user sees: every diagnostic not silenced. */
  diagnostics: Diagnostic[];
  /** What the user silenced (the setting or `# tcvpn-disable` comments). */
  silenced: Diagnostic[];
  /** The errors that refuse a submit: shown errors, and silenced ones when `silencedErrorsBlock` is set. */
  blocking: Diagnostic[];
}

/** Keys that belong to the editor, not to the request: they choose the schema, the action and the region. */
export const EDITOR_KEYS: readonly string[] = ['$schema', 'Action', 'Version', 'Region'];

const isError = (diagnostic: Diagnostic) => diagnostic.severity === DiagnosticSeverity.Error;

/** The pipeline over a document whose parse the caller holds (the language service's cache). */
export function checkParsed(doc: TextDocument, parsed: ParsedFile, options: CheckOptions): FileCheck {
  const text = doc.getText();
  const { shown, silenced } = partitionSuppressed(
    diagnosticsOf(doc, parsed, options),
    text,
    parsed.kind,
    options.disabledRules,
  );
  const blocking = [...shown.filter(isError), ...(options.silencedErrorsBlock ? silenced.filter(isError) : [])];
  let parts: CheckedPart[] | undefined;
  // The editor's keystroke path reads only the diagnostics: the documents' request views are built when asked for.
  return {
    get parts() {
      return (parts ??= parsed.parts
        .filter((part) => part.value !== undefined && part.value !== null)
        .map((part) => checkedPart(part, text, parsed.kind)));
    },
    diagnostics: shown,
    silenced,
    blocking,
  };
}

/** The pipeline over a text with no cache (one-shot hosts: the CLI's submit, tests). */
export function checkText(text: string, kind: LanguageKind, uri: string, options: CheckOptions): FileCheck {
  const doc = TextDocument.create(uri, kind === 'yaml' ? 'tencentcloud-vpn-yaml' : 'tencentcloud-vpn-json', 1, text);
  return checkParsed(doc, parseText(text, kind), options);
}

function checkedPart(part: ParsedPart, text: string, kind: LanguageKind): CheckedPart {
  const value = part.value;
  const record =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  const read = (key: string): string | undefined =>
    typeof record?.[key] === 'string' ? (record[key] as string) : undefined;
  return {
    index: part.index,
    // A document naming an action the schemas do not know keeps that name, so a submit can refuse it by name.
    action: read('Action') ?? actionOfPart(part, text, kind),
    value,
    params: record && Object.fromEntries(Object.entries(record).filter(([key]) => !EDITOR_KEYS.includes(key))),
    region: read('Region'),
    name: read('VpnConnectionName') ?? '',
    vpnGatewayId: read('VpnGatewayId'),
    customerGatewayId: read('CustomerGatewayId'),
  };
}
