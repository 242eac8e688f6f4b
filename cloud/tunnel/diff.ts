/**
 * What differs between a tunnel file and the live tunnel, both in input form (inputForm.ts), field by field, and how
 * each change is made. The rule for what a file leaves out: a field (or an IKE/IPsec/health-check member) with a
 * default means its default; one without a default is the service's to choose and is not compared; the pre-shared
 * key left out is kept as it is on the service. Values compare as the API reads them: "30" and 30 alike, the
 * IPsec integrity algorithm under either spelling, SPD rules and tags as sets.
 */
import {
  changeKindOf,
  defaultOf,
  INTEGRITY,
  LEGACY_INTEGRITY,
  memberDefaults,
  OBJECT_FIELDS,
  type ChangeKind,
} from './fields';
import { sameValue } from './inputForm';

type Params = Record<string, unknown>;

/** One changed top-level field. */
export interface FieldChange {
  field: string;
  kind: ChangeKind;
  /** For an object field: the members that differ. */
  members?: string[];
  /** The live value and the file's, in input form (undefined: not set). The PSK's are never shown: see planText. */
  live: unknown;
  file: unknown;
}

const isRecord = (value: unknown): value is Params =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object's members with the integrity algorithm under one name. */
function unifiedMembers(value: unknown): Params {
  if (!isRecord(value)) return {};
  const { [LEGACY_INTEGRITY]: legacy, ...rest } = value;
  return legacy !== undefined && rest[INTEGRITY] === undefined ? { ...rest, [INTEGRITY]: legacy } : rest;
}

/** A list compared as a set: SPD rules (each with its remote blocks sorted) and tags. */
function canonicalList(value: unknown): string {
  if (!Array.isArray(value)) return '[]';
  const items = value.map((item) =>
    isRecord(item) && Array.isArray(item.RemoteCidrBlock)
      ? JSON.stringify({ ...item, RemoteCidrBlock: [...item.RemoteCidrBlock].map(String).sort() })
      : JSON.stringify(item),
  );
  return JSON.stringify(items.sort());
}

/** The members of an object field that differ (those the file sets or that have a default). */
function changedMembers(field: string, file: unknown, live: unknown): string[] {
  const defaults = memberDefaults(field);
  const wanted = unifiedMembers(file);
  const actual = unifiedMembers(live);
  const names = new Set([...Object.keys(wanted), ...Object.keys(defaults)]);
  return [...names].filter((name) => !sameValue(wanted[name] ?? defaults[name], actual[name] ?? defaults[name])).sort();
}

/** Whether a scalar or list field differs; undefined when the file leaves it to the service. */
function scalarChanged(field: string, file: unknown, live: unknown): boolean | undefined {
  const fallback = defaultOf(field);
  if (file === undefined && fallback === undefined) return undefined;
  const wanted = file ?? fallback;
  const actual = live ?? fallback;
  if (Array.isArray(wanted) || Array.isArray(actual)) return canonicalList(wanted) !== canonicalList(actual);
  return !sameValue(wanted, actual);
}

/** One field's change, if it has one. */
function changeOf(field: string, file: Params, live: Params, gatewayVersion?: string): FieldChange | undefined {
  if (field === 'PreShareKey' && file[field] === undefined) return undefined;
  const base = { field, kind: changeKindOf(field, gatewayVersion), live: live[field], file: file[field] };
  if (OBJECT_FIELDS.includes(field)) {
    const members = changedMembers(field, file[field], live[field]);
    return members.length ? { ...base, members } : undefined;
  }
  return scalarChanged(field, file[field], live[field]) ? base : undefined;
}

/**
 * Every changed field, in the order of `fields` (the create inputs), comparing the file's parameters with the live
 * tunnel's input form. `gatewayVersion` (the tunnel's VPN gateway's Version) decides the fields Modify changes only
 * on newer gateways.
 */
export function changesBetween(
  fields: readonly string[],
  file: Params,
  live: Params,
  gatewayVersion?: string,
): FieldChange[] {
  return fields
    .map((field) => changeOf(field, file, live, gatewayVersion))
    .filter((change): change is FieldChange => change !== undefined);
}

/**
 * The value a Modify sends for a changed field: the file's, and for an IKE/IPsec/health-check object the whole
 * object with its defaults filled in (the service may reset members left out, and terraform too sends the whole
 * object), the integrity algorithm under the file's own spelling.
 */
export function valueToSend(field: string, file: Params): unknown {
  const value = file[field] ?? defaultOf(field);
  if (!OBJECT_FIELDS.includes(field)) return value;
  const given = isRecord(value) ? value : {};
  const defaults = memberDefaults(field);
  if (given[LEGACY_INTEGRITY] !== undefined) delete defaults[INTEGRITY];
  return { ...defaults, ...given };
}
