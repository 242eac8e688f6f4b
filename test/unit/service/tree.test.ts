import * as assert from 'node:assert/strict';
import { parseJson } from '../../../language/parsing/jsonTree';
import { parseYaml } from '../../../language/parsing/yamlTree';
import { locateOffset, nodeAtPath } from '../../../language/parsing/tree';

describe('service tree: one tree with offsets for JSON and YAML', () => {
  const json = '{"A": {"B": [1, "x"]}, "C": true}';
  const yaml = 'A:\n  B:\n    - 1\n    - x\nC: true\n';

  it('keeps the same shape and plain value for both languages', () => {
    const [jsonPart] = parseJson(json).parts;
    const [yamlPart] = parseYaml(yaml).parts;
    assert.deepEqual(jsonPart.value, { A: { B: [1, 'x'] }, C: true });
    assert.deepEqual(yamlPart.value, jsonPart.value);
    assert.equal(nodeAtPath(jsonPart.root, ['A', 'B', 1])!.value, 'x');
    assert.equal(nodeAtPath(yamlPart.root, ['A', 'B', 1])!.value, 'x');
  });

  it('records offsets of keys and values', () => {
    const [part] = parseYaml(yaml).parts;
    const c = part.root!.properties!.find((p) => p.key === 'C')!;
    assert.equal(yaml.slice(c.keyOffset, c.keyOffset + c.keyLength), 'C');
    assert.equal(yaml.slice(c.value!.offset, c.value!.offset + c.value!.length), 'true');
  });

  it('locates an offset on a key or inside a value', () => {
    const [part] = parseJson(json).parts;
    assert.deepEqual(locateOffset(part.root, json.indexOf('"B"') + 1), {
      ...locateOffset(part.root, json.indexOf('"B"') + 1),
      path: ['A', 'B'],
      onKey: true,
    });
    assert.deepEqual(locateOffset(part.root, json.indexOf('"x"') + 1).path, ['A', 'B', 1]);
  });

  it('marks YAML block collections as not flow, JSON ones as flow', () => {
    assert.equal(parseYaml(yaml).parts[0].root!.flow, false);
    assert.equal(parseJson(json).parts[0].root!.flow, true);
  });

  it('splits a YAML stream into parts with their own offsets', () => {
    const text = 'A: 1\n---\nB: 2\n';
    const parts = parseYaml(text).parts;
    assert.equal(parts.length, 2);
    assert.deepEqual(
      parts.map((p) => p.value),
      [{ A: 1 }, { B: 2 }],
    );
    assert.ok(parts[1].offset >= text.indexOf('---'));
  });

  it('keeps a "__proto__" key as an ordinary property, like JSON.parse', () => {
    const value = parseJson('{"__proto__": {"x": 1}}').parts[0].value as Record<string, unknown>;
    assert.deepEqual(Object.keys(value), ['__proto__']);
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
  });
});
