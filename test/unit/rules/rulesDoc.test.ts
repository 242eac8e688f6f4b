import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../language/rules/registry';
import { renderRulesDoc } from '../../../scripts/generate-rules-doc';

const DOC_PATH = join(__dirname, '..', '..', '..', 'docs', 'rules.md');

describe('docs/rules.md', () => {
  it('matches the registry (regenerate with `npx tsx scripts/generate-rules-doc.ts`)', () => {
    assert.equal(readFileSync(DOC_PATH, 'utf8'), renderRulesDoc());
  });

  it('has a section (the link target of each diagnostic) with code, severity, example and fix for every rule', () => {
    const doc = renderRulesDoc();
    for (const rule of RULES) {
      const start = doc.indexOf(`\n### ${rule.id}\n`);
      assert.ok(start >= 0, `no section for ${rule.id}`);
      const body = doc.slice(start, doc.indexOf('\n### ', start + 1) >>> 0);
      for (const part of ['- Code:', '- Severity:', '- Quick fix:', '```yaml'])
        assert.ok(body.includes(part), `${rule.id} lacks ${part}`);
    }
  });

  it('documents the three YAML comment forms and the disabledRules setting', () => {
    const doc = renderRulesDoc();
    for (const form of [
      'tcvpn-disable-line',
      'tcvpn-disable-next-line',
      '# tcvpn-disable ',
      'tencentcloudVpn.validation.disabledRules',
    ]) {
      assert.ok(doc.includes(form), form);
    }
  });
});
