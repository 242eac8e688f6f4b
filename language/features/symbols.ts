/**
 * The outline: every key of every document, nested as in the file. Security-policy entries are named by their
 * CIDRs so a long list stays readable; a cap keeps a huge file's outline cheap.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedFile, TreeNode } from '../parsing/tree';

const MAX_SYMBOLS = 10000;
const KIND: Record<TreeNode['kind'], SymbolKind> = {
  object: SymbolKind.Module,
  array: SymbolKind.Array,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  null: SymbolKind.Null,
};

/** The document symbols of a file; a YAML stream with several documents gets one top symbol per document. */
export function documentSymbols(doc: TextDocument, parsed: ParsedFile): DocumentSymbol[] {
  const builder = new SymbolBuilder(doc);
  const perPart = parsed.parts.map((part) => ({ part, symbols: part.root ? builder.children(part.root) : [] }));
  if (perPart.length === 1) return perPart[0].symbols;
  return perPart.map(({ part, symbols }) => {
    const range = builder.range(part.offset, part.offset + part.length);
    return {
      name: `Document ${part.index + 1}`,
      kind: SymbolKind.File,
      range,
      selectionRange: range,
      children: symbols,
    };
  });
}

class SymbolBuilder {
  private count = 0;
  constructor(private readonly doc: TextDocument) {}

  range(start: number, end: number) {
    return { start: this.doc.positionAt(start), end: this.doc.positionAt(end) };
  }

  children(node: TreeNode): DocumentSymbol[] {
    const symbols: DocumentSymbol[] = [];
    for (const property of node.properties ?? []) {
      if (this.count++ >= MAX_SYMBOLS) break;
      const end = property.value
        ? property.value.offset + property.value.length
        : property.keyOffset + property.keyLength;
      symbols.push(
        this.symbol(
          property.key,
          property.value,
          this.range(property.keyOffset, end),
          this.range(property.keyOffset, property.keyOffset + property.keyLength),
        ),
      );
    }
    (node.items ?? []).forEach((item, index) => {
      if (this.count++ >= MAX_SYMBOLS) return;
      const range = this.range(item.offset, item.offset + item.length);
      symbols.push(this.symbol(itemName(item, index), item, range, range));
    });
    return symbols;
  }

  private symbol(
    name: string,
    value: TreeNode | undefined,
    range: DocumentSymbol['range'],
    selectionRange: DocumentSymbol['range'],
  ): DocumentSymbol {
    const symbol: DocumentSymbol = { name, kind: value ? KIND[value.kind] : SymbolKind.Null, range, selectionRange };
    if (value && (value.properties?.length || value.items?.length)) symbol.children = this.children(value);
    else if (value && value.value !== undefined) symbol.detail = String(value.value);
    return symbol;
  }
}

/** "[0] 10.0.0.0/24 → 172.16.0.0/16" for a security-policy entry, "[0] city" for a tag, else "[0]". */
function itemName(item: TreeNode, index: number): string {
  const field = (key: string) => item.properties?.find((p) => p.key === key)?.value;
  const local = field('LocalCidrBlock')?.value;
  const remote = field('RemoteCidrBlock')
    ?.items?.map((n) => n.value)
    .join(', ');
  if (local !== undefined) return `[${index}] ${String(local)} → ${remote ?? ''}`;
  const tagKey = field('Key')?.value;
  return tagKey !== undefined ? `[${index}] ${String(tagKey)}` : `[${index}]`;
}
