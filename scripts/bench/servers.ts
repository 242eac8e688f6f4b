/**
 * The servers under test and how each is started and configured, as an editor would: ours from dist/, Red Hat's
 * yaml-language-server as npm installs it, and VS Code's JSON language service behind our small stdio wrapper,
 * bundled with esbuild into a temporary directory the way VS Code ships its own JSON server (bundled), so neither
 * pays for tsx or module resolution at spawn. All of them get the same schema file by URI.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { FixtureKind } from '../../test/support/fixtures';
import type { ServerCommand, SettingsBySection } from '../../test/support/lsp';

export const ROOT = join(__dirname, '..', '..');
export const SCHEMA_PATH = join(ROOT, 'schemas', 'CreateVpnConnection.schema.json');

/** How to start a server and what to answer when it asks for settings (workspace/configuration, by section). */
export interface ServerSpec extends ServerCommand {
  name: string;
  cwd: string;
  settings?: SettingsBySection;
  initializationOptions?: unknown;
}

/** A server and the facts about it the report needs. */
export interface BenchServer {
  id: 'ours' | 'yaml-language-server' | 'vscode-json-languageservice';
  spec: ServerSpec;
  version: string;
  /** The languages it serves: ours both, each peer its own. */
  kinds: readonly FixtureKind[];
  /** The languageId this server expects for the fixture's language. */
  languageId: (kind: FixtureKind) => string;
  /** A fixed delay the server waits before validating (its own debounce), 0 when none; reported, never subtracted silently. */
  validationDelayMs: number;
}

function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Our server, built by `npm run bench` (scripts/build.mjs) just before, with its V8 code cache (server/boot/) in
 * `cacheDir`: the benchmark's own folder, not the user's, so no earlier run decides what is measured.
 */
export function ourServer(cacheDir: string): BenchServer {
  return {
    id: 'ours',
    // An empty section keeps every setting at its default; answering it (instead of null) is what VS Code does.
    spec: {
      name: 'ours',
      command: process.execPath,
      args: [join(ROOT, 'dist', 'server.js'), '--stdio'],
      cwd: ROOT,
      env: { ...process.env, TCVPN_CACHE_DIR: cacheDir },
      settings: { tencentcloudVpn: {} },
    },
    version: packageVersion(ROOT),
    kinds: ['json', 'yaml'],
    languageId: (kind) => `tencentcloud-vpn-${kind}`,
    validationDelayMs: 0,
  };
}

/** Red Hat's YAML server with the schema mapped to `*.vpnconn.yaml` through `yaml.schemas`, no network stores. */
export function yamlPeer(): BenchServer {
  const dir = join(ROOT, 'node_modules', 'yaml-language-server');
  // Its debounce is a constant in the shipped settings class (200 ms in 2.x), not a setting: read it, to report it.
  // 2.x ships it in out/src/, 1.x in out/server/src/.
  const settingsFile = ['out/src', 'out/server/src']
    .map((folder) => join(dir, folder, 'yamlSettings.js'))
    .find((file) => existsSync(file));
  const delay = settingsFile && /validationDelayMs\s*=\s*(\d+)/.exec(readFileSync(settingsFile, 'utf8'))?.[1];
  const yaml = {
    schemas: { [pathToFileURL(SCHEMA_PATH).href]: '*.vpnconn.yaml' },
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    // The schema store and the CRD store are fetched over the internet when enabled: keep everything local.
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
  };
  return {
    id: 'yaml-language-server',
    spec: {
      name: 'yaml-language-server',
      command: process.execPath,
      args: [join(dir, 'bin', 'yaml-language-server'), '--stdio'],
      cwd: ROOT,
      settings: { yaml, http: { proxy: '', proxyStrictSSL: false }, '[yaml]': {}, editor: { tabSize: 2 } },
    },
    version: packageVersion(dir),
    kinds: ['yaml'],
    languageId: () => 'yaml',
    validationDelayMs: delay ? Number(delay) : 0,
  };
}

/**
 * VS Code's JSON language service behind scripts/bench/jsonPeerServer.ts, bundled into a fresh temporary directory.
 * Returns the server and a cleanup that removes the bundle.
 */
export async function jsonPeer(): Promise<{ server: BenchServer; dispose: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'tcvpn-bench-'));
  const outfile = join(dir, 'jsonPeerServer.js');
  // Same bundling options as scripts/build.mjs uses for our server: jsonc-parser's UMD main does not bundle, its ESM does.
  await build({
    entryPoints: [join(__dirname, 'jsonPeerServer.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  const server: BenchServer = {
    id: 'vscode-json-languageservice',
    spec: {
      name: 'vscode-json-languageservice',
      command: process.execPath,
      args: [outfile, '--stdio', '--schema', SCHEMA_PATH, '--fileMatch', '*.vpnconn.json'],
      cwd: ROOT,
    },
    version: packageVersion(join(ROOT, 'node_modules', 'vscode-json-languageservice')),
    kinds: ['json'],
    languageId: () => 'json',
    validationDelayMs: 0,
  };
  return { server, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
