/**
 * `dist/validationWorker.js`, the validation worker thread's entry (started by server/workerClient.ts): runs the
 * worker's bundle, dist/validationWorkerMain.js (server/validationWorker.ts), from V8's code cache (codeCache.ts).
 * A worker is terminated without an exit event, so its cache is taken a second after it starts, when its first
 * validation has compiled the pipeline.
 */
import { join } from 'node:path';
import { codeCacheDir } from './cacheDir';
import { runCached } from './codeCache';

runCached(join(__dirname, 'validationWorkerMain.js'), { dir: codeCacheDir(), writeAfterMs: 1000 });
