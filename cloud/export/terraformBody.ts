/**
 * The body of the `tencentcloud_vpn_connection` resource: each request parameter, in the file's order, as the
 * attribute or nested block terraformAttributes.ts maps it to; IKE and IPsec members flattened into `ike_*` and
 * `ipsec_*`, Tags as the `tags` map. Whatever has no attribute (the hidden Route, unknown keys, a value of the
 * wrong type, a second spelling of one attribute, a repeated tag key) is listed by its path instead. Attributes
 * are written in the provider schema's order, whatever the file's.
 */
import type { HclItem, HclValue } from './hcl';
import { PSK_PARAM } from './request';
import {
  ATTRIBUTE_ORDER,
  FLATTENED_OBJECTS,
  NESTED_BLOCKS,
  PSK_ATTRIBUTE,
  TAGS_ATTRIBUTE,
  TOP_LEVEL_ATTRIBUTES,
  type AttributeMap,
  type BlockMap,
} from './terraformAttributes';
import { isRecord, terraformValue } from './terraformValues';

/** The resource body, split as written: attributes first, then blocks. */
export interface ResourceBody {
  attributes: HclItem[];
  blocks: HclItem[];
  /** Paths of the parameters left out ("Route", "IKEOptionsSpecification.Foo", "Tags[2]"). */
  unsupported: string[];
}

/** Where attributes go: the resource itself, or one nested block (whose names are its own). */
interface Scope {
  items: HclItem[];
  names: Set<string>;
}

const newScope = (): Scope => ({ items: [], names: new Set() });

class BodyBuilder {
  readonly top = newScope();
  readonly blocks: HclItem[] = [];
  readonly unsupported: string[] = [];

  /** Adds an attribute once per scope; a second of one name (both IntegrityAlgorith spellings) is unsupported. */
  attribute(scope: Scope, path: string, name: string, value: HclValue | undefined): void {
    if (value === undefined || scope.names.has(name)) this.unsupported.push(path);
    else {
      scope.names.add(name);
      scope.items.push({ kind: 'attribute', name, value });
    }
  }
}

/** Attributes of one object's members (flattened into the resource, or inside a nested block). */
function memberAttributes(
  body: BodyBuilder,
  scope: Scope,
  path: string,
  value: Record<string, unknown>,
  maps: readonly AttributeMap[],
): void {
  for (const [member, item] of Object.entries(value)) {
    const map = maps.find((candidate) => candidate.member === member);
    if (map) body.attribute(scope, `${path}.${member}`, map.attribute, terraformValue(item, map.type));
    else body.unsupported.push(`${path}.${member}`);
  }
}

/** One nested block per object (security_group_policy), or the one block (bgp_config, health_check_config). */
function nestedBlocks(body: BodyBuilder, map: BlockMap, value: unknown): void {
  const elements = map.repeated ? value : [value];
  if (!Array.isArray(elements)) return void body.unsupported.push(map.param);
  elements.forEach((element, index) => {
    const path = map.repeated ? `${map.param}[${index}]` : map.param;
    if (!isRecord(element)) return void body.unsupported.push(path);
    const scope = newScope();
    memberAttributes(body, scope, path, element, map.members);
    body.blocks.push({ kind: 'block', type: map.block, labels: [], body: scope.items });
  });
}

/** Tags as terraform's `tags` map; a tag without a Value gets "", a repeated key is left out. */
function tagsMap(body: BodyBuilder, value: unknown): void {
  if (!Array.isArray(value)) return void body.unsupported.push('Tags');
  const entries: [string, string][] = [];
  value.forEach((tag, index) => {
    const valid =
      isRecord(tag) && typeof tag.Key === 'string' && (tag.Value === undefined || typeof tag.Value === 'string');
    const extra = isRecord(tag) && Object.keys(tag).some((key) => key !== 'Key' && key !== 'Value');
    if (!valid || extra || entries.some(([key]) => key === tag.Key)) body.unsupported.push(`Tags[${index}]`);
    else entries.push([tag.Key as string, (tag.Value as string | undefined) ?? '']);
  });
  body.attribute(body.top, 'Tags', TAGS_ATTRIBUTE, { map: entries });
}

/** One top-level parameter. */
function parameter(body: BodyBuilder, key: string, value: unknown): void {
  const top = TOP_LEVEL_ATTRIBUTES.find((map) => map.member === key);
  if (top) return body.attribute(body.top, key, top.attribute, terraformValue(value, top.type));
  const flattened = FLATTENED_OBJECTS[key];
  if (flattened) {
    if (isRecord(value)) memberAttributes(body, body.top, key, value, flattened);
    else body.unsupported.push(key);
    return;
  }
  const block = NESTED_BLOCKS.find((map) => map.param === key);
  if (block) return nestedBlocks(body, block, value);
  if (key === 'Tags') return tagsMap(body, value);
  body.unsupported.push(key);
}

/** The resource body of a request; `psk` is what `pre_share_key` holds (the variable, or the key when asked). */
export function resourceBody(params: Record<string, unknown>, psk: HclValue): ResourceBody {
  const body = new BodyBuilder();
  for (const [key, value] of Object.entries(params)) {
    if (key === PSK_PARAM) body.attribute(body.top, key, PSK_ATTRIBUTE, psk);
    else parameter(body, key, value);
  }
  // The provider requires pre_share_key: a file without one still gets the variable.
  if (!(PSK_PARAM in params)) body.attribute(body.top, PSK_PARAM, PSK_ATTRIBUTE, psk);
  const rank = (item: HclItem) => (item.kind === 'attribute' ? ATTRIBUTE_ORDER.indexOf(item.name) : -1);
  const attributes = [...body.top.items].sort((a, b) => rank(a) - rank(b));
  return { attributes, blocks: body.blocks, unsupported: body.unsupported };
}
