/**
 * What the in-editor test runner, the UI checks and the demo share: where the runtime lives, how to start the
 * emulator and code-server in process groups of their own, how to stop them (also on failure and Ctrl-C), and how to
 * open the workbench in Debian's Chromium through playwright-core. See ../../../shared/vscode-runtime/README.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  cpSync,
  existsSync,
} from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const runtimeDir = process.env.TCVPN_RUNTIME_DIR || path.join(os.homedir(), '.cache', 'tcvpn-vscode-runtime');
export const codeServerBin = path.join(runtimeDir, 'bin', 'code-server');
export const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'editor');

/** Prints a progress line of the runner (stderr, so stdout stays the test output). */
export function say(message: string): void {
  process.stderr.write(`[vscode-runtime] ${message}\n`);
}

/** Runs the idempotent install script unless the runtime is already complete. */
export function ensureRuntime(): void {
  if (existsSync(codeServerBin) && existsSync('/usr/bin/chromium')) return;
  const result = spawnSync('bash', [path.join(repoRoot, 'scripts', 'vscode-runtime', 'install.sh')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`scripts/vscode-runtime/install.sh failed (exit ${result.status})`);
}

/**
 * Stop actions registered by whatever the process started, run once in reverse order: on normal completion, on an
 * exception, on SIGINT/SIGTERM and, as a last resort, synchronously on exit (process groups get SIGKILL there).
 */
class Cleanup {
  private readonly actions: { name: string; run: () => Promise<void>; runSync: () => void }[] = [];
  private ran = false;
  private running: Promise<void> | undefined;

  constructor() {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => {
        // A Ctrl-C reaches the whole process group, and a launcher (npx, tsx) relays it again: say it once.
        if (!this.ran) say(`${signal}: stopping everything`);
        void this.runAll().finally(() => process.exit(130));
      });
    }
    process.on('exit', () => {
      // Also when exit comes in the middle of an orderly stop: SIGKILL to a group that is gone already is a no-op.
      for (const action of [...this.actions].reverse()) action.runSync();
    });
  }

  add(name: string, run: () => Promise<void>, runSync: () => void): void {
    this.actions.push({ name, run, runSync });
  }

  /** True once stopping has begun (so an exit seen then is expected, not a failure). */
  get stopping(): boolean {
    return this.ran;
  }

  /** Runs every stop once; a second caller (a signal during a normal stop) gets the same promise. */
  runAll(): Promise<void> {
    this.running ??= this.stopAll();
    return this.running;
  }

  private async stopAll(): Promise<void> {
    this.ran = true;
    for (const action of [...this.actions].reverse()) {
      try {
        await action.run();
      } catch (error) {
        say(`stopping ${action.name} failed: ${String(error)}`);
      }
    }
  }
}

export const cleanup = new Cleanup();

/** A process started with setsid (Node's `detached`), so that it and every child it forks share one group. */
export interface GroupProcess {
  child: ChildProcess;
  pgid: number;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is already gone.
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts a command in a new session and process group; registers its stop (TERM, then KILL after 5 s). */
export function startGroup(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; logFile?: string },
): GroupProcess {
  const child = spawn(command, args, {
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${name}: ${command}`);
  const pgid = child.pid;
  if (options.logFile) {
    const log = createWriteStream(options.logFile);
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (): Promise<void> => {
    killGroup(pgid, 'SIGTERM');
    const deadline = Date.now() + 5000;
    while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100)); // polling a kill, not a test sync
    if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL');
  };
  cleanup.add(name, stop, () => killGroup(pgid, 'SIGKILL'));
  return { child, pgid, exited, stop };
}

/** Resolves with the first match of `pattern` in the process's output, rejects when it exits or the time is up. */
export function waitForOutput(
  proc: GroupProcess,
  pattern: RegExp,
  timeoutMs: number,
  what: string,
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match) {
        done();
        resolve(match);
      }
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${what}: no ${pattern} within ${timeoutMs} ms; output so far:\n${seen}`));
    }, timeoutMs);
    const onExit = (code: number | null): void => {
      done();
      reject(new Error(`${what} exited (${code}) before printing ${pattern}; output:\n${seen}`));
    };
    const done = (): void => {
      clearTimeout(timer);
      proc.child.stdout!.off('data', onData);
      proc.child.stderr!.off('data', onData);
      proc.child.off('exit', onExit);
    };
    proc.child.stdout!.on('data', onData);
    proc.child.stderr!.on('data', onData);
    proc.child.once('exit', onExit);
  });
}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released for the caller). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A fresh, short folder under /tmp: code-server's Unix sockets live below it and their paths are limited to ~107 bytes. */
export function freshDataDir(prefix = 'tcv'): string {
  return mkdtempSync(path.join('/tmp', `${prefix}-`));
}

