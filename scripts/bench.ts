/**
 * Latency and memory of the language server, measured over stdio as an editor sees them.
 *
 *   npm run bench                        # ours: typical / medium / large (+ minified JSON) fixtures, against the targets
 *   npm run bench -- --peers             # also yaml-language-server and VS Code's JSON language service, same files
 *   npm run bench -- --json bench.json   # also write the results as JSON (for docs/performance.md)
 *   npm run bench -- --sizes typical,medium --langs yaml --quick   # a subset, fewer iterations
 *   npm run bench -- --blocking --quick  # only the never-blocked rows (hover on a small file beside a 5 MB one)
 *
 * Per server and fixture it reports the first open of fresh processes (`fresh:` rows: spawn→initialize and the
 * first file's first diagnostics, with whatever loading the schema costs on first use) apart from the warm rows of one session, whose
 * warm-up runs are discarded. `minified` is ~1 MB of JSON on one line (JSON only). The never-blocked rows
 * (scripts/bench/blocking.ts) time hovers on the small JSON file while a 5 MB JSON file validates and during a
 * 2,000-change flood of it; they run with JSON unless `--sizes` picks sizes, and alone with `--blocking`.
 *
 * It spawns `node dist/server.js --stdio` (built by the npm script first) and, with --peers, the peers; each one
 * talks only over its stdin/stdout, and every process is killed on the way out, error or Ctrl-C included.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { FixtureKind } from '../test/support/fixtures';
import { killAllChildren } from './bench/processes';
import { measureBlocking } from './bench/blocking';
import { measureCold, measureSession, measureSpawn, type Plan } from './bench/measure';
import { compare, jsonReport, notes, oursTable, peersTable, type Row } from './bench/report';
import { buildScenario, KINDS, sizeHasKind, SIZES, type BenchSize } from './bench/scenario';
import { jsonPeer, ourServer, ROOT, yamlPeer, type BenchServer, type ServerSpec } from './bench/servers';
import { startServer, stopServer, timeDiagnostics } from './bench/timing';
import { BLOCKING_METRICS, COLD_METRICS, METRICS } from './bench/targets';

interface Options {
  peers: boolean;
  json?: string;
  sizes: BenchSize[];
  kinds: FixtureKind[];
  quick: boolean;
  /** The never-blocked rows: 'only' with --blocking, 'with' unless --sizes picked sizes, else 'without'. */
  blocking: 'only' | 'with' | 'without';
}

function parseOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        peers: { type: 'boolean' },
        json: { type: 'string' },
        sizes: { type: 'string' },
        langs: { type: 'string' },
        quick: { type: 'boolean' },
        blocking: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; see the header of scripts/bench.ts`);
  }
  const { values } = parsed;
  const list = <T extends string>(name: string, given: string | undefined, all: readonly T[]): T[] => {
    const picked = given?.split(',') ?? [...all];
    const unknown = picked.filter((item) => !all.includes(item as T));
    if (unknown.length) throw new Error(`--${name}: unknown ${unknown.join(', ')} (one of ${all.join(', ')})`);
    return picked as T[];
  };
  return {
    peers: values.peers === true,
    json: values.json,
    sizes: list('sizes', values.sizes, SIZES),
    kinds: list('langs', values.langs, KINDS),
    quick: values.quick === true,
    blocking: values.blocking ? 'only' : values.sizes !== undefined ? 'without' : 'with',
  };
}

/**
 * Default: ~30 edits and 50 requests per metric; spawns are whole processes, so fewer, and 3 fresh processes per
 * server and fixture for the cold rows. --quick is a smoke run: one fresh process each.
 */
function planFor(quick: boolean): Plan {
  return quick
    ? { spawns: 3, colds: 1, opens: () => 3, edits: 6, requests: 8, budgetMs: 5_000, timeoutMs: 120_000 }
    : {
        spawns: 10,
        colds: 3,
        opens: (size) => (size === 'large' || size === 'minified' ? 5 : 10),
        edits: 30,
        requests: 50,
        budgetMs: 20_000,
        timeoutMs: 120_000,
      };
}

/** The spawn rows, then per language and size the fresh-process rows and one warm session, of every server. */
async function measureFixtures(
  options: Options,
  plan: Plan,
  servers: BenchServer[],
  rows: Row[],
  log: (message: string) => void,
): Promise<void> {
  // A peer for none of the languages asked for (--langs) is not started at all.
  for (const server of servers.filter((s) => s.kinds.some((kind) => options.kinds.includes(kind)))) {
    log(`${server.id}: spawn→initialize ×${plan.spawns}`);
    rows.push({
      server: server.id,
      kind: server.kinds.length === 1 ? server.kinds[0] : 'json',
      metric: 'spawn',
      summary: await measureSpawn(server, plan),
    });
  }
  for (const kind of options.kinds) {
    for (const size of options.sizes.filter((s) => sizeHasKind(s, kind))) {
      const scenario = buildScenario(size, kind);
      for (const server of servers.filter((s) => s.kinds.includes(kind))) {
        log(`${server.id}: ${kind} ${size} (${(scenario.text.length / 1024).toFixed(0)} KiB), fresh ×${plan.colds}`);
        const cold = await measureCold(server, scenario, plan);
        for (const metric of COLD_METRICS) rows.push({ server: server.id, kind, size, metric, summary: cold[metric] });
        if (server.id === 'ours') {
          log(`ours: ${kind} ${size}, first start (no code cache) ×${plan.colds}`);
          const first = await measureCold(server, scenario, plan, () => withoutCodeCache(server.spec));
          rows.push({ server: server.id, kind, size, metric: 'firstSpawn', summary: first.coldSpawn });
          rows.push({ server: server.id, kind, size, metric: 'firstOpen', summary: first.coldOpen });
        }
        log(`${server.id}: ${kind} ${size} session`);
        const measured = await measureSession(server, scenario, plan);
        for (const metric of METRICS) {
          const summary = measured[metric];
          if (summary) rows.push({ server: server.id, kind, size, metric, summary });
        }
      }
    }
  }
}

/** Our server's command line with an empty code cache folder of its own, as on its first start after an install. */
function withoutCodeCache(spec: ServerSpec): ServerSpec {
  const dir = mkdtempSync(join(tmpdir(), 'tcvpn-bench-nocache-'));
  benchFolders.push(dir);
  return { ...spec, env: { ...spec.env, TCVPN_CACHE_DIR: dir } };
}

/** Folders the benchmark made, removed at exit. */
const benchFolders: string[] = [];

/**
 * Fills our server's code cache as a user's earlier session would (server/boot/codeCache.ts): a session that
 * validates the large JSON file and lives long enough for the worker to take its cache too.
 */
async function primeCodeCache(server: BenchServer, plan: Plan): Promise<void> {
  const { client } = await startServer(server.spec, plan.timeoutMs);
  try {
    const s = buildScenario('large', 'json');
    const uri = `file:///tcvpn-bench/prime/${s.fileName}`;
    await timeDiagnostics(
      client,
      uri,
      () => true,
      () => client.open(uri, server.languageId('json'), s.text),
      plan.timeoutMs,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
  } finally {
    await stopServer(client);
  }
}

