/**
 * Makes sure dist/ holds bundles built from the current sources: the Neovim and pack tests run the built server
 * and CLI, and a stale bundle would test yesterday's code. Builds when a bundle is missing or older than a source.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './runCli';

const BUNDLES = ['dist/server.js', 'dist/cli.js'];
const SOURCE_DIRS = ['client', 'server', 'language', 'protocol', 'cloud', 'cli', 'emulator', 'schemas', 'scripts/build.mjs'];

function newestMtime(entry: string): number {
  const info = statSync(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** Builds with `node scripts/build.mjs` unless every bundle is newer than every source file. */
export function ensureBuilt(): void {
  const bundles = BUNDLES.map((bundle) => path.join(REPO_ROOT, bundle));
  const newestSource = Math.max(...SOURCE_DIRS.map((dir) => newestMtime(path.join(REPO_ROOT, dir))));
  const upToDate = bundles.every((bundle) => existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource);
  if (!upToDate) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'pipe' });
}
