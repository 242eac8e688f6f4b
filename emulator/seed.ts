/**
 * Loads the emulator's seed (an object, a file, or the committed default) and fills the fields a seed may leave
 * out, so Describe* answers carry every field the real service returns.
 */
import { readFileSync } from 'node:fs';
import defaultSeed from './seed.json';
import type { EmulatorSeed, Regional } from './types';

/** The committed default seed (emulator/seed.json), as an independent copy. */
export function defaultEmulatorSeed(): EmulatorSeed {
  return structuredClone(defaultSeed) as unknown as EmulatorSeed;
}

/** Checks the seed's shape; throws an Error naming the first problem (a bad seed file must fail loudly). */
export function checkSeed(value: unknown, where: string): EmulatorSeed {
  const seed = value as EmulatorSeed;
  if (!seed || typeof seed !== 'object') throw new Error(`${where}: a seed is a JSON object`);
  if (!Array.isArray(seed.credentials) || seed.credentials.length === 0)
    throw new Error(`${where}: "credentials" needs at least one { secretId, secretKey }`);
  for (const credential of seed.credentials) {
    if (typeof credential?.secretId !== 'string' || typeof credential?.secretKey !== 'string')
      throw new Error(`${where}: each credential needs a string secretId and secretKey`);
  }
  for (const [list, idKey] of [
    ['vpcs', 'VpcId'],
    ['vpnGateways', 'VpnGatewayId'],
    ['customerGateways', 'CustomerGatewayId'],
    ['vpnConnections', 'VpnConnectionId'],
  ] as const) {
    const items = seed[list] ?? [];
    if (!Array.isArray(items)) throw new Error(`${where}: "${list}" must be an array`);
    for (const item of items as Regional[]) {
      if (typeof item?.Region !== 'string' || typeof item[idKey] !== 'string')
        throw new Error(`${where}: each of "${list}" needs a string Region and ${idKey}`);
    }
  }
  return seed;
}

/** The seed an emulator starts from: `seed` wins over `seedFile`, which wins over the default. */
export function loadSeed(options: { seed?: EmulatorSeed; seedFile?: string }): EmulatorSeed {
  if (options.seed) return checkSeed(structuredClone(options.seed), 'seed option');
  if (options.seedFile) {
    let text: string;
    try {
      text = readFileSync(options.seedFile, 'utf8');
    } catch (error) {
      throw new Error(`cannot read seed file ${options.seedFile}: ${(error as Error).message}`);
    }
    try {
      return checkSeed(JSON.parse(text), options.seedFile);
    } catch (error) {
      throw new Error(`invalid seed file ${options.seedFile}: ${(error as Error).message}`);
    }
  }
  return defaultEmulatorSeed();
}

/** "2026-11-25 18:30:00" in Beijing time, the service's format for CreatedTime. */
export function serviceTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}

/** A VPN gateway with the fields DescribeVpnGateways always returns. */
export function completeGateway(gateway: Regional, created: string): Regional {
  return {
    VpcId: '',
    State: 'AVAILABLE',
    RenewFlag: 'NOTIFY_AND_AUTO_RENEW',
    InstanceChargeType: 'POSTPAID_BY_HOUR',
    InternetMaxBandwidthOut: 5,
    CreatedTime: created,
    ExpiredTime: '0000-00-00 00:00:00',
    IsAddressBlocked: false,
    NewPurchasePlan: '',
    RestrictState: 'NORMAL',
    Zone: `${gateway.Region}-1`,
    VpnGatewayQuotaSet: [],
    Version: '2.0',
    NetworkInstanceId: '',
    CdcId: '',
    MaxConnection: 0,
    BgpAsn: 0,
    TagSet: [],
    ...gateway,
  };
}

/** A customer gateway with the fields DescribeCustomerGateways always returns. */
export function completeCustomerGateway(gateway: Regional, created: string): Regional {
  return { CreatedTime: created, BgpAsn: 0, ...gateway };
}

/** A VPC with the fields DescribeVpcs always returns. */
export function completeVpc(vpc: Regional, created: string): Regional {
  return {
    IsDefault: false,
    EnableMulticast: false,
    CreatedTime: created,
    DnsServerSet: ['183.60.83.19', '183.60.82.98'],
    DomainName: '',
    DhcpOptionsId: '',
    EnableDhcp: true,
    Ipv6CidrBlock: '',
    TagSet: [],
    AssistantCidrSet: [],
    EnableRouteVpcPublish: false,
    Ipv6CidrBlockSet: [],
    ...vpc,
  };
}
