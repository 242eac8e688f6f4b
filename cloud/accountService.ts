/**
 * What the client answers when the language server (or `tcvpn validate --live`) asks about the account: the
 * snapshot of a region, from the cache, with the credentials and the default region resolved as for a submit;
 * and the region where an id lives, when the document's region does not have it. No credentials is not an
 * error: the answer is null and nothing is shown.
 */
import { createHash } from 'node:crypto';
import type { ResourceKind, ResourceSnapshot } from '../language/account/snapshot';
import { itemsOf } from '../language/account/snapshot';
import regionList from '../schemas/source/regions.json';
import { AccountResourceCache } from './accountCache';
import { fetchResourceSnapshot } from './accountSnapshot';
import { ApiError } from './apiError';
import { CredentialsError, type Credentials } from './credentials';
import { chooseRegion } from './region';
import type { VpcClient } from './tcClient';

export interface AccountServiceOptions {
  /** The credentials to use now; throws CredentialsError when there are none. */
  credentials(): Promise<Credentials>;
  /** A client for a region with those credentials. */
  clientFor(region: string): Promise<VpcClient>;
  /** The region setting (the CLI's --region), a default for documents without `Region`. */
  regionSetting(): string | undefined;
  /** Where to look for an id the document's region lacks; the public regions of schemas/source/regions.json by default. */
  searchRegions?: readonly string[];
  ttlMs?: number;
}

/** The public (non-financial) regions, searched in this order when locating an id. */
export const SEARCH_REGIONS: readonly string[] = regionList.regions
  .filter((region) => !region.financial)
  .map((region) => region.region);

/** The API's list action and id parameter for one kind, to ask a region about a single id. */
const BY_ID: Record<Exclude<ResourceKind, 'connections'>, { action: string; idsKey: string; setKey: string }> = {
  vpnGateways: { action: 'DescribeVpnGateways', idsKey: 'VpnGatewayIds', setKey: 'VpnGatewaySet' },
  customerGateways: { action: 'DescribeCustomerGateways', idsKey: 'CustomerGatewayIds', setKey: 'CustomerGatewaySet' },
  vpcs: { action: 'DescribeVpcs', idsKey: 'VpcIds', setKey: 'VpcSet' },
};

/** Identifies a credential in cache keys without holding its secret: a hash of where it came from and its SecretId. */
export function credentialKeyOf(credentials: Credentials): string {
  return createHash('sha256')
    .update(`${credentials.source}\n${credentials.profile ?? ''}\n${credentials.secretId}`)
    .digest('hex')
    .slice(0, 16);
}

export class AccountService {
  readonly cache: AccountResourceCache;

  constructor(private readonly options: AccountServiceOptions) {
    this.cache = new AccountResourceCache({
      ttlMs: options.ttlMs,
      fetch: async (region, signal) => fetchResourceSnapshot(await options.clientFor(region), signal),
    });
  }

  /** The region's snapshot (undefined: the default region), or null without credentials. */
  async resources(region: string | undefined, signal?: AbortSignal): Promise<ResourceSnapshot | null> {
    const credentials = await this.credentialsOrNull();
    if (!credentials) return null;
    const chosen = chooseRegion({ documentRegion: region, setting: this.options.regionSetting(), credentials });
    return this.cache.get(credentialKeyOf(credentials), chosen, signal);
  }

  /** The first region other than `except` that has the id (cached snapshots first, then one request per region). */
  async locate(kind: ResourceKind, id: string, except: string, signal?: AbortSignal): Promise<string | null> {
    const credentials = await this.credentialsOrNull();
    if (!credentials || kind === 'connections') return null;
    const cached = this.cache
      .cachedSnapshots(credentialKeyOf(credentials))
      .find((snapshot) => snapshot.region !== except && itemsOf(snapshot, kind).some((item) => item.id === id));
    if (cached) return cached.region;
    for (const region of this.options.searchRegions ?? SEARCH_REGIONS) {
      if (region !== except && (await this.regionHas(region, kind, id, signal))) return region;
    }
    return null;
  }

  /** Forgets every snapshot (the next ask fetches again). */
  refresh(): void {
    this.cache.clear();
  }

  private async regionHas(
    region: string,
    kind: Exclude<ResourceKind, 'connections'>,
    id: string,
    signal?: AbortSignal,
  ): Promise<boolean> {
    const { action, idsKey, setKey } = BY_ID[kind];
    const client = await this.options.clientFor(region);
    try {
      const response = await client.request<Record<string, unknown>>(action, { [idsKey]: [id] }, { signal });
      return Array.isArray(response[setKey]) && (response[setKey] as unknown[]).length > 0;
    } catch (error) {
      // "Not found" and "not offered in this region" both mean: not here.
      if (error instanceof ApiError && /NotFound|Malformed|UnsupportedRegion|InvalidParameter/.test(error.code ?? ''))
        return false;
      throw error;
    }
  }

  private async credentialsOrNull(): Promise<Credentials | null> {
    try {
      return await this.options.credentials();
    } catch (error) {
      if (error instanceof CredentialsError) return null;
      throw error;
    }
  }
}
