/**
 * The fixture files the fuzz starts from: every committed `*.vpnconn.{json,yaml,yml}` under test/fixtures except
 * the deliberately binary ones, in both languages. Large files are left to the long run (scripts/fuzz.ts
 * --max-size), so the CI run stays within its minute.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../build';
import type { FuzzFixture } from './serviceFuzz';

/** Where the committed fixtures live. */
export const FIXTURE_ROOT = path.join(REPO_ROOT, 'test', 'fixtures');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** The fuzz fixtures up to `maxBytes` each, sorted by path so a seed always sees the same list. */
export function fuzzFixtures(maxBytes = 8 * 1024): FuzzFixture[] {
  return walk(FIXTURE_ROOT)
    .filter(
      (file) =>
        /\.vpnconn\.(json|ya?ml)$/.test(file) &&
        !file.includes(`${path.sep}binary${path.sep}`) &&
        statSync(file).size <= maxBytes,
    )
    .sort()
    .map((file) => ({
      name: path.relative(FIXTURE_ROOT, file).replace(/[\\/]/g, '_'),
      kind: file.endsWith('.json') ? 'json' : 'yaml',
      text: readFileSync(file, 'utf8'),
    }));
}
