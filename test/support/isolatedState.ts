/**
 * Loaded by mocha before any test (.mocharc.json "require"): points TCVPN_STATE_DIR at a fresh temporary folder, so
 * no test — and no `tcvpn` process a test starts, which inherits the environment — reads or writes the user's real
 * submission records (cloud/stateDir.ts). The folder is removed when the run ends.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The language server's code cache (server/boot/cacheDir.ts) likewise: never the user's ~/.cache.
if (process.env.TCVPN_CACHE_DIR === undefined) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-test-cache-'));
  process.env.TCVPN_CACHE_DIR = dir;
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
}
if (!process.env.TCVPN_STATE_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-test-state-'));
  process.env.TCVPN_STATE_DIR = dir;
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
}
