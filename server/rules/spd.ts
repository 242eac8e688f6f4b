/**
 * SPD policy rules (RouteType Policy/STATIC): no duplicate mapping, no two mappings overlapping on both sides,
 * at most 200 mappings. Sources: validation-rules.json `spd` (no_overlap, max_mappings_per_gateway); the spec's
 * CreateVpnConnection errors InvalidParameterValue.Duplicate, VpnConnCidrConflict and LimitExceeded.
 */
import type { Rule } from './rule';
import { mappingCount, overlappingPairs, spdMappings, type Mapping } from './spdMappings';
import type { SemanticFix } from './types';
import { arrayAt, isRecord, type Params } from './values';

/** The API's limit of local x remote mappings per gateway (one tunnel can reach it alone). */
export const MAX_MAPPINGS = 200;
/** Beyond this many mappings the pairwise overlap check is skipped; the limit rule already fires. */
export const MAX_OVERLAP_CHECKED = 1000;

const spdDuplicate: Rule = {
  id: 'spd-duplicate',
  code: 'InvalidParameterValue.Duplicate',
  severity: 'error',
  summary: { en: 'The same local/remote mapping appears twice.', zh: '同一条本端/对端网段映射出现了两次。' },
  source: 'validation-rules.json spd; spec errors (InvalidParameterValue.Duplicate)',
  example: 'SecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/16\n    RemoteCidrBlock: [192.168.0.0/24, 192.168.0.0/24]',
  fix: 'Remove the repeated remote block (or the whole repeated policy rule).',
  check(doc, _context, report) {
    const seen = new Map<string, Mapping>();
    const duplicates = new Map<number, Mapping[]>();
    for (const mapping of spdMappings(doc)) {
      const first = seen.get(mapping.key);
      if (!first) seen.set(mapping.key, mapping);
      else duplicates.set(mapping.entry, [...(duplicates.get(mapping.entry) ?? []), first, mapping]);
    }
    for (const [entry, pairs] of duplicates) reportEntry(doc, entry, pairs, report);
  },
};

/** One finding per repeated mapping, or one for the whole rule when every mapping of it is a repeat. */
function reportEntry(doc: Params, entry: number, pairs: Mapping[], report: Parameters<Rule['check']>[2]): void {
  const rule = arrayAt(doc, 'SecurityPolicyDatabases')?.[entry];
  const remotes = (isRecord(rule) && arrayAt(rule, 'RemoteCidrBlock')) || [];
  const repeats = pairs.filter((_, index) => index % 2 === 1);
  const first = pairs[0];
  if (repeats.length === remotes.length) {
    const path = ['SecurityPolicyDatabases', entry];
    const message = {
      en: `This policy rule repeats rule #${first.entry + 1} (${first.localText} → ${first.remoteText}).`,
      zh: `该策略与第 ${first.entry + 1} 条（${first.localText} → ${first.remoteText}）重复。`,
    };
    return report(path, 'object', message, [removeFix(path, { en: 'Remove the duplicate policy rule', zh: '删除重复的策略' })]);
  }
  for (let index = 0; index < pairs.length; index += 2) {
    const [original, repeat] = [pairs[index], pairs[index + 1]];
    const message = {
      en: `${repeat.localText} → ${repeat.remoteText} is already listed (rule #${original.entry + 1}).`,
      zh: `${repeat.localText} → ${repeat.remoteText} 已存在（第 ${original.entry + 1} 条策略）。`,
    };
    report(repeat.path, 'value', message, [removeFix(repeat.path, { en: 'Remove the duplicate remote block', zh: '删除重复的对端网段' })]);
  }
}

function removeFix(path: (string | number)[], title: SemanticFix['title']): SemanticFix {
  return { kind: 'remove', path, title };
}

const spdOverlap: Rule = {
  id: 'spd-overlap',
  code: 'InvalidParameterValue.VpnConnCidrConflict',
  severity: 'error',
  summary: { en: 'Two mappings overlap in both their local and their remote blocks.', zh: '两条映射的本端与对端网段同时重叠。' },
  source: 'validation-rules.json spd (no_overlap); spec errors (VpnConnCidrConflict)',
  example: 'SecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/16\n    RemoteCidrBlock: [192.168.0.0/16]\n  - LocalCidrBlock: 10.0.1.0/24\n    RemoteCidrBlock: [192.168.3.0/24]',
  check(doc, _context, report) {
    const mappings = dedupe(spdMappings(doc));
    if (mappings.length > MAX_OVERLAP_CHECKED) return;
    for (const [earlier, later] of overlappingPairs(mappings)) {
      report(later.path, 'value', {
        en: `${later.localText} → ${later.remoteText} overlaps ${earlier.localText} → ${earlier.remoteText} (rule #${earlier.entry + 1}) on both sides.`,
        zh: `${later.localText} → ${later.remoteText} 与第 ${earlier.entry + 1} 条策略 ${earlier.localText} → ${earlier.remoteText} 的本端和对端网段均重叠。`,
      });
    }
  },
};

/** Exact repeats are the duplicate rule's business; the overlap rule looks at distinct mappings only. */
function dedupe(mappings: Mapping[]): Mapping[] {
  const seen = new Set<string>();
  return mappings.filter((mapping) => !seen.has(mapping.key) && seen.add(mapping.key));
}

const spdMappingLimit: Rule = {
  id: 'spd-mapping-limit',
  code: 'LimitExceeded',
  severity: 'error',
  summary: { en: 'More than 200 local × remote mappings.', zh: '本端 × 对端网段映射超过 200 条。' },
  source: 'validation-rules.json spd (max_mappings_per_gateway: 200); spec errors (LimitExceeded)',
  example: 'SecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/16\n    RemoteCidrBlock: [192.168.0.0/24, ... 201 blocks]',
  check(doc, _context, report) {
    const count = mappingCount(doc);
    if (count <= MAX_MAPPINGS) return;
    report(['SecurityPolicyDatabases'], 'key', {
      en: `${count} local × remote mappings; a VPN gateway takes at most ${MAX_MAPPINGS}.`,
      zh: `共 ${count} 条本端 × 对端映射；一个 VPN 网关最多 ${MAX_MAPPINGS} 条。`,
    });
  },
};

/** SPD rules, in the order the docs list them. */
export const spdRules: Rule[] = [spdDuplicate, spdOverlap, spdMappingLimit];
