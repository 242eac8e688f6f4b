/**
 * The tunnel lab's one run: from a file's parameters, two namespaces, a cloud gateway (cloudGateway.ts) and a
 * peer configured by the peer-config generator, the handshake started by the side the file's NegotiationType
 * names, the SAs read back from both daemons, the pings of insideAddresses.ts, a diagnosis when the handshake
 * fails, and everything torn down (daemons stopped in parallel, namespaces and files removed) whatever happened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Charon } from './charon';
import { registerLeftover } from './cleanup';
import { cloudGatewayConfig } from './cloudGateway';
import { diagnose, type Diagnosis } from './diagnose';
import { runChecked } from './exec';
import { insidePlan, type InsidePlan } from './insideAddresses';
import { maskSecret } from './mask';
import { handshake } from './handshake';
import type { IkeSa } from './negotiated';
import { CLOUD_PUBLIC_ADDRESS, PEER_PUBLIC_ADDRESS, createNetwork, type LabNetwork } from './netns';
import { pingProbe, type ProbeResult } from './ping';
import { tunnelSpecOf, type TunnelSpec } from './tunnelSpec';

/** The peer side's configuration for the file (peer/'s generator, or a test's stand-in). */
export type PeerConfigSource = (
  params: Record<string, unknown>,
  addresses: { cloudAddress: string; peerAddress: string },
) => { text: string; problems: readonly unknown[] };

/** What a run needs besides the file: where the peer side's configuration comes from. */
export interface LabRunOptions {
  peerConfig: PeerConfigSource;
  /** The parameters the cloud side is built from, when they differ from the peer's (a mismatch scenario). */
  cloudParams?: Record<string, unknown>;
  /** Seconds swanctl waits for each CHILD SA. */
  initiateTimeoutSeconds?: number;
}

/** Everything a run saw; the spec, logs and configurations have the key masked. */
export interface LabResult {
  spec: TunnelSpec;
  established: boolean;
  /** The SAs as the cloud side and the peer side list them. */
  cloudSas: IkeSa[];
  peerSas: IkeSa[];
  probes: ProbeResult[];
  diagnosis: Diagnosis[];
  initiator: 'cloud' | 'peer';
  initiateOutput: string;
  logs: { cloud: string; peer: string };
  configs: { cloud: string; peer: string };
  /** Milliseconds per step. */
  timings: Record<string, number>;
}

/** A run that could not start: the file or the configurations have problems. */
export class LabSetupError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const addresses = { cloudAddress: CLOUD_PUBLIC_ADDRESS, peerAddress: PEER_PUBLIC_ADDRESS };

/** Brings the tunnel up for `peerParams` (the file) and reports what happened. */
export async function runTunnelLab(peerParams: Record<string, unknown>, options: LabRunOptions): Promise<LabResult> {
  const cloudParams = options.cloudParams ?? peerParams;
  const { spec, problems } = tunnelSpecOf(cloudParams);
  if (!spec) throw new LabSetupError(problems);
  const plan = insidePlan(spec, cloudParams);
  const peer = options.peerConfig(peerParams, addresses);
  if (plan.problems.length || peer.problems.length)
    throw new LabSetupError([...plan.problems, ...peer.problems.map((p) => `peer configuration: ${describe(p)}`)]);
  const configs = { cloud: cloudGatewayConfig(spec, addresses), peer: peer.text };
  const timings: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const start = Date.now();
    try {
      return await work();
    } finally {
      timings[step] = Date.now() - start;
    }
  };
  // The daemons' folders hold the key (in the swanctl.conf files): removed after the run, and on Ctrl-C.
  const dirs = [mkdtempSync(join(tmpdir(), 'tcvpn-lab-cloud-')), mkdtempSync(join(tmpdir(), 'tcvpn-lab-peer-'))];
  const forgetDirs = dirs.map((dir) => registerLeftover({ kind: 'directory', path: dir }));
  const daemons: Charon[] = [];
  let lab: LabNetwork | undefined;
  try {
    lab = await timed('network', () => createNetwork(plan));
    return await exercise({ spec, plan, configs, lab, dirs, daemons, timed, timings, options, cloudParams });
  } finally {
    await timed('teardown', async () => {
      await Promise.all(daemons.map((daemon) => daemon.stop()));
      await lab?.teardown();
      dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
      forgetDirs.forEach((forget) => forget());
    });
  }
}

