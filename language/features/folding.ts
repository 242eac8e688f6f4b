/**
 * Folding ranges for every object and array that spans lines. In JSON the closing bracket stays visible; in
 * YAML a block collection folds from the line of the key that owns it.
 */
import type { FoldingRange } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedFile, TreeNode } from '../parsing/tree';

const MAX_RANGES = 5000;

/** The folding ranges of all documents of a file. */
export function foldingRanges(doc: TextDocument, parsed: ParsedFile): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const visit = (node: TreeNode | undefined, foldStart: number) => {
    if (!node || ranges.length >= MAX_RANGES || (!node.properties && !node.items)) return;
    addRange(doc, node, foldStart, ranges);
    for (const property of node.properties ?? []) {
      const value = property.value;
      if (value) visit(value, value.flow === false ? property.keyOffset : value.offset);
    }
    for (const item of node.items ?? []) visit(item, item.offset);
  };
  for (const part of parsed.parts) visit(part.root, part.root?.offset ?? 0);
  return ranges;
}

function addRange(doc: TextDocument, node: TreeNode, foldStart: number, ranges: FoldingRange[]): void {
  const startLine = doc.positionAt(foldStart).line;
  const end = doc.positionAt(node.offset + node.length);
  // A flow collection keeps its closing line visible; a block one ends on its last content line.
  const endLine = node.flow === false ? (end.character === 0 ? end.line - 1 : end.line) : end.line - 1;
  if (endLine > startLine) ranges.push({ startLine, endLine });
}
