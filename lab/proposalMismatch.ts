/**
 * Reads a responder's "received proposals: …" and "configured proposals: …" lines (charon logs both when no
 * proposal matches) and says which transform differs: encryption, integrity (with its PRF) or the DH group, each
 * named as the file's parameter and in Tencent's words. Used by diagnose.ts.
 */
import type { Localized } from '../language';
import {
  ESP_ENCRYPTION,
  ESP_INTEGRITY,
  IKE_DH_GROUPS,
  IKE_ENCRYPTION,
  IKE_INTEGRITY,
  PFS_GROUPS,
  byToken,
  type Algorithm,
} from './strongswanNames';

/** The parts of a proposal the file sets. */
export type Transform = 'encryption' | 'integrity' | 'dh';

/** One transform that differs between the two ends. */
export interface TransformMismatch {
  protocol: 'IKE' | 'ESP';
  transform: Transform;
  /** The file's parameter, e.g. IKEOptionsSpecification.DhGroupName. */
  parameter: string;
  /** The tokens each end offers (charon's names). */
  cloud: string[];
  peer: string[];
}

/** Which end's proposals the responder calls "configured": the responder's own. */
export type Responder = 'cloud' | 'peer';

function transformOf(token: string): Transform | 'prf' | 'esn' {
  if (/^(MODP|ECP|CURVE|X25519|X448)/.test(token)) return 'dh';
  if (token.startsWith('PRF_')) return 'prf';
  if (/EXT_SEQ$/.test(token)) return 'esn';
  if (/^(HMAC_|AES_XCBC|AES_CMAC|AES_\d+_GMAC|CAMELLIA_XCBC)/.test(token)) return 'integrity';
  return 'encryption';
}

/** Parses "IKE:AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048, IKE:…" into tokens per transform. */
export function parseProposals(text: string): { protocol: string; tokens: Record<Transform, string[]> } {
  const tokens: Record<Transform, string[]> = { encryption: [], integrity: [], dh: [] };
  let protocol = '';
  for (const proposal of text.split(/,\s*/)) {
    const [name, body = ''] = proposal.trim().split(':');
    protocol ||= name;
    for (const token of body.split('/')) {
      const kind = transformOf(token);
      if (kind === 'prf' || kind === 'esn' || !token) continue;
      if (!tokens[kind].includes(token)) tokens[kind].push(token);
    }
  }
  return { protocol, tokens };
}

const PARAMETERS: Record<'IKE' | 'ESP', Record<Transform, string>> = {
  IKE: {
    encryption: 'IKEOptionsSpecification.PropoEncryAlgorithm',
    integrity: 'IKEOptionsSpecification.PropoAuthenAlgorithm',
    dh: 'IKEOptionsSpecification.DhGroupName',
  },
  ESP: {
    encryption: 'IPSECOptionsSpecification.EncryptAlgorithm',
    integrity: 'IPSECOptionsSpecification.IntegrityAlgorith',
    dh: 'IPSECOptionsSpecification.PfsDhGroup',
  },
};

/** The transforms that differ, from the responder's two lines. */
export function proposalMismatches(
  received: string,
  configured: string,
  responder: Responder,
  integrityField = 'IntegrityAlgorith',
): TransformMismatch[] {
  const ours = parseProposals(configured);
  const theirs = parseProposals(received);
  const protocol = ours.protocol === 'ESP' || ours.protocol === 'AH' ? 'ESP' : 'IKE';
  const transforms: Transform[] = ['encryption', 'integrity', 'dh'];
  return transforms
    .filter((transform) => {
      const a = ours.tokens[transform];
      const b = theirs.tokens[transform];
      return a.length + b.length > 0 && !a.some((token) => b.includes(token));
    })
    .map((transform) => ({
      protocol,
      transform,
      parameter:
        protocol === 'ESP' && transform === 'integrity'
          ? `IPSECOptionsSpecification.${integrityField}`
          : PARAMETERS[protocol][transform],
      cloud: responder === 'cloud' ? ours.tokens[transform] : theirs.tokens[transform],
      peer: responder === 'cloud' ? theirs.tokens[transform] : ours.tokens[transform],
    }));
}

const TABLES: Record<'IKE' | 'ESP', Record<Transform, readonly Algorithm[]>> = {
  IKE: { encryption: IKE_ENCRYPTION, integrity: IKE_INTEGRITY, dh: IKE_DH_GROUPS },
  ESP: { encryption: ESP_ENCRYPTION, integrity: ESP_INTEGRITY, dh: PFS_GROUPS },
};

const TRANSFORM_NAMES: Record<Transform, Localized> = {
  encryption: { en: 'encryption algorithm', zh: '加密算法' },
  integrity: { en: 'integrity algorithm', zh: '认证算法' },
  dh: { en: 'DH group', zh: 'DH 组' },
};

/** "MODP_2048 (GROUP14)", or "none" for an absent transform (no PFS). */
function named(mismatch: TransformMismatch, tokens: string[], lang: 'en' | 'zh'): string {
  if (!tokens.length) return lang === 'en' ? 'none' : '无';
  const table = TABLES[mismatch.protocol][mismatch.transform];
  return tokens.map((token) => `${token} (${byToken(table, token)?.tencent ?? '?'})`).join(', ');
}

/** The mismatch in English and Chinese. */
export function describeMismatch(mismatch: TransformMismatch): Localized {
  const pfs = mismatch.protocol === 'ESP' && mismatch.transform === 'dh';
  const what = pfs ? { en: 'PFS group', zh: 'PFS 组' } : TRANSFORM_NAMES[mismatch.transform];
  const stage = mismatch.protocol === 'IKE' ? 'IKE (phase 1)' : 'IPsec (phase 2)';
  const zhStage = mismatch.protocol === 'IKE' ? 'IKE（第一阶段）' : 'IPsec（第二阶段）';
  return {
    en:
      `The ${stage} ${what.en} differs: the file's ${mismatch.parameter} gives ${named(mismatch, mismatch.cloud, 'en')}, ` +
      `the peer device offers ${named(mismatch, mismatch.peer, 'en')}. Set the same ${what.en} on both ends.`,
    zh:
      `${zhStage}${what.zh}不一致：文件的 ${mismatch.parameter} 为 ${named(mismatch, mismatch.cloud, 'zh')}，` +
      `对端设备提议的是 ${named(mismatch, mismatch.peer, 'zh')}。请在两端配置相同的${/^[A-Z]/.test(what.zh) ? ' ' : ''}${what.zh}。`,
  };
}
