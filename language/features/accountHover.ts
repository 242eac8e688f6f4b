/**
 * Hover on a VpnGatewayId, CustomerGatewayId or VpcId value: the resource's card from the account (name, IP,
 * type, version, state, BGP ASN), or a line saying it is not in the document's region and where it is instead.
 * Hover on a file's `VpnConnectionId` value: the live tunnel's card (state, created time, net status, route type,
 * gateways, VPC), or the same line when the account has no such tunnel there.
 */
import type { JsonPath, Lang } from '../types';
import { accountViewOf, findResource, idKindAt, isTunnelIdPath, type AccountView } from '../account/documentFacts';
import { kindTitle, resourceCard } from '../account/resourceText';
import type { AccountResources, ResourceKind } from '../account/snapshot';
import { tunnelCard } from '../account/tunnelText';

/** The Markdown to show above the parameter's documentation, or undefined when the account has nothing to add. */
export function accountHoverMarkdown(
  value: unknown,
  path: JsonPath,
  id: unknown,
  account: AccountResources | undefined,
  lang: Lang,
): string | undefined {
  const kind: ResourceKind | undefined = isTunnelIdPath(path) ? 'connections' : idKindAt(path);
  if (!kind || typeof id !== 'string' || !id) return undefined;
  const view = accountViewOf(value, account);
  if (!view || !account) return undefined;
  const card = cardOf(view, kind, id, lang);
  if (card) return card;
  const region = view.snapshot.region;
  const elsewhere = account.locate(kind, id, region);
  const title = kindTitle(kind, lang);
  if (lang === 'zh') return `⚠ 地域 ${region} 中没有${title} \`${id}\`${elsewhere ? `；它位于 ${elsewhere}` : ''}。`;
  return `⚠ No ${title} \`${id}\` in ${region}${elsewhere ? `; it exists in ${elsewhere}` : ''}.`;
}

/** The card of the resource with this id in the document's region, if the snapshot has it. */
function cardOf(view: AccountView, kind: ResourceKind, id: string, lang: Lang): string | undefined {
  if (kind === 'connections') {
    const tunnel = view.snapshot.connections.find((item) => item.id === id);
    return tunnel && tunnelCard(tunnel, view.snapshot, lang);
  }
  const resource = findResource(view.snapshot, kind, id);
  return resource && resourceCard(kind, resource, view.snapshot.region, lang);
}
