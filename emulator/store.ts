/**
 * The emulator's account: VPCs, VPN gateways and customer gateways from the seed, the tunnels, and the async
 * tasks. Every lookup is per region, as in the service: an id from another region is not found.
 */
import { randomBytes } from 'node:crypto';
import { freeHealthCheckPair } from './addressPool';
import { buildConnection } from './connectionModel';
import { maskSecret } from './mask';
import { completeCustomerGateway, completeGateway, completeVpc, serviceTime } from './seed';
import type { EmulatorCredential, EmulatorSeed, Regional, TaskRecord } from './types';

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** The account's resources, tunnels and tasks; `reset()` returns to the seed. */
export class EmulatorStore {
  credentials: EmulatorCredential[] = [];
  vpcs: Regional[] = [];
  gateways: Regional[] = [];
  customerGateways: Regional[] = [];
  readonly connections = new Map<string, Regional>();
  readonly tasks = new Map<string, TaskRecord>();
  emptyConnectionId = false;

  constructor(
    private readonly seed: EmulatorSeed,
    private readonly now: () => Date,
  ) {
    this.reset();
  }

  /** Back to the seed: its resources and tunnels, no tasks. */
  reset(): void {
    const seed = structuredClone(this.seed);
    const created = serviceTime(this.now());
    this.credentials = seed.credentials;
    this.vpcs = seed.vpcs.map((vpc) => completeVpc(vpc, created));
    this.gateways = seed.vpnGateways.map((gateway) => completeGateway(gateway, created));
    this.customerGateways = seed.customerGateways.map((gateway) => completeCustomerGateway(gateway, created));
    this.emptyConnectionId = seed.emptyConnectionId === true;
    this.connections.clear();
    this.tasks.clear();
    for (const tunnel of seed.vpnConnections ?? []) this.addSeededTunnel(tunnel, created);
  }

  private addSeededTunnel(tunnel: Regional, created: string): void {
    const gateway = this.gateway(tunnel.Region, tunnel.VpnGatewayId) ?? {};
    const customerGateway = this.customerGateway(tunnel.Region, tunnel.CustomerGatewayId) ?? {};
    const id = String(tunnel.VpnConnectionId);
    const context = {
      id,
      region: tunnel.Region,
      state: String(tunnel.State ?? 'AVAILABLE'),
      createdTime: created,
      gateway,
      customerGateway,
    };
    this.connections.set(
      id,
      buildConnection(tunnel, { ...context, healthCheckIps: this.freeHealthCheckPairFor(String(tunnel.VpnGatewayId)) }),
    );
  }

  /** The secret key of a SecretId, if the seed has it. */
  secretFor(secretId: string): string | undefined {
    return this.credentials.find((credential) => credential.secretId === secretId)?.secretKey;
  }

  /** The VPN gateway `id` in `region`; undefined for an id of another region. */
  gateway(region: string, id: unknown): Regional | undefined {
    return this.gateways.find((gateway) => gateway.Region === region && gateway.VpnGatewayId === id);
  }

  /** The customer gateway `id` in `region`. */
  customerGateway(region: string, id: unknown): Regional | undefined {
    return this.customerGateways.find((gateway) => gateway.Region === region && gateway.CustomerGatewayId === id);
  }

  /** The VPC `id` in `region`. */
  vpc(region: string, id: unknown): Regional | undefined {
    return this.vpcs.find((vpc) => vpc.Region === region && vpc.VpcId === id);
  }

  /** The tunnel `id` in `region`. */
  connection(region: string, id: unknown): Regional | undefined {
    const connection = this.connections.get(String(id));
    return connection?.Region === region ? connection : undefined;
  }

  /** The tunnels of one gateway, in every state. */
  tunnelsOn(gatewayId: unknown): Regional[] {
    return [...this.connections.values()].filter((connection) => connection.VpnGatewayId === gatewayId);
  }

  /** A (local, remote) health-check pair no tunnel of the gateway uses yet. */
  freeHealthCheckPairFor(gatewayId: string): { local: string; remote: string } {
    const used = new Set(
      this.tunnelsOn(gatewayId).flatMap((tunnel) => [
        String(tunnel.HealthCheckLocalIp),
        String(tunnel.HealthCheckRemoteIp),
      ]),
    );
    return freeHealthCheckPair(used);
  }

  /** A fresh tunnel id in the service's form, vpnx- and 8 lower-case letters or digits. */
  newConnectionId(): string {
    let id: string;
    do {
      id = `vpnx-${[...randomBytes(8)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('')}`;
    } while (this.connections.has(id));
    return id;
  }

  /** The state for GET /__emulator/state: tunnels with their pre-shared keys masked, and the tasks. */
  snapshot(): { connections: Regional[]; tasks: TaskRecord[] } {
    const connections = [...this.connections.values()].map((connection) => ({
      ...connection,
      PreShareKey: maskSecret(connection.PreShareKey),
    }));
    return { connections, tasks: [...this.tasks.values()].map((task) => ({ ...task })) };
  }
}
