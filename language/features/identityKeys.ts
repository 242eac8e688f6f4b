/**
 * IKE identities in completion: `LocalIdentity` / `RemoteIdentity` say which key carries the identity, ADDRESS
 * an address (`LocalAddress`, `RemoteAddress`), FQDN a name (`LocalFqdnName`, `RemoteFqdnName`). Offering the
 * key of the other type invites the `ike-identity-coexist` error (both set) or a value the API ignores, so once
 * a side's identity type is written, completion offers only its own key.
 */

/** Each side's identity type key and the key each type's value lives in. */
const SIDES = [
  { type: 'LocalIdentity', ADDRESS: 'LocalAddress', FQDN: 'LocalFqdnName' },
  { type: 'RemoteIdentity', ADDRESS: 'RemoteAddress', FQDN: 'RemoteFqdnName' },
] as const;

/** The keys of an IKE object that its identity types rule out: the FQDN key under ADDRESS, the address under FQDN. */
export function keysRuledOutByIdentity(object: unknown): string[] {
  if (!object || typeof object !== 'object' || Array.isArray(object)) return [];
  const values = object as Record<string, unknown>;
  return SIDES.flatMap((side) => {
    const type = typeof values[side.type] === 'string' ? (values[side.type] as string).trim().toUpperCase() : '';
    if (type === 'ADDRESS') return [side.FQDN];
    if (type === 'FQDN') return [side.ADDRESS];
    return [];
  });
}
