/**
 * Why a handshake failed, from the two daemons' logs, named as the file's parameter that disagrees, in English
 * and Chinese. Product code: the lab reports it, and `tcvpn` can explain a real tunnel's logs the same way.
 * The causes are recognised by the lines charon writes (strongSwan 5.9): proposals (NO_PROPOSAL_CHOSEN with the
 * responder's received/configured lines → proposalMismatch.ts), identities (no matching peer config, an identity
 * constraint, no key for the pair of identities), the pre-shared key (MAC mismatched, IKEv1's undecryptable
 * message), traffic selectors (TS_UNACCEPTABLE → SecurityPolicyDatabases), aggressive mode refused, no answer.
 */
import type { Localized } from '../language';
import { describeMismatch, proposalMismatches, type Responder } from './proposalMismatch';

/** One cause of a failure. */
export interface Diagnosis {
  cause: 'proposal' | 'identity' | 'pre-shared-key' | 'selectors' | 'exchange-mode' | 'no-answer' | 'unknown';
  /** The file's parameters to look at, most likely first. */
  parameters: string[];
  message: Localized;
  /** The log lines this rests on, prefixed with the end that wrote them. */
  evidence: string[];
}

/** The two ends' logs. */
export interface HandshakeLogs {
  cloud: string;
  peer: string;
}

type Params = Record<string, unknown>;

/** What the logs say went wrong; `params` are the file's (the cloud side's) parameters. */
export function diagnose(logs: HandshakeLogs, params: Params = {}): Diagnosis[] {
  for (const find of [proposals, exchangeMode, identities, preSharedKey, selectors, noAnswer]) {
    const found = find(logs, params);
    if (found.length) return found;
  }
  return [unknownCause(logs)];
}

/** Lines of either log matching `pattern`, as "cloud: …" / "peer: …". */
function linesMatching(logs: HandshakeLogs, pattern: RegExp): Array<{ side: Responder; line: string }> {
  return (['cloud', 'peer'] as const).flatMap((side) =>
    logs[side]
      .split('\n')
      .filter((line) => pattern.test(line))
      .map((line) => ({ side, line: line.replace(/^\S+ \d+\[\w+\] /, '') })),
  );
}

const evidenceOf = (found: Array<{ side: string; line: string }>) => found.map(({ side, line }) => `${side}: ${line}`);

function proposals(logs: HandshakeLogs, params: Params): Diagnosis[] {
  const ipsec = (params.IPSECOptionsSpecification ?? {}) as Params;
  const integrityField = 'IntegrityAlgorithm' in ipsec ? 'IntegrityAlgorithm' : 'IntegrityAlgorith';
  // At cfg level 2 charon logs the pair for every selection, matched or not: the last pair that differs counts.
  for (const { side, received, configured } of proposalPairs(logs).reverse()) {
    const mismatches = proposalMismatches(received, configured, side, integrityField);
    const evidence = [`${side}: received proposals: ${received}`, `${side}: configured proposals: ${configured}`];
    if (mismatches.length)
      return mismatches.map((mismatch) => ({
        cause: 'proposal',
        parameters: [mismatch.parameter],
        message: describeMismatch(mismatch),
        evidence,
      }));
  }
  return [];
}

/** Every "received proposals" line followed by a "configured proposals" line, in both logs. */
function proposalPairs(logs: HandshakeLogs): Array<{ side: Responder; received: string; configured: string }> {
  return (['cloud', 'peer'] as const).flatMap((side) => {
    const lines = logs[side].split('\n');
    return lines.flatMap((line, index) => {
      const received = line.split('received proposals: ')[1];
      const configured = lines[index + 1]?.split('configured proposals: ')[1];
      return received && configured ? [{ side, received, configured }] : [];
    });
  });
}

function exchangeMode(logs: HandshakeLogs): Diagnosis[] {
  const found = linesMatching(logs, /Aggressive Mode PSK disabled/);
  if (!found.length) return [];
  return [
    {
      cause: 'exchange-mode',
      parameters: ['IKEOptionsSpecification.ExchangeMode'],
      message: {
        en: 'The responder refuses IKEv1 aggressive mode with a pre-shared key. Use ExchangeMode MAIN, or allow aggressive mode on the device (strongSwan: charon.i_dont_care_about_security_and_use_aggressive_mode_psk).',
        zh: '响应方拒绝使用预共享密钥的 IKEv1 野蛮模式。请将 ExchangeMode 改为 MAIN，或在设备上允许野蛮模式（strongSwan：charon.i_dont_care_about_security_and_use_aggressive_mode_psk）。',
      },
      evidence: evidenceOf(found),
    },
  ];
}

const IDENTITY_FAILURES =
  /no matching peer config found|no peer config found|constraint check failed: identity|no shared key found for|IDir '.*' does not match/;

