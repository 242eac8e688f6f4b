/**
 * Member-by-member JSON parsing must give exactly what the whole-text parse gives (tree, offsets, value,
 * problems), on the 500-entry fixture, after random edits of it, and with a repeated top-level key; and it must
 * actually be used for that fixture.
 */
import * as assert from 'node:assert/strict';
import { parseJsonByBlocks } from '../../../language/parsing/jsonBlocks';
import { parseJson } from '../../../language/parsing/jsonTree';
import { fixtureText } from '../../support/fixtures';
import { Prng } from '../../support/fuzz/prng';

const PIECES = [
  'x',
  ' ',
  '\n',
  ':',
  ',',
  '"',
  '{',
  '}',
  '[',
  ']',
  '"Key": 1,',
  '// c\n',
  '/*',
  '\\',
  '1e',
  'null',
  '"a"',
];

function assertSame(text: string, what: string): void {
  assert.deepEqual(parseJson(text), parseJson(text, false), what);
}

describe('JSON parsed member by member', function () {
  this.timeout(60_000);
  const medium = fixtureText('medium', 'json');

  it('is used for a large object without comments', () => {
    const values: string[] = [];
    // A member text no other test parses, so the module's cache of member parses cannot answer for it.
    const text = medium.replace(/"VpnConnectionName": "[^"]*"/, '"VpnConnectionName": "only-in-this-test"');
    const part = parseJsonByBlocks(text, (text) => {
      values.push(text);
      return parseJson(text, false).parts[0];
    });
    assert.ok(part, 'the 500-entry fixture was not parsed by members');
    assert.ok(values.includes('"only-in-this-test"'), 'the changed member was not parsed on its own');
  });

  it('gives what the whole-text parse gives, on the fixture and after 300 random edits', () => {
    assertSame(medium, 'the medium fixture');
    const random = new Prng(20261129);
    for (let i = 0; i < 300; i++) {
      const at = random.int(medium.length);
      const removed = random.int(4);
      const piece = random.pick(PIECES);
      assertSame(
        medium.slice(0, at) + piece + medium.slice(at + removed),
        `edit ${i}: ${JSON.stringify(piece)} at ${at}, ${removed} removed`,
      );
    }
  });

  it('reports a top-level key repeated in another member, on the later one', () => {
    const text = medium.replace(/\}\s*$/, ', "VpnGatewayId": "vpngw-again"}\n');
    assertSame(text, 'a repeated top-level key');
    assert.ok(parseJson(text).parts[0].problems.some((problem) => problem.code === 'duplicate-key'));
  });
});
