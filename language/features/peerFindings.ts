/**
 * The peer-device capability check as findings: when the user has chosen a peer vendor for the file (a
 * `# tcvpn-peer:` comment or the setting), each thing that vendor cannot do of what the document asks is a warning
 * on the parameter (the same PeerProblem `tcvpn peer-config` prints). The code names the vendor
 * (`peer-<vendor>-unsupported`); the rule id `peer-unsupported` silences them all, as any rule id does.
 */
import type { RuleFinding } from '../types';
import { isRecord } from '../values/values';
import { peerProblems } from '../peer/problems';
import { readTunnel } from '../peer/tunnel';
import type { VendorProfile } from '../peer/vendor';

export const PEER_RULE_ID = 'peer-unsupported';

/** The findings of one document's value against the chosen vendor; none for a value that is not an object. */
export function peerFindings(value: unknown, profile: VendorProfile): RuleFinding[] {
  if (!isRecord(value)) return [];
  return peerProblems(readTunnel(value), profile).map((problem) => ({
    ruleId: PEER_RULE_ID,
    code: `peer-${profile.id}-unsupported`,
    severity: 'warning',
    message: problem.message,
    path: problem.parameter.split('.'),
    // No documentation link: the rules page has no section for it (the keywords are in docs/peer-devices.md).
    target: 'value',
  }));
}