/**
 * Deletes a data folder once everything that used it has stopped (its stop is registered first, so it runs last),
 * unless `keep()` says to leave it for a look at the logs.
 */
export function removeWhenDone(dir: string, keep: () => boolean = () => false): void {
  const remove = (): void => {
    if (keep()) say(`kept ${dir} (logs of the failed run)`);
    else rmSync(dir, { recursive: true, force: true });
  };
  cleanup.add(
    'data dir',
    async () => remove(),
    () => undefined,
  );
}

/** Copies the fixture workspace (or another folder) to a fresh place, so no run sees another run's edits. */
export function freshWorkspace(dataDir: string, source = fixtureWorkspace): string {
  const target = path.join(dataDir, 'ws');
  cpSync(source, target, { recursive: true });
  return target;
}

/** The demo credentials of the emulator's seed (emulator/seed.json), in whichever shape the seed keeps them. */
export function emulatorDemoCredentials(): { secretId: string; secretKey: string } {
  const seedFile = path.join(repoRoot, 'emulator', 'seed.json');
  const seed = JSON.parse(readFileSync(seedFile, 'utf8')) as Record<string, unknown>;
  const found = findCredentialPair(seed);
  if (!found) throw new Error(`no SecretId/SecretKey pair found in ${seedFile}`);
  return found;
}

function findCredentialPair(value: unknown): { secretId: string; secretKey: string } | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findCredentialPair(item);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const id = record.SecretId ?? record.secretId;
    const key = record.SecretKey ?? record.secretKey;
    if (typeof id === 'string' && typeof key === 'string') return { secretId: id, secretKey: key };
    for (const item of Object.values(record)) {
      const found = findCredentialPair(item);
      if (found) return found;
    }
  }
  return undefined;
}

export interface Emulator {
  url: string;
  proc: GroupProcess;
}

/** Starts the VPC API emulator from the built CLI on a kernel-chosen port of 127.0.0.1 and waits for its URL. */
export async function startEmulator(logFile: string): Promise<Emulator> {
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const proc = startGroup('emulator', process.execPath, [cli, 'emulator', '--port', '0'], { logFile });
  const match = await waitForOutput(proc, /(http:\/\/127\.0\.0\.1:\d+)/, 20_000, 'the emulator');
  return { url: match[1], proc };
}

