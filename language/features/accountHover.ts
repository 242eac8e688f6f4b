/**
 * Hover on a VpnGatewayId, CustomerGatewayId or VpcId value: the resource's card from the account (name, IP,
 * type, version, state, BGP ASN), or a line saying it is not in the document's region and where it is instead.
 */
import type { JsonPath, Lang } from '../types';
import { accountViewOf, findResource, idKindAt } from '../account/documentFacts';
import { kindTitle, resourceCard } from '../account/resourceText';
import type { AccountResources } from '../account/snapshot';

/** The Markdown to show above the parameter's documentation, or undefined when the account has nothing to add. */
export function accountHoverMarkdown(
  value: unknown,
  path: JsonPath,
  id: unknown,
  account: AccountResources | undefined,
  lang: Lang,
): string | undefined {
  const kind = idKindAt(path);
  if (!kind || typeof id !== 'string' || !id) return undefined;
  const view = accountViewOf(value, account);
  if (!view || !account) return undefined;
  const region = view.snapshot.region;
  const resource = findResource(view.snapshot, kind, id);
  if (resource) return resourceCard(kind, resource, region, lang);
  const elsewhere = account.locate(kind, id, region);
  const title = kindTitle(kind, lang);
  if (lang === 'zh') return `⚠ 地域 ${region} 中没有${title} \`${id}\`${elsewhere ? `；它位于 ${elsewhere}` : ''}。`;
  return `⚠ No ${title} \`${id}\` in ${region}${elsewhere ? `; it exists in ${elsewhere}` : ''}.`;
}
