/**
 * SPD policy rules (RouteType Policy/STATIC): no duplicate mapping, no two mappings overlapping on both sides,
 * at most 200 mappings. Sources: validation-rules.json `spd` (no_overlap, max_mappings_per_gateway); the spec's
 * CreateVpnConnection errors InvalidParameterValue.Duplicate, VpnConnCidrConflict and LimitExceeded.
 */
import type { Rule } from './rule';
import { mappingCount, overlappingPairs, spdMappings, type Mapping } from './spdMappings';
import type { SemanticFix } from '../types';
import { arrayAt, isRecord, type Params } from '../values/values';

/** The API's limit of local x remote mappings per gateway (one tunnel can reach it alone). */
export const MAX_MAPPINGS = 200;
/** Beyond this many mappings the pairwise overlap check is skipped; the limit rule already fires. */
export const MAX_OVERLAP_CHECKED = 1000;

/** What every SPD rule's findings depend on: the policy list alone (rule.ts keeps them by it). */
const byPolicyList = (doc: Params): object | undefined => arrayAt(doc, 'SecurityPolicyDatabases');

const spdDuplicate: Rule = {
  id: 'spd-duplicate',
  keyedBy: byPolicyList,
  code: 'InvalidParameterValue.Duplicate',
  severity: 'error',
  summary: { en: 'The same local/remote mapping appears twice.', zh: '同一条本端/对端网段映射出现了两次。' },
  source: 'validation-rules.json spd; spec errors (InvalidParameterValue.Duplicate)',
  example:
    'SecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/16\n    RemoteCidrBlock: [192.168.0.0/24, 192.168.0.0/24]',
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
    return report(path, 'object', message, [
      removeFix(path, { en: 'Remove the duplicate policy rule', zh: '删除重复的策略' }),
    ]);
  }
  for (let index = 0; index < pairs.length; index += 2) {
    const [original, repeat] = [pairs[index], pairs[index + 1]];
    const message = {
      en: `${repeat.localText} → ${repeat.remoteText} is already listed (rule #${original.entry + 1}).`,
      zh: `${repeat.localText} → ${repeat.remoteText} 已存在（第 ${original.entry + 1} 条策略）。`,
    };
    report(repeat.path, 'value', message, [
      removeFix(repeat.path, { en: 'Remove the duplicate remote block', zh: '删除重复的对端网段' }),
    ]);
  }
}

function removeFix(path: (string | number)[], title: SemanticFix['title']): SemanticFix {
  return { kind: 'remove', path, title };
}

const spdOverlap: Rule = {
  id: 'spd-overlap',
  keyedBy: byPolicyList,
  code: 'InvalidParameterValue.VpnConnCidrConflict',
  severity: 'error',
  summary: {
    en: 'Two mappings overlap in both their local and their remote blocks.',
    zh: '两条映射的本端与对端网段同时重叠。',
  },
  source: 'validation-rules.json spd (no_overlap); spec errors (VpnConnCidrConflict)',
  example:
    'SecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/16\n    RemoteCidrBlock: [192.168.0.0/16]\n  - LocalCidrBlock: 10.0.1.0/24\n    RemoteCidrBlock: [192.168.3.0/24]',
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
  keyedBy: byPolicyList,
  code: 'LimitExceeded',
  severity: 'error',
  summary: { en: 'More than 200 local × remote mappings.', zh: '本端 × 对端网段映射超过 200 条。' },
  source: 'validation-rules.json spd (max_mappings_per_gateway: 200); spec errors (LimitExceeded)',
  example:
    'SecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/16\n    RemoteCidrBlock: [192.168.0.0/24, ... 201 blocks]',
  check(doc, _context, report) {
    const count = mappingCount(doc);
    if (count <= MAX_MAPPINGS) return;
    report(['SecurityPolicyDatabases'], 'key', {
      en: `${count} local × remote mappings; a VPN gateway takes at most ${MAX_MAPPINGS}.`,
      zh: `共 ${count} 条本端 × 对端映射；一个 VPN 网关最多 ${MAX_MAPPINGS} 条。`,
    });
  },
};

