/**
 * The misspelling trap: the API reads `IntegrityAlgorith` (sic). The corrected `IntegrityAlgorithm` exists only
 * in the zh spec, with a shorter value list and a truncated default, while every official example, terraform
 * and the API's own responses use the old spelling; a value under the new key risks being ignored.
 * Source: validation-rules.json `ipsec-integrity`; schemas/source/NOTES.md ("send IntegrityAlgorith only").
 */
import type { Rule } from './rule';
import { has, recordAt } from './values';

const IPSEC = 'IPSECOptionsSpecification';
const WRONG = 'IntegrityAlgorithm';
const RIGHT = 'IntegrityAlgorith';

const integritySpelling: Rule = {
  id: 'integrity-algorithm-spelling',
  code: 'UnknownParameter',
  severity: 'error',
  summary: { en: 'IntegrityAlgorithm is written where the API reads IntegrityAlgorith (sic).', zh: '写成了 IntegrityAlgorithm，而 API 读取的是 IntegrityAlgorith（原文如此）。' },
  source: 'validation-rules.json ipsec-integrity',
  example: 'IPSECOptionsSpecification:\n  IntegrityAlgorithm: SHA1',
  fix: 'Rename the key to IntegrityAlgorith (or remove it when IntegrityAlgorith is also set).',
  check(doc, _context, report) {
    const ipsec = recordAt(doc, IPSEC);
    if (!has(ipsec, WRONG)) return;
    const both = has(ipsec, RIGHT);
    const path = [IPSEC, WRONG];
    report(path, 'key', {
      en: `The API reads "${RIGHT}" (sic), not "${WRONG}"${both ? ', which is already set' : ''}.`,
      zh: `API 读取的是“${RIGHT}”（原文如此），而不是“${WRONG}”${both ? '；前者已设置' : ''}。`,
    }, [
      both
        ? { kind: 'remove', path, title: { en: `Remove ${WRONG}`, zh: `删除 ${WRONG}` } }
        : { kind: 'renameKey', path, newKey: RIGHT, title: { en: `Rename to ${RIGHT}`, zh: `重命名为 ${RIGHT}` } },
    ]);
  },
};

/** Spelling rules. */
export const spellingRules: Rule[] = [integritySpelling];
