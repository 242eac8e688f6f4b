/**
 * What was negotiated, read from swanctl's SA listing, beside what the file asks for: both in charon's proposal
 * tokens (`AES_CBC_128`, `HMAC_SHA2_256_128`, `PRF_HMAC_SHA2_256`, `MODP_2048`), so "exactly the file's
 * proposals" is one comparison of plain values.
 */
import type { RawNode } from './swanctlRaw';
import type { TunnelSpec } from './tunnelSpec';

/** The algorithms of one SA; absent parts (no PFS, AEAD without integrity) are undefined. */
export interface Algorithms {
  encryption: string | undefined;
  integrity: string | undefined;
  prf?: string | undefined;
  dh: string | undefined;
}

/** A CHILD SA as listed. */
export interface ChildSa {
  name: string;
  state: string;
  algorithms: Algorithms;
  localTs: string[];
  remoteTs: string[];
  packetsIn: number;
  packetsOut: number;
}

/** An IKE SA as listed, with its CHILD SAs. */
export interface IkeSa {
  name: string;
  version: number;
  state: string;
  /** True on the end that started the exchange. */
  initiator: boolean;
  localId: string;
  remoteId: string;
  algorithms: Algorithms;
  children: ChildSa[];
}

const text = (node: RawNode, key: string): string | undefined =>
  typeof node[key] === 'string' ? (node[key] as string) : undefined;
const list = (node: RawNode, key: string): string[] => (Array.isArray(node[key]) ? (node[key] as string[]) : []);
const section = (node: RawNode, key: string): RawNode =>
  typeof node[key] === 'object' && !Array.isArray(node[key]) ? (node[key] as RawNode) : {};

function algorithmsOf(node: RawNode, withPrf: boolean): Algorithms {
  const encr = text(node, 'encr-alg');
  const size = text(node, 'encr-keysize');
  return {
    encryption: encr && size ? `${encr}_${size}` : encr,
    integrity: text(node, 'integ-alg'),
    ...(withPrf ? { prf: text(node, 'prf-alg') } : {}),
    dh: text(node, 'dh-group'),
  };
}

/** The IKE SAs of a `--list-sas --raw` listing (its `event` sections). */
export function ikeSasOf(listing: RawNode): IkeSa[] {
  return Object.entries(section(listing, 'event')).map(([name, value]) => {
    const node = value as RawNode;
    return {
      name,
      version: Number(text(node, 'version')),
      state: text(node, 'state') ?? '',
      initiator: text(node, 'initiator') === 'yes',
      localId: text(node, 'local-id') ?? '',
      remoteId: text(node, 'remote-id') ?? '',
      algorithms: algorithmsOf(node, true),
      children: Object.values(section(node, 'child-sas')).map((child) => childOf(child as RawNode)),
    };
  });
}

function childOf(node: RawNode): ChildSa {
  return {
    name: text(node, 'name') ?? '',
    state: text(node, 'state') ?? '',
    algorithms: algorithmsOf(node, false),
    localTs: list(node, 'local-ts'),
    remoteTs: list(node, 'remote-ts'),
    packetsIn: Number(text(node, 'packets-in') ?? 0),
    packetsOut: Number(text(node, 'packets-out') ?? 0),
  };
}

/** The algorithms the file asks for: the IKE SA's and every CHILD SA's. */
export function expectedAlgorithms(spec: TunnelSpec): { ike: Algorithms; child: Algorithms } {
  const aead = (token: string) => token.includes('GCM');
  return {
    ike: {
      encryption: spec.ike.encryption.token,
      integrity: aead(spec.ike.encryption.token) ? undefined : spec.ike.integrity.token,
      prf: spec.ike.integrity.prfToken,
      dh: spec.ike.dh.token,
    },
    child: {
      encryption: spec.esp.encryption.token,
      integrity: spec.esp.integrity?.token,
      dh: spec.esp.pfs.token || undefined,
    },
  };
}