/** User settings of every run: nothing that writes on its own, no telemetry, no startup editor. */
export function writeUserSettings(dataDir: string, extra: Record<string, unknown>): void {
  const userDir = path.join(dataDir, 'user-data', 'User');
  mkdirSync(userDir, { recursive: true });
  const settings = {
    'files.autoSave': 'off',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'chat.disableAIFeatures': true,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    ...extra,
  };
  writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * The environment code-server runs in: XDG folders and TMPDIR inside the data folder (so the extension's submission
 * records, under XDG_STATE_HOME, belong to this run), no gallery, extra variables.
 */
export function codeServerEnv(dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Nothing of the caller's credentials leaks into the workbench unless the caller passes them on purpose.
  for (const key of Object.keys(env)) if (key.startsWith('TENCENTCLOUD_')) delete env[key];
  delete env.TCVPN_STATE_DIR;
  for (const sub of ['config', 'data', 'cache', 'state', 'tmp'])
    mkdirSync(path.join(dataDir, sub), { recursive: true });
  return {
    ...env,
    XDG_CONFIG_HOME: path.join(dataDir, 'config'),
    XDG_DATA_HOME: path.join(dataDir, 'data'),
    XDG_CACHE_HOME: path.join(dataDir, 'cache'),
    XDG_STATE_HOME: path.join(dataDir, 'state'),
    TMPDIR: path.join(dataDir, 'tmp'),
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

/** Common code-server flags: 127.0.0.1 only, no auth, nothing that phones home. */
function codeServerArgs(dataDir: string): string[] {
  writeFileSync(path.join(dataDir, 'config.yaml'), 'auth: none\ncert: false\n');
  return [
    '--config',
    path.join(dataDir, 'config.yaml'),
    '--user-data-dir',
    path.join(dataDir, 'user-data'),
    '--extensions-dir',
    path.join(dataDir, 'extensions'),
  ];
}

/** Installs a .vsix into the data folder's extensions dir with code-server's own CLI. Returns its output. */
export function installVsix(dataDir: string, vsix: string): string {
  const result = spawnSync(codeServerBin, [...codeServerArgs(dataDir), '--install-extension', vsix, '--force'], {
    env: codeServerEnv(dataDir, {}),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0)
    throw new Error(`code-server --install-extension ${vsix} failed (${result.status}):\n${output}`);
  return output;
}

/** Lists the extensions installed in the data folder's extensions dir (`id@version` lines). */
export function listExtensions(dataDir: string): string[] {
  const result = spawnSync(codeServerBin, [...codeServerArgs(dataDir), '--list-extensions', '--show-versions'], {
    env: codeServerEnv(dataDir, {}),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return result.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export interface CodeServer {
  url: string;
  port: number;
  proc: GroupProcess;
}

/** Starts code-server on 127.0.0.1 in its own process group and waits until /healthz answers 200. */
export async function startCodeServer(options: {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  smokeTestDriver: boolean;
  logFile: string;
  port?: number;
}): Promise<CodeServer> {
  const port = options.port ?? (await freePort());
  const args = [
    ...codeServerArgs(options.dataDir),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    '--reconnection-grace-time',
    '30',
  ];
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const proc = startGroup('code-server', codeServerBin, args, {
    env: options.env,
    cwd: options.dataDir,
    logFile: options.logFile,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealthz(url, proc, 60_000);
  return { url, port, proc };
}

async function waitForHealthz(url: string, proc: GroupProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void proc.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error('code-server exited before it answered /healthz (see its log)');
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200)); // readiness poll of a server that has no readiness event
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

/** Opens Debian's Chromium through playwright-core (which downloads no browser) with a fresh profile. */
export async function launchBrowser(dataDir: string, viewport = { width: 1400, height: 900 }) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(path.join(dataDir, 'chromium'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  cleanup.add(
    'chromium',
    () => context.close(),
    () => undefined,
  );
  return context;
}

/** The workbench URL that opens `folder`, with optional development/test parameters for the smoke-test driver. */
export function workbenchUrl(server: CodeServer, folder: string, payload?: [string, string][]): string {
  const query = new URLSearchParams({ folder });
  if (payload) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query.toString()}`;
}

/** A `vscode-remote://` URI of a path on this machine, with the authority the browser uses. */
export function remoteUri(server: CodeServer, absolutePath: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${absolutePath}`;
}

/** Replaces every occurrence of a secret in a log line, so no SecretKey reaches the terminal or a CI log. */
export function maskSecrets(line: string, secrets: string[]): string {
  let masked = line;
  for (const secret of secrets) if (secret) masked = masked.split(secret).join('***');
  return masked;
}

/** How long a UI step may take before a check fails (a bound on failure, not a wait for success). */
export const UI_TIMEOUT = 45_000;

/**
 * Types into the quick input (Quick Open, the palette, Go to Line) and accepts the row holding `rowText`; waits
 * until the widget has closed again, so the next keystroke cannot land in the editor behind it.
 */
export async function acceptQuickInput(page: Page, open: string, text: string, rowText?: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await page.keyboard.press(open);
  const input = widget.locator('input.input, input').first();
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  if (rowText)
    await widget
      .locator('.quick-input-list .monaco-list-row.focused', { hasText: rowText })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
  await input.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Opens a workspace file through Quick Open and waits until its tab is active. */
export async function openFile(page: Page, name: string): Promise<void> {
  await acceptQuickInput(page, 'Control+P', name, name);
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: UI_TIMEOUT });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: UI_TIMEOUT });
}
