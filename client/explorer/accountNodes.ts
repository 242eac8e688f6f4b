/**
 * The "Tencent Cloud Account" tree's nodes: a region, its VPN gateways (type, version, public IP, state), each
 * gateway's tunnels (state, net status, route type), the region's customer gateways, and a message row for a region
 * that could not be read. Nodes are plain data from an account snapshot (which never holds a pre-shared key); each
 * builds its own TreeItem. `contextValue`s name what the menus in package.json offer: `tunnel` (and `tunnel-file`
 * when an open file names the tunnel), `gateway`, `customerGateway`.
 */
import * as vscode from 'vscode';
import type { CustomerGatewayInfo, VpnConnectionInfo, VpnGatewayInfo } from '../../language/account/snapshot';

/** A state the service reports as fine: the icon is green. */
const HEALTHY = new Set(['AVAILABLE', 'NORMAL', 'CONNECTED']);
/** A state on its way to another: the icon spins. */
const MOVING = new Set(['PENDING', 'CREATING', 'DELETING', 'UPDATING']);

/** A ThemeIcon coloured by a resource's state. */
function stateIcon(icon: string, state: string): vscode.ThemeIcon {
  if (MOVING.has(state)) return new vscode.ThemeIcon('sync~spin');
  if (HEALTHY.has(state)) return new vscode.ThemeIcon(icon, new vscode.ThemeColor('testing.iconPassed'));
  if (state) return new vscode.ThemeIcon(icon, new vscode.ThemeColor('list.warningForeground'));
  return new vscode.ThemeIcon(icon);
}

/** A plain markdown tooltip (no command links) of "label: value" lines. */
function tooltipOf(title: string, rows: [string, string | number | undefined][]): vscode.MarkdownString {
  const lines = rows.filter(([, value]) => value !== undefined && value !== '').map(([l, v]) => `${l}: ${v}`);
  const tooltip = new vscode.MarkdownString([`**${title}**`, ...lines].join('  \n'));
  tooltip.isTrusted = false;
  return tooltip;
}

const joined = (...parts: (string | undefined)[]): string => parts.filter(Boolean).join(' · ');

/** A tunnel's NetStatus in words: AVAILABLE is the IPsec link up, UNAVAILABLE down (other values as they come). */
function netStatusText(netStatus: string | undefined): string | undefined {
  if (netStatus === 'AVAILABLE') return vscode.l10n.t('connected');
  if (netStatus === 'UNAVAILABLE') return vscode.l10n.t('not connected');
  return netStatus;
}

/** One region of the account. */
export class RegionNode {
  readonly kind = 'region';
  constructor(readonly region: string) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.region, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `region/${this.region}`;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = 'region';
    return item;
  }
}

/** A VPN gateway; its children are its tunnels. */
export class GatewayNode {
  readonly kind = 'gateway';
  constructor(
    readonly region: string,
    readonly gateway: VpnGatewayInfo,
    readonly tunnels: readonly VpnConnectionInfo[],
  ) {}

  get id(): string {
    return this.gateway.id;
  }

  toTreeItem(): vscode.TreeItem {
    const { gateway } = this;
    const collapsed = this.tunnels.length
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(gateway.name || gateway.id, collapsed);
    item.id = `${this.region}/${gateway.id}`;
    item.description = joined(gateway.id, `${gateway.type} ${gateway.version}`.trim(), gateway.publicIp, gateway.state);
    item.iconPath = stateIcon('server-environment', gateway.state);
    item.contextValue = 'gateway';
    item.tooltip = tooltipOf(gateway.name || gateway.id, [
      [vscode.l10n.t('VPN gateway'), gateway.id],
      [vscode.l10n.t('Type'), gateway.type],
      [vscode.l10n.t('Version'), gateway.version],
      [vscode.l10n.t('Public IP'), gateway.publicIp],
      [vscode.l10n.t('State'), gateway.state],
      ['VPC', gateway.vpcId],
      ['BGP ASN', gateway.bgpAsn],
    ]);
    return item;
  }
}

