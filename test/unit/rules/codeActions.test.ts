import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { codeActionsFor } from '../../../language/edits/codeActions';
import { actionsFor, applyAction } from './editorHelpers';

const HEAD = 'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: T\nPreShareKey: k\n';

describe('code actions', () => {
  it('turns each fix of a diagnostic into a quickfix keyed by the document URI, in the asked language', () => {
    const text = `${HEAD}DpdTimeout: "30"\n`;
    const actions = actionsFor(text, 'yaml', 'dpd-fields-ignored');
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred]),
      [
        ['Remove DpdTimeout', 'quickfix', false],
        ['Turn DPD on (DpdEnable: 1)', 'quickfix', false],
        ['Disable dpd-fields-ignored for this line', 'quickfix', false],
      ],
    );
    assert.deepEqual(Object.keys(actions[0].edit?.changes ?? {}), ['file:///x']);
    const diagnostic = actions[0].diagnostics![0];
    assert.deepEqual(
      codeActionsFor(text, 'yaml', [diagnostic], 'zh', 'file:///x').map((a) => a.title)[0],
      '删除 DpdTimeout',
    );
  });

  it('marks the only fix of a diagnostic as preferred', () => {
    const actions = actionsFor(`${HEAD}DpdEnable: 1\nDpdTimeout: "120"\n`, 'yaml', 'dpd-timeout-range');
    assert.equal(actions.find((a) => a.title === 'Change to "60"')?.isPreferred, true);
  });

  it('merges one fix shared by two diagnostics into one action', () => {
    const text = `${HEAD}EnableHealthCheck: true\nHealthCheckLocalIp: 0.0.0.0\nHealthCheckRemoteIp: 224.0.0.1\n`;
    const pairActions = actionsFor(text, 'yaml', 'health-check-ip-invalid').filter((a) => a.title.startsWith('Use '));
    assert.equal(pairActions.length, 1);
    assert.equal(pairActions[0].diagnostics?.length, 2);
  });

  it('offers "disable for this line" in YAML, which silences the diagnostic when applied', () => {
    const text = `${HEAD}Tags:\n  - Key: a\n  - Key: a\n`;
    const fixed = applyAction(text, 'yaml', 'tag-duplicate-key', 'Disable tag-duplicate-key for this line');
    assert.equal(fixed, `${HEAD}Tags:\n  - Key: a\n  # tcvpn-disable-next-line tag-duplicate-key\n  - Key: a\n`);
    assert.deepEqual(actionsFor(fixed, 'yaml', 'tag-duplicate-key'), []);
  });

  it('offers no "disable for this line" in JSON (the setting does that) and skips fixes that no longer apply', () => {
    const json = '{"Tags": [{"Key": "a"}, {"Key": "a"}]}';
    assert.deepEqual(
      actionsFor(json, 'json', 'tag-duplicate-key').map((a) => a.title),
      ['Remove the duplicate tag'],
    );
    const stale: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      message: 'm',
      data: {
        ruleId: 'x',
        documentIndex: 0,
        fixes: [{ kind: 'remove', path: ['Gone'], title: { en: 'Remove', zh: '删除' } }],
      },
    };
    assert.deepEqual(codeActionsFor(json, 'json', [stale], 'en', 'file:///x'), []);
  });

  it("carries the schema checks' fixes too (data.ruleId schema.*)", () => {
    const schemaDiagnostic: Diagnostic = {
      range: { start: { line: 0, character: 11 }, end: { line: 0, character: 17 } },
      message: 'enum',
      data: {
        ruleId: 'schema.enum',
        documentIndex: 0,
        fixes: [
          {
            kind: 'setValue',
            path: ['RouteType'],
            value: 'STATIC',
            title: { en: 'Change to STATIC', zh: '改为 STATIC' },
          },
        ],
      },
    };
    const [action] = codeActionsFor('RouteType: static\n', 'yaml', [schemaDiagnostic], 'en', 'file:///y');
    assert.deepEqual(action.edit?.changes?.['file:///y'], [
      { range: { start: { line: 0, character: 11 }, end: { line: 0, character: 17 } }, newText: 'STATIC' },
    ]);
  });
});
