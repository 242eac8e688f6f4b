/**
 * Parses JSON (comments allowed) into the shared tree and the plain value in one pass over jsonc-parser's
 * visitor, so a large file is scanned once. Syntax errors and duplicate keys become problems, never exceptions.
 */
import { visit, printParseErrorCode, ParseErrorCode } from 'jsonc-parser';
import type { ParsedFile, SyntaxProblem, TreeNode, TreeProperty } from './tree';
import { jsonSyntaxMessage, duplicateKeyMessage, nestingLimitMessage } from './syntaxMessages';
import { MAX_TREE_DEPTH } from './yamlTree';
import { parseJsonByBlocks, parsedByBlocksLately } from './jsonBlocks';
import { fastJsonPart } from './jsonFast';

interface OpenContainer {
  node: TreeNode;
  value: Record<string, unknown> | unknown[];
  keys?: Set<string>;
}

/** Builds the tree while jsonc-parser walks the text; containers are closed even when the text breaks off. */
class JsonTreeBuilder {
  readonly problems: SyntaxProblem[] = [];
  root?: TreeNode;
  rootValue: unknown;
  private readonly stack: OpenContainer[] = [];

  open(node: TreeNode, value: Record<string, unknown> | unknown[]): void {
    this.attach(node, value);
    this.stack.push({ node, value, keys: Array.isArray(value) ? undefined : new Set() });
  }

  close(endOffset: number): void {
    const container = this.stack.pop();
    if (container) container.node.length = endOffset - container.node.offset;
  }

  property(key: string, offset: number, length: number): void {
    const top = this.stack[this.stack.length - 1];
    if (!top?.keys) return;
    if (top.keys.has(key))
      this.problems.push({
        offset,
        length,
        code: 'duplicate-key',
        message: duplicateKeyMessage(key),
        severity: 'error',
      });
    top.keys.add(key);
    top.node.properties!.push({ key, keyOffset: offset, keyLength: length });
  }

  /** Adds a finished value to the innermost open container (or makes it the root). */
  attach(node: TreeNode, value: unknown): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.root ??= node;
      if (this.root === node) this.rootValue = value;
      return;
    }
    if (Array.isArray(top.value)) {
      top.node.items!.push(node);
      top.value.push(value);
      return;
    }
    const property: TreeProperty | undefined = top.node.properties![top.node.properties!.length - 1];
    if (!property || property.value) return;
    property.value = node;
    setOwn(top.value, property.key, value);
  }

  finish(textLength: number): void {
    while (this.stack.length) this.close(textLength);
  }
}

/** Assigns like JSON.parse does, so a "__proto__" key stays an ordinary property. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function scalarKind(value: unknown): TreeNode['kind'] {
  if (value === null) return 'null';
  return typeof value as 'string' | 'number' | 'boolean';
}

/**
 * Parses a JSON text into one part with its tree, plain value and syntax problems. A leading byte order mark is
 * read as white space (editors usually drop it; files the CLI reads may keep it). jsonc-parser recurses once per
 * nesting level, so thousands of levels exhaust the stack: that document gets the nesting-limit problem and no
 * tree, rather than no diagnostics at all. A large file that is one comment-free object is parsed member by
 * member, reusing unchanged members (jsonBlocks.ts); `byBlocks` false parses the whole text, the tests' reference.
 * `first` (a document's first version) lets a large strict-JSON text skip its tree until it is read (jsonFast.ts);
 * `adopt` is that first parse's value, which the block parse keeps for its members (jsonBlocks.ts).
 */
