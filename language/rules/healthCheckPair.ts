/**
 * Picks the health-check address pair a quick fix proposes: the first two addresses of 169.254.128.0/17
 * (169.254.128.1 / .2, what GenerateVpnConnectionDefaultHealthCheckIp returns) that the document does not
 * already use for BGP or inside an SPD block. Source: validation-rules.json `health-check-ips` (default_range).
 */
import { addressAfter, contains, parseCidr, parseIpv4, type Cidr } from '../values/ip';
import { arrayAt, isRecord, recordAt, type Params } from '../values/values';

/** The range the API allocates health-check addresses from. */
export const HEALTH_CHECK_RANGE: Cidr = parseCidr('169.254.128.0/17')!;
/** How far into the range the search goes before giving up on finding a free pair (a /17 has 32766 hosts). */
const SEARCH_LIMIT = 4096;

/** Blocks and addresses the document already uses, which a proposed pair must avoid. */
function takenBlocks(doc: Params): Cidr[] {
  const bgp = recordAt(doc, 'BgpConfig');
  const texts: unknown[] = [bgp?.TunnelCidr];
  for (const key of ['LocalBgpIp', 'RemoteBgpIp']) if (parseIpv4(bgp?.[key])) texts.push(`${String(bgp?.[key])}/32`);
  for (const entry of arrayAt(doc, 'SecurityPolicyDatabases') ?? []) {
    if (!isRecord(entry)) continue;
    texts.push(entry.LocalCidrBlock, ...(arrayAt(entry, 'RemoteCidrBlock') ?? []));
  }
  return texts.map(parseCidr).filter((cidr): cidr is Cidr => cidr !== undefined && cidr.prefix > 0);
}

/** The first two free host addresses of the default range; falls back to the documented pair. */
export function defaultHealthCheckPair(doc: Params): [string, string] {
  const taken = takenBlocks(doc);
  const free: string[] = [];
  for (let offset = 1; offset < SEARCH_LIMIT && free.length < 2; offset++) {
    const candidate = parseIpv4(addressAfter(HEALTH_CHECK_RANGE.address, offset))!;
    if (!taken.some((block) => contains(block, candidate))) free.push(candidate.toString());
  }
  return free.length === 2 ? [free[0], free[1]] : ['169.254.128.1', '169.254.128.2'];
}
