/**
 * The one small syntax tree every feature works on, whatever the file's language. JSON (jsonc-parser) and YAML
 * (`yaml`) are both turned into these nodes, which keep only what the features need: kind, value and offsets.
 */
import type { JsonPath, Localized } from '../types';

export type NodeKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** A value in the document. Offsets are UTF-16 offsets into the whole text (not into one YAML document). */
export interface TreeNode {
  kind: NodeKind;
  offset: number;
  length: number;
  /** The scalar's value; undefined for objects and arrays. */
  value?: string | number | boolean | null;
  /** Object members in source order. */
  properties?: TreeProperty[];
  /** Array items in source order. */
  items?: TreeNode[];
  /** False for YAML block collections, which have no brackets; completion and ranges need to know. */
  flow?: boolean;
}

/** One `key: value` member of an object; `value` is undefined while the user has typed only the key. */
export interface TreeProperty {
  key: string;
  keyOffset: number;
  keyLength: number;
  value?: TreeNode;
}

/** A problem found while parsing, before any schema is involved. */
export interface SyntaxProblem {
  offset: number;
  length: number;
  /** Stable diagnostic code, e.g. "json.CommaExpected", "yaml.TAB_AS_INDENT", "duplicate-key". */
  code: string;
  message: Localized;
  severity: 'error' | 'warning';
}

/** One document of the file: a JSON file has one, a YAML stream one per `---` section. */
export interface ParsedPart {
  index: number;
  offset: number;
  length: number;
  root?: TreeNode;
  /** The plain value the API would receive; undefined when the part could not be turned into one. */
  value: unknown;
  problems: SyntaxProblem[];
  /**
   * Set when `root` is built only on first use (jsonFast.ts): a tree holding at least the nodes on `paths`, for
   * the diagnostics' ranges, without building the whole tree. Readers that need only those should call it.
   */
  locate?(paths: readonly JsonPath[]): TreeNode | undefined;
}

export interface ParsedFile {
  kind: 'json' | 'yaml';
  parts: ParsedPart[];
  /** Set when the file exceeded the analysis limit: parts are empty and only `problems` were checked. */
  tooLarge?: { size: number; limit: number; problems: SyntaxProblem[] };
}

/** A copy of a tree with every offset moved by `delta` (parsed trees may be shared, so never moved in place). */
export function shiftedNode(node: TreeNode, delta: number): TreeNode {
  const copy: TreeNode = { ...node, offset: node.offset + delta };
  if (node.properties) copy.properties = node.properties.map((property) => shiftedProperty(property, delta));
  if (node.items) copy.items = node.items.map((item) => shiftedNode(item, delta));
  return copy;
}

/** A member with its key and value moved by `delta`. */
export function shiftedProperty(property: TreeProperty, delta: number): TreeProperty {
  return {
    ...property,
    keyOffset: property.keyOffset + delta,
    value: property.value && shiftedNode(property.value, delta),
  };
}

/**
 * The last placement of each reused block tree: a block that sits where it sat in the previous version (every
 * block before the edit) gets the same placed copy back instead of a new one. Trees are never modified after
 * parsing, so sharing a copy is safe.
 */
const placements = new WeakMap<object, { delta: number; placed: unknown }>();

function placed<T extends object>(original: T, delta: number, place: (original: T, delta: number) => T): T {
  const last = placements.get(original);
  if (last && last.delta === delta) return last.placed as T;
  const copy = place(original, delta);
  placements.set(original, { delta, placed: copy });
  return copy;
}

/** A block's tree at `delta`, reusing the copy of the previous version when the block has not moved. */
export function placedNode(node: TreeNode, delta: number): TreeNode {
  return placed(node, delta, shiftedNode);
}

/** A block's member at `delta`, reusing the copy of the previous version when the block has not moved. */
export function placedProperty(property: TreeProperty, delta: number): TreeProperty {
  return placed(property, delta, shiftedProperty);
}

/** Objects with more members than this get a key index on first lookup; smaller ones are searched in place. */
const INDEXED_OBJECT_SIZE = 32;
const keyIndexes = new WeakMap<TreeProperty[], Map<string, TreeProperty>>();

/**
 * The member of an object with the given key (the last one when a key is duplicated, as parsers keep it). Large
 * objects are indexed once, so mapping one finding per member of a 100,000-key object stays linear.
 */
export function propertyOf(node: TreeNode | undefined, key: string): TreeProperty | undefined {
  const properties = node?.properties;
  if (!properties) return undefined;
  if (properties.length > INDEXED_OBJECT_SIZE) {
    let index = keyIndexes.get(properties);
    if (!index) keyIndexes.set(properties, (index = new Map(properties.map((property) => [property.key, property]))));
    return index.get(key);
  }
  for (let i = properties.length - 1; i >= 0; i--) if (properties[i].key === key) return properties[i];
  return undefined;
}

/** The child of a node for one path segment, or undefined. */
export function childOf(node: TreeNode | undefined, segment: string | number): TreeNode | undefined {
  if (!node) return undefined;
  if (typeof segment === 'number') return node.items?.[segment];
  return propertyOf(node, segment)?.value;
}

/** The node at a path, or undefined when some segment does not exist. */
export function nodeAtPath(root: TreeNode | undefined, path: JsonPath): TreeNode | undefined {
  let node = root;
  for (const segment of path) node = childOf(node, segment);
  return node;
}

/** Where an offset falls: the path of the innermost node around it and whether it is on a key. */
export interface OffsetLocation {
  path: JsonPath;
  node?: TreeNode;
  property?: TreeProperty;
  onKey: boolean;
}

const contains = (offset: number, start: number, length: number) => offset >= start && offset <= start + length;

/** Descends from the root to the innermost node containing `offset` (end offsets included, for cursors). */
export function locateOffset(root: TreeNode | undefined, offset: number): OffsetLocation {
  const location: OffsetLocation = { path: [], node: root, onKey: false };
  let node = root;
  while (node) {
    const next = stepInto(node, offset, location);
    if (!next || location.onKey) break;
    node = next;
  }
  return location;
}

function stepInto(node: TreeNode, offset: number, location: OffsetLocation): TreeNode | undefined {
  if (node.properties) {
    for (const property of node.properties) {
      if (contains(offset, property.keyOffset, property.keyLength)) {
        Object.assign(location, {
          path: [...location.path, property.key],
          property,
          node: property.value,
          onKey: true,
        });
        return undefined;
      }
      const value = property.value;
      if (value && contains(offset, value.offset, value.length)) {
        Object.assign(location, { path: [...location.path, property.key], property, node: value });
        return value;
      }
    }
  }
  const index = node.items ? node.items.findIndex((item) => contains(offset, item.offset, item.length)) : -1;
  if (index < 0) return undefined;
  Object.assign(location, { path: [...location.path, index], property: undefined, node: node.items![index] });
  return node.items![index];
}
