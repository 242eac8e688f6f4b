/**
 * The first parse of a large strict-JSON file skips its tree (language/parsing/jsonFast.ts). It must give every
 * diagnostic the ordinary parse gives — same ranges, codes, messages and data — on the fixtures, after random
 * edits that make findings anywhere (bad values, unknown keys, wrong types, missing keys, repeated keys, broken
 * syntax), and with the tree built later equal to the ordinary one; and it must actually be taken where it should
 * (a test that compared two ordinary parses would prove nothing), and not where it must not be.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../language/languageService';
import { checkParsed } from '../../../language/pipeline';
import { pathTree } from '../../../language/parsing/jsonFast';
import { parseJson } from '../../../language/parsing/jsonTree';
import { nodeAtPath, type ParsedFile, type TreeNode } from '../../../language/parsing/tree';
import type { JsonPath } from '../../../language/types';
import { exampleWithSpd, fixtureText, minifiedFixtureText, render } from '../../support/fixtures';
import { Prng } from '../../support/fuzz/prng';

const OPTIONS = { lang: 'en' as const, disabledRules: [] };

const diagnosticsOf = (text: string, parsed: ParsedFile) =>
  checkParsed(TextDocument.create('file:///a.vpnconn.json', 'tencentcloud-vpn-json', 1, text), parsed, OPTIONS)
    .diagnostics;

const list = (value: unknown) => (value as { SecurityPolicyDatabases: unknown }).SecurityPolicyDatabases;

let unique = 0;
/** The text with a name no other parse saw: a text parsed by blocks lately takes the blocks (a file reopened). */
const unseen = (text: string): string => text.replace('"VpnConnectionName": "', `"VpnConnectionName": "${unique++}-`);

/** Whether the first parse took the fast path. */
const fast = (text: string): boolean => parseJson(text, true, true).parts[0]?.locate !== undefined;

/** Diagnostics compared so far (the random changes must make some). */
let compared = 0;

/** Both parses give the same diagnostics; returns whether the fast path was taken. */
function assertSameDiagnostics(text: string, what: string): boolean {
  const first = parseJson(text, true, true);
  const expected = diagnosticsOf(text, parseJson(text, false));
  assert.deepEqual(diagnosticsOf(text, first), expected, what);
  compared += expected.length;
  return first.parts[0]?.locate !== undefined;
}

/** The paths of every node of a tree. */
function pathsOf(node: TreeNode | undefined, path: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  out.push(path);
  for (const property of node?.properties ?? []) pathsOf(property.value, [...path, property.key], out);
  (node?.items ?? []).forEach((item, index) => pathsOf(item, [...path, index], out));
  return out;
}

/** A node without its children: what the ranges read of it. */
const own = (node: TreeNode | undefined) =>
  node && { kind: node.kind, offset: node.offset, length: node.length, value: node.value, flow: node.flow };

/** One random change to a parsed fixture value that most likely makes a finding somewhere. */
function mutate(value: Record<string, unknown>, random: Prng): string {
  const spd = value.SecurityPolicyDatabases as Array<{ LocalCidrBlock: string; RemoteCidrBlock: string[] }>;
  const entry = spd[random.int(spd.length)];
  const ike = value.IKEOptionsSpecification as Record<string, unknown>;
  const changes: Array<() => string> = [
    () => ((entry.LocalCidrBlock = '10.0.0.5/24'), 'host bits'),
    () => ((entry.RemoteCidrBlock[0] = '300.1.1.1/8'), 'bad CIDR'),
    () => ((entry.RemoteCidrBlock = []), 'empty list'),
    () => ((ike.DhGroupName = 'GROUP99'), 'bad enum'),
    () => ((ike.EncryptAlgorith = 'AES-CBC-128'), 'unknown key'),
    () => (delete value.VpnGatewayId, 'missing key'),
    () => ((value.VpnConnectionName = 42), 'wrong type'),
    () => ((value.DpdTimeout = 30), 'number for a string'),
    () => ((spd[random.int(spd.length)] = { ...entry }), 'repeated policy'),
    () => (((value as Record<string, unknown>).__proto__x = 1), 'unknown top-level key'),
  ];
  return random.pick(changes)();
}

