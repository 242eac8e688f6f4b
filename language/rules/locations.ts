/**
 * Where a document holds CIDR blocks and IP addresses. The syntax rules (cidr.ts) walk these lists so that every
 * such field is checked once; the family rules (spd.ts, bgp.ts, healthCheck.ts) skip values that do not parse.
 */
import type { JsonPath } from '../types';
import { arrayAt, isRecord, recordAt, type Params } from '../values/values';

/** One string-valued field and where it sits. */
export interface Located {
  path: JsonPath;
  value: unknown;
  /** True when an empty string means "not set" (the API then picks a default). */
  optional: boolean;
}

/** The SPD CIDR fields of each policy list, listed once (two rules walk them; see spdMappings.ts on the key). */
const listed = new WeakMap<unknown[], Located[]>();

/** Every CIDR field: SPD local and remote blocks and the BGP tunnel block. Callers must not modify the list. */
export function cidrFields(doc: Params): Located[] {
  const policies = arrayAt(doc, 'SecurityPolicyDatabases') ?? [];
  let found = listed.get(policies);
  if (!found) listed.set(policies, (found = spdCidrFields(policies)));
  const bgp = recordAt(doc, 'BgpConfig');
  return bgp && 'TunnelCidr' in bgp
    ? [...found, { path: ['BgpConfig', 'TunnelCidr'], value: bgp.TunnelCidr, optional: false }]
    : found;
}

function spdCidrFields(policies: unknown[]): Located[] {
  const found: Located[] = [];
  policies.forEach((entry, index) => {
    if (!isRecord(entry)) return;
    const base = ['SecurityPolicyDatabases', index];
    if ('LocalCidrBlock' in entry)
      found.push({ path: [...base, 'LocalCidrBlock'], value: entry.LocalCidrBlock, optional: false });
    (arrayAt(entry, 'RemoteCidrBlock') ?? []).forEach((value, remote) => {
      found.push({ path: [...base, 'RemoteCidrBlock', remote], value, optional: false });
    });
  });
  return found;
}

/** Every single-address field: health-check, BGP and IKE identity addresses. */
export function ipFields(doc: Params): Located[] {
  const found: Located[] = [];
  const add = (parent: Params | undefined, base: JsonPath, key: string, optional: boolean): void => {
    if (parent && key in parent) found.push({ path: [...base, key], value: parent[key], optional });
  };
  add(doc, [], 'HealthCheckLocalIp', true);
  add(doc, [], 'HealthCheckRemoteIp', true);
  const bgp = recordAt(doc, 'BgpConfig');
  add(bgp, ['BgpConfig'], 'LocalBgpIp', false);
  add(bgp, ['BgpConfig'], 'RemoteBgpIp', false);
  const ike = recordAt(doc, 'IKEOptionsSpecification');
  add(ike, ['IKEOptionsSpecification'], 'LocalAddress', true);
  add(ike, ['IKEOptionsSpecification'], 'RemoteAddress', true);
  return found;
}
