/**
 * The validators generated ahead of time (language/schema/generated/, ajv standalone code) against a schema
 * compiled by ajv at run time with the library's option set: the same errors on every value of every fixture,
 * under every action's schema. Also: the folder holds nothing else, and a process loads a validator only when it
 * validates that action.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { ANNOTATION_KEYWORDS } from '../../../language/schema/keywords';
import { validatorFor } from '../../../language/schema/paramsValidation';
import { parseJson } from '../../../language/parsing/jsonTree';
import { parseYaml } from '../../../language/parsing/yamlTree';
import { generateAllFiles, SCHEMA_ACTIONS } from '../../../scripts/generate-schemas';
import { VALIDATORS_DIR } from '../../../scripts/generate-validators';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');

/** The run-time compile the library used before its validators were generated. */
function compiled(action: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true }).addVocabulary([...ANNOTATION_KEYWORDS]);
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', `${action}.schema.json`), 'utf8')));
}

/** What a finding is made of: where, which keyword, its params (and the schema path, for a clearer diff). */
function errorsOf(validate: ValidateFunction, value: unknown): Pick<ErrorObject, 'instancePath' | 'keyword' | 'params' | 'schemaPath'>[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map(({ instancePath, keyword, params, schemaPath }) => ({ instancePath, keyword, params, schemaPath }));
}

/** Every JSON and YAML file under test/fixtures (the corpus included), recursively. */
function fixtureFiles(dir = FIXTURES): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return fixtureFiles(path);
    return /\.(json|ya?ml)$/.test(entry.name) ? [path] : [];
  });
}

/**
 * The plain values of a file's parts, as the pipeline validates them: parsed as one whole text, which gives the
 * block-by-block parse's value and leaves the block caches (and so the tests of block parsing) untouched.
 */
function valuesOf(path: string): unknown[] {
  const text = readFileSync(path, 'utf8');
  const parsed = path.endsWith('.json') ? parseJson(text, false) : parseYaml(text, false);
  return parsed.parts.map((part) => part.value).filter((value) => value !== undefined);
}

describe('generated validators', () => {
  it('hold only the files the generator writes (test/unit/schemas/schemas.test.ts checks them fresh)', () => {
    const generated = generateAllFiles();
    const stray = readdirSync(join(ROOT, VALIDATORS_DIR))
      .map((name) => `${VALIDATORS_DIR}/${name}`)
      .filter((path) => !generated.has(path));
    assert.deepEqual(stray, [], 'files in the generated folder that the generator does not write');
  });

  it('exist for every action schema', () => {
    for (const action of SCHEMA_ACTIONS) assert.equal(typeof validatorFor(action), 'function', action);
    assert.equal(validatorFor('DescribeVpnConnections'), undefined);
  });

  const files = fixtureFiles();
  it('cover the fixtures and the corpus', () => {
    assert.ok(files.some((path) => path.includes(`${join('fixtures', 'corpus')}`)), 'the corpus is read');
    assert.ok(files.length > 150, `${files.length} fixture files`);
  });

  for (const action of SCHEMA_ACTIONS) {
    it(`give the errors of a run-time compile on every fixture, under ${action}`, () => {
      const runtime = compiled(action);
      const generated = validatorFor(action)!;
      let values = 0;
      let failing = 0;
      for (const path of files) {
        for (const value of valuesOf(path)) {
          values++;
          const expected = errorsOf(runtime, value);
          if (expected.length) failing++;
          assert.deepEqual(errorsOf(generated, value), expected, `${relative(ROOT, path)} under ${action}`);
        }
      }
      assert.ok(values > 150 && failing > 20, `${values} values, ${failing} with errors`);
    });
  }

  it('are loaded on first use only, one per action validated', function () {
    this.timeout(30_000);
    const script = `
      const loaded = () => Object.keys(require.cache).filter((p) => /generated[\\\\/]|node_modules[\\\\/]ajv[\\\\/]dist[\\\\/](core|ajv|compile)/.test(p)).map((p) => p.replace(/.*[\\\\/]/, ''));
      const lib = require('./language/index');
      const before = loaded();
      const text = require('node:fs').readFileSync('test/fixtures/official-example.vpnconn.json', 'utf8');
      lib.checkText(text, 'json', 'file:///a.vpnconn.json', {});
      process.stdout.write(JSON.stringify({ before, after: loaded() }));`;
    const out = execFileSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), { before: [], after: ['CreateVpnConnection.validate.js'] });
  });
});
