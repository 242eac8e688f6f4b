/**
 * The server's entries run their bundles from V8's code cache (server/boot/codeCache.ts): a run without a cache
 * takes one, the next run uses it, a changed bundle or another Node gets its own, a damaged or foreign file is
 * never trusted, and the bundle runs whatever happens to the cache. Last, the built server over stdio: its first
 * start leaves a cache of both bundles in TCVPN_CACHE_DIR, its second start uses it (the cache's files are not
 * taken again). Speed is the benchmark's (docs/performance.md), not this test's.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeCacheDir } from '../../server/boot/cacheDir';
import { runCached, type CacheUse } from '../../server/boot/codeCache';
import { fixtureText } from '../support/fixtures';
import { ensureBuilt } from '../support/build';
import { LspTestClient, SERVER_COMMAND } from '../support/lsp';

/** Runs `bundle` in a child node with the cache in `dir` (taken at once), and says how the cache was used. */
function runInChild(bundle: string, dir: string | undefined): { use: CacheUse; printed: string } {
  const entry = `const { runCached } = require(${JSON.stringify(require.resolve('../../server/boot/codeCache'))});
    const use = runCached(${JSON.stringify(bundle)}, { dir: ${JSON.stringify(dir)}, writeAfterMs: 0 });
    console.log('use=' + use);`;
  const child = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', entry], { encoding: 'utf8', cwd: process.cwd() });
  assert.equal(child.status, 0, child.stderr);
  const use = /use=(\w+)/.exec(child.stdout)?.[1] as CacheUse;
  return { use, printed: child.stdout.replace(/use=\w+\n?/, '') };
}

const cacheFiles = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.v8cache'));

describe('code cache: the server bundles run from V8’s code cache', function () {
  this.timeout(60_000);
  let dir: string;
  let bundle: string;
  const cache = () => join(dir, 'cache');
  const writeBundle = (body: string) =>
    writeFileSync(
      bundle,
      `#!/usr/bin/env node\nconst path = require('node:path');\n${body}\nconsole.log([path.basename(__filename), path.basename(__dirname) === path.basename(${JSON.stringify(dir)}), module.exports === exports].join(' '));\n`,
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tcvpn-code-cache-'));
    bundle = join(dir, 'bundle.js');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a cache when there is none, uses it next time, and the bundle runs as a CommonJS module either way', () => {
    writeBundle('function work(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; } work(1000);');
    assert.deepEqual(runInChild(bundle, cache()), { use: 'none', printed: 'bundle.js true true\n' });
    const [file] = cacheFiles(cache());
    assert.match(file, /^bundle-[0-9a-f]{24}\.v8cache$/);
    if (process.platform !== 'win32') {
      assert.equal(statSync(cache()).mode & 0o777, 0o700, 'the folder is the user’s alone');
      assert.equal(statSync(join(cache(), file)).mode & 0o777, 0o600);
    }
    assert.deepEqual(runInChild(bundle, cache()), { use: 'used', printed: 'bundle.js true true\n' });
    assert.deepEqual(cacheFiles(cache()), [file], 'not taken again');
  });

  it('a changed bundle gets a new cache, and the old one is removed', () => {
    writeBundle('globalThis.a = 1;');
    runInChild(bundle, cache());
    const [before] = cacheFiles(cache());
    // Same length, other text: V8 alone checks only the length; the key is a hash of the text.
    writeBundle('globalThis.b = 1;');
    assert.equal(runInChild(bundle, cache()).use, 'none');
    const after = cacheFiles(cache());
    assert.equal(after.length, 1);
    assert.notEqual(after[0], before);
  });

  it('a damaged cache file is refused by V8: the bundle runs from source and the cache is taken again', () => {
    writeBundle('globalThis.a = 1;');
    runInChild(bundle, cache());
    const [file] = cacheFiles(cache());
    writeFileSync(join(cache(), file), Buffer.alloc(4096, 7), { mode: 0o600 });
    assert.deepEqual(runInChild(bundle, cache()), { use: 'rejected', printed: 'bundle.js true true\n' });
    assert.equal(runInChild(bundle, cache()).use, 'used');
  });

  it('a cache file of another user is not read', function () {
    if (process.getuid?.() !== 0) this.skip(); // only root can give a file away
    writeBundle('globalThis.a = 1;');
    runInChild(bundle, cache());
    const [file] = cacheFiles(cache());
    chownSync(join(cache(), file), 65534, 65534);
    assert.equal(runInChild(bundle, cache()).use, 'none');
  });

  it('no folder: no cache, and the bundle runs; a folder that cannot be made only costs the cache', () => {
    writeBundle('globalThis.a = 1;');
    assert.deepEqual(runInChild(bundle, undefined), { use: 'off', printed: 'bundle.js true true\n' });
    writeFileSync(join(dir, 'a-file'), '');
    assert.deepEqual(runInChild(bundle, join(dir, 'a-file', 'cache')), {
      use: 'none',
      printed: 'bundle.js true true\n',
    });
  });

  it('a bundle that throws throws as it would under require (the cache changes nothing)', () => {
    writeFileSync(bundle, 'throw new Error("from the bundle");');
    assert.throws(() => runCached(bundle, { dir: cache(), writeAfterMs: 60_000 }), /from the bundle/);
  });

  it('lives in TCVPN_CACHE_DIR, or the platform’s per-user cache folder; an empty value turns it off', () => {
    assert.equal(codeCacheDir({ TCVPN_CACHE_DIR: '/x/y' }, 'linux'), join('/x/y', 'code-cache'));
    assert.equal(codeCacheDir({ TCVPN_CACHE_DIR: '' }, 'linux'), undefined);
    assert.equal(codeCacheDir({ XDG_CACHE_HOME: '/c' }, 'linux'), join('/c', 'tcvpn', 'code-cache'));
    assert.match(codeCacheDir({}, 'darwin')!, /Library[\\/]Caches[\\/]tcvpn[\\/]code-cache$/);
    assert.equal(codeCacheDir({ LOCALAPPDATA: 'C:\\L' }, 'win32'), join('C:\\L', 'tcvpn', 'Cache', 'code-cache'));
  });

  it('the built server leaves a cache of its bundle and its worker’s, and its next start uses them', async () => {
    ensureBuilt();
    const env = { ...process.env, TCVPN_CACHE_DIR: dir };
    const large = fixtureText('large', 'json');
    const session = async () => {
      const server = await LspTestClient.start({ ...SERVER_COMMAND, env });
      try {
        // A large file starts the worker, which takes its cache a second after it starts.
        const uri = 'file:///work/large.vpnconn.json';
        const published = server.diagnostics(uri, () => true, { timeoutMs: 60_000 });
        await server.open(uri, 'tencentcloud-vpn-json', large);
        await published;
        await new Promise((resolve) => setTimeout(resolve, 1500));
      } finally {
        await server.stop();
      }
    };
    await session();
    const first = cacheFiles(join(dir, 'code-cache')).sort();
    assert.deepEqual(
      first.map((name) => name.replace(/-[0-9a-f]+\.v8cache$/, '')),
      ['serverMain', 'validationWorkerMain'],
    );
    const taken = first.map((name) => statSync(join(dir, 'code-cache', name)).mtimeMs);
    await session();
    assert.deepEqual(cacheFiles(join(dir, 'code-cache')).sort(), first);
    assert.deepEqual(
      first.map((name) => statSync(join(dir, 'code-cache', name)).mtimeMs),
      taken,
      'V8 took the cache: it was not taken again',
    );
  });
});
