import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { filterSuppressed } from '../../../language/edits/suppression';
import { suppressionComments } from '../../../language/edits/suppressionComments';
import { ruleIdsIn } from './editorHelpers';

const HEAD = 'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: T\nPreShareKey: k\n';
const DPD_OFF = 'DpdEnable: 0\nDpdTimeout: "30"\nDpdAction: clear\n';

/** A diagnostic on `line` as the language service builds it. */
const diagnostic = (line: number, ruleId: string, code: string): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  message: 'm',
  code,
  data: { ruleId, fixes: [], documentIndex: 0 },
});

describe('suppression', () => {
  it('disabledRules silences by rule id and by API code, in JSON and YAML', () => {
    const diagnostics = [
      diagnostic(0, 'spd-overlap', 'InvalidParameterValue.VpnConnCidrConflict'),
      diagnostic(1, 'schema.enum', 'InvalidParameterValue'),
    ];
    assert.deepEqual(
      filterSuppressed(diagnostics, '{}', 'json', ['spd-overlap']).map((d) => d.data.ruleId),
      ['schema.enum'],
    );
    assert.deepEqual(
      filterSuppressed(diagnostics, '', 'yaml', ['InvalidParameterValue']).map((d) => d.data.ruleId),
      ['spd-overlap'],
    );
    assert.equal(filterSuppressed(diagnostics, '{}', 'json', []).length, 2);
  });

  it('YAML tcvpn-disable-line silences the listed rules on its own line only', () => {
    const text = `${HEAD}DpdEnable: 0\nDpdTimeout: "30" # tcvpn-disable-line dpd-fields-ignored\nDpdAction: clear\n`;
    assert.deepEqual(ruleIdsIn(text, 'yaml'), ['dpd-fields-ignored']);
    const withoutComment = ruleIdsIn(`${HEAD}${DPD_OFF}`, 'yaml');
    assert.deepEqual(withoutComment, ['dpd-fields-ignored', 'dpd-fields-ignored']);
  });

  it('YAML tcvpn-disable-next-line silences the line below, by code, with a comma-separated list', () => {
    const text = `${HEAD}DpdEnable: 0\n# tcvpn-disable-next-line spd-overlap, dpd-fields-ignored\nDpdTimeout: "30"\nDpdAction: clear\n`;
    assert.equal(ruleIdsIn(text, 'yaml').length, 1);
    const byCode = `${HEAD}# tcvpn-disable-next-line InvalidParameterValue.TagDuplicateKey\nTags: [{Key: a}, {Key: a}]\n`;
    assert.deepEqual(ruleIdsIn(byCode, 'yaml'), []);
  });

  it('YAML tcvpn-disable anywhere silences the listed rules in the whole file, or all rules without ids', () => {
    assert.deepEqual(ruleIdsIn(`${HEAD}${DPD_OFF}# tcvpn-disable dpd-fields-ignored\n`, 'yaml'), []);
    assert.deepEqual(ruleIdsIn(`# tcvpn-disable\n${HEAD}${DPD_OFF}Tags: [{Key: a}, {Key: a}]\n`, 'yaml'), []);
    assert.deepEqual(ruleIdsIn(`# tcvpn-disable tag-duplicate-key\n${HEAD}${DPD_OFF}`, 'yaml').length, 2);
  });

  it('silences schema errors by their rule id', () => {
    const text = `${HEAD}RouteType: static # tcvpn-disable-line schema.enum\n`;
    assert.ok(ruleIdsIn(`${HEAD}RouteType: static\n`, 'yaml').includes('schema.enum'));
    assert.ok(!ruleIdsIn(text, 'yaml').includes('schema.enum'));
  });

  it('a bare tcvpn-disable leaves syntax errors visible', () => {
    const diagnostics = [diagnostic(2, 'syntax', 'syntax-error'), diagnostic(3, 'spd-overlap', 'x')];
    assert.deepEqual(
      filterSuppressed(diagnostics, '# tcvpn-disable\n', 'yaml', []).map((d) => d.data.ruleId),
      ['syntax'],
    );
  });

  it('ignores directive text inside quoted strings and block scalars, and comments in JSON', () => {
    const found = suppressionComments(
      'A: "# tcvpn-disable"\nB: |\n  # tcvpn-disable-line x\nC: 1 # tcvpn-disable-line y\n',
    );
    assert.equal(found.file.all, false);
    assert.deepEqual(
      [...found.lines].map(([line, silenced]) => [line, [...silenced.ids]]),
      [[3, ['y']]],
    );
    const json = '{\n  // tcvpn-disable\n  "A": 1\n}';
    assert.equal(filterSuppressed([diagnostic(2, 'spd-overlap', 'x')], json, 'json', []).length, 1);
  });

  it('counts lines across a multi-document stream', () => {
    const found = suppressionComments('A: 1\n---\nB: 2 # tcvpn-disable-line z\n');
    assert.deepEqual([...found.lines.keys()], [2]);
  });
});
