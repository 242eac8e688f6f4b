/**
 * The one finding of an id the document's region does not hold (ResourceNotFound): the message names where it is
 * instead, when the account knows, with the fix that sets Region there. Used by the existence rules of the ids a
 * document names (existenceRules.ts) and of the tunnel a file names by VpnConnectionId (namedTunnelRules.ts).
 */
import type { ResourceKind } from '../../account/snapshot';
import { kindTitle } from '../../account/resourceText';
import type { Report } from '../rule';

export function reportNotInRegion(
  report: Report,
  key: string,
  kind: ResourceKind,
  id: string,
  region: string,
  elsewhere: string | undefined,
): void {
  const fix = elsewhere && {
    kind: 'addProperties' as const,
    path: [],
    properties: { Region: elsewhere },
    title: { en: `Set Region to ${elsewhere}`, zh: `将 Region 改为 ${elsewhere}` },
  };
  report(
    [key],
    'value',
    {
      en: `${kindTitle(kind, 'en')} ${id} does not exist in ${region}${elsewhere ? `; it exists in ${elsewhere}` : ''}.`,
      zh: `地域 ${region} 中不存在 ${kindTitle(kind, 'zh')} ${id}${elsewhere ? `；它位于 ${elsewhere}` : ''}。`,
    },
    fix ? [fix] : undefined,
  );
}
