/**
 * The plainest YAML blocks are read without the `yaml` library (language/parsing/yamlFastBlock.ts). Where it reads
 * a block, it must give exactly the library's parse (libraryYamlBlock: tree, offsets, keys, values); where it does
 * not, it must say so (undefined), never guess. Checked on every block of the fixtures, on generated blocks of
 * every shape the reader takes, and on random edits of them; and it must actually read the fixtures' blocks.
 */
import * as assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { fastYamlBlock } from '../../../language/parsing/yamlFastBlock';
import { libraryYamlBlock, parseYaml } from '../../../language/parsing/yamlTree';
import { exampleWithSpd, fixtureText } from '../../support/fixtures';
import { Prng } from '../../support/fuzz/prng';

/** The top-level blocks of a text whose keys start at column 0. */
function blocksOf(text: string): string[] {
  const starts = [...text.matchAll(/^\S/gm)].map((match) => match.index!);
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length));
}

/** The fast reading agrees with the library's, or declines; returns whether it read the block. */
function assertAgrees(text: string, what: string): boolean {
  const fast = fastYamlBlock(text);
  if (fast === undefined) return false;
  assert.deepEqual(fast, libraryYamlBlock(text), `${what}\n${text}`);
  return true;
}

const SCALARS = [
  'plain',
  '1.2.3.4',
  '1.',
  '1.e5',
  '.5',
  '+.inf',
  '0o8',
  '0xG',
  '10.0.0.5/24',
  'e5',
  'two words',
  '3DES-CBC',
  '10.0.0.0/16',
  'vpngw-8ccsnclt',
  '0',
  '7',
  '300',
  '123456789012345',
  '1234567890123456',
  '007',
  '-1',
  '+1',
  '1.5',
  '1e3',
  '0x1F',
  '0o7',
  '.inf',
  '.nan',
  '~',
  'null',
  'Null',
  'true',
  'False',
  'yes',
  'on',
  '"NULL"',
  '"quoted words"',
  '"with \\" escape"',
  "'single'",
  'a: b',
  'a #b',
  '#c',
  '- x',
  '[1, 2]',
  '{a: 1}',
  '&anchor x',
  '*alias',
  '!tag x',
  '|',
  '>',
  'x,y',
  '@x',
  '%x',
  'é',
  'a  b',
  'tail ',
];

/** A random value of the shapes these files have: maps of words, lists of maps and of scalars. */
function randomValue(random: Prng, depth: number): unknown {
  const roll = random.int(depth > 2 ? 2 : 5);
  if (roll < 2) return random.pick(SCALARS).replace(/^"(.*)"$/, '$1');
  if (roll === 2) return Array.from({ length: 1 + random.int(3) }, () => randomValue(random, depth + 1));
  const keys = ['LocalCidrBlock', 'RemoteCidrBlock', 'Key', 'Value', 'a', 'B2', 'x_y'];
  return Object.fromEntries(
    Array.from({ length: 1 + random.int(3) }, () => [random.pick(keys), randomValue(random, depth + 1)]),
  );
}

describe('YAML blocks read without the library (yamlFastBlock.ts)', function () {
  this.timeout(60_000);

  it('reads every block of the fixtures as the library does', () => {
    for (const size of ['typical', 'medium', 'large'] as const) {
      const blocks = blocksOf(fixtureText(size, 'yaml'));
      const read = blocks.filter((block, i) => assertAgrees(block, `${size} block ${i}`)).length;
      assert.equal(read, blocks.length, `${size}: ${blocks.length - read} block(s) left to the library`);
    }
  });

  it('reads a hand-written block of each shape, and declines what it does not take', () => {
    const read = [
      'Key: value\n',
      'Key: "NULL"\n',
      'Key: 42\n',
      'Key:\n  a: 1\n  b: two words\n',
      'Key:\n  - x\n  - y\n',
      'Key:\n  - a: 1\n    b:\n      - 10.0.0.0/24\n  - a: 2\n',
      'Key:\n  - a: 1\n',
      'Key: last line without newline',
    ];
    for (const text of read) assert.ok(assertAgrees(text, 'hand-written'), text);
    const declined = [
      'Key: value # comment\n',
      'Key:\n\n  a: 1\n',
      'Key:\n\ta: 1\n',
      'Key: value\r\n',
      'Key:\n- a\n',
      'Key:\n  a: 1\n  a: 2\n',
      'Key: 1.5\n',
      'Key: true\n',
      'Key:\n',
      'Key: value \n',
      'Key: &a x\n',
      'Key: [1, 2]\n',
      '"Key": 1\n',
      "Key: 'x'\n",
    ];
    for (const text of declined) assert.equal(fastYamlBlock(text), undefined, text);
    // 10,000 levels of block nesting: declined (the library reports its nesting limit), not a stack overflow.
    const deep = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    assert.equal(fastYamlBlock(deep), undefined);
  });

  it('agrees with the library on 2,000 generated blocks and 2,000 random edits of them', () => {
    const random = new Prng(20261202);
    let read = 0;
    for (let i = 0; i < 2000; i++) {
      const text = stringify({ [random.pick(['Key', 'SecurityPolicyDatabases', 'Tags'])]: randomValue(random, 0) });
      if (assertAgrees(text, `generated ${i}`)) read++;
      const at = random.int(text.length);
      const piece = random.pick([' ', '\n', '  ', '- ', ': ', 'x', '"', '#', '1', '.', '\t', '']);
      assertAgrees(text.slice(0, at) + piece + text.slice(at + random.int(3)), `edit ${i} at ${at}`);
    }
    assert.ok(read > 500, `only ${read} of 2,000 generated blocks read`);
  });

  it('leaves the whole-file parse as it was: the large fixture by blocks equals its parse as one text', () => {
    const text = render();
    assert.deepEqual(parseYaml(text), parseYaml(text, false));
  });
});

function render(): string {
  return stringify(exampleWithSpd(800));
}
