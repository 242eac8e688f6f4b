/**
 * Parses a YAML stream into one part per document (`---`), each with the shared tree, its plain value and its
 * problems. Aliases are never expanded in the tree, and the plain value is built with a bounded alias count, so
 * an alias bomb costs a diagnostic instead of the server's memory.
 */
import { yamlDocuments, YAML_PARSE_OPTIONS } from './yamlDocuments';
import { parseAllDocuments, isAlias, isMap, isScalar, isSeq, isPair, Document, Node as YamlNode } from 'yaml';
import type { ParsedFile, ParsedPart, SyntaxProblem, TreeNode, TreeProperty } from './tree';
import { parseYamlByBlocks, type BlockParse } from './yamlBlocks';
import { fastYamlBlock } from './yamlFastBlock';
import {
  aliasLimitMessage,
  controlCharacterMessage,
  duplicateKeyMessage,
  nestingLimitMessage,
  yamlNestingMessage,
  yamlSyntaxMessage,
} from './syntaxMessages';

/** More aliases than this in one document is treated as an expansion attack. */
export const MAX_ALIAS_COUNT = 100;
/** Deeper collections are left out of the tree; recursion stays bounded. */
export const MAX_TREE_DEPTH = 1000;

/**
 * Parses every document of a YAML text. `logLevel: 'error'` keeps the library from calling `process.emitWarning`
 * (a collection used as a key, for one), which would write to the server's stderr on every keystroke; the schema
 * already reports such a key. Duplicate keys are found by the tree walker with a set: the library's own check
 * (`uniqueKeys`) compares each key with every earlier one, which takes minutes on an object of 100,000 keys.
 * Large files of the usual shape are parsed block by block, reusing unchanged blocks (yamlBlocks.ts); `byBlocks`
 * false parses the whole text, the reference the tests compare against.
 */
export function parseYaml(text: string, byBlocks = true): ParsedFile {
  const incremental = byBlocks ? parseYamlByBlocks(text, parseBlock) : undefined;
  const parts = incremental ? [incremental] : yamlDocuments(text).map((doc, index) => partOf(doc, index));
  for (const problem of controlCharacters(text))
    (parts.find((part) => problem.offset < part.offset + part.length) ?? parts[parts.length - 1])?.problems.push(
      problem,
    );
  return { kind: 'yaml', parts };
}

const PARSE_OPTIONS = YAML_PARSE_OPTIONS;

/**
 * One top-level block parsed alone, for yamlBlocks.ts: by yamlFastBlock.ts when the block is of the plainest
 * shape (the same result, without the library's cost), else by the library.
 */
function parseBlock(text: string): BlockParse | undefined {
  return fastYamlBlock(text) ?? libraryYamlBlock(text);
}

/** One top-level block parsed alone by the `yaml` library: only a clean one-key mapping is usable. */
export function libraryYamlBlock(text: string): BlockParse | undefined {
  const docs = parseAllDocuments(text, PARSE_OPTIONS);
  if (!Array.isArray(docs) || docs.length !== 1) return undefined;
  const part = partOf(docs[0], 0);
  const value = part.value;
  if (part.problems.length || part.root?.kind !== 'object' || part.root.properties?.length !== 1) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return { root: part.root, value: value as Record<string, unknown> };
}

/** YAML allows no C0 control character but tab and line breaks (YAML 1.2 §5.1); the library lets them through. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** The first few control characters of a text, as problems (one is enough to act on; a binary file has many). */
function controlCharacters(text: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  CONTROL_CHARACTER.lastIndex = 0;
  for (let match = CONTROL_CHARACTER.exec(text); match && problems.length < 10; match = CONTROL_CHARACTER.exec(text)) {
    problems.push({
      offset: match.index,
      length: 1,
      code: 'yaml.control-character',
      message: controlCharacterMessage(match[0].charCodeAt(0)),
      severity: 'error',
    });
  }
  return problems;
}

function partOf(doc: Document.Parsed, index: number): ParsedPart {
  const problems: SyntaxProblem[] = [
    ...withoutEchoes(doc.errors.map((error) => problemOf(error.code, error.message, error.pos, 'error'))),
    ...doc.warnings.map((warning) => problemOf(warning.code, warning.message, warning.pos, 'warning')),
  ];
  const walker = new TreeWalker(doc);
  const root = doc.contents ? walker.node(doc.contents as YamlNode, 0) : undefined;
  problems.push(...walker.duplicates);
  if (walker.tooDeep)
    problems.push({
      offset: doc.range[0],
      length: 1,
      code: 'nesting-limit',
      message: nestingLimitMessage(MAX_TREE_DEPTH),
      severity: 'error',
    });
  // Past the parser's own stack (RESOURCE_EXHAUSTION) the document is incomplete: validating it would mislead.
  const exhausted = doc.errors.some((error) => error.code === 'RESOURCE_EXHAUSTION');
  const value = walker.tooDeep || exhausted ? undefined : plainValue(doc, problems);
  return { index, offset: doc.range[0], length: doc.range[2] - doc.range[0], root, value, problems };
}

