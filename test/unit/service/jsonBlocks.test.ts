/**
 * Member-by-member JSON parsing must give exactly what the whole-text parse gives (tree, offsets, value,
 * problems), on the 500-entry fixture, after random edits of it, and with a repeated top-level key; and it must
 * actually be used for that fixture.
 */
import * as assert from 'node:assert/strict';
import { memberScans, parseJsonByBlocks } from '../../../language/parsing/jsonBlocks';
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

  it('finds the members of an edited text from the earlier scan, and gives what the whole-text parse gives, over 400 chained edits', () => {
    const random = new Prng(20261202);
    let text = medium;
    parseJson(text);
    const before = { ...memberScans };
    for (let i = 0; i < 400; i++) {
      // Mostly edits inside values (the common keystroke), some anywhere; each applies to the previous text.
      const inValue = random.chance(0.8);
      const quote = text.indexOf('"', random.int(text.length));
      const at = inValue && quote > 0 ? quote + 1 : random.int(text.length);
      const next = text.slice(0, at) + random.pick(PIECES) + text.slice(at + random.int(3));
      assertSame(next, `chained edit ${i} at ${at}`);
      // Keep going from a text that still parses by members, so later edits have a scan to start from.
      if (parseJsonByBlocks(next, (t) => parseJson(t, false).parts[0])) text = next;
    }
    assert.ok(memberScans.fromRecent - before.fromRecent > 100, JSON.stringify(memberScans));
  });

  it('reports a top-level key repeated in another member, on the later one', () => {
    const text = medium.replace(/\}\s*$/, ', "VpnGatewayId": "vpngw-again"}\n');
    assertSame(text, 'a repeated top-level key');
    assert.ok(parseJson(text).parts[0].problems.some((problem) => problem.code === 'duplicate-key'));
  });
});
