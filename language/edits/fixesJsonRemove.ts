/**
 * Removing a property or an array item from JSON without losing comments. jsonc-parser's `modify` deletes
 * everything between the previous token and the next entry, which takes the comments that describe the
 * neighbours with it; here only the entry, its own comma and its own trailing comment go.
 */
import { createScanner, findNodeAtLocation, parseTree, SyntaxKind, type Node } from 'jsonc-parser';
import type { JsonPath } from '../types';

interface Span {
  offset: number;
  length: number;
}

/** The text without the entry at `path`; undefined when the path is not in the text. */
export function jsonRemoveText(text: string, path: JsonPath): string | undefined {
  const root = parseTree(text);
  const node = root && findNodeAtLocation(root, path);
  const entry = node?.parent?.type === 'property' ? node.parent : node;
  const siblings = entry?.parent?.children;
  if (!entry || !siblings) return undefined;
  const index = siblings.indexOf(entry);
  const spans = spansToRemove(text, entry, siblings[index - 1], index < siblings.length - 1);
  return [...spans]
    .sort((a, b) => b.offset - a.offset)
    .reduce((result, span) => result.slice(0, span.offset) + result.slice(span.offset + span.length), text);
}

/** The entry (with its comma after it, or the comma before it when it is last) and, if alone on its lines, those lines. */
function spansToRemove(text: string, entry: Node, previous: Node | undefined, hasNext: boolean): Span[] {
  let start = entry.offset;
  let end = entry.offset + entry.length;
  const commaBefore = !hasNext && previous ? commaAfter(text, previous.offset + previous.length, true) : undefined;
  if (hasNext) end = commaAfter(text, end) ?? end;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const rest = /^[ \t]*(\/\/[^\n]*)?(\r?\n|$)/.exec(text.slice(end));
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && rest) {
    // Alone on its lines: the lines go, and a comma before it (when it was last) goes separately.
    const spans = [{ offset: lineStart, length: end + rest[0].length - lineStart }];
    return commaBefore === undefined ? spans : [{ offset: commaBefore - 1, length: 1 }, ...spans];
  }
  if (hasNext) end += /^[ \t]*/.exec(text.slice(end))![0].length;
  else if (commaBefore !== undefined) start = commaBefore - 1;
  return [{ offset: start, length: end - start }];
}

/** The offset just past the comma that follows `offset` (skipping spaces, and comments when allowed). */
function commaAfter(text: string, offset: number, skipComments = false): number | undefined {
  const scanner = createScanner(text, false);
  scanner.setPosition(offset);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.CommaToken) return scanner.getTokenOffset() + 1;
    const trivia = token === SyntaxKind.Trivia || token === SyntaxKind.LineBreakTrivia;
    const comment = token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia;
    if (!trivia && !(comment && skipComments)) return undefined;
  }
  return undefined;
}
