/**
 * Block-by-block YAML parsing must give exactly what the whole-text parse gives (tree, offsets, value, problems),
 * on the large fixture, after random edits of it, and after edits that leave the handled shape; and it must
 * actually be used for the large fixture.
 */
import * as assert from 'node:assert/strict';
import { parseYamlByBlocks } from '../../../server/service/yamlBlocks';
import { parseYaml } from '../../../server/service/yamlTree';
import { fixtureText } from '../../lsp/fixtures';

/** A small deterministic generator (mulberry32), so a failure names a replayable edit. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['x', ' ', '\n', ':', '- ', '  ', '#', '"', 'Key: 1\n', '\nTags: []\n', '&a ', '---\n', '\t', '{', 'IKEVersion: IKEV2'];

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
    const next = random(20261129);
    for (let i = 0; i < 300; i++) {
      const at = Math.floor(next() * large.length);
      const removed = Math.floor(next() * 4);
      const piece = PIECES[Math.floor(next() * PIECES.length)];
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
