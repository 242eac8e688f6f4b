/**
 * strongSwan's side of the tunnel as a swanctl.conf: one connection with the file's IKE proposal, lifetimes,
 * identities and DPD, one CHILD_SA per SPD mapping (policy-based) or one 0.0.0.0/0 CHILD_SA bound to an XFRM
 * interface (route-based), and the PSK in the secrets section. Syntax: swanctl.conf(5), strongSwan 5.9.
 */
import type { PeerContext, PeerIdentity } from '../context';
import { espKeywords, ikeKeywords, isAead } from '../keywords';
import { selectorPairs } from '../addressing';
import { soft, summaryLines } from '../summary';

const INDENT = '    ';

function ikeProposal(context: PeerContext): string {
  const ike = ikeKeywords(context);
  // AEAD (GCM) proposals name a PRF instead of an integrity algorithm.
  const middle = isAead(context.tunnel.ike.cipher) ? ike.prf : ike.integrity;
  return [ike.cipher, middle, ike.dh].join('-');
}

function espProposal(context: PeerContext): string {
  const esp = espKeywords(context);
  return [esp.cipher, esp.integrity, esp.pfs].filter((part) => part !== undefined).join('-');
}

function ikeLines(context: PeerContext): string[] {
  const { tunnel } = context;
  const lines = [
    `version = ${tunnel.ikeVersion === 'IKEV2' ? 2 : 1}`,
    `local_addrs = ${context.peerAddress}`,
    `remote_addrs = ${context.cloudAddress}`,
    `proposals = ${ikeProposal(context)}`,
  ];
  if (tunnel.ikeVersion === 'IKEV1') {
    lines.push(`aggressive = ${tunnel.exchangeMode === 'AGGRESSIVE' ? 'yes' : 'no'}`);
    // IKEv1 has no IKE rekeying: the ISAKMP SA is reauthenticated at the lifetime.
    lines.push(`reauth_time = ${tunnel.ike.lifetimeSeconds}s`);
  } else {
    lines.push(`rekey_time = ${tunnel.ike.lifetimeSeconds}s`);
  }
  if (tunnel.dpd.enabled) {
    // Three probes within the cloud's DPD timeout; dpd_timeout applies to IKEv1 only (IKEv2 uses retransmits).
    lines.push(`dpd_delay = ${Math.max(1, Math.round(tunnel.dpd.timeoutSeconds / 3))}s`);
    if (tunnel.ikeVersion === 'IKEV1') lines.push(`dpd_timeout = ${tunnel.dpd.timeoutSeconds}s`);
  }
  return lines;
}

function authLines(side: 'local' | 'remote', identity: PeerIdentity): string[] {
  return [`${side} {`, `${INDENT}auth = psk`, `${INDENT}id = ${identity.value}`, '}'];
}

function startAction(context: PeerContext): string {
  return { active: 'none', passive: 'start', flowTrigger: 'trap' }[context.tunnel.negotiation];
}

function childLines(context: PeerContext, name: string, localTs: string, remoteTs: string): string[] {
  const { tunnel } = context;
  const bytes = tunnel.esp.lifetimeKilobytes * 1024;
  const lines = [
    `${name} {`,
    `${INDENT}local_ts = ${localTs}`,
    `${INDENT}remote_ts = ${remoteTs}`,
    `${INDENT}esp_proposals = ${espProposal(context)}`,
    `${INDENT}rekey_time = ${soft(tunnel.esp.lifetimeSeconds)}s`,
    `${INDENT}life_time = ${tunnel.esp.lifetimeSeconds}s`,
    `${INDENT}rekey_bytes = ${soft(bytes)}`,
    `${INDENT}life_bytes = ${bytes}`,
  ];
  // The XFRM interface id of a route-based tunnel (if_id_in/out and `ip link add … if_id`): the tunnel's slot.
  if (tunnel.routeBased) lines.push(`${INDENT}if_id_in = ${context.slot}`, `${INDENT}if_id_out = ${context.slot}`);
  if (tunnel.dpd.enabled) lines.push(`${INDENT}dpd_action = ${tunnel.dpd.action}`);
  lines.push(`${INDENT}start_action = ${startAction(context)}`, '}');
  return lines;
}

