/**
 * Entry point for a developer with desktop VS Code: runs the in-editor suite with @vscode/test-electron, which
 * downloads VS Code (so it cannot run on the CI machines, where only the npm and Debian registries are reachable;
 * there, scripts/vscode-runtime/run-editor-tests.ts runs the same suite in code-server).
 *
 * Usage: npm run build && npx tsx scripts/vscode-runtime/run-editor-tests.ts --compile-only && npx tsx test/editor/runTest.ts
 * Start the emulator first (npm run emulator) and export TCVPN_EMULATOR_URL and the emulator's demo credentials.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..', '..');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tcve-'));
  const workspace = path.join(scratch, 'ws');
  cpSync(path.join(repoRoot, 'test', 'fixtures', 'editor'), workspace, { recursive: true });
  await runTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'editor', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(scratch, 'user-data')],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
