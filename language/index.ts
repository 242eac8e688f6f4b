/**
 * The language library's entry: what the language server, the CLI, the cloud client's submit planning and the
 * emulator may use. Everything here is pure (text and values in, plain data out; no LSP connection, no network,
 * no file system). The modules behind it are organised by role: parsing/, schema/, values/, account/, rules/,
 * edits/, features/, with the one pipeline in pipeline.ts.
 */
export {
  createLanguageService,
  type ServiceConfig,
  type ServiceOptions,
  type VpnLanguageService,
} from './languageService';
export { checkParsed, checkText, EDITOR_KEYS, type CheckedPart, type CheckOptions, type FileCheck } from './pipeline';
export { checkParams } from './features/findings';
export { DIAGNOSTIC_SOURCE } from './features/diagnostics';
export { documentKindOf, isVpnConnectionDocument, languageKindOf, type LanguageKind } from './parsing/documentKind';
export { parseText } from './parsing/parseCache';
export { propertyOf, type TreeNode } from './parsing/tree';
export { ACTION_SCHEMAS, DEFAULT_ACTION, actionOf } from './schema/actionSchemas';
export {
  MODIFIABLE_FIELDS,
  MODIFIABLE_FROM_GATEWAY_VERSION,
  REPLACEMENT_FIELDS,
  TUNNEL_ID_FIELD,
  TUNNEL_ID_PATTERN,
  needsNewTunnel,
} from './schema/modifiable';
export type { AccountResources, ResourceSnapshot } from './account/snapshot';
export type { DiagnosticData, JsonPath, Lang, Localized, RuleFinding, SemanticFix, Severity } from './types';