export function parseJson(text: string, byBlocks = true, first = false, adopt?: Record<string, unknown>): ParsedFile {
  try {
    // A document's first parse: the value at once, the tree when someone reads it (jsonFast.ts); unless the text
    // was parsed by blocks lately (a file reopened): its blocks are kept, which is faster and shares their memory.
    const fast =
      first && byBlocks && !parsedByBlocksLately(text)
        ? fastJsonPart(text, () => parseJson(text).parts[0]?.root)
        : undefined;
    if (fast) return { kind: 'json', parts: [fast] };
    const incremental = byBlocks
      ? parseJsonByBlocks(text, (valueText) => parseJsonTree(valueText).parts[0], adopt)
      : undefined;
    if (incremental) return { kind: 'json', parts: [incremental] };
    return parseJsonTree(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const problem: SyntaxProblem = {
      offset: 0,
      length: 1,
      code: 'nesting-limit',
      message: nestingLimitMessage(MAX_TREE_DEPTH),
      severity: 'error',
    };
    return {
      kind: 'json',
      parts: [{ index: 0, offset: 0, length: text.length, root: undefined, value: undefined, problems: [problem] }],
    };
  }
}

function parseJsonTree(text: string): ParsedFile {
  const builder = new JsonTreeBuilder();
  visit(
    text,
    {
      onObjectBegin: (offset) => builder.open({ kind: 'object', offset, length: 1, properties: [], flow: true }, {}),
      onObjectEnd: (offset, length) => builder.close(offset + length),
      onArrayBegin: (offset) => builder.open({ kind: 'array', offset, length: 1, items: [], flow: true }, []),
      onArrayEnd: (offset, length) => builder.close(offset + length),
      onObjectProperty: (key, offset, length) => builder.property(key, offset, length),
      onLiteralValue: (value, offset, length) =>
        builder.attach({ kind: scalarKind(value), offset, length, value }, value),
      onError: (error, offset, length) => builder.problems.push(syntaxProblem(error, offset, length)),
    },
    { disallowComments: false, allowTrailingComma: false, allowEmptyContent: true },
  );
  builder.finish(text.length);
  const part = {
    index: 0,
    offset: 0,
    length: text.length,
    root: builder.root,
    value: builder.rootValue,
    problems: oneProblemPerFault(builder.problems, text),
  };
  return { kind: 'json', parts: [part] };
}

/**
 * jsonc-parser's problems without the ones its recovery adds to an earlier fault, so each fault is reported once:
 * an unterminated string runs to the end of its line and takes the comma after the missing quote with it (the
 * "comma expected" at the next member is that fault again; a comma missing as well stays), and a closer of the
 * wrong kind (`}` while an array is open) is that array's missing `]`; from there on the parser counts one
 * container too many, so what it reports after it is not the user's.
 */
function oneProblemPerFault(problems: SyntaxProblem[], text: string): SyntaxProblem[] {
  const kept: SyntaxProblem[] = [];
  for (const problem of problems) {
    const before = kept[kept.length - 1];
    if (swallowedComma(before, problem, text)) continue;
    const unclosed = problem.code === 'json.CommaExpected' ? unclosedContainer(problem, text) : undefined;
    if (!unclosed) {
      kept.push(problem);
      continue;
    }
    kept.push(unclosed);
    break;
  }
  return kept;
}

/**
 * A "comma expected" that is really a container left open: at `}` or `]` of the wrong kind, or at the colon of a
 * member written while an array is open (`"Tags": [ {...},` then `"VpnGatewayId": ...`), underlined on that key.
 */
function unclosedContainer(problem: SyntaxProblem, text: string): SyntaxProblem | undefined {
  const closer = MISSING_CLOSER[text[problem.offset]];
  if (closer) return { ...problem, code: `json.${closer}`, message: jsonSyntaxMessage(closer) };
  if (text[problem.offset] !== ':') return undefined;
  const keyEnd = text.lastIndexOf('"', problem.offset - 1);
  const keyStart = keyEnd > 0 ? text.lastIndexOf('"', keyEnd - 1) : -1;
  if (keyStart < 0 || text.slice(keyEnd + 1, problem.offset).trim() !== '') return undefined;
  return {
    ...problem,
    offset: keyStart,
    length: keyEnd + 1 - keyStart,
    code: 'json.CloseBracketExpected',
    message: jsonSyntaxMessage('ArrayNotClosedBeforeKey'),
  };
}

/** The closer an open container lacks when the parser meets the other kind where it wanted a comma. */
const MISSING_CLOSER: Record<string, string> = { '}': 'CloseBracketExpected', ']': 'CloseBraceExpected' };

/** Whether `problem` is the comma that the unterminated string reported just `before` it took in. */
function swallowedComma(before: SyntaxProblem | undefined, problem: SyntaxProblem, text: string): boolean {
  if (problem.code !== 'json.CommaExpected' || before?.code !== 'json.UnexpectedEndOfString') return false;
  const stringEnd = before.offset + before.length;
  return (
    text.slice(before.offset, stringEnd).trimEnd().endsWith(',') && text.slice(stringEnd, problem.offset).trim() === ''
  );
}

function syntaxProblem(error: ParseErrorCode, offset: number, length: number): SyntaxProblem {
  const name = printParseErrorCode(error);
  return {
    offset,
    length: Math.max(length, 1),
    code: `json.${name}`,
    message: jsonSyntaxMessage(name),
    severity: 'error',
  };
}