/**
 * Errors the library adds while it recovers from another one: a key that runs on to the next line, a key left
 * without a value. Next to the error that caused them (an unclosed quote, a stray "-", a line indented too far)
 * they only repeat it, so such an error is dropped when another error lies inside its range.
 */
function isEcho(problem: SyntaxProblem): boolean {
  return (
    problem.code === 'yaml.MULTILINE_IMPLICIT_KEY' ||
    (problem.code === 'yaml.MISSING_CHAR' && problem.message.en.startsWith('Implicit map keys'))
  );
}

/** The errors without the echoes of another error (see isEcho): one diagnostic per fault. */
function withoutEchoes(errors: SyntaxProblem[]): SyntaxProblem[] {
  const causes = errors
    .filter((error) => !isEcho(error))
    .map((error) => error.offset)
    .sort((a, b) => a - b);
  return errors.filter((error) => !isEcho(error) || !hasOffsetIn(causes, error.offset, error.offset + error.length));
}

/** Whether a sorted list holds an offset in [from, to] (binary search: a binary file can give thousands of errors). */
function hasOffsetIn(sorted: readonly number[], from: number, to: number): boolean {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < from) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low] <= to;
}

function problemOf(code: string, message: string, pos: [number, number], severity: 'error' | 'warning'): SyntaxProblem {
  // The library reports its own stack overflow (thousands of nested flow collections) as RESOURCE_EXHAUSTION with
  // the engine's "Maximum call stack size exceeded": say what the user can act on instead.
  const text =
    code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(message)
      ? yamlNestingMessage()
      : yamlSyntaxMessage(code, message);
  return { offset: pos[0], length: Math.max(pos[1] - pos[0], 1), code: `yaml.${code}`, message: text, severity };
}

/** The document's plain value, or undefined (with a problem) when its aliases expand too much. */
function plainValue(doc: Document.Parsed, problems: SyntaxProblem[]): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    problems.push({
      offset: doc.range[0],
      length: 1,
      code: 'yaml.alias-limit',
      message: aliasLimitMessage(),
      severity: 'error',
    });
    return undefined;
  }
}

/** Turns `yaml` nodes into tree nodes, stopping (and remembering it) below the depth limit. */
class TreeWalker {
  tooDeep = false;
  /** A later key equal to an earlier one of the same mapping (the later one wins in the plain value, as in JSON). */
  readonly duplicates: SyntaxProblem[] = [];
  constructor(private readonly doc: Document.Parsed) {}

  node(node: YamlNode, depth: number): TreeNode {
    const [start, end] = node.range ?? [0, 0];
    const base = { offset: start, length: end - start };
    if (depth > MAX_TREE_DEPTH && (isMap(node) || isSeq(node))) {
      this.tooDeep = true;
      return { kind: isMap(node) ? 'object' : 'array', ...base };
    }
    if (isMap(node))
      return { kind: 'object', ...base, flow: !!node.flow, properties: this.properties(node.items, depth) };
    if (isSeq(node))
      return {
        kind: 'array',
        ...base,
        flow: !!node.flow,
        items: node.items.map((item) => this.node(item as YamlNode, depth + 1)),
      };
    if (isScalar(node)) return scalarNode(node.value, base);
    if (isAlias(node)) return this.aliasNode(node, base);
    return { kind: 'null', ...base, value: null };
  }

  private properties(items: unknown[], depth: number): TreeProperty[] {
    const properties: TreeProperty[] = [];
    const seen = new Set<string>();
    for (const pair of items) {
      if (!isPair(pair) || pair.key === null || pair.key === undefined) continue;
      const keyNode = pair.key as YamlNode;
      const [keyStart, keyEnd] = keyNode.range ?? [0, 0];
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const value = pair.value ? this.node(pair.value as YamlNode, depth + 1) : undefined;
      if (seen.has(key) && key !== '<<')
        this.duplicates.push({
          offset: keyStart,
          length: Math.max(keyEnd - keyStart, 1),
          code: 'duplicate-key',
          message: duplicateKeyMessage(key),
          severity: 'error',
        });
      seen.add(key);
      properties.push({ key, keyOffset: keyStart, keyLength: keyEnd - keyStart, value });
    }
    return properties;
  }

  /** An alias is shown as a leaf of the anchored node's kind; following it could expand without bound. */
  private aliasNode(node: YamlNode, base: { offset: number; length: number }): TreeNode {
    const target = isAlias(node) ? node.resolve(this.doc) : undefined;
    if (isMap(target)) return { kind: 'object', ...base, properties: [] };
    if (isSeq(target)) return { kind: 'array', ...base, items: [] };
    return scalarNode(isScalar(target) ? target.value : null, base);
  }
}

function scalarNode(value: unknown, base: { offset: number; length: number }): TreeNode {
  if (value === null || value === undefined) return { kind: 'null', ...base, value: null };
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    return { kind: typeof value as 'string', ...base, value };
  return { kind: 'string', ...base, value: String(value) };
}