async function main(options: Options, cleanups: (() => void)[]): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'server.js')))
    throw new Error('dist/server.js is missing: run `npm run bench` (it builds first) or `npm run build`');
  const plan = planFor(options.quick);
  const cacheDir = mkdtempSync(join(tmpdir(), 'tcvpn-bench-cache-'));
  benchFolders.push(cacheDir);
  cleanups.push(() => benchFolders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const servers: BenchServer[] = [ourServer(cacheDir)];
  await primeCodeCache(servers[0], plan);
  if (options.peers) {
    const json = await jsonPeer();
    cleanups.push(json.dispose);
    servers.push(yamlPeer(), json.server);
  }
  const rows: Row[] = [];
  const log = (message: string): void => void process.stderr.write(`bench: ${message}\n`);
  if (options.blocking !== 'only') await measureFixtures(options, plan, servers, rows, log);
  if (options.blocking !== 'without' && options.kinds.includes('json')) {
    for (const server of servers.filter((s) => s.kinds.includes('json'))) {
      log(`${server.id}: hovers on a small file beside a 5 MB JSON file`);
      const measured = await measureBlocking(server, { opens: plan.colds, timeoutMs: plan.timeoutMs });
      for (const metric of BLOCKING_METRICS) {
        const summary = measured[metric];
        if (summary) rows.push({ server: server.id, kind: 'json', metric, summary });
      }
    }
  }
  const comparisons = compare(rows, servers);
  const out = [oursTable(rows, options.peers ? comparisons : [])];
  if (options.peers) out.push(peersTable(comparisons));
  out.push(
    [
      `fresh: rows: ${plan.colds} new process(es) per server and fixture, each spawned, initialized and given the file`,
      'with one schema error at once; 1st open→diag waits for the diagnostics that report it (schema loaded on first',
      'use, nothing warmed up; the OS file cache is warm). Other rows: one session per fixture, warm-up runs excluded;',
      'its open→diagnostics opens a new file after the schema is loaded.',
      "Our server runs from V8's code cache (server/boot/), in a folder of the benchmark primed by one session first, as",
      'a user\'s earlier session would; "no code cache" rows: its first start after an install (an empty folder per',
      'process), compared with the same fresh rows of the peers, which have no cache.',
      'hover while 5 MB validates / in 2,000-change flood: hovers on the typical JSON file, one after another, from',
      `the open of a 4.8 MiB JSON file (×${plan.colds}) until its diagnostics, and from the first of 2,000 changes to it until`,
      "the last one's diagnostics; each hover is a sample. n/a: the peer cannot be measured so (it parses every version).",
      `servers:\n${notes(servers)}`,
    ].join('\n'),
  );
  console.log(`\n${out.join('\n\n')}`);
  if (options.json) {
    const report = jsonReport(rows, comparisons, servers, {
      ...plan,
      opens: Object.fromEntries(SIZES.map((s) => [s, plan.opens(s)])),
    });
    // Microseconds are below the noise: three decimals keep the file readable when pasted into docs.
    const rounded = (_key: string, v: unknown): unknown =>
      typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v;
    writeFileSync(options.json, `${JSON.stringify(report, rounded, 2)}\n`);
    log(`wrote ${options.json}`);
  }
}

const cleanups: (() => void)[] = [killAllChildren];
const cleanUp = (): void => {
  for (const cleanup of cleanups.splice(0)) {
    try {
      cleanup();
    } catch {
      // Best effort: the next cleanup (and the other processes) still run.
    }
  }
};
process.on('exit', cleanUp);
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.on(signal, () => {
    cleanUp();
    process.exit(code);
  });
}

Promise.resolve()
  .then(() => main(parseOptions(process.argv.slice(2)), cleanups))
  .catch((error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(cleanUp);
