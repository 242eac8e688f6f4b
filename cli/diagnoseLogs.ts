/**
 * The diagnosis behind `tcvpn diagnose` (cli/diagnose.ts): lab/diagnose.ts on the two logs, and, when only the IDC
 * peer's log is given, what the cloud's answer as the peer logged it tells — a refused proposal compared with the
 * cloud's own as the lab models it from the file (lab/tunnelSpec.ts), IKEv1's INVALID_ID_INFORMATION read as the
 * selectors, and an AUTHENTICATION_FAILED answer that may be the identities as well as the key.
 */
import type { Localized } from '../language';
import { diagnose, type Diagnosis, type HandshakeLogs } from '../lab/diagnose';
import { describeMismatch, proposalMismatches } from '../lab/proposalMismatch';
import { tunnelSpecOf, type TunnelSpec } from '../lab/tunnelSpec';

const IKE_PARAMETERS = ['PropoEncryAlgorithm', 'PropoAuthenAlgorithm', 'DhGroupName'].map(
  (name) => `IKEOptionsSpecification.${name}`,
);
const ESP_PARAMETERS = ['EncryptAlgorithm', 'IntegrityAlgorith', 'PfsDhGroup'].map(
  (name) => `IPSECOptionsSpecification.${name}`,
);

/** The cloud's own proposal line for the file, as charon would log it ("IKE:AES_CBC_128/…/MODP_2048"). */
function cloudProposal(spec: TunnelSpec, protocol: 'IKE' | 'ESP'): string {
  const { ike, esp } = spec;
  const tokens =
    protocol === 'IKE'
      ? [ike.encryption.token, ike.encryption.saName.includes('GCM') ? '' : ike.integrity.token, ike.integrity.prfToken]
      : [esp.encryption.token, esp.integrity?.token ?? '', esp.pfs.token, 'NO_EXT_SEQ'];
  if (protocol === 'IKE') tokens.push(ike.dh.token);
  return `${protocol}:${tokens.filter(Boolean).join('/')}`;
}

/**
 * The cloud refused the peer's proposal and only the peer's log is given: the peer's "configured proposals" line
 * after the NO_PROPOSAL_CHOSEN answer against the cloud's proposal for the file.
 */
function refusedProposal(peerLog: string, params: Record<string, unknown>): Diagnosis[] {
  const lines = peerLog.split('\n');
  const at = lines.map((line) => /received NO_PROPOSAL_CHOSEN/.test(line)).lastIndexOf(true);
  const own = lines.slice(at + 1).find((line) => line.includes('configured proposals: '));
  const { spec } = tunnelSpecOf(params);
  if (at === -1 || !own || !spec) return [];
  const offered = own.split('configured proposals: ')[1].trim();
  const cloud = cloudProposal(spec, offered.startsWith('ESP') ? 'ESP' : 'IKE');
  const evidence = [`peer: ${lines[at].replace(/^\S+ \d+\[\w+\] /, '')}`, `peer: configured proposals: ${offered}`];
  evidence.push(`file (the cloud's proposal, as the lab models it): ${cloud}`);
  return proposalMismatches(offered, cloud, 'cloud', spec.esp.integrityField).map((mismatch) => ({
    cause: 'proposal',
    parameters: [mismatch.parameter],
    message: describeMismatch(mismatch),
    evidence,
  }));
}

function answeredOnly(evidence: string[], pattern: RegExp): boolean {
  return evidence.length > 0 && evidence.every((line) => line.startsWith('peer: ') && pattern.test(line));
}

const AUTH_OR_IDENTITY: Localized = {
  en: " Only the peer device's log was given, and it holds only the cloud's answer (AUTHENTICATION_FAILED): identities that do not match give the same answer, so check IKEOptionsSpecification.LocalIdentity / RemoteIdentity on the device too (its local is the file's remote).",
  zh: '仅提供了对端设备的日志，其中只有云端的回应（AUTHENTICATION_FAILED）：身份标识不一致也会得到同样的回应，请同时核对设备上的 IKEOptionsSpecification.LocalIdentity / RemoteIdentity（设备的本端即文件的对端）。',
};

const SELECTORS_ANSWER: Diagnosis = {
  cause: 'selectors',
  parameters: ['SecurityPolicyDatabases'],
  message: {
    en: "The cloud refused the peer device's traffic selectors (INVALID_ID_INFORMATION): the device's local and remote networks must be the file's SecurityPolicyDatabases mirrored (its local = RemoteCidrBlock, its remote = LocalCidrBlock).",
    zh: '云端拒绝了对端设备的感兴趣流（INVALID_ID_INFORMATION）：设备的本端与对端网段必须与文件的 SecurityPolicyDatabases 互为镜像（设备本端 = RemoteCidrBlock，设备对端 = LocalCidrBlock）。',
  },
  evidence: [],
};

/** The words of a failure not recognised (lab/diagnose.ts's speak of the lab). */
const UNKNOWN: Record<'peerOnly' | 'both', Localized> = {
  peerOnly: {
    en: "The handshake failed for a reason tcvpn does not recognise from the peer device's log alone; the lines below are its own.",
    zh: '仅凭对端设备的日志无法识别协商失败的原因；以下为其原始日志。',
  },
  both: {
    en: "The handshake failed for a reason tcvpn does not recognise; the lines below are the daemons' own.",
    zh: '协商失败，原因无法识别；以下为两端守护进程的原始日志。',
  },
};

/** The diagnosis of a peer's log alone: what the cloud's answer, as the peer logged it, tells (module comment). */
function peerOnly(found: Diagnosis[], peerLog: string, params: Record<string, unknown>): Diagnosis[] {
  const [first] = found;
  if (first.cause === 'pre-shared-key' && answeredOnly(first.evidence, /received AUTHENTICATION_FAILED/))
    return [
      {
        ...first,
        parameters: [
          ...first.parameters,
          'IKEOptionsSpecification.RemoteIdentity',
          'IKEOptionsSpecification.LocalIdentity',
        ],
        message: { en: first.message.en + AUTH_OR_IDENTITY.en, zh: first.message.zh + AUTH_OR_IDENTITY.zh },
      },
    ];
  if (first.cause !== 'unknown' || !first.evidence.length) return found;
  const refused = refusedProposal(peerLog, params);
  if (refused.length) return refused;
  const invalidId = first.evidence.filter((line) => /received INVALID_ID_INFORMATION/.test(line));
  if (invalidId.length) return [{ ...SELECTORS_ANSWER, evidence: invalidId }];
  const refusal = first.evidence.filter((line) => /NO_PROPOSAL_CHOSEN/.test(line)).pop();
  if (refusal)
    return [
      { ...first, cause: 'proposal', parameters: /no CHILD_SA built/.test(refusal) ? ESP_PARAMETERS : IKE_PARAMETERS },
    ];
  return [{ ...first, message: UNKNOWN.peerOnly }];
}

/** The failures the logs show; none when lab/diagnose.ts finds not even an error line. */
export function diagnoseLogs(logs: HandshakeLogs, params: Record<string, unknown>, cloudGiven: boolean): Diagnosis[] {
  const found = diagnose(logs, params);
  if (found.length === 1 && found[0].cause === 'unknown' && !found[0].evidence.length) return [];
  if (!cloudGiven) return peerOnly(found, logs.peer, params);
  return found[0].cause === 'unknown' ? [{ ...found[0], message: UNKNOWN.both }] : found;
}
