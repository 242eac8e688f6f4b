/**
 * `dist/server.js`, the language server's entry (`node dist/server.js --stdio`, the `tcvpn-language-server` bin):
 * runs the server's bundle, dist/serverMain.js (server/main.ts), from V8's code cache (codeCache.ts).
 */
import { join } from 'node:path';
import { codeCacheDir } from './cacheDir';
import { runCached } from './codeCache';

runCached(join(__dirname, 'serverMain.js'), { dir: codeCacheDir(), writeAfterMs: 3000 });
