/**
 * Where the language server keeps its V8 code cache (codeCache.ts): `TCVPN_CACHE_DIR` when set (an empty value
 * turns the cache off; tests point it at a temporary folder), else the platform's per-user cache folder:
 * $XDG_CACHE_HOME/tcvpn or ~/.cache/tcvpn on Linux, ~/Library/Caches/tcvpn on macOS, %LOCALAPPDATA%\tcvpn\Cache
 * on Windows; `code-cache` inside it.
 */
import * as os from 'node:os';
import * as path from 'node:path';

export function codeCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  if (env.TCVPN_CACHE_DIR !== undefined)
    return env.TCVPN_CACHE_DIR === '' ? undefined : path.join(path.resolve(env.TCVPN_CACHE_DIR), 'code-cache');
  const home = os.homedir();
  const base =
    platform === 'win32'
      ? path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'tcvpn', 'Cache')
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Caches', 'tcvpn')
        : path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'tcvpn');
  return path.join(base, 'code-cache');
}
