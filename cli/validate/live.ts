/**
 * `tcvpn validate --live`: the account checks of the editor, in CI. Credentials and the endpoint come from the same
 * sources as every cloud command (cli/cloudArgs.ts: the environment or a tccli profile, --profile to pick one;
 * --endpoint, else TENCENTCLOUD_ENDPOINT); the snapshots of every region the files go to (their `Region`, else --region, else the
 * profile's or ap-guangzhou) are fetched once, plus the region of any id a file names in the wrong region, and the
 * language service then runs with them as a fixed AccountResources.
 */
import { accountViewOf, documentRegion, ID_FIELDS, findResource } from '../../language/account/documentFacts';
import { staticAccountResources, type AccountResources, type ResourceSnapshot } from '../../language/account/snapshot';
import { stringAt, isRecord } from '../../language/values/values';
import { AccountService } from '../../cloud/accountService';
import { ClientFactory } from '../../cloud/clientFactory';
import { CredentialsError } from '../../cloud/credentials';
import { cliCredentials, endpointOf } from '../cloudArgs';

export interface LiveOptions {
  region?: string;
  endpoint?: string;
  /** --profile: the tccli profile to read the keys from. */
  profile?: string;
  env: NodeJS.ProcessEnv;
}

/** The account for these document values, or a message saying why it could not be fetched. */
export type LiveResult = { ok: true; account: AccountResources } | { ok: false; message: string };

/** Fetches what the documents need; never throws. */
export async function fetchLiveAccount(values: readonly unknown[], options: LiveOptions): Promise<LiveResult> {
  let credentials;
  try {
    credentials = await cliCredentials(options.profile, options.env);
  } catch (error) {
    return {
      ok: false,
      message: `--live needs credentials: ${error instanceof CredentialsError ? error.message : String(error)}`,
    };
  }
  const clients = new ClientFactory({
    settings: () => ({ endpoint: endpointOf(options, options.env), timeoutSeconds: 30 }),
    credentials: async () => credentials,
  });
  const service = new AccountService({
    credentials: async () => credentials,
    clientFor: (region) => clients.forRegion(region),
    regionSetting: () => options.region,
  });
  try {
    const snapshots = new Map<string, ResourceSnapshot>();
    const fetch = async (region: string | undefined): Promise<ResourceSnapshot> => {
      const snapshot = (await service.resources(region))!;
      snapshots.set(snapshot.region, snapshot);
      return snapshot;
    };
    const defaultRegion = (await fetch(undefined)).region;
    for (const value of values) await fetch(documentRegion(value));
    const account = staticAccountResources([...snapshots.values()], defaultRegion);
    for (const value of values) await fetchWhereMissing(value, account, service, fetch);
    return { ok: true, account: staticAccountResources([...snapshots.values()], defaultRegion) };
  } catch (error) {
    return {
      ok: false,
      message: `--live: the account lookup failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  } finally {
    await clients.dispose();
  }
}

/** For each id the document's region lacks, finds the region that has it and fetches that region too. */
async function fetchWhereMissing(
  value: unknown,
  account: AccountResources,
  service: AccountService,
  fetch: (region: string) => Promise<unknown>,
): Promise<void> {
  const view = accountViewOf(value, account);
  if (!view || !isRecord(value)) return;
  for (const [key, kind] of Object.entries(ID_FIELDS)) {
    const id = stringAt(value, key);
    if (!id || findResource(view.snapshot, kind, id) || account.locate(kind, id, view.snapshot.region)) continue;
    const region = await service.locate(kind, id, view.snapshot.region);
    if (region) await fetch(region);
  }
}
