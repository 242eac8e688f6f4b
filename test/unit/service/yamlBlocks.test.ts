/**
 * Block-by-block YAML parsing must give exactly what the whole-text parse gives (tree, offsets, value, problems),
 * on the 500-entry fixture, after random edits of it (some leave the handled shape), and with a repeated key; it must
 * actually be used for that fixture.
 */
import * as assert from 'node:assert/strict';
import { parseYamlByBlocks } from '../../../language/parsing/yamlBlocks';
import { parseYaml } from '../../../language/parsing/yamlTree';
import { fixtureText } from '../../support/fixtures';
import { Prng } from '../../support/fuzz/prng';

const PIECES = [
  'x',
  ' ',
  '\n',
  ':',
  '- ',
  '  ',
  '#',
  '"',
  'Key: 1\n',
  '\nTags: []\n',
  '&a ',
  '---\n',
  '\t',
  '{',
  'IKEVersion: IKEV2',
];

function assertSame(text: string, what: string): void {
  assert.deepEqual(parseYaml(text), parseYaml(text, false), what);
}

describe('YAML parsed block by block', function () {
  this.timeout(60_000);
  const large = fixtureText('medium', 'yaml');

  it('is used for a large file of the usual shape', () => {
    assert.ok(parseYamlByBlocks(large, () => undefined) === undefined, 'a failing block parser must make it give up');
    const blocks: string[] = [];
    parseYamlByBlocks(large, (text) => {
      blocks.push(text);
      return undefined;
    });
    assert.ok(blocks.length > 0, 'the large fixture did not reach the block parser');
  });

  it('gives what the whole-text parse gives, on the fixture and after 300 random edits', () => {
    assertSame(large, 'the medium fixture');
    const random = new Prng(20261129);
    for (let i = 0; i < 300; i++) {
      const at = random.int(large.length);
      const removed = random.int(4);
      const piece = random.pick(PIECES);
      const edited = large.slice(0, at) + piece + large.slice(at + removed);
      assertSame(edited, `edit ${i}: ${JSON.stringify(piece)} at ${at}, ${removed} removed`);
    }
  });

  it('reports a top-level key repeated in another block, on the later one', () => {
    const text = `${large}VpnGatewayId: vpngw-again\n`;
    assertSame(text, 'a repeated top-level key');
    assert.ok(parseYaml(text).parts[0].problems.some((problem) => problem.code === 'duplicate-key'));
  });
});
