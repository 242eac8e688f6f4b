/**
 * Where a finding about a JSON path is shown: an unknown key underlines the key, a bad value the value, a
 * problem with a whole (or incomplete) object the object's own key or its opening brace.
 */
import type { JsonPath, Target } from '../types';
import { propertyOf, type ParsedPart, type TreeNode, type TreeProperty } from '../parsing/tree';

export interface Span {
  offset: number;
  length: number;
}

/** The span to underline for a finding at `path` with the given target, inside one parsed part. */
export function spanFor(part: ParsedPart, path: JsonPath, target: Target): Span {
  let node = part.root;
  let property: TreeProperty | undefined;
  for (const segment of path) {
    const next = step(node, segment);
    if (!next) return objectSpan(part, node, property);
    ({ node, property } = next);
  }
  if (target === 'key') return property ? keySpan(property) : valueSpan(part, node, property);
  if (target === 'value') return valueSpan(part, node, property);
  return objectSpan(part, node, property);
}

function step(
  node: TreeNode | undefined,
  segment: string | number,
): { node?: TreeNode; property?: TreeProperty } | undefined {
  if (typeof segment === 'number') {
    const item = node?.items?.[segment];
    return item && { node: item, property: undefined };
  }
  const property = propertyOf(node, segment);
  return property && { node: property.value, property };
}

const keySpan = (property: TreeProperty): Span => ({
  offset: property.keyOffset,
  length: Math.max(property.keyLength, 1),
});

/** A scalar's own span; a container's key (a whole multi-line object would be too loud), else its opening. */
function valueSpan(part: ParsedPart, node: TreeNode | undefined, property: TreeProperty | undefined): Span {
  if (node && !node.properties && !node.items && node.length > 0) return { offset: node.offset, length: node.length };
  return objectSpan(part, node, property);
}

/** The object's key when it has one; else its opening brace, or for a YAML block map its first key. */
function objectSpan(part: ParsedPart, node: TreeNode | undefined, property: TreeProperty | undefined): Span {
  if (property) return keySpan(property);
  if (!node) return { offset: part.offset, length: 1 };
  if (node.flow !== false) return { offset: node.offset, length: 1 };
  const first = node.properties?.[0];
  return first ? keySpan(first) : { offset: node.offset, length: 1 };
}
