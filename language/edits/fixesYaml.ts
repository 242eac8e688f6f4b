/**
 * SemanticFix for YAML: edits at the node ranges of the `yaml` library's parse of the one document the fix
 * belongs to, so the rest of the stream, its comments and its layout are kept byte for byte.
 */
import { isMap, isScalar, stringify, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import { replaceSpan, type OffsetEdit } from './offsetEdit';
import { yamlRemoveEdits } from './fixesYamlRemove';
import type { JsonPath, SemanticFix } from '../types';
import { endOfLine, indentStep, locate, startOfLine, yamlDocument } from './yamlLocate';

/** The offset edits for one fix; none when the document or path no longer exists. */
export function yamlFixEdits(text: string, fix: SemanticFix, documentIndex: number): OffsetEdit[] {
  const document = yamlDocument(text, documentIndex);
  if (!document) return [];
  switch (fix.kind) {
    case 'setValue':
      return setValue(text, document, fix.path, fix.value);
    case 'renameKey': {
      const key = locate(document, fix.path)?.pair?.key as Scalar | undefined;
      return key?.range ? [replaceSpan(key.range[0], key.range[1], renderScalar(fix.newKey, key.type))] : [];
    }
    case 'remove':
      return yamlRemoveEdits(text, locate(document, fix.path));
    case 'addProperties':
      return addProperties(text, document, fix.path, fix.properties);
  }
}

/** A scalar in the quoting style the replaced one used, or the library's choice for a plain one. */
function renderScalar(value: unknown, type?: Scalar['type']): string {
  if (typeof value === 'string' && type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (typeof value === 'string' && type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return stringify(value).trimEnd();
}

function setValue(text: string, document: Document.Parsed, path: JsonPath, value: unknown): OffsetEdit[] {
  const found = locate(document, path);
  if (!found) {
    const parentPath = path.slice(0, -1);
    return addProperties(text, document, parentPath, { [String(path[path.length - 1])]: value });
  }
  const node = found.node as Node | null;
  if (isScalar(node) && node.range) return [replaceSpan(node.range[0], node.range[1], renderScalar(value, node.type))];
  const key = found.pair?.key as Scalar | undefined;
  if (!key?.range) return [];
  // A key without a value, or a collection replaced by a scalar: rewrite everything after the key's colon.
  const end = node?.range ? node.range[1] : key.range[2];
  const colon = text.indexOf(':', key.range[1]);
  return [replaceSpan(colon + 1, end, ` ${renderScalar(value)}`)];
}

function addProperties(
  text: string,
  document: Document.Parsed,
  path: JsonPath,
  properties: Record<string, unknown>,
): OffsetEdit[] {
  const target = locate(document, path)?.node;
  if (!isMap(target)) return [];
  const edits: OffsetEdit[] = [];
  const added: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (target.has(key)) edits.push(...setValue(text, document, [...path, key], value));
    else added[key] = value;
  }
  if (Object.keys(added).length === 0) return edits;
  if (target.flow) return [...edits, insertIntoFlowMap(target, added)];
  return [...edits, insertIntoBlockMap(text, target, added)];
}

/** New pairs after the map's last pair, at the column of its first key, nested values in the file's step. */
function insertIntoBlockMap(text: string, map: YAMLMap, added: Record<string, unknown>): OffsetEdit {
  const firstKey = map.items[0]?.key as Node | undefined;
  const keyStart = firstKey?.range?.[0] ?? map.range?.[0] ?? 0;
  const column = keyStart - startOfLine(text, keyStart);
  const lastPair = map.items[map.items.length - 1];
  const lastEnd =
    (lastPair?.value as Node | null)?.range?.[1] ?? (lastPair?.key as Node | undefined)?.range?.[1] ?? keyStart;
  const at = endOfLine(text, lastEnd);
  const lines = stringify(added, { indent: indentStep(text) })
    .trimEnd()
    .split('\n');
  const block = lines.map((line) => ' '.repeat(column) + line).join('\n') + '\n';
  return { offset: at, length: 0, content: (at > 0 && text[at - 1] !== '\n' ? '\n' : '') + block };
}

/** New pairs before the closing brace of a flow map, written as flow YAML. */
function insertIntoFlowMap(map: YAMLMap, added: Record<string, unknown>): OffsetEdit {
  const pairs = Object.entries(added).map(([key, value]) => `${key}: ${renderScalar(value)}`);
  const last = map.items[map.items.length - 1];
  const at = (last?.value as Node | null)?.range?.[1] ?? (map.range ? map.range[0] + 1 : 0);
  return { offset: at, length: 0, content: (last ? ', ' : '') + pairs.join(', ') };
}