function childrenLines(context: PeerContext): string[] {
  if (context.tunnel.routeBased) return childLines(context, context.name, '0.0.0.0/0', '0.0.0.0/0');
  // Each SPD mapping is its own CHILD_SA: IKEv1 negotiates one selector pair per SA, and Tencent one per mapping.
  const pairs = selectorPairs(context);
  return pairs.flatMap((pair, index) => childLines(context, `${context.name}-${index + 1}`, pair.local, pair.remote));
}

function indent(lines: string[], depth = 1): string[] {
  return lines.map((line) => (line === '' ? line : INDENT.repeat(depth) + line));
}

/** Shell commands for what swanctl.conf cannot say: the XFRM interface, the routes, BGP, the health check. */
function hostLines(context: PeerContext): string[] {
  const lines: string[] = [];
  const device = `xfrm${context.slot}`;
  if (context.tunnel.routeBased) {
    lines.push('Route-based: create the XFRM interface the CHILD_SA is bound to (if_id), then route into it:');
    lines.push(`  ip link add ${device} type xfrm if_id ${context.slot}`, `  ip link set ${device} up`);
    if (context.bgp) {
      lines.push(`  ip address add ${context.bgp.peerInside}/${context.bgp.prefix} dev ${device}`);
    } else {
      for (const block of context.cloudBlocks) lines.push(`  ip route add ${block} dev ${device}`);
    }
  }
  if (context.bgp) {
    lines.push('BGP (FRRouting, frr.conf): peer with the Tencent Cloud VPN gateway over the tunnel:');
    lines.push(
      `  router bgp ${context.bgp.peerAsn}`,
      `   neighbor ${context.bgp.cloudInside} remote-as ${context.bgp.cloudAsn}`,
      '   address-family ipv4 unicast',
      `    neighbor ${context.bgp.cloudInside} activate`,
      '   exit-address-family',
    );
  }
  if (context.healthCheckAddress) {
    const where = context.tunnel.routeBased ? device : 'lo';
    lines.push(
      "Health check: answer Tencent Cloud's probes on this address (inside the selectors for a policy-based tunnel):",
    );
    lines.push(`  ip address add ${context.healthCheckAddress}/32 dev ${where}`);
  }
  return lines;
}

/** The swanctl.conf text. */
export function strongswanConfig(context: PeerContext): string {
  const connection = [
    ...ikeLines(context),
    ...authLines('local', context.localId),
    ...authLines('remote', context.remoteId),
    'children {',
    ...indent(childrenLines(context)),
    '}',
  ];
  const secrets = [
    `ike-${context.name} {`,
    `${INDENT}id-1 = ${context.localId.value}`,
    `${INDENT}id-2 = ${context.remoteId.value}`,
    `${INDENT}secret = ${context.psk}`,
    '}',
  ];
  const notes = hostLines(context);
  return [
    ...summaryLines(context, context.tunnel.routeBased ? `if_id ${context.slot}` : undefined).map(
      (line) => `# ${line}`,
    ),
    ...(context.tunnel.ikeVersion === 'IKEV1' && context.tunnel.exchangeMode === 'AGGRESSIVE'
      ? [
          '# Aggressive Mode with a PSK: as responder, strongSwan needs',
          '# charon.i_dont_care_about_security_and_use_aggressive_mode_psk = yes in strongswan.conf.',
        ]
      : []),
    '',
    'connections {',
    ...indent([`${context.name} {`, ...indent(connection), '}']),
    '}',
    '',
    'secrets {',
    ...indent(secrets),
    '}',
    ...(notes.length > 0 ? ['', ...notes.map((line) => `# ${line}`)] : []),
    '',
  ].join('\n');
}