interface Exercise {
  spec: TunnelSpec;
  plan: InsidePlan;
  configs: { cloud: string; peer: string };
  lab: LabNetwork;
  dirs: string[];
  daemons: Charon[];
  timed: <T>(step: string, work: () => Promise<T>) => Promise<T>;
  timings: Record<string, number>;
  options: LabRunOptions;
  cloudParams: Record<string, unknown>;
}

async function exercise(run: Exercise): Promise<LabResult> {
  const { spec, plan, configs, lab, timed } = run;
  const charonOptions = { allowAggressivePsk: spec.aggressive, installRoutes: !spec.routeBased };
  // Each daemon is recorded as it starts, so the teardown stops it even when the other one fails to start.
  const started = (daemon: Charon) => (run.daemons.push(daemon), daemon);
  const [cloud, peer] = await timed('daemons', () =>
    Promise.all([
      Charon.start(lab.cloud.namespace, { dir: run.dirs[0], ...charonOptions }).then(started),
      Charon.start(lab.peer.namespace, { dir: run.dirs[1], ...charonOptions }).then(started),
    ]),
  );
  await timed('load', async () => {
    const loaded = (what: string) => (error: Error) => {
      throw new Error(`${what} did not load: ${error.message}`);
    };
    const loadCloud = () =>
      cloud.load(configs.cloud).catch(loaded("the cloud gateway's configuration (lab/cloudGateway.ts)"));
    const loadPeer = () => peer.load(configs.peer).catch(loaded('the generated peer configuration'));
    // The responder first: a configuration with start_action = start initiates as soon as it is loaded.
    for (const load of spec.initiator === 'cloud' ? [loadPeer, loadCloud] : [loadCloud, loadPeer]) await load();
    await addTunnelRoutes(lab, plan);
  });
  const { established, cloudSas, peerSas, output } = await timed('handshake', () =>
    handshake(cloud, peer, spec, {
      timeoutSeconds: run.options.initiateTimeoutSeconds ?? 8,
      autoStart: /^\s*start_action\s*=\s*start\b/m.test(spec.initiator === 'cloud' ? configs.cloud : configs.peer),
    }),
  );
  const probes = established ? await timed('ping', () => probeAll(lab, plan, cloud)) : [];
  const logs = { cloud: cloud.log(), peer: peer.log() };
  const mask = (text: string) => maskSecret(text, spec.psk);
  return {
    spec: { ...spec, psk: '******' },
    established,
    cloudSas,
    peerSas,
    probes,
    diagnosis: established ? [] : diagnose(logs, run.cloudParams),
    initiator: spec.initiator,
    initiateOutput: mask(output),
    logs: { cloud: mask(logs.cloud), peer: mask(logs.peer) },
    configs: { cloud: mask(configs.cloud), peer: mask(configs.peer) },
    timings: run.timings,
  };
}

/**
 * The routes the lab adds into ipsec0: a route-based tunnel's inside addresses (as the gateway's route table
 * would), and the address outside the selectors, so that only the selectors can refuse the ping to it.
 */
async function addTunnelRoutes(lab: LabNetwork, plan: InsidePlan): Promise<void> {
  const add = (namespace: string, route: { to: string; from?: string }) => {
    const source = route.from ? ['src', route.from] : [];
    return runChecked('ip', ['-n', namespace, 'route', 'add', `${route.to}/32`, 'dev', 'ipsec0', ...source]);
  };
  await Promise.all([
    ...plan.routes.cloud.map((route) => add(lab.cloud.namespace, route)),
    ...plan.routes.peer.map((route) => add(lab.peer.namespace, route)),
  ]);
}

async function probeAll(lab: LabNetwork, plan: InsidePlan, cloud: Charon): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  for (const probe of plan.probes) results.push(await pingProbe(lab.cloud.namespace, probe, cloud));
  return results;
}

function describe(problem: unknown): string {
  if (typeof problem === 'string') return problem;
  const message = (problem as { message?: unknown })?.message;
  if (typeof message === 'string') return message;
  if (message && typeof message === 'object' && 'en' in message) return String((message as { en: unknown }).en);
  return JSON.stringify(problem);
}
