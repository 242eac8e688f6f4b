/**
 * The language service: plain data in, plain LSP data out. The language server, the CLI and the tests all call
 * this facade; nothing here knows about a connection. Every feature reads the one parsed tree per document
 * version from the cache, so a hover after a keystroke costs no parse.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import type { AccountResources } from './account/snapshot';
import { codeActionsFor } from './edits/codeActions';
import type { Lang } from './types';
import { completeAt } from './features/completion';
import { documentKindOf, type LanguageKind } from './parsing/documentKind';
import { foldingRanges } from './features/folding';
import { formatDocument } from './features/formatting';
import { hoverAt } from './features/hover';
import { MAX_ANALYSIS_SIZE, ParseCache } from './parsing/parseCache';
import { documentSymbols } from './features/symbols';
import type { ParsedFile } from './parsing/tree';
import { checkParsed, type CheckOptions, type FileCheck } from './pipeline';

export { isVpnConnectionDocument, languageKindOf } from './parsing/documentKind';
export type { LanguageKind } from './parsing/documentKind';

/** What every feature needs to know about the user: the documentation language and the silenced rules. */
export interface ServiceOptions {
  lang: Lang;
  disabledRules: readonly string[];
  /**
   * The account's resources, when the caller has credentials (the LSP server through its client, the CLI's
   * `--live`). Absent: no account items, cards or rules, and everything else is unchanged. Never waited on.
   */
  account?: AccountResources;
  /**
   * Where a rule's documentation link points: a template with `{rule}` for the rule id (docLinks.ts). Absent: the
   * page-relative `docs/rules.md#<rule>`.
   */
  ruleDocLink?: string;
  /** The peer vendor of the setting (`# tcvpn-peer:` in the file wins): its problems become warnings. */
  peerVendor?: string;
}

export interface VpnLanguageService {
  /** The diagnostics the user sees (the pipeline's `diagnostics`). */
  validate(doc: TextDocument, opts: ServiceOptions): Diagnostic[];
  /** The whole pipeline over the cached parse: shown, silenced and blocking diagnostics, and each document's value. */
  check(doc: TextDocument, opts: CheckOptions): FileCheck;
  complete(doc: TextDocument, position: Position, opts: ServiceOptions): CompletionList;
  hover(doc: TextDocument, position: Position, opts: ServiceOptions): Hover | null;
  documentSymbols(doc: TextDocument): DocumentSymbol[];
  foldingRanges(doc: TextDocument): FoldingRange[];
  format(doc: TextDocument, formattingOptions: FormattingOptions): TextEdit[];
  codeActions(doc: TextDocument, range: Range, diagnostics: Diagnostic[], opts: ServiceOptions): CodeAction[];
  /** The parsed form of a document (cached per version); for callers that need the tree itself. */
  parse(doc: TextDocument): ParsedFile;
  /**
   * Does what the last validation left for later (a large JSON file's first open skips its tree: jsonFast.ts):
   * the block parse, keeping the values the rules already worked on (spdMappings.ts), so the first keystroke
   * costs what every later one does. Hosts call it once the diagnostics are out, when idle; it does nothing for
   * any other document.
   */
  prepare(doc: TextDocument): void;
  /** Drops what the service cached for a closed document. */
  forget(uri: string): void;
}

export interface ServiceConfig {
  /** Files longer than this (characters) get only a syntax check. Default 5 MB. */
  maxAnalysisSize?: number;
}

/**
 * Whether formatting may run: not on a file too large to analyse, nor past the nesting limit, where re-indenting
 * costs the square of the depth (10,000 levels would take gigabytes and end the server).
 */
function formattable(parsed: ParsedFile): boolean {
  return (
    !parsed.tooLarge &&
    !parsed.parts.some((part) =>
      part.problems.some((problem) => problem.code === 'nesting-limit' || problem.code === 'yaml.RESOURCE_EXHAUSTION'),
    )
  );
}

/** Creates a language service with its own parse cache. */
export function createLanguageService(config: ServiceConfig = {}): VpnLanguageService {
  const cache = new ParseCache(config.maxAnalysisSize ?? MAX_ANALYSIS_SIZE);
  const kindOf = (doc: TextDocument): LanguageKind => documentKindOf(doc) ?? 'json';
  return {
    validate: (doc, opts) => checkParsed(doc, cache.get(doc), opts).diagnostics,
    check: (doc, opts) => checkParsed(doc, cache.get(doc), opts),
    complete: (doc, position, opts) => completeAt(doc, cache.get(doc), doc.offsetAt(position), opts.lang, opts.account),
    hover: (doc, position, opts) => hoverAt(doc, cache.get(doc), doc.offsetAt(position), opts.lang, opts.account),
    documentSymbols: (doc) => documentSymbols(doc, cache.get(doc)),
    foldingRanges: (doc) => foldingRanges(doc, cache.get(doc)),
    format: (doc, formattingOptions) =>
      formattable(cache.get(doc)) ? formatDocument(doc, kindOf(doc), formattingOptions) : [],
    codeActions: (doc, _range, diagnostics, opts) =>
      codeActionsFor(doc.getText(), kindOf(doc), diagnostics, opts.lang, doc.uri),
    parse: (doc) => cache.get(doc),
    prepare: (doc) => cache.prepare(doc),
    forget: (uri) => cache.forget(uri),
  };
}
