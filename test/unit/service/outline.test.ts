import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { makeDoc, service } from './helpers';

function applyEdits(doc: TextDocument, edits: TextEdit[]): string {
  let text = doc.getText();
  for (const edit of [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start))) {
    text = text.slice(0, doc.offsetAt(edit.range.start)) + edit.newText + text.slice(doc.offsetAt(edit.range.end));
  }
  return text;
}

const yamlText =
  'VpnGatewayId: vpngw-1w9tue3d\nSecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/24\n    RemoteCidrBlock:\n      - 1.1.1.0/24\n';
const jsonText =
  '{\n  "VpnGatewayId": "vpngw-1w9tue3d",\n  "SecurityPolicyDatabases": [\n    {\n      "LocalCidrBlock": "10.0.0.0/24",\n      "RemoteCidrBlock": ["1.1.1.0/24"]\n    }\n  ]\n}\n';

describe('service outline, folding and formatting', () => {
  it('lists keys as nested symbols and names SPD entries by their CIDRs (json and yaml alike)', () => {
    for (const doc of [makeDoc('json', jsonText), makeDoc('yaml', yamlText)]) {
      const symbols = service.documentSymbols(doc);
      assert.deepEqual(
        symbols.map((s) => s.name),
        ['VpnGatewayId', 'SecurityPolicyDatabases'],
      );
      assert.equal(symbols[1].children![0].name, '[0] 10.0.0.0/24 → 1.1.1.0/24');
      assert.equal(
        doc.getText(symbols[0].selectionRange),
        doc.languageId.endsWith('json') ? '"VpnGatewayId"' : 'VpnGatewayId',
      );
    }
  });

  it('gives each YAML document of a stream its own top symbol', () => {
    const symbols = service.documentSymbols(makeDoc('yaml', 'A: 1\n---\nB: 2\n'));
    assert.deepEqual(
      symbols.map((s) => [s.name, s.children!.map((c) => c.name)]),
      [
        ['Document 1', ['A']],
        ['Document 2', ['B']],
      ],
    );
  });

  it('folds multi-line objects and lists: JSON keeps the closing bracket visible, YAML folds from the key', () => {
    assert.deepEqual(
      service.foldingRanges(makeDoc('json', jsonText)).map((r) => [r.startLine, r.endLine]),
      [
        [0, 7],
        [2, 6],
        [3, 5],
      ],
    );
    assert.deepEqual(
      service.foldingRanges(makeDoc('yaml', yamlText)).map((r) => [r.startLine, r.endLine]),
      [
        [0, 4],
        [1, 4],
        [2, 4],
        [3, 4],
      ],
    );
  });

  it('formats JSON with the requested indentation and keeps comments', () => {
    const doc = makeDoc('json', '{\n// the gateway\n"VpnGatewayId":"vpngw-1w9tue3d"}');
    const formatted = applyEdits(doc, service.format(doc, { tabSize: 4, insertSpaces: true }));
    assert.equal(formatted, '{\n    // the gateway\n    "VpnGatewayId": "vpngw-1w9tue3d"\n}');
  });

  it('formats YAML, keeps comments and leaves broken YAML alone', () => {
    const doc = makeDoc('yaml', '# tunnel\nIKEOptionsSpecification:\n      IKEVersion:   IKEV1 # v1\n');
    assert.equal(
      applyEdits(doc, service.format(doc, { tabSize: 2, insertSpaces: true })),
      '# tunnel\nIKEOptionsSpecification:\n  IKEVersion: IKEV1 # v1\n',
    );
    assert.deepEqual(service.format(makeDoc('yaml', 'a: "unterminated\n'), { tabSize: 2, insertSpaces: true }), []);
  });

  it('leaves YAML alone when the printer cannot reprint it (an alias before its anchor) instead of throwing', () => {
    const doc = makeDoc('yaml', 'VpnGatewayId: *gw\nVpcId: &gw vpc-1\n');
    assert.deepEqual(service.format(doc, { tabSize: 2, insertSpaces: true }), []);
  });

  it('parses a collection used as a YAML key without a process warning on stderr', () => {
    const warnings: string[] = [];
    const listener = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listener);
    try {
      const doc = makeDoc('yaml', '? [a, b]\n: 1\nVpnGatewayId: vpngw-1\n');
      service.validate(doc, { lang: 'en', disabledRules: [] });
      service.format(doc, { tabSize: 2, insertSpaces: true });
    } finally {
      process.off('warning', listener);
    }
    assert.deepEqual(warnings, []);
  });
});
