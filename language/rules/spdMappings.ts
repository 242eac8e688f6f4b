/**
 * SPD policy rules expanded into (local, remote) mappings, the unit the API counts and compares: each
 * LocalCidrBlock paired with each of its RemoteCidrBlock entries is one mapping.
 */
import { parseCidr, type Cidr } from '../values/ip';
import type { JsonPath } from '../types';
import { arrayAt, isRecord, type Params } from '../values/values';

export interface Mapping {
  entry: number;
  remoteIndex: number;
  local: Cidr;
  remote: Cidr;
  localText: string;
  remoteText: string;
  /** Where the remote block sits: findings about a mapping underline it. */
  readonly path: JsonPath;
  /** Equal for two mappings that cover exactly the same local and remote networks. */
  key: string;
}

/**
 * The mappings of each policy list, computed once: the duplicate and the overlap rules both need them, and on a
 * 7,000-entry file building them is most of the rules' time. Keyed by object identity, and parsed values are
 * never modified, so nothing stale is ever returned. Callers must not modify the list.
 */
const computed = new WeakMap<object, Mapping[]>();

/**
 * Every mapping whose two blocks parse, in document order. Keyed by the policy list itself when there is one: a
 * YAML file parsed block by block keeps the same list object while its block is unchanged (yamlBlocks.ts), so an
 * edit elsewhere reuses the mappings.
 */
export function spdMappings(doc: Params): Mapping[] {
  const key = arrayAt(doc, 'SecurityPolicyDatabases') ?? doc;
  let mappings = computed.get(key);
  if (!mappings) computed.set(key, (mappings = collectMappings(doc)));
  return mappings;
}

function collectMappings(doc: Params): Mapping[] {
  const mappings: Mapping[] = [];
  const entries = arrayAt(doc, 'SecurityPolicyDatabases') ?? [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    if (!isRecord(entry)) continue;
    const local = parseCidr(entry.LocalCidrBlock);
    if (!local) continue;
    const localText = String(entry.LocalCidrBlock);
    const localKey = `${local.first}/${local.prefix}|`;
    const remotes = arrayAt(entry, 'RemoteCidrBlock') ?? [];
    for (let remoteIndex = 0; remoteIndex < remotes.length; remoteIndex++) {
      const remoteText = remotes[remoteIndex];
      const remote = parseCidr(remoteText);
      if (!remote) continue;
      const key = `${localKey}${remote.first}/${remote.prefix}`;
      mappings.push(new ListedMapping(index, remoteIndex, local, remote, localText, String(remoteText), key));
    }
  }
  return mappings;
}

/** A mapping as listed; its path is made only when a finding asks for it (most mappings never have one). */
class ListedMapping implements Mapping {
  constructor(
    readonly entry: number,
    readonly remoteIndex: number,
    readonly local: Cidr,
    readonly remote: Cidr,
    readonly localText: string,
    readonly remoteText: string,
    readonly key: string,
  ) {}

  get path(): JsonPath {
    return ['SecurityPolicyDatabases', this.entry, 'RemoteCidrBlock', this.remoteIndex];
  }
}

/** How many mappings the API will count, parsable or not. */
export function mappingCount(doc: Params): number {
  let count = 0;
  for (const entry of arrayAt(doc, 'SecurityPolicyDatabases') ?? []) {
    if (isRecord(entry)) count += arrayAt(entry, 'RemoteCidrBlock')?.length ?? 0;
  }
  return count;
}

/**
 * Pairs of mappings whose local blocks overlap and whose remote blocks overlap, each later mapping reported
 * once with the first earlier one it collides with. A sweep over the local blocks sorted by start keeps this
 * near-linear for typical lists; the caller caps the input because the worst case stays quadratic.
 */
export function overlappingPairs(mappings: Mapping[]): Array<[earlier: Mapping, later: Mapping]> {
  const order = mappings.map((_, index) => index).sort((a, b) => mappings[a].local.first - mappings[b].local.first);
  const partner = new Map<number, number>();
  let active: number[] = [];
  for (const current of order) {
    const local = mappings[current].local;
    active = active.filter((index) => mappings[index].local.last >= local.first);
    for (const other of active) {
      if (!remotesOverlap(mappings[other], mappings[current])) continue;
      const [earlier, later] = other < current ? [other, current] : [current, other];
      if (!partner.has(later) || partner.get(later)! > earlier) partner.set(later, earlier);
    }
    active.push(current);
  }
  return [...partner].sort((a, b) => a[0] - b[0]).map(([later, earlier]) => [mappings[earlier], mappings[later]]);
}

function remotesOverlap(a: Mapping, b: Mapping): boolean {
  return a.remote.first <= b.remote.last && b.remote.first <= a.remote.last;
}