describe('JSON first parse without the tree (jsonFast.ts)', function () {
  this.timeout(120_000);
  const medium = fixtureText('medium', 'json');

  it('is taken for the large, medium and minified fixtures, and not for the typical one (below its size)', () => {
    assert.ok(fast(unseen(medium)));
    assert.ok(fast(unseen(fixtureText('large', 'json'))));
    assert.ok(fast(unseen(minifiedFixtureText())));
    assert.ok(!fast(fixtureText('typical', 'json')));
  });

  it('gives the ordinary diagnostics on the fixtures and after 200 random changes that make findings', () => {
    for (const text of [medium, fixtureText('large', 'json'), minifiedFixtureText()])
      assert.ok(assertSameDiagnostics(unseen(text), 'a fixture'));
    const random = new Prng(20261202);
    let taken = 0;
    for (let i = 0; i < 200; i++) {
      const value = exampleWithSpd(300) as Record<string, unknown>;
      const what = [mutate(value, random), mutate(value, random)].join(', ');
      const text = random.chance(0.3) ? JSON.stringify(value) : render(value, 'json');
      if (assertSameDiagnostics(text, `change ${i}: ${what}`)) taken++;
    }
    assert.ok(taken > 150, `the fast path was taken ${taken} times of 200`);
    assert.ok(compared > 400, `only ${compared} diagnostics compared`);
  });

  it('is not taken where the ordinary parse reports something or reads what JSON.parse does not', () => {
    const big = (inner: string) => medium.replace(/^\{/, `{${inner}`);
    const cases: Record<string, string> = {
      'a comment': big('// a comment\n'),
      'a trailing comma': medium.replace(/\s*\}\s*$/, ',\n}\n'),
      'a byte order mark': `\ufeff${medium}`,
      'a repeated key, deep inside': medium.replace('"LocalCidrBlock"', '"RemoteCidrBlock": [], "LocalCidrBlock"'),
      'a repeated top-level key': medium.replace(/\}\s*$/, ', "VpnGatewayId": "vpngw-again"}\n'),
      'a syntax error': medium.replace('"IKEOptionsSpecification"', '"IKEOptionsSpecification" :: '),
      'deep nesting': big(`"Deep": ${'['.repeat(100)}${']'.repeat(100)},`),
      'a root that is not an object': `[${medium}]`,
    };
    for (const [what, text] of Object.entries(cases)) {
      assert.ok(!fast(text), what);
      assertSameDiagnostics(text, what);
    }
  });

  it('is replaced by the ordinary parse when the host prepares the document: an edit elsewhere then reuses its blocks', () => {
    const service = createLanguageService();
    const text = unseen(medium);
    const doc = TextDocument.create('file:///p.vpnconn.json', 'tencentcloud-vpn-json', 1, text);
    const shown = service.validate(doc, OPTIONS);
    const first = service.parse(doc).parts[0];
    assert.ok(first.locate, 'the first open took the fast path');
    service.prepare(doc);
    const prepared = service.parse(doc).parts[0];
    assert.equal(prepared.locate, undefined);
    assert.deepEqual(prepared.root, parseJson(text, false).parts[0].root);
    assert.deepEqual(service.validate(doc, OPTIONS), shown);
    // The block parse kept the first parse's objects, on which the rules worked (spdMappings.ts keys by the list);
    // an edit of another member keeps them too, so that work is reused rather than redone.
    assert.equal(list(prepared.value), list(first.value));
    const edited = TextDocument.update(
      doc,
      [{ text: text.replace('"VpnConnectionName": "', '"VpnConnectionName": "x') }],
      2,
    );
    service.validate(edited, OPTIONS);
    assert.equal(list(service.parse(edited).parts[0].value), list(prepared.value));
  });

  it('is not taken for a text parsed by blocks lately (a file closed and opened again): its blocks are kept', () => {
    const text = unseen(medium);
    assert.ok(fast(text));
    parseJson(text); // a later version's parse, by blocks
    assert.ok(!fast(text));
    assertSameDiagnostics(text, 'a text seen before');
  });

  it('builds, when read, the tree the ordinary parse builds', () => {
    const text = unseen(medium);
    const part = parseJson(text, true, true).parts[0];
    assert.ok(part.locate);
    assert.deepEqual(part.root, parseJson(text, false).parts[0].root);
    assert.deepEqual(part.value, parseJson(text, false).parts[0].value);
  });

  for (const indent of ['\t', 2, 0])
    it(`locates any path as the ordinary tree does: the same node, key and offsets along it (indent ${JSON.stringify(indent)})`, () => {
      const text = JSON.stringify(exampleWithSpd(40), null, indent);
      const full = parseJson(text, false).parts[0].root;
      const random = new Prng(7);
      const all = pathsOf(full);
      for (let i = 0; i < 300; i++) {
        const path = random.pick(all);
        // Paths that leave the tree, as findings of a missing key or a too-short list do.
        const asked = random.chance(0.2) ? [...path, random.chance(0.5) ? 'Missing' : 99] : path;
        const sparse = pathTree(text, [asked, random.pick(all)]);
        for (let depth = 0; depth <= asked.length; depth++) {
          const prefix = asked.slice(0, depth);
          assert.deepEqual(own(nodeAtPath(sparse, prefix)), own(nodeAtPath(full, prefix)), JSON.stringify(prefix));
        }
      }
    });
});