const spdRemoteEmpty: Rule = {
  id: 'spd-remote-empty',
  keyedBy: byPolicyList,
  code: 'MissingParameter',
  severity: 'error',
  summary: { en: 'A policy rule with an empty RemoteCidrBlock list.', zh: '策略的 RemoteCidrBlock 列表为空。' },
  source: 'spec (SecurityPolicyDatabase.RemoteCidrBlock required; the docs: at least one block)',
  example: 'SecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/16\n    RemoteCidrBlock: []',
  check(doc, _context, report) {
    (arrayAt(doc, 'SecurityPolicyDatabases') ?? []).forEach((entry, index) => {
      if (!isRecord(entry) || arrayAt(entry, 'RemoteCidrBlock')?.length !== 0) return;
      report(['SecurityPolicyDatabases', index, 'RemoteCidrBlock'], 'value', {
        en: `Policy rule #${index + 1} lists no remote block; RemoteCidrBlock needs at least one IDC block.`,
        zh: `第 ${index + 1} 条策略没有对端网段；RemoteCidrBlock 至少需要一个 IDC 网段。`,
      });
    });
  },
};

const spdRemoteOnLocalSide: Rule = {
  id: 'spd-remote-overlaps-local',
  keyedBy: byPolicyList,
  code: 'InvalidParameterValue.VpnConnSpdCidrConflict',
  severity: 'error',
  summary: {
    en: 'A remote (IDC) block overlaps a local (VPC) block of the policy.',
    zh: '对端（IDC）网段与策略的本端（VPC）网段重叠。',
  },
  source:
    'spec errors (InvalidParameterValue.VpnConnSpdCidrConflict: "SPD规则源目IP有重叠"); validation-rules.json spd',
  example: 'SecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/16\n    RemoteCidrBlock: [10.0.8.0/24]',
  check(doc, _context, report) {
    const mappings = spdMappings(doc);
    const locals = localSides(mappings);
    for (const mapping of mappings) {
      // 0.0.0.0/0 on the IDC side means "everything not in the VPC" (the health-check doc asks policy tunnels for it).
      if (mapping.remote.prefix === 0) continue;
      const hit = overlappingLocal(locals, mapping);
      if (!hit) continue;
      const own = hit.entry === mapping.entry;
      report(mapping.path, 'value', {
        en: `Remote block ${mapping.remoteText} overlaps the local (VPC) block ${hit.text}${own ? ' of the same rule' : ` of rule #${hit.entry + 1}`}: one network cannot be on both sides of the tunnel.`,
        zh: `对端网段 ${mapping.remoteText} 与${own ? '同一策略' : `第 ${hit.entry + 1} 条策略`}的本端（VPC）网段 ${hit.text} 重叠：同一网段不能同时位于通道两侧。`,
      });
    }
  },
};

/** The distinct local blocks, sorted by start, with a running maximum of their ends for interval queries. */
interface LocalSides {
  blocks: Array<{ first: number; last: number; entry: number; text: string }>;
  /** For each position, the index of the block with the greatest end among blocks[0..position]. */
  widest: number[];
}

function localSides(mappings: Mapping[]): LocalSides {
  const seen = new Set<string>();
  const blocks: LocalSides['blocks'] = [];
  for (const m of mappings) {
    const key = `${m.local.first}/${m.local.prefix}`;
    if (seen.has(key)) continue;
    seen.add(key);
    blocks.push({ first: m.local.first, last: m.local.last, entry: m.entry, text: m.localText });
  }
  blocks.sort((a, b) => a.first - b.first);
  const widest: number[] = [];
  blocks.forEach((block, index) =>
    widest.push(index > 0 && blocks[widest[index - 1]].last >= block.last ? widest[index - 1] : index),
  );
  return { blocks, widest };
}

/** A local block that overlaps the mapping's remote block (its own rule's first), found by binary search. */
function overlappingLocal(locals: LocalSides, mapping: Mapping): { entry: number; text: string } | undefined {
  const { remote } = mapping;
  if (remote.first <= mapping.local.last && mapping.local.first <= remote.last)
    return { entry: mapping.entry, text: mapping.localText };
  let low = 0;
  let high = locals.blocks.length - 1;
  let last = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (locals.blocks[middle].first <= remote.last) ((last = middle), (low = middle + 1));
    else high = middle - 1;
  }
  if (last < 0) return undefined;
  const candidate = locals.blocks[locals.widest[last]];
  return candidate.last >= remote.first ? { entry: candidate.entry, text: candidate.text } : undefined;
}

/** SPD rules, in the order the docs list them. */
export const spdRules: Rule[] = [spdDuplicate, spdOverlap, spdRemoteEmpty, spdRemoteOnLocalSide, spdMappingLimit];
