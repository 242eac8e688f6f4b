/**
 * Completion of VpnGatewayId, CustomerGatewayId and VpcId from the account: the resources of the document's
 * region, labelled with name, public IP, type and state. Items are spelled exactly as the schema's value items
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
  type AccountView,
  type IdKind,
  type NamedResource as Resource,
} from '../account/documentFacts';
import { resourceCard, summaryOf } from '../account/resourceText';
import type { AccountResources } from '../account/snapshot';

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
  const kind = request.context.position === 'value' ? idKindAt(request.context.path) : undefined;
  if (!kind || !account) return NOTHING;
  const view = accountViewOf(value, account);
  if (!view) return { items: [], incomplete: account.loading(documentRegion(value)) };
  return {
    items: candidates(kind, view).map((resource, index) => itemOf(request, kind, resource, view, index)),
    incomplete: false,
  };
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

function itemOf(
  request: ItemContext,
  kind: IdKind,
  resource: Resource,
  view: AccountView,
  index: number,
): CompletionItem {
  const { context, kind: language, lang } = request;
  const newText = language === 'json' ? `${JSON.stringify(resource.id)}${context.suffix}` : yamlScalar(resource.id);
  const summary = summaryOf(kind, resource, lang);
  return snippetItem(request, resource.id, newText, {
    kind: CompletionItemKind.Reference,
    labelDetails: { description: summary },
    detail: summary,
    documentation: { kind: MarkupKind.Markdown, value: resourceCard(kind, resource, view.snapshot.region, lang) },
    // "!" sorts before the schema items' "000…", so the account's own ids come first.
    sortText: `!${String(index).padStart(3, '0')}`,
    filterText: language === 'json' && context.quoted ? JSON.stringify(resource.id) : resource.id,
    insertTextFormat: InsertTextFormat.PlainText,
  });
}
