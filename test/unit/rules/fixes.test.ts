import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { textEditsFor } from '../../../language/edits/fixes';
import { jsonFormatting } from '../../../language/edits/fixesJson';
import type { SemanticFix } from '../../../language/types';

const title = { en: 't', zh: 't' };
function apply(text: string, kind: 'json' | 'yaml', fix: SemanticFix, documentIndex = 0): string {
  return TextDocument.applyEdits(
    TextDocument.create('file:///a', kind, 1, text),
    textEditsFor(text, kind, fix, documentIndex),
  );
}

describe('fixes: SemanticFix to text edits', () => {
  it("JSON: follows the file's tabs and CRLF line endings when adding a property", () => {
    const text = '{\r\n\t"A": 1\r\n}';
    assert.deepEqual(jsonFormatting(text), { insertSpaces: false, tabSize: 1, eol: '\r\n' });
    assert.equal(
      apply(text, 'json', { kind: 'addProperties', path: [], properties: { B: true }, title }),
      '{\r\n\t"A": 1,\r\n\t"B": true\r\n}',
    );
  });

  it('JSON: removing a property keeps the comments that describe its neighbours', () => {
    const text = '{\n  "A": 1, // about A\n  // about B\n  "B": 2,\n  /* about C */ "C": 3\n}\n';
    const remove = (key: string) => apply(text, 'json', { kind: 'remove', path: [key], title });
    assert.equal(remove('A'), '{\n  // about B\n  "B": 2,\n  /* about C */ "C": 3\n}\n');
    assert.equal(remove('B'), '{\n  "A": 1, // about A\n  // about B\n  /* about C */ "C": 3\n}\n');
    // C's own inline comment goes with it; the others stay.
    assert.equal(remove('C'), '{\n  "A": 1, // about A\n  // about B\n  "B": 2\n}\n');
  });

  it('JSON: removes an array item inline and on its own line', () => {
    assert.equal(
      apply('{"L": ["a", "b", "c"]}', 'json', { kind: 'remove', path: ['L', 1], title }),
      '{"L": ["a", "c"]}',
    );
    assert.equal(apply('{"L": ["a", "b"]}', 'json', { kind: 'remove', path: ['L', 1], title }), '{"L": ["a"]}');
    assert.equal(apply('[\n  1,\n  2\n]', 'json', { kind: 'remove', path: [1], title }), '[\n  1\n]');
  });

  it('YAML: removing the pair that opens a sequence item hands the dash to the next pair', () => {
    const text = 'Tags:\n  - Key: a\n    Value: b # v\n';
    assert.equal(apply(text, 'yaml', { kind: 'remove', path: ['Tags', 0, 'Key'], title }), 'Tags:\n  - Value: b # v\n');
  });

  it('YAML: removes a pair from a flow map with its comma, first or last', () => {
    const text = 'IKE: {A: 1, B: 2, C: 3}\n';
    assert.equal(apply(text, 'yaml', { kind: 'remove', path: ['IKE', 'A'], title }), 'IKE: {B: 2, C: 3}\n');
    assert.equal(apply(text, 'yaml', { kind: 'remove', path: ['IKE', 'C'], title }), 'IKE: {A: 1, B: 2}\n');
  });

  it('YAML: removes a nested block pair with its whole block, keeping the comment line before it', () => {
    const text = 'A: 1\n# about B\nB:\n  C: 2\n  D: 3\nE: 4\n';
    assert.equal(apply(text, 'yaml', { kind: 'remove', path: ['B'], title }), 'A: 1\n# about B\nE: 4\n');
  });

  it('YAML: adds a property to a flow map and to a file without a final newline', () => {
    assert.equal(
      apply('M: {A: 1}\n', 'yaml', { kind: 'addProperties', path: ['M'], properties: { B: 'x y' }, title }),
      'M: {A: 1, B: x y}\n',
    );
    assert.equal(
      apply('A: 1', 'yaml', { kind: 'addProperties', path: [], properties: { B: 2 }, title }),
      'A: 1\nB: 2\n',
    );
  });

  it("YAML: indents added nested blocks with the file's own step (4 spaces here)", () => {
    const text = 'IKE:\n    A: 1\n';
    const fix: SemanticFix = { kind: 'addProperties', path: ['IKE'], properties: { N: { X: 1 } }, title };
    assert.equal(apply(text, 'yaml', fix), 'IKE:\n    A: 1\n    N:\n        X: 1\n');
  });

  it('YAML: setValue on a missing key adds it to its parent', () => {
    assert.equal(
      apply('M:\n  A: 1\n', 'yaml', { kind: 'setValue', path: ['M', 'B'], value: 'v', title }),
      'M:\n  A: 1\n  B: v\n',
    );
  });

  it('YAML: quotes a new value when it would not stay a string (yes, 1.0)', () => {
    assert.equal(apply('A: x\n', 'yaml', { kind: 'setValue', path: ['A'], value: '1.0', title }), 'A: "1.0"\n');
  });

  it('YAML: edits the second document of a stream and leaves the first alone', () => {
    const text = 'A: 1 # one\n---\nA: 1 # two\n';
    assert.equal(
      apply(text, 'yaml', { kind: 'setValue', path: ['A'], value: 2, title }, 1),
      'A: 1 # one\n---\nA: 2 # two\n',
    );
  });

  it('returns no edits when the fix no longer fits the text', () => {
    assert.deepEqual(textEditsFor('A: 1\n', 'yaml', { kind: 'remove', path: ['Gone'], title }), []);
    assert.deepEqual(textEditsFor('{"A": 1}', 'json', { kind: 'renameKey', path: ['Gone'], newKey: 'B', title }), []);
    assert.deepEqual(textEditsFor('A: 1\n', 'yaml', { kind: 'setValue', path: ['A'], value: 1, title }, 3), []);
  });
});
