/**
 * Makes sure dist/ holds bundles built from the current sources, for the tests and scripts that run the built
 * server: a stale bundle would test yesterday's code. Builds (once per process) when a bundle is missing or older
 * than a source file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { PROGRAM_FOLDERS, REPO_ROOT } from './repo';

export { REPO_ROOT };

const BUNDLES = [
  'dist/server.js',
  'dist/serverMain.js',
  'dist/validationWorker.js',
  'dist/validationWorkerMain.js',
  'dist/cli.js',
  'dist/cliMain.js',
];
const SOURCES = [...PROGRAM_FOLDERS, 'schemas', 'scripts/build.mjs'];
let checked = false;

function newestMtime(entry: string): number {
  const info = statSync(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** Runs `node scripts/build.mjs` unless every bundle is newer than every source; checks once per process. */
export function ensureBuilt(): void {
  if (checked) return;
  const newestSource = Math.max(...SOURCES.map((source) => newestMtime(path.join(REPO_ROOT, source))));
  const upToDate = BUNDLES.every(
    (bundle) =>
      existsSync(path.join(REPO_ROOT, bundle)) && statSync(path.join(REPO_ROOT, bundle)).mtimeMs >= newestSource,
  );
  if (!upToDate) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'pipe' });
  checked = true;
}
