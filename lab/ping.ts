/**
 * One ping across the lab tunnel, from the cloud namespace, and whether the tunnel carried it: the request and
 * reply counts from ping and the cloud's CHILD SA packet counters before and after (a ping answered outside the
 * tunnel, or refused by the selectors, leaves them unchanged). A refused ping must have reached the TUN device
 * ipsec0 (its transmit counter): one the kernel could not route proves nothing about the selectors.
 */
import type { Charon } from './charon';
import { run, runIn } from './exec';
import type { Probe } from './insideAddresses';
import { ikeSasOf } from './negotiated';

/** What one probe saw. */
export interface ProbeResult extends Probe {
  /** Echo requests ping counted as sent. */
  sent: number;
  received: number;
  /** Packets routed into the TUN device ipsec0 during the ping (whether or not a policy then took them). */
  intoDevice: number;
  /** Packets the cloud's CHILD SAs sent during the ping. */
  tunnelPackets: number;
  /** True when the outcome is the expected one. */
  asExpected: boolean;
}

const PING_COUNT = 2;

/** Packets the kernel handed to the TUN device ipsec0 (libipsec's input), in `namespace`. */
async function packetsIntoTunnelDevice(namespace: string): Promise<number> {
  const result = await run('ip', ['-n', namespace, '-j', '-s', 'link', 'show', 'dev', 'ipsec0']);
  const [link] =
    result.code === 0 ? (JSON.parse(result.stdout) as Array<{ stats64?: { tx?: { packets?: number } } }>) : [];
  return link?.stats64?.tx?.packets ?? 0;
}

async function packetsOut(cloud: Charon): Promise<number> {
  const sas = ikeSasOf(await cloud.listSas());
  return sas.flatMap((sa) => sa.children).reduce((sum, child) => sum + child.packetsOut, 0);
}

/** Pings `probe.to` from `probe.from` inside `namespace`. */
export async function pingProbe(namespace: string, probe: Probe, cloud: Charon): Promise<ProbeResult> {
  const [before, deviceBefore] = [await packetsOut(cloud), await packetsIntoTunnelDevice(namespace)];
  const args = ['-n', '-q', '-c', String(PING_COUNT), '-i', '0.2', '-W', '1', '-I', probe.from, probe.to];
  const result = await runIn(namespace, 'ping', args);

  const transmitted = Number(/(\d+) packets transmitted/.exec(result.stdout)?.[1] ?? 0);
  const received = Number(/(\d+) received/.exec(result.stdout)?.[1] ?? 0);
  const tunnelPackets = (await packetsOut(cloud)) - before;
  const intoDevice = (await packetsIntoTunnelDevice(namespace)) - deviceBefore;
  const carried = received === PING_COUNT && tunnelPackets >= PING_COUNT;
  // Refused means: routed into ipsec0 (so only the IPsec policies can stop it), unanswered, never encrypted.
  const refused = intoDevice >= PING_COUNT && received === 0 && tunnelPackets === 0;
  const asExpected = probe.expect === 'through-tunnel' ? carried : refused;
  return { ...probe, sent: transmitted, received, tunnelPackets, intoDevice, asExpected };
}
