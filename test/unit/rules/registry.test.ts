import assert from 'node:assert/strict';
import { RULES } from '../../../language/rules/registry';
import { runRules } from '../../../language/rules/engine';
import { findingsOfYaml, OFFICIAL_EXAMPLE } from './helpers';

// The mapping-limit example in the docs is a sketch ("... 201 blocks"); spd.test.ts builds the real document.
const SKETCHED_EXAMPLES = new Set(['spd-mapping-limit']);

describe('rule registry', () => {
  it('finds nothing in the official CreateVpnConnection request example but its weak algorithms (information)', () => {
    const findings = runRules(OFFICIAL_EXAMPLE, { action: 'CreateVpnConnection' });
    assert.deepEqual(
      findings.filter((f) => f.ruleId !== 'weak-cryptography'),
      [],
    );
    assert.ok(findings.length > 0 && findings.every((f) => f.severity === 'information'));
  });

  it('gives every rule a unique id, a severity, bilingual summary, source and example', () => {
    const ids = RULES.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids');
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z0-9-]+$/, rule.id);
      assert.ok(rule.summary.en && rule.summary.zh && rule.source && rule.example, rule.id);
    }
  });

  for (const rule of RULES.filter((candidate) => !SKETCHED_EXAMPLES.has(candidate.id))) {
    it(`documents an example that triggers ${rule.id}`, () => {
      const findings = findingsOfYaml(rule.id, rule.example);
      assert.ok(findings.length > 0, `example of ${rule.id} does not trigger it`);
      for (const finding of findings) {
        assert.equal(finding.code, rule.code ?? rule.id);
        assert.equal(finding.docUrl, `docs/rules.md#${rule.id}`);
      }
    });
  }

  it('ignores a document that is not an object', () => {
    assert.deepEqual(runRules(['not', 'an', 'object'], { action: 'CreateVpnConnection' }), []);
    assert.deepEqual(runRules(null, { action: 'CreateVpnConnection' }), []);
  });
});