function identities(logs: HandshakeLogs, params: Params): Diagnosis[] {
  const found = linesMatching(logs, IDENTITY_FAILURES);
  if (!found.length) return [];
  const context = linesMatching(logs, /looking for (pre-shared key )?peer configs matching/);
  const ike = (params.IKEOptionsSpecification ?? {}) as Params;
  const field = (side: 'Local' | 'Remote') =>
    ike[`${side}Identity`] === 'FQDN' ? `${side}FqdnName` : `${side}Address`;
  const value = (side: 'Local' | 'Remote') => String(ike[field(side)] ?? '(the public IP)');
  const heard = presentedIdentity(context[context.length - 1]);
  const lead: Localized = !heard
    ? { en: 'The IKE identities do not match.', zh: 'IKE 身份标识不一致。' }
    : heard.side === 'peer'
      ? {
          en: `The peer device has no configuration for the identity the cloud presents, '${heard.id}' (the file's ${field('Local')}).`,
          zh: `对端设备没有与云端所用标识 '${heard.id}'（文件的 ${field('Local')}）相符的配置。`,
        }
      : {
          en: `The cloud received the identity '${heard.id}' from the peer device, but the file's ${field('Remote')} is '${value('Remote')}'.`,
          zh: `云端收到对端设备的标识 '${heard.id}'，但文件的 ${field('Remote')} 为 '${value('Remote')}'。`,
        };
  return [
    {
      cause: 'identity',
      parameters: ['IKEOptionsSpecification.RemoteIdentity', 'IKEOptionsSpecification.LocalIdentity'],
      message: {
        en:
          `${lead.en} The file says the cloud is ${field('Local')} = ${value('Local')} and the peer device is ${field('Remote')} = ${value('Remote')} ` +
          "(IKEOptionsSpecification.LocalIdentity / RemoteIdentity); the device must use the same two identities, swapped (its local is the file's remote).",
        zh:
          `${lead.zh}文件中云端为 ${field('Local')} = ${value('Local')}，对端设备为 ${field('Remote')} = ${value('Remote')}` +
          '（IKEOptionsSpecification.LocalIdentity / RemoteIdentity）；设备必须使用同样的两个标识，且本端与对端互换（设备的本端即文件的对端）。',
      },
      evidence: evidenceOf([...context, ...found]),
    },
  ];
}

/** From "… matching me[id]...other[id]": the identity the other end presented, and who logged it. */
function presentedIdentity(
  found: { side: Responder; line: string } | undefined,
): { side: Responder; id: string } | undefined {
  const id = found && /\.\.\.[^[\s]+\[([^\]]+)\]/.exec(found.line)?.[1];
  return found && id ? { side: found.side, id } : undefined;
}

const PSK_FAILURES =
  /MAC mismatched|invalid HASH_V1 payload length, decryption failed|calculated HASH does not match HASH payload|integrity check of .* failed|received AUTHENTICATION_FAILED/;

function preSharedKey(logs: HandshakeLogs): Diagnosis[] {
  const found = linesMatching(logs, PSK_FAILURES);
  if (!found.length) return [];
  return [
    {
      cause: 'pre-shared-key',
      parameters: ['PreShareKey'],
      message: {
        en: "Authentication failed: the two ends do not use the same pre-shared key (PreShareKey). Enter the file's key on the device exactly (case and trailing spaces count).",
        zh: '认证失败：两端的预共享密钥（PreShareKey）不一致。请在设备上准确填写文件中的密钥（区分大小写，注意末尾空格）。',
      },
      evidence: evidenceOf(found),
    },
  ];
}

function selectors(logs: HandshakeLogs): Diagnosis[] {
  const found = linesMatching(
    logs,
    /TS_UNACCEPTABLE|traffic selectors .* unacceptable|no matching CHILD_SA config found/,
  );
  if (!found.length) return [];
  return [
    {
      cause: 'selectors',
      parameters: ['SecurityPolicyDatabases'],
      message: {
        en: "The traffic selectors do not match: the device's local and remote networks must be the file's SecurityPolicyDatabases mirrored (its local = RemoteCidrBlock, its remote = LocalCidrBlock).",
        zh: '感兴趣流（流量选择器）不一致：设备的本端与对端网段必须与文件的 SecurityPolicyDatabases 互为镜像（设备本端 = RemoteCidrBlock，设备对端 = LocalCidrBlock）。',
      },
      evidence: evidenceOf(found),
    },
  ];
}

function noAnswer(logs: HandshakeLogs): Diagnosis[] {
  const found = linesMatching(logs, /giving up after \d+ retransmits|no IKE config found for/);
  if (!found.length) return [];
  return [
    {
      cause: 'no-answer',
      parameters: ['IKEOptionsSpecification.IKEVersion', 'IKEOptionsSpecification.RemoteAddress'],
      message: {
        en: "The other end did not take part in the exchange: check that both ends use the same IKE version (IKEOptionsSpecification.IKEVersion) and each other's public address.",
        zh: '对端未参与协商：请检查两端的 IKE 版本（IKEOptionsSpecification.IKEVersion）是否一致，以及双方的公网地址是否正确。',
      },
      evidence: evidenceOf(found),
    },
  ];
}

function unknownCause(logs: HandshakeLogs): Diagnosis {
  const found = linesMatching(logs, /failed|error|unacceptable|NO_PROPOSAL_CHOSEN/i).slice(-6);
  return {
    cause: 'unknown',
    parameters: [],
    message: {
      en: "The handshake failed for a reason the lab does not recognise; the lines below are the daemons' own.",
      zh: '协商失败，原因无法识别；以下为两端守护进程的原始日志。',
    },
    evidence: evidenceOf(found),
  };
}
