/**
 * Rules whose findings depend on one part of the document (the SPD and CIDR rules: the policy list) keep them by
 * that object (language/rules/rule.ts `keyedBy`): the same list gives the same findings without running the rule,
 * a new list — or a CIDR outside it, BgpConfig.TunnelCidr — runs it again, and the kept findings are exactly what
 * a run gives.
 */
import * as assert from 'node:assert/strict';
import { RULES } from '../../../language/rules/registry';
import { runRule, type Rule } from '../../../language/rules/rule';
import { exampleWithSpd } from '../../support/fixtures';

const CONTEXT = { action: 'CreateVpnConnection' };
const rule = (id: string): Rule => RULES.find((candidate) => candidate.id === id)!;

/** A rule wrapped so that its checks are counted (the wrapper keeps the rule's id and key). */
function counted(id: string): { rule: Rule; runs: () => number } {
  const base = rule(id);
  let runs = 0;
  return {
    rule: { ...base, check: (doc, context, report) => (runs++, base.check(doc, context, report)) },
    runs: () => runs,
  };
}

describe('rules keyed by the policy list keep their findings', () => {
  it('the SPD and CIDR rules are keyed by the policy list', () => {
    const doc = exampleWithSpd(3) as Record<string, unknown>;
    for (const id of ['spd-duplicate', 'spd-overlap', 'spd-remote-overlaps-local', 'cidr-syntax', 'cidr-host-bits'])
      assert.equal(rule(id).keyedBy?.(doc), doc.SecurityPolicyDatabases, id);
  });

  it('the same list: the kept findings, without running the rule; another list: a run', () => {
    const doc = exampleWithSpd(50) as Record<string, unknown>;
    const spd = doc.SecurityPolicyDatabases as Array<{ LocalCidrBlock: string; RemoteCidrBlock: string[] }>;
    spd[3] = { ...spd[1] }; // a repeated policy: spd-duplicate has findings
    spd[7].LocalCidrBlock = '10.0.0.5/24'; // host bits: cidr-host-bits has one
    for (const id of ['spd-duplicate', 'cidr-host-bits']) {
      const { rule: wrapped, runs } = counted(id);
      const first = runRule(wrapped, doc, CONTEXT);
      assert.ok(first.length > 0, `${id} finds something`);
      // Another value around the same list object (an edit elsewhere): kept.
      assert.equal(runRule(wrapped, { ...doc, VpnConnectionName: 'edited' }, CONTEXT), first);
      assert.equal(runs(), 1, `${id} ran again for the same list`);
      // A list of the same content but another object (its text changed and changed back): a run, same findings.
      const again = runRule(wrapped, { ...doc, SecurityPolicyDatabases: structuredClone(spd) }, CONTEXT);
      assert.equal(runs(), 2);
      assert.deepEqual(again, first);
    }
  });

  it('a CIDR outside the list (BgpConfig.TunnelCidr) turns the CIDR rules back to a run per value', () => {
    const doc = { ...exampleWithSpd(2), BgpConfig: { TunnelCidr: '169.254.128.1/30' } } as Record<string, unknown>;
    assert.equal(rule('cidr-host-bits').keyedBy?.(doc), undefined);
    const { rule: wrapped, runs } = counted('cidr-host-bits');
    runRule(wrapped, doc, CONTEXT);
    runRule(wrapped, doc, CONTEXT);
    assert.equal(runs(), 2);
  });
});
