/**
 * The fields of a tunnel file, read from the generated CreateVpnConnection schema (itself generated from the spec
 * data in schemas/source/): which create inputs there are, their defaults (and their members' defaults), and how a
 * change to each is made: in place by ModifyVpnConnectionAttribute, or only with a new tunnel (the language
 * library's MODIFIABLE_FIELDS / needsNewTunnel, derived from the same spec). Nothing here is typed from memory but
 * the one default the schema cannot carry: EnableHealthCheck, "默认为False" in the spec's prose.
 */
import { ACTION_SCHEMAS, EDITOR_KEYS, MODIFIABLE_FIELDS, needsNewTunnel, TUNNEL_ID_FIELD } from '../../language';
import { SUBMIT_ACTION } from '../submissionTypes';

export { TUNNEL_ID_FIELD };

interface SchemaNode {
  type?: string;
  default?: unknown;
  properties?: Record<string, SchemaNode>;
  'x-hidden'?: boolean;
}

const CREATE = ACTION_SCHEMAS[SUBMIT_ACTION] as SchemaNode;
/** Defaults the spec states only in prose (the doc of EnableHealthCheck: 默认为False). */
const PROSE_DEFAULTS: Record<string, unknown> = { EnableHealthCheck: false };
/** Hidden in the spec (`Route`: disabled; terraform leaves it out): never written, never compared. */
const HIDDEN = new Set(['Route']);

/** The IPsec integrity member, which the service answers as `IntegrityAlgorith` (sic) and takes under either name. */
export const INTEGRITY = 'IntegrityAlgorithm';
export const LEGACY_INTEGRITY = 'IntegrityAlgorith';

/** Every create input a tunnel file may hold, in the schema's order (editor keys and the tunnel id left out). */
export const CREATE_FIELDS: readonly string[] = Object.keys(CREATE.properties ?? {}).filter(
  (key) => !EDITOR_KEYS.includes(key) && key !== TUNNEL_ID_FIELD && !HIDDEN.has(key),
);

/** The object-valued fields, whose members a plan names. */
export const OBJECT_FIELDS: readonly string[] = CREATE_FIELDS.filter(
  (key) => CREATE.properties?.[key]?.type === 'object',
);

/** The default of a top-level scalar field, or undefined when the service chooses (no default). */
export function defaultOf(field: string): unknown {
  return CREATE.properties?.[field]?.default ?? PROSE_DEFAULTS[field];
}

/** The defaults of an object field's members (IntegrityAlgorith's counted once, under INTEGRITY). */
export function memberDefaults(field: string): Record<string, unknown> {
  const members = CREATE.properties?.[field]?.properties ?? {};
  const defaults: Record<string, unknown> = {};
  for (const [name, node] of Object.entries(members))
    if (node.default !== undefined && name !== LEGACY_INTEGRITY) defaults[name] = node.default;
  return defaults;
}

/** How a change to a field is made: in place, with a new tunnel, or (for an unknown key) not at all. */
export type ChangeKind = 'inPlace' | 'newTunnel';

/** The change kind of a top-level field; `gatewayVersion` decides the fields Modify takes only from a version. */
export function changeKindOf(field: string, gatewayVersion?: string): ChangeKind {
  if (needsNewTunnel(field, gatewayVersion)) return 'newTunnel';
  return MODIFIABLE_FIELDS.includes(field) ? 'inPlace' : 'newTunnel';
}