/** A tunnel (VPN connection); `hasFile` when an open document names it by VpnConnectionId. */
export class TunnelNode {
  readonly kind = 'tunnel';
  constructor(
    readonly region: string,
    readonly tunnel: VpnConnectionInfo,
    readonly gatewayName: string,
    readonly hasFile: boolean,
  ) {}

  get id(): string {
    return this.tunnel.id;
  }

  toTreeItem(): vscode.TreeItem {
    const { tunnel } = this;
    const item = new vscode.TreeItem(tunnel.name || tunnel.id, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.region}/${tunnel.vpnGatewayId}/${tunnel.id}`;
    item.description = joined(tunnel.id, tunnel.state, netStatusText(tunnel.netStatus), tunnel.routeType);
    item.iconPath = stateIcon('plug', tunnel.state);
    item.contextValue = this.hasFile ? 'tunnel-file' : 'tunnel';
    item.tooltip = tooltipOf(tunnel.name || tunnel.id, [
      ['VpnConnectionId', tunnel.id],
      [vscode.l10n.t('VPN gateway'), joined(this.gatewayName, tunnel.vpnGatewayId)],
      [vscode.l10n.t('Customer gateway'), tunnel.customerGatewayId],
      [vscode.l10n.t('State'), tunnel.state],
      [vscode.l10n.t('Net status'), tunnel.netStatus && `${tunnel.netStatus} (${netStatusText(tunnel.netStatus)})`],
      [vscode.l10n.t('Route type'), tunnel.routeType],
    ]);
    return item;
  }
}

/** The "Customer gateways" row of a region. */
export class CustomerGatewaysNode {
  readonly kind = 'customerGateways';
  constructor(
    readonly region: string,
    readonly gateways: readonly CustomerGatewayInfo[],
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Customer gateways'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${this.region}/customer-gateways`;
    item.description = String(this.gateways.length);
    item.iconPath = new vscode.ThemeIcon('home');
    item.contextValue = 'customerGateways';
    return item;
  }
}

/** One customer gateway. */
export class CustomerGatewayNode {
  readonly kind = 'customerGateway';
  constructor(
    readonly region: string,
    readonly gateway: CustomerGatewayInfo,
  ) {}

  get id(): string {
    return this.gateway.id;
  }

  toTreeItem(): vscode.TreeItem {
    const { gateway } = this;
    const item = new vscode.TreeItem(gateway.name || gateway.id, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.region}/cgw/${gateway.id}`;
    item.description = joined(gateway.id, gateway.ipAddress, gateway.bgpAsn ? `ASN ${gateway.bgpAsn}` : undefined);
    item.iconPath = new vscode.ThemeIcon('home');
    item.contextValue = 'customerGateway';
    item.tooltip = tooltipOf(gateway.name || gateway.id, [
      [vscode.l10n.t('Customer gateway'), gateway.id],
      [vscode.l10n.t('IP address'), gateway.ipAddress],
      ['BGP ASN', gateway.bgpAsn],
    ]);
    return item;
  }
}

/** A row that says why a region shows nothing (no credentials, a failed request, an empty region). */
export class MessageNode {
  readonly kind = 'message';
  constructor(
    readonly region: string,
    readonly message: string,
    readonly isError: boolean,
    /** What a click on the row runs (e.g. Set Credentials when there are none). */
    readonly command?: vscode.Command,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.region}/message`;
    item.iconPath = new vscode.ThemeIcon(this.isError ? 'warning' : 'info');
    item.tooltip = this.message;
    item.contextValue = 'message';
    item.command = this.command;
    return item;
  }
}

export type AccountNode =
  RegionNode | GatewayNode | TunnelNode | CustomerGatewaysNode | CustomerGatewayNode | MessageNode;

/** A node that carries a resource id (the Copy Id action). */
export type IdentifiedNode = GatewayNode | TunnelNode | CustomerGatewayNode;
