/**
 * The user's state directory for tcvpn, shared by the extension and every `tcvpn` process: the submission records
 * and their locks live there (recordStore.ts). `TCVPN_STATE_DIR` wins (tests and CI point it at a temporary folder);
 * else the platform's place for per-user state: $XDG_STATE_HOME/tcvpn or ~/.local/state/tcvpn on Linux,
 * ~/Library/Application Support/tcvpn on macOS, %LOCALAPPDATA%\tcvpn on Windows.
 */
import * as os from 'node:os';
import * as path from 'node:path';

export function stateDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.TCVPN_STATE_DIR) return path.resolve(env.TCVPN_STATE_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'tcvpn');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'tcvpn');
  return path.join(env.XDG_STATE_HOME || path.join(home, '.local', 'state'), 'tcvpn');
}
