/**
 * Parses documents once per version: every feature (diagnostics, completion, hover, outline) asks this cache,
 * so a hover never re-parses. Files above the analysis limit get a syntax-only check and no tree.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { visit, printParseErrorCode } from 'jsonc-parser';
import type { ParsedFile, SyntaxProblem } from './tree';
import { parseJson } from './jsonTree';
import { parseYaml } from './yamlTree';
import { jsonSyntaxMessage } from './syntaxMessages';
import { documentKindOf, type LanguageKind } from './documentKind';

/** Above this many characters a file gets only the "too large" diagnostic and a syntax check. */
export const MAX_ANALYSIS_SIZE = 5 * 1024 * 1024;
const MAX_CACHED_DOCUMENTS = 64;

/**
 * Parses a text in the given language, or only checks its syntax when it is above the size limit. `first` (a
 * text seen for the first time) lets a large JSON text build its tree only when it is read (jsonFast.ts).
 */
export function parseText(text: string, kind: LanguageKind, limit = MAX_ANALYSIS_SIZE, first = true): ParsedFile {
  if (text.length > limit)
    return {
      kind,
      parts: [],
      tooLarge: { size: text.length, limit, problems: kind === 'json' ? jsonSyntaxOnly(text) : [] },
    };
  return kind === 'json' ? parseJson(text, true, first) : parseYaml(text);
}

/**
 * A JSON scan without building anything: cheap enough for a file too large to analyse. YAML has no
 * equivalent that stays within the latency budget at that size, so a too-large YAML file gets no syntax check.
 */
function jsonSyntaxOnly(text: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  visit(text, {
    onError: (error, offset, length) => {
      const name = printParseErrorCode(error);
      if (problems.length < 100)
        problems.push({
          offset,
          length: Math.max(length, 1),
          code: `json.${name}`,
          message: jsonSyntaxMessage(name),
          severity: 'error',
        });
    },
  });
  return problems;
}

/** Parsed files by uri, each valid for one document version. */
export class ParseCache {
  private readonly entries = new Map<string, { version: number; text: string; parsed: ParsedFile }>();

  constructor(private readonly limit = MAX_ANALYSIS_SIZE) {}

  /** The parsed form of a document at its current version (parsing it now if needed). */
  get(doc: TextDocument): ParsedFile {
    const kind = documentKindOf(doc) ?? 'json';
    const entry = this.entries.get(doc.uri);
    // Tests and the CLI may build several TextDocuments with one uri and version, so the text is compared too.
    if (entry && entry.version === doc.version && entry.parsed.kind === kind && entry.text === doc.getText())
      return entry.parsed;
    const text = doc.getText();
    // A later version of an open document parses by blocks: the first parse may have skipped its tree.
    const parsed = parseText(text, kind, this.limit, !entry);
    this.entries.delete(doc.uri);
    this.entries.set(doc.uri, { version: doc.version, text, parsed });
    if (this.entries.size > MAX_CACHED_DOCUMENTS) this.entries.delete(this.entries.keys().next().value as string);
    return parsed;
  }

  /**
   * Replaces a first parse that left its tree for later (jsonFast.ts) by the block parse (jsonBlocks.ts), which
   * fills the block cache the edits reuse and keeps the first parse's value objects for its members, so the
   * rules' work on them is reused too. The document's version and text are unchanged.
   */
  prepare(doc: TextDocument): void {
    const entry = this.entries.get(doc.uri);
    const fast = entry?.version === doc.version ? entry.parsed.parts.find((part) => part.locate) : undefined;
    if (!entry || !fast) return;
    const adopt = fast.value as Record<string, unknown>;
    const parsed = parseJson(entry.text, true, false, adopt);
    // The block parse keeps the members' value objects, not the root's: the root object stays the first one's.
    if (parsed.parts[0]) parsed.parts[0].value = adopt;
    entry.parsed = parsed;
  }

  /** Drops a closed document's tree. */
  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
