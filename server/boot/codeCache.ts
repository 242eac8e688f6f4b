/**
 * Runs a bundle (dist/serverMain.js, dist/validationWorkerMain.js) from V8's code cache: the bytecode of every
 * function the previous run compiled, kept in the user's cache folder (cacheDir.ts). Node 20 compiles a bundle
 * from source at every start and each function again the first time it runs; with the cache, neither. Measured
 * on this project's CI machine kind: spawn→initialize 119 → 94 ms (median of 8, `node dist/server.js --stdio`).
 *
 * Why not the `v8-compile-cache` package: it hooks `require` and takes the cache when a file is compiled, before
 * it runs, so only the top level is cached and an esbuild bundle (whose modules are functions called later) gains
 * little: 108 ms against 94 ms for a cache taken after the start-up ran (the same measurement).
 *
 * The cache is taken once per process when there was none (or V8 refused it): `writeAfterMs` after the start, or
 * at exit if that comes first. It is keyed by a hash of the bundle's text, Node's V8 version and the CPU
 * architecture (V8 itself checks only the text's length), written to a temporary name and renamed (two servers
 * starting at once never read half a file), and read only from a folder of this user's. Any failure runs the
 * bundle uncached, as `require` would: the cache is never needed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface CacheOptions {
  /** The folder of the cache files; undefined: no cache. */
  dir: string | undefined;
  /** When to take the cache if there was none, in ms after the start (it is taken at exit if that is sooner). */
  writeAfterMs: number;
  /** Called with a line when the cache could not be read or written (default: nothing is said). */
  log?: (message: string) => void;
}

/** How a run used the cache, for tests and the benchmark. */
export type CacheUse = 'off' | 'used' | 'rejected' | 'none';

/** The cache file of a bundle's text under `dir`: `<bundle name>-<hash>.v8cache`. */
export function cacheFileOf(dir: string, bundle: string, source: Buffer): string {
  const key = createHash('sha256')
    .update(source)
    .update(`\0${process.versions.v8}\0${process.arch}`)
    .digest('hex')
    .slice(0, 24);
  return join(dir, `${basename(bundle, '.js')}-${key}.v8cache`);
}

/** Runs `bundle` as CommonJS (its own module, require, __filename and __dirname), from the cache when there is one. */
export function runCached(bundle: string, options: CacheOptions): CacheUse {
  // The bytes are hashed (a string would be re-encoded first: 1 ms against 4 ms for 1.6 MB).
  const bytes = readFileSync(bundle);
  const file = options.dir ? cacheFileOf(options.dir, bundle, bytes) : undefined;
  const cachedData = file ? readOwn(file) : undefined;
  const source = bytes.toString('utf8').replace(/^#!.*/, '');
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const use: CacheUse = !file ? 'off' : !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  if (file && use !== 'used') scheduleWrite(script, file, options);
  const module = new Module(bundle, undefined);
  module.filename = bundle;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return use;
}

/** The file's bytes when it is this user's (on POSIX), else undefined. */
function readOwn(file: string): Buffer | undefined {
  try {
    if (process.getuid && statSync(file).uid !== process.getuid()) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Takes the cache once: after `writeAfterMs`, or at exit, whichever comes first. */
function scheduleWrite(script: Script, file: string, options: CacheOptions): void {
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    clearTimeout(timer);
    process.removeListener('exit', write);
    writeCache(script, file, options.log);
  };
  const timer = setTimeout(write, options.writeAfterMs);
  timer.unref();
  process.once('exit', write);
}

/** Writes the cache under a temporary name, renames it into place and removes the bundle's older caches. */
function writeCache(script: Script, file: string, log?: (message: string) => void): void {
  const dir = dirname(file);
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, file);
    const prefix = `${basename(file).replace(/-[0-9a-f]+\.v8cache$/, '')}-`;
    for (const name of readdirSync(dir))
      if (name.startsWith(prefix) && name.endsWith('.v8cache') && name !== basename(file))
        rmSync(join(dir, name), { force: true });
  } catch (error) {
    log?.(`code cache not written to ${dir}: ${(error as Error).message}`);
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written there either.
    }
  }
}
