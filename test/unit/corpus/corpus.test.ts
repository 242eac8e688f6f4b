/**
 * The real-world corpus (test/fixtures/corpus): every file goes through the language service as `tcvpn validate`
 * checks it without an account (cli/validate.ts), and is held to its entry in expected.json. A valid file
 * has no error diagnostic; an invalid one has each expected code among its errors and no error of another code.
 * Warnings and information never fail a case. One `it` per file, so a failure names the shape.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { EN, service } from '../service/helpers';

const CORPUS = resolve(__dirname, '../../fixtures/corpus');
const LANGUAGE_ID = { json: 'tencentcloud-vpn-json', yaml: 'tencentcloud-vpn-yaml' } as const;

interface CorpusEntry {
  file: string;
  expect: 'valid' | { errors: string[] };
  shape: string;
  source: string[];
}

interface Manifest {
  sources: Record<string, string>;
  files: CorpusEntry[];
}

const manifest = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Manifest;

function kindOf(file: string): keyof typeof LANGUAGE_ID {
  if (file.endsWith('.json')) return 'json';
  if (file.endsWith('.yaml') || file.endsWith('.yml')) return 'yaml';
  throw new Error(`${file}: neither JSON nor YAML`);
}

/** The diagnostics `tcvpn validate` would print for the file (no account, no silenced rules, English). */
function diagnosticsOf(file: string): Diagnostic[] {
  const path = join(CORPUS, file);
  const doc = TextDocument.create(pathToFileURL(path).href, LANGUAGE_ID[kindOf(file)], 1, readFileSync(path, 'utf8'));
  return service.validate(doc, EN);
}

const SEVERITY_NAME: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function describeAll(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return '  (none)';
  return diagnostics
    .map(
      (d) =>
        `  ${SEVERITY_NAME[d.severity ?? 1]} ${String(d.code)} at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`,
    )
    .join('\n');
}

describe('real-world corpus', () => {
  it('lists every corpus file exactly once, each with a known source', () => {
    const onDisk = ['valid', 'invalid']
      .flatMap((dir) => readdirSync(join(CORPUS, dir)).map((name) => `${dir}/${name}`))
      .sort();
    const listed = manifest.files.map((entry) => entry.file);
    assert.deepEqual([...listed].sort(), onDisk, 'expected.json and the corpus folders disagree');
    assert.equal(new Set(listed).size, listed.length, 'a file is listed twice in expected.json');
    for (const entry of manifest.files) {
      assert.ok(entry.source.length > 0, `${entry.file}: no source`);
      for (const key of entry.source) assert.ok(manifest.sources[key], `${entry.file}: unknown source ${key}`);
      assert.equal(
        entry.file.startsWith('valid/'),
        entry.expect === 'valid',
        `${entry.file}: folder and expectation disagree`,
      );
    }
  });

  for (const entry of manifest.files) {
    const expectation = entry.expect === 'valid' ? 'no error' : entry.expect.errors.join(', ');
    it(`${entry.file} → ${expectation} (${entry.shape})`, () => {
      const diagnostics = diagnosticsOf(entry.file);
      const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
      if (entry.expect === 'valid') {
        assert.ok(
          errors.length === 0,
          `${entry.file} should validate without errors, got:\n${describeAll(diagnostics)}`,
        );
        return;
      }
      const expected = entry.expect.errors;
      const codes = new Set(errors.map((d) => String(d.code)));
      const missing = expected.filter((code) => !codes.has(code));
      const unexpected = errors.filter((d) => !expected.includes(String(d.code)));
      const problems = [
        missing.length > 0 ? `missing error code(s): ${missing.join(', ')}` : '',
        unexpected.length > 0 ? `unexpected error(s):\n${describeAll(unexpected)}` : '',
      ].filter(Boolean);
      assert.ok(
        problems.length === 0,
        `${entry.file}: ${problems.join('; ')}\nall diagnostics:\n${describeAll(diagnostics)}`,
      );
    });
  }
});
