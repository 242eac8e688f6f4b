/**
 * The "Tencent Cloud Account" tree data provider: one row per region the user works in (the default region of the
 * settings and credentials, the `Region` of every open VPN file, the regions of the VPN Tasks records), each with
 * its VPN gateways and their tunnels, and its customer gateways. It reads only through the AccountService's cache
 * (the same snapshots the language server's account features get), so it costs no extra requests while the cache
 * is fresh; Refresh empties the cache first. A region that cannot be read shows why, in one row.
 */
import * as vscode from 'vscode';
import type { ResourceSnapshot } from '../../language/account/snapshot';
import type { AccountService } from '../../cloud/accountService';
import type { TaskHistory } from '../../cloud/history';
import { chooseRegion } from '../../cloud/region';
import { Commands } from '../commands';
import { regionSetting } from '../config';
import { isUserDocument, openTunnelFiles, tunnelFileOf } from '../tunnelFile';
import {
  type AccountNode,
  CustomerGatewayNode,
  CustomerGatewaysNode,
  GatewayNode,
  MessageNode,
  RegionNode,
  TunnelNode,
} from './accountNodes';

export const ACCOUNT_VIEW_ID = 'tencentcloudVpn.account';

/** What the tree reads: the account's snapshots, the default region and the task history. */
export interface AccountTreeSources {
  account: AccountService;
  history: TaskHistory;
  /** The region a document without `Region` goes to (settings, then the credentials' region). */
  defaultRegion(): Promise<string>;
  /** An error as the tree may show it (secrets redacted). */
  describe(error: unknown): string;
}

/** The default region as a submit would choose it; without credentials the setting or ap-guangzhou. */
export async function defaultRegionOf(credentials: () => Promise<{ region?: string }>): Promise<string> {
  const found = await credentials().catch(() => undefined);
  return chooseRegion({ setting: regionSetting(), credentials: found });
}

const byName = <T extends { name: string; id: string }>(a: T, b: T): number =>
  (a.name || a.id).localeCompare(b.name || b.id);

/** The tree of regions → gateways → tunnels, and customer gateways. */
export class AccountTreeProvider implements vscode.TreeDataProvider<AccountNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AccountNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The newest snapshot shown per region (the tunnel commands look tunnels up here). */
  private readonly shown = new Map<string, ResourceSnapshot>();

  constructor(private readonly sources: AccountTreeSources) {}

  getTreeItem(node: AccountNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  async getChildren(node?: AccountNode): Promise<AccountNode[]> {
    if (!node) return this.roots();
    if (node instanceof RegionNode) return this.regionChildren(node.region);
    if (node instanceof GatewayNode) return this.tunnelsOf(node);
    if (node instanceof CustomerGatewaysNode) return node.gateways.map((g) => new CustomerGatewayNode(node.region, g));
    return [];
  }

  getParent(): undefined {
    return undefined;
  }

  /** Redraws the tree from the cache (e.g. a file naming a tunnel was opened). */
  redraw(): void {
    this.changed.fire(undefined);
  }

  /** Redraws after the account cache was emptied (AccountResourcesProvider.onDidRefresh), so every region is read again. */
  refresh(): void {
    this.shown.clear();
    this.changed.fire(undefined);
  }

  /** The snapshot last shown for a region. */
  snapshot(region: string): ResourceSnapshot | undefined {
    return this.shown.get(region);
  }

  dispose(): void {
    this.changed.dispose();
  }

  /** One row per region, or the reason there is none (a region setting that is no region id). */
  private async roots(): Promise<AccountNode[]> {
    try {
      return (await this.regions()).map((region) => new RegionNode(region));
    } catch (error) {
      return [new MessageNode('', this.sources.describe(error), true)];
    }
  }

  /** The default region first, then the others in name order. */
  private async regions(): Promise<string[]> {
    const first = await this.sources.defaultRegion();
    const others = new Set<string>();
    for (const document of vscode.workspace.textDocuments) {
      const region = isUserDocument(document) ? tunnelFileOf(document)?.region : undefined;
      if (region) others.add(region);
    }
    for (const record of this.sources.history.list()) others.add(record.region);
    others.delete(first);
    return [first, ...[...others].filter((region) => /^[a-z]{2,3}-[a-z]+(-[a-z0-9]+)*$/.test(region)).sort()];
  }

  private async regionChildren(region: string): Promise<AccountNode[]> {
    let snapshot: ResourceSnapshot | null;
    try {
      snapshot = await this.sources.account.resources(region);
    } catch (error) {
      const message = this.sources.describe(error);
      return [new MessageNode(region, vscode.l10n.t('Could not read {0}: {1}', region, message), true)];
    }
    if (!snapshot) {
      const setCredentials = { title: vscode.l10n.t('Set Credentials'), command: Commands.setCredentials };
      return [new MessageNode(region, vscode.l10n.t('No Tencent Cloud credentials found.'), true, setCredentials)];
    }
    this.shown.set(region, snapshot);
    const gateways = [...snapshot.vpnGateways].sort(byName).map(
      (gateway) =>
        new GatewayNode(
          region,
          gateway,
          snapshot.connections.filter((tunnel) => tunnel.vpnGatewayId === gateway.id),
        ),
    );
    const customer = [...snapshot.customerGateways].sort(byName);
    if (!gateways.length && !customer.length)
      return [new MessageNode(region, vscode.l10n.t('No VPN gateways in {0}.', region), false)];
    return [...gateways, new CustomerGatewaysNode(region, customer)];
  }

  private tunnelsOf(node: GatewayNode): TunnelNode[] {
    const files = openTunnelFiles();
    const name = node.gateway.name || node.gateway.id;
    return [...node.tunnels]
      .sort(byName)
      .map((tunnel) => new TunnelNode(node.region, tunnel, name, files.has(tunnel.id)));
  }
}
