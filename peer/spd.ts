/**
 * The file's SPD as the peer writes it. Every block goes through the address library (language/values/ip.ts):
 * a block that is not an IPv4 CIDR is a problem naming its parameter, with a placeholder in its place in the text
 * (never the text as it came, which a device would reject or read as something else); a block with host bits set,
 * or written otherwise than its canonical form, is written as its network with a note. Read from the parameters
 * as language/peer/tunnel.ts reads them (a rule without a LocalCidrBlock string, or an entry that is no string, is
 * the schema's to report), so the pairs are the tunnel's, with each block's parameter known.
 */
import { networkText, parseCidr } from '../language/values/ip';
import { arrayAt, isRecord, stringAt } from '../language/values/values';
import type { PeerProblem } from '../language/peer/problems';
import type { SelectorPair } from '../language/peer/tunnel';
import { PLACEHOLDERS } from './placeholders';

export interface CheckedSpd {
  selectors: SelectorPair[];
  problems: PeerProblem[];
  /** Sentences on blocks written otherwise than the file has them (their network). */
  notes: string[];
}

/** "<parameter> "<text>" is not <what>: the configuration has <placeholder> in its place." */
export function malformed(
  parameter: string,
  text: unknown,
  what: { en: string; zh: string },
  placeholder: string,
): PeerProblem {
  const shown = JSON.stringify(typeof text === 'string' ? text : String(text));
  return {
    parameter,
    message: {
      en: `${parameter} ${shown} is not ${what.en}: the configuration has ${placeholder} in its place.`,
      zh: `${parameter} ${shown} 不是${what.zh}：配置中以 ${placeholder} 代替。`,
    },
  };
}

const BLOCK = { en: 'an IPv4 CIDR block such as 10.0.0.0/16', zh: ' IPv4 网段（例如 10.0.0.0/16）' };

/** One block as written, or the placeholder with a problem; a note when it is written otherwise. */
function checkedBlock(text: string, parameter: string, placeholder: string, found: CheckedSpd): string {
  const cidr = parseCidr(text);
  if (!cidr) {
    found.problems.push(malformed(parameter, text, BLOCK, placeholder));
    return placeholder;
  }
  const network = networkText(cidr);
  if (network !== text) {
    const why = cidr.hostBits ? 'has host bits set' : 'is not in canonical form';
    found.notes.push(`${parameter} "${text}" ${why}: this configuration writes its network ${network}.`);
  }
  return network;
}

/** The SPD's pairs (peer block, cloud block), each block checked, with the problems and notes. */
export function checkedSpd(params: Record<string, unknown>): CheckedSpd {
  const found: CheckedSpd = { selectors: [], problems: [], notes: [] };
  (arrayAt(params, 'SecurityPolicyDatabases') ?? []).forEach((rule, index) => {
    const local = isRecord(rule) ? stringAt(rule, 'LocalCidrBlock') : undefined;
    if (!isRecord(rule) || !local) return;
    const path = `SecurityPolicyDatabases.${index}`;
    const cloud = checkedBlock(local, `${path}.LocalCidrBlock`, PLACEHOLDERS.vpcCidr, found);
    (arrayAt(rule, 'RemoteCidrBlock') ?? []).forEach((remote, position) => {
      if (typeof remote !== 'string') return;
      const peer = checkedBlock(remote, `${path}.RemoteCidrBlock.${position}`, PLACEHOLDERS.idcCidr, found);
      found.selectors.push({ cloud, peer });
    });
  });
  return found;
}
