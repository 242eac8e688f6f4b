/**
 * A lab run as text for a person: the SAs each end lists, the pings, the diagnosis in the user's language and
 * the timings. `npm run tunnel-lab` prints it; the tests print the timings line.
 */
import type { Lang } from '../language';
import type { Algorithms, IkeSa } from './negotiated';
import type { LabResult } from './run';

const algorithmsText = (a: Algorithms) =>
  [a.encryption, a.integrity, a.prf, a.dh ?? (a.prf === undefined ? 'no PFS' : undefined)].filter(Boolean).join('/');

function saLines(side: string, sas: IkeSa[]): string[] {
  if (!sas.length) return [`  ${side}: no IKE SA`];
  return sas.flatMap((sa) => [
    `  ${side}: IKEv${sa.version} ${sa.name} ${sa.state}${sa.initiator ? ' (initiator)' : ''} ${sa.localId} ⇄ ${sa.remoteId}: ${algorithmsText(sa.algorithms)}`,
    ...sa.children.map(
      (child) =>
        `    CHILD ${child.name} ${child.state}: ${algorithmsText(child.algorithms)} ${child.localTs.join(',')} === ${child.remoteTs.join(',')}`,
    ),
  ]);
}

/** "network 52 ms, daemons 26 ms, …, total 300 ms". */
export function timingsLine(timings: Record<string, number>): string {
  const total = Object.values(timings).reduce((sum, ms) => sum + ms, 0);
  return [...Object.entries(timings).map(([step, ms]) => `${step} ${ms} ms`), `total ${total} ms`].join(', ');
}

/** The whole report. */
export function reportText(result: LabResult, lang: Lang): string {
  const lines = [
    result.established ? 'tunnel: UP' : 'tunnel: DOWN',
    `initiator: ${result.initiator === 'cloud' ? 'the Tencent side' : 'the peer device'}`,
    'SAs:',
    ...saLines('cloud', result.cloudSas),
    ...saLines('peer ', result.peerSas),
  ];
  if (result.probes.length) lines.push('ping (from the cloud namespace):');
  for (const probe of result.probes)
    lines.push(
      `  ${probe.from} → ${probe.to}: ${probe.received}/${probe.sent} replies, ${probe.intoDevice} packets into ipsec0, ` +
        `${probe.tunnelPackets} through the tunnel ` +
        `(expected ${probe.expect === 'through-tunnel' ? 'through the tunnel' : 'refused by the selectors'}): ${probe.asExpected ? 'ok' : 'WRONG'}`,
    );
  for (const diagnosis of result.diagnosis) {
    lines.push(`diagnosis: ${diagnosis.message[lang]}`);
    lines.push(...diagnosis.evidence.map((line) => `  ${line}`));
  }
  lines.push(`timings: ${timingsLine(result.timings)}`);
  return lines.join('\n');
}
