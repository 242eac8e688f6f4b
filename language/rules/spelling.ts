/**
 * The two spellings of the IPsec integrity algorithm. The current SDK models and tccli spec document
 * `IntegrityAlgorithm` and mark the legacy `IntegrityAlgorith` (sic) deprecated, while every official example,
 * terraform and the API's own responses still use the legacy one: both are valid input, alone. Giving both in
 * one object is ambiguous (which one the service reads is not documented), so it is refused as the API refuses
 * other pairs of mutually exclusive parameters. Sources: validation-rules.json `ipsec-integrity` (notes: "do not
 * send both in one object"); schemas/source/NOTES.md ("Both spellings are valid input").
 */
import type { Rule } from './rule';
import { has, recordAt } from '../values/values';

const IPSEC = 'IPSECOptionsSpecification';
const LEGACY = 'IntegrityAlgorith';
const CURRENT = 'IntegrityAlgorithm';

const integrityCoexist: Rule = {
  id: 'integrity-algorithm-coexist',
  code: 'InvalidParameter.Coexist',
  severity: 'error',
  summary: {
    en: 'IPSECOptionsSpecification sets both IntegrityAlgorith (sic) and IntegrityAlgorithm.',
    zh: 'IPSECOptionsSpecification 同时设置了 IntegrityAlgorith（原文如此）与 IntegrityAlgorithm。',
  },
  source: 'validation-rules.json ipsec-integrity (do not send both in one object)',
  example: 'IPSECOptionsSpecification:\n  IntegrityAlgorith: SHA1\n  IntegrityAlgorithm: SHA-256',
  fix: 'Remove one of the two keys (either spelling alone is valid).',
  check(doc, _context, report) {
    const ipsec = recordAt(doc, IPSEC);
    if (!has(ipsec, LEGACY) || !has(ipsec, CURRENT)) return;
    const same = ipsec?.[LEGACY] === ipsec?.[CURRENT];
    const detail = same
      ? { en: 'they say the same', zh: '两者取值相同' }
      : {
          en: `they disagree (${JSON.stringify(ipsec?.[LEGACY])} vs ${JSON.stringify(ipsec?.[CURRENT])}) and which one the service reads is not documented`,
          zh: `两者取值不同（${JSON.stringify(ipsec?.[LEGACY])} 与 ${JSON.stringify(ipsec?.[CURRENT])}），且未说明服务以哪个为准`,
        };
    report(
      [IPSEC, CURRENT],
      'key',
      {
        en: `${LEGACY} (sic) and ${CURRENT} are two spellings of one parameter; give only one (${detail.en}).`,
        zh: `${LEGACY}（原文如此）与 ${CURRENT} 是同一参数的两种写法，只能设置一个（${detail.zh}）。`,
      },
      [
        { kind: 'remove', path: [IPSEC, CURRENT], title: { en: `Remove ${CURRENT}`, zh: `删除 ${CURRENT}` } },
        { kind: 'remove', path: [IPSEC, LEGACY], title: { en: `Remove ${LEGACY}`, zh: `删除 ${LEGACY}` } },
      ],
    );
  },
};

/** Spelling rules. */
export const spellingRules: Rule[] = [integrityCoexist];
