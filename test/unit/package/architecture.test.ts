/**
 * ARCHITECTURE.md is the newcomer's map, so it must not name what is gone: every path or file name it puts in
 * backticks exists in the repository (a bare file name somewhere in the tree, a path at the repository's root or,
 * for a path under a folder the text is describing, as a suffix of a tracked file).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifest, ROOT } from './grammarSupport';

const FILE_LIKE = /^[\w.*-]+(\/[\w.*-]+)*\/?$/;
const EXTENSIONS = /\.(ts|mjs|cjs|js|json|md|sh)$/;

/** The backticked names in the text that look like a file or a folder of this repository. */
export function namedPaths(markdown: string): string[] {
  const { dependencies = {}, devDependencies = {} } = manifest() as { dependencies?: object; devDependencies?: object };
  const packages = new Set([...Object.keys(dependencies), ...Object.keys(devDependencies)]);
  const names = new Set<string>();
  for (const match of markdown.matchAll(/`([^`\n]+)`/g)) {
    const name = match[1];
    if (!FILE_LIKE.test(name) || name.includes('*') || name.startsWith('dist/') || packages.has(name)) continue;
    if (EXTENSIONS.test(name) || name.endsWith('/')) names.add(name);
  }
  return [...names];
}

function trackedFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return listed.split('\n').filter(Boolean);
}

function exists(name: string, files: readonly string[]): boolean {
  if (name.endsWith('/')) return files.some((file) => file.startsWith(name) || file.includes(`/${name}`));
  if (!name.includes('/')) return files.some((file) => file === name || file.endsWith(`/${name}`));
  return files.some((file) => file === name || file.endsWith(`/${name}`));
}

describe('ARCHITECTURE.md: the map names only what exists', () => {
  const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const files = trackedFiles();

  it('finds the paths it names (the check reads the text it is meant to)', () => {
    const names = namedPaths(text);
    assert.ok(names.includes('language/pipeline.ts'), 'the pipeline is on the map');
    assert.ok(names.includes('submissionRecord.ts'), 'the submission record is on the map');
    assert.ok(names.length > 100, `only ${names.length} names found`);
  });

  it('every file and folder it names exists', () => {
    const missing = namedPaths(text).filter((name) => !exists(name, files));
    assert.deepEqual(missing, [], `ARCHITECTURE.md names what is not in the tree: ${missing.join(', ')}`);
  });

  it('the check catches a name that is gone', () => {
    const stale = namedPaths('see `server/service/validation.ts` and `rulesDoc.ts`');
    assert.deepEqual(
      stale.filter((name) => !exists(name, files)),
      ['server/service/validation.ts', 'rulesDoc.ts'],
    );
  });
});
