/**
 * Completion of VpnGatewayId, CustomerGatewayId and VpcId from the account: the resources of the document's
 * region, labelled with name, public IP, type and state; and of a file's `VpnConnectionId`: the region's
 * tunnels, those of the file's VPN gateway first, labelled with name, state, route type and gateway. Items are spelled exactly as the schema's value items
 * are (JSON quoting and trailing comma, YAML scalars) and sort before them; the schema's own example ids stay
 * available after them unless the account has the same id.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { snippetItem, type ItemContext } from './completionItem';
import { yamlScalar } from './snippets';
import {
  accountViewOf,
  documentRegion,
  idKindAt,
  isTunnelIdPath,
  type AccountView,
  type IdKind,
  type NamedResource as Resource,
} from '../account/documentFacts';
import { resourceCard, summaryOf } from '../account/resourceText';
import type { AccountResources, ResourceKind } from '../account/snapshot';
import { tunnelCard, tunnelSummary } from '../account/tunnelText';
import type { Lang } from '../types';

/** The account's items for a completion request, and whether a lookup of the region is still under way. */
export interface AccountCompletion {
  items: CompletionItem[];
  /** True when the cursor is on an id field but the region's resources have not arrived yet. */
  incomplete: boolean;
}

const NOTHING: AccountCompletion = { items: [], incomplete: false };

/** Account items for the value under the cursor; none unless it is an id field and the region's snapshot is known. */
export function accountCompletion(
  request: ItemContext,
  value: unknown,
  account: AccountResources | undefined,
): AccountCompletion {
  const kind = request.context.position === 'value' ? kindAt(request.context.path) : undefined;
  if (!kind || !account) return NOTHING;
  const view = accountViewOf(value, account);
  if (!view) return { items: [], incomplete: account.loading(documentRegion(value)) };
  return {
    items: offers(kind, view, request.lang).map((offer, index) => itemOf(request, offer, index)),
    incomplete: false,
  };
}

/** The kind of resource whose id a path holds: an id field's, or the tunnel's for the file's VpnConnectionId. */
function kindAt(path: readonly (string | number)[]): ResourceKind | undefined {
  return isTunnelIdPath(path) ? 'connections' : idKindAt(path);
}

/** One resource offered: its id, the one-line summary and the Markdown card. */
interface Offer {
  id: string;
  summary: string;
  card: string;
}

/** What the account offers for a kind, best first. */
function offers(kind: ResourceKind, view: AccountView, lang: Lang): Offer[] {
  if (kind === 'connections') {
    return tunnelCandidates(view).map((tunnel) => ({
      id: tunnel.id,
      summary: tunnelSummary(tunnel),
      card: tunnelCard(tunnel, view.snapshot, lang),
    }));
  }
  return candidates(kind, view).map((resource) => ({
    id: resource.id,
    summary: summaryOf(kind, resource, lang),
    card: resourceCard(kind, resource, view.snapshot.region, lang),
  }));
}

/** The region's tunnels, those of the file's VPN gateway first (each group in the snapshot's order). */
function tunnelCandidates(view: AccountView) {
  const gatewayId = view.doc.VpnGatewayId;
  const connections = view.snapshot.connections;
  return [...connections].sort((a, b) => Number(b.vpnGatewayId === gatewayId) - Number(a.vpnGatewayId === gatewayId));
}

/** The account's items first, then the schema's items whose id the account did not already offer. */
export function mergeAccountItems(account: CompletionItem[], schema: CompletionItem[]): CompletionItem[] {
  const offered = new Set(account.map((item) => item.label));
  return [...account, ...schema.filter((item) => !offered.has(item.label))];
}

/** The resources worth offering, best first: SSL gateways take no IPsec tunnels; the gateway's own VPC leads. */
function candidates(kind: IdKind, view: AccountView): Resource[] {
  if (kind === 'vpnGateways') return view.snapshot.vpnGateways.filter((gateway) => !gateway.type.startsWith('SSL'));
  if (kind === 'customerGateways') return view.snapshot.customerGateways;
  const ownVpc = view.gateway?.vpcId;
  return [...view.snapshot.vpcs].sort((a, b) => Number(b.id === ownVpc) - Number(a.id === ownVpc));
}

function itemOf(request: ItemContext, offer: Offer, index: number): CompletionItem {
  const { context, kind: language } = request;
  const newText = language === 'json' ? `${JSON.stringify(offer.id)}${context.suffix}` : yamlScalar(offer.id);
  return snippetItem(request, offer.id, newText, {
    kind: CompletionItemKind.Reference,
    labelDetails: { description: offer.summary },
    detail: offer.summary,
    documentation: { kind: MarkupKind.Markdown, value: offer.card },
    // "!" sorts before the schema items' "000…", so the account's own ids come first.
    sortText: `!${String(index).padStart(3, '0')}`,
    filterText: language === 'json' && context.quoted ? JSON.stringify(offer.id) : offer.id,
    insertTextFormat: InsertTextFormat.PlainText,
  });
}
