/**
 * The lab's network: two network namespaces, the cloud's and the peer's, joined by a veth pair with TEST-NET
 * "public" addresses (192.0.2.1 and 192.0.2.2), the file's inside addresses on `lo` in each (the kernel here has
 * no dummy interfaces) and IPv4 forwarding on. Names carry the PID and a counter, so parallel runs never collide.
 * Teardown deletes both namespaces (which removes the veth); it is registered with cleanup.ts until it has run.
 */
import { registerLeftover } from './cleanup';
import { run, runChecked } from './exec';

/** One side of the lab network. */
export interface LabSide {
  namespace: string;
  /** The side's "public" address on the veth (TEST-NET-1). */
  publicAddress: string;
  /** The inside addresses put on `lo` (each a /32). */
  insideAddresses: string[];
}

/** The two namespaces and how to remove them. */
export interface LabNetwork {
  cloud: LabSide;
  peer: LabSide;
  /** Deletes both namespaces; safe to call twice. */
  teardown(): Promise<void>;
}

/** The public addresses of the two ends (TEST-NET-1, RFC 5737). */
export const CLOUD_PUBLIC_ADDRESS = '192.0.2.1';
export const PEER_PUBLIC_ADDRESS = '192.0.2.2';

let networkCount = 0;

/** Creates the two namespaces with their addresses; on any failure what was made is removed before it throws. */
export async function createNetwork(inside: { cloud: string[]; peer: string[] }): Promise<LabNetwork> {
  const id = `${process.pid}-${++networkCount}`;
  const cloud: LabSide = {
    namespace: `tcvpn-${id}-a`,
    publicAddress: CLOUD_PUBLIC_ADDRESS,
    insideAddresses: inside.cloud,
  };
  const peer: LabSide = {
    namespace: `tcvpn-${id}-b`,
    publicAddress: PEER_PUBLIC_ADDRESS,
    insideAddresses: inside.peer,
  };
  const forget = [cloud, peer].map((side) => registerLeftover({ kind: 'namespace', name: side.namespace }));
  let removed = false;
  const teardown = async () => {
    if (removed) return;
    removed = true;
    await Promise.all([cloud, peer].map((side) => run('ip', ['netns', 'del', side.namespace])));
    forget.forEach((unregister) => unregister());
  };
  try {
    const veth = `tv${process.pid.toString(36)}x${networkCount.toString(36)}`;
    await joinNamespaces(cloud, peer, veth);
    await Promise.all([configureSide(cloud, `${veth}a`), configureSide(peer, `${veth}b`)]);
  } catch (error) {
    await teardown();
    throw error;
  }
  return { cloud, peer, teardown };
}

/** Makes both namespaces and the veth pair between them (each end created directly inside its namespace). */
async function joinNamespaces(cloud: LabSide, peer: LabSide, vethBase: string): Promise<void> {
  await runChecked('ip', ['netns', 'add', cloud.namespace]);
  await runChecked('ip', ['netns', 'add', peer.namespace]);
  // Every word is the lab's own (namespace and link names without spaces), so the command can be split on spaces.
  const link = `link add ${vethBase}a netns ${cloud.namespace} type veth peer name ${vethBase}b netns ${peer.namespace}`;
  await runChecked('ip', link.split(' '));
}

/** Addresses, links up and forwarding on inside one namespace, in one `ip -batch` call. */
async function configureSide(side: LabSide, veth: string): Promise<void> {
  const batch = [
    'link set lo up',
    `addr add ${side.publicAddress}/24 dev ${veth}`,
    `link set ${veth} up`,
    ...side.insideAddresses.map((address) => `addr add ${address}/32 dev lo`),
  ];
  await runChecked('ip', ['-n', side.namespace, '-batch', '-'], { input: batch.join('\n') + '\n' });
  await runChecked('ip', ['netns', 'exec', side.namespace, 'sysctl', '-qw', 'net.ipv4.ip_forward=1']);
}
