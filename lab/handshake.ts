/**
 * The handshake of a lab run: the side the file's NegotiationType names initiates every CHILD SA of its
 * configuration; for IKEv2 with PFS each cloud CHILD SA is then rekeyed once, because IKEv2 creates the first
 * CHILD SA inside IKE_AUTH without a key exchange and the PFS group is only negotiated (and so only proven) at
 * a rekey. Then the SAs are read back from both daemons.
 */
import type { Charon } from './charon';
import { CLOUD_CONNECTION, cloudChildNames } from './cloudGateway';
import { ikeSasOf, type IkeSa } from './negotiated';
import type { RawNode } from './swanctlRaw';
import type { TunnelSpec } from './tunnelSpec';

/** What the handshake produced. */
export interface HandshakeResult {
  /** The cloud's IKE SA is established, every selector pair has an installed CHILD SA, and PFS (if asked) was used. */
  established: boolean;
  cloudSas: IkeSa[];
  peerSas: IkeSa[];
  /** swanctl's output, command by command. */
  output: string;
}

/** How long a rekey may take to show in the listing. */
const REKEY_WAIT_MS = 4_000;

/** Runs the handshake between `cloud` and `peer` for `spec`. */
export async function handshake(
  cloud: Charon,
  peer: Charon,
  spec: TunnelSpec,
  options: { timeoutSeconds: number; autoStart: boolean },
): Promise<HandshakeResult> {
  const initiator = spec.initiator === 'cloud' ? cloud : peer;
  let output = options.autoStart
    ? await awaitAutoStart(cloud, [cloud, peer], spec, options.timeoutSeconds)
    : await initiateAll(initiator, spec, options.timeoutSeconds);
  let cloudSas = ikeSasOf(await cloud.listSas());
  if (childrenUp(cloudSas, spec) && needsPfsRekey(spec)) {
    output += await rekeyAll(cloud, spec);
    cloudSas = ikeSasOf(await cloud.listSas());
  }
  const peerSas = ikeSasOf(await peer.listSas());
  const installed = cloudChildren(cloudSas).filter((child) => child.state === 'INSTALLED');
  const pfsShown = !needsPfsRekey(spec) || installed.every((child) => child.algorithms.dh !== undefined);
  return { established: childrenUp(cloudSas, spec) && pfsShown, cloudSas, peerSas, output };
}

function needsPfsRekey(spec: TunnelSpec): boolean {
  return spec.ikeVersion === 2 && spec.esp.pfs.token !== '';
}

const cloudChildren = (sas: IkeSa[]) =>
  sas.filter((sa) => sa.name === CLOUD_CONNECTION && sa.state === 'ESTABLISHED').flatMap((sa) => sa.children);

/** Every selector pair of the cloud has an installed CHILD SA under an established IKE SA. */
function childrenUp(sas: IkeSa[], spec: TunnelSpec): boolean {
  const installed = new Set(
    cloudChildren(sas)
      .filter((c) => c.state === 'INSTALLED')
      .map((c) => c.name),
  );
  return installed.size > 0 && cloudChildNames(spec).every((name) => installed.has(name));
}

/** Initiates each child in turn; stops when no IKE SA came up at all (the rest would fail the same way). */
async function initiateAll(daemon: Charon, spec: TunnelSpec, timeoutSeconds: number): Promise<string> {
  const children = spec.initiator === 'cloud' ? cloudChildNames(spec) : childNamesOf(await daemon.listConns());
  let output = '';
  for (const child of children) {
    const result = await daemon.initiate(child, timeoutSeconds);
    output += `$ swanctl --initiate --child ${child}\n${result.stdout}${result.stderr}`;
    if (result.code !== 0 && !ikeSasOf(await daemon.listSas()).length) break;
  }
  return output;
}

/** What ends a handshake that nobody initiates by command (charon's own words for a failed exchange). */
const HANDSHAKE_FAILED =
  /NO_PROPOSAL_CHOSEN|AUTHENTICATION_FAILED|TS_UNACCEPTABLE|no matching CHILD_SA config|giving up after|no peer config found|no matching peer config|MAC mismatched|establishing CHILD_SA .* failed/;

/**
 * The initiating side's configuration starts the tunnel itself when loaded (`start_action = start`): initiating it
 * again would make a second IKE SA, so the lab waits for the CHILD SAs, or for a failure in either log.
 */
async function awaitAutoStart(cloud: Charon, daemons: Charon[], spec: TunnelSpec, timeoutSeconds: number) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (Date.now() < deadline) {
    if (childrenUp(ikeSasOf(await cloud.listSas()), spec)) break;
    if (daemons.some((daemon) => HANDSHAKE_FAILED.test(daemon.log()))) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return '(the initiating configuration has start_action = start: it started the tunnel itself when loaded)\n';
}

/** Every child name of every loaded connection (on the peer, the generator's names). */
function childNamesOf(conns: RawNode): string[] {
  const event = (conns.event ?? {}) as Record<string, RawNode>;
  return Object.values(event).flatMap((conn) => Object.keys((conn.children ?? {}) as object));
}

/** Rekeys each cloud child and waits until its new SA (with a DH group) is listed, or the wait is over. */
async function rekeyAll(cloud: Charon, spec: TunnelSpec): Promise<string> {
  let output = '';
  for (const child of cloudChildNames(spec)) {
    const result = await cloud.swanctl(['--rekey', '--child', child]);
    output += `$ swanctl --rekey --child ${child}\n${result.stdout}${result.stderr}`;
  }
  const deadline = Date.now() + REKEY_WAIT_MS;
  while (Date.now() < deadline) {
    const children = cloudChildren(ikeSasOf(await cloud.listSas()));
    const rekeyed = cloudChildNames(spec).every((name) =>
      children.some((c) => c.name === name && c.state === 'INSTALLED' && c.algorithms.dh !== undefined),
    );
    if (rekeyed || /NO_PROPOSAL_CHOSEN|no acceptable proposal/.test(cloud.log())) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return output;
}
