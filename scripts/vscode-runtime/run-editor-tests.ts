/**
 * Runs the in-editor suite (test/editor/suite) inside a real VS Code: code-server 4.139.1 with the smoke-test driver,
 * shown in Debian's Chromium through playwright-core. The workbench loads this repository as a development extension
 * and awaits the suite's `run()` in the remote extension host, against the emulator and a fresh fixture workspace.
 *
 * Usage: npx tsx scripts/vscode-runtime/run-editor-tests.ts [--no-build] [--compile-only] [--grep PATTERN] [--timeout SECONDS]
 * Writes "passed failed skipped" to $EDITOR_SUMMARY_FILE when set; exit code 0 only when the suite ran and passed.
 * A developer with desktop VS Code uses test/editor/runTest.ts (@vscode/test-electron) instead; it cannot run here.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import {
  cleanup,
  codeServerEnv,
  type CodeServer,
  emulatorDemoCredentials,
  ensureRuntime,
  freshDataDir,
  freshWorkspace,
  launchBrowser,
  removeWhenDone,
  maskSecrets,
  remoteUri,
  repoRoot,
  say,
  startCodeServer,
  startEmulator,
  workbenchUrl,
  writeUserSettings,
} from './lib';

interface Options {
  build: boolean;
  compileOnly: boolean;
  grep?: string;
  timeoutSeconds: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    build: true,
    compileOnly: false,
    timeoutSeconds: Number(process.env.TCVPN_EDITOR_TIMEOUT || 300),
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-build') options.build = false;
    else if (argv[i] === '--compile-only') options.compileOnly = true;
    else if (argv[i] === '--grep') options.grep = argv[++i];
    else if (argv[i] === '--timeout') options.timeoutSeconds = Number(argv[++i]);
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return options;
}

/** Bundles the extension (npm run build) and compiles each suite file on its own to out/test/editor/suite/*.js. */
async function buildEverything(options: Options): Promise<string> {
  if (options.build) {
    say('npm run build');
    const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('npm run build failed');
  }
  const suiteDir = path.join(repoRoot, 'test', 'editor', 'suite');
  const entryPoints = readdirSync(suiteDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(suiteDir, f));
  const outdir = path.join(repoRoot, 'out', 'test', 'editor', 'suite');
  // mocha stays external: the host resolves it from the repository's node_modules, next to out/.
  await build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(outdir, 'index.js');
}

interface SuiteResult {
  passed: number;
  failed: number;
  skipped: number;
}

/** The data folder (logs, workspace) is kept after a failed run, for a look. */
let keepDataDir = true;

/** Seconds since `started`, to one decimal, for the progress lines. */
function secondsSince(started: number): string {
  return ((Date.now() - started) / 1000).toFixed(1);
}

/** A run's fresh data folder, the fixture workspace copied into it, and the file the suite writes its result to. */
interface RunFolders {
  dataDir: string;
  workspace: string;
  resultFile: string;
}

/** Creates the run's data folder (kept after a failed run) with a fresh copy of the fixture workspace. */
function prepareRunFolders(): RunFolders {
  const dataDir = freshDataDir('tcve');
  removeWhenDone(dataDir, () => keepDataDir);
  const workspace = freshWorkspace(dataDir);
  const resultFile = path.join(dataDir, 'suite-result.json');
  say(`data dir ${dataDir}`);
  return { dataDir, workspace, resultFile };
}

/** The emulator the suite talks to: the one at TCVPN_EMULATOR_URL when set, else a fresh one logging to the data dir. */
async function emulatorForSuite(dataDir: string): Promise<{ url: string }> {
  // TCVPN_EMULATOR_URL reuses an emulator that is already running (e.g. `npm run emulator` under a debugger).
  const emulator = process.env.TCVPN_EMULATOR_URL
    ? { url: process.env.TCVPN_EMULATOR_URL }
    : await startEmulator(path.join(dataDir, 'emulator.log'));
  say(`emulator ${emulator.url}`);
  return emulator;
}

/** Writes the user settings and starts code-server with the smoke-test driver and the environment the suite reads. */
async function startSuiteCodeServer(
  folders: RunFolders,
  emulatorUrl: string,
  credentials: { secretId: string; secretKey: string },
  grep: string | undefined,
): Promise<CodeServer> {
  const { dataDir, resultFile } = folders;
  // Word-based suggestions off: the completion tests look at what our provider offers, not at words of open files.
  // TCVPN_EXTRA_SETTINGS (a JSON object) adds user settings for a diagnosis run, e.g. '{"http.proxySupport":"off"}'.
  const extraSettings = JSON.parse(process.env.TCVPN_EXTRA_SETTINGS || '{}') as Record<string, unknown>;
  writeUserSettings(dataDir, {
    'tencentcloudVpn.endpoint': emulatorUrl,
    'tencentcloudVpn.region': 'ap-guangzhou',
    'editor.wordBasedSuggestions': 'off',
    ...extraSettings,
  });
  const env = codeServerEnv(dataDir, {
    TENCENTCLOUD_SECRET_ID: credentials.secretId,
    TENCENTCLOUD_SECRET_KEY: credentials.secretKey,
    // Read by the suite in the extension host (it inherits code-server's environment).
    TCVPN_EMULATOR_URL: emulatorUrl,
    TCVPN_SUITE_RESULT_FILE: resultFile,
    TCVPN_SUITE_GREP: grep ?? '',
  });
  return startCodeServer({
    dataDir,
    env,
    smokeTestDriver: true,
    logFile: path.join(dataDir, 'code-server.log'),
  });
}

/** Wires the smoke-test driver's hooks into the page: host console to stdout (masked), and the suite's exit code. */
async function listenToExtensionHost(page: Page, secrets: string[]): Promise<{ exitCode: Promise<number> }> {
  let settle!: (code: number) => void;
  const exitCode = new Promise<number>((resolve) => (settle = resolve));
  await page.exposeFunction('codeAutomationExit', (code: number) => settle(Number(code)));
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    // The host sends console arguments as they were logged; mocha's reporter relies on printf-style formatting.
    const text = format(...(Array.isArray(args) ? args : [args]));
    // The host's console output, streamed as it comes (the suite's mocha reporter among it).
    process.stdout.write(`${maskSecrets(text, secrets)}\n`);
    void type;
  });
  page.on('pageerror', (error) => say(`page error: ${maskSecrets(String(error), secrets)}`));
  return { exitCode };
}

/** Opens the workbench with this repository as development extension and the suite as its tests, until it renders. */
async function openSuiteWorkbench(
  page: Page,
  server: CodeServer,
  workspace: string,
  suiteIndex: string,
): Promise<void> {
  const payload: [string, string][] = [
    ['extensionDevelopmentPath', remoteUri(server, repoRoot)],
    ['extensionTestsPath', remoteUri(server, suiteIndex)],
  ];
  const opened = Date.now();
  await page.goto(workbenchUrl(server, workspace, payload));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  say(`workbench rendered in ${secondsSince(opened)} s`);
}

/** The suite's exit code, or -1 when it does not finish within the timeout, or -2 when code-server exits first. */
async function waitForSuite(exitCode: Promise<number>, server: CodeServer, timeoutSeconds: number): Promise<number> {
  const timeout = new Promise<number>((resolve) =>
    setTimeout(() => {
      say(`the suite did not finish within ${timeoutSeconds} s`);
      resolve(-1);
    }, timeoutSeconds * 1000).unref(),
  );
  let settled = false;
  const serverDied = server.proc.exited.then((code) => {
    if (!settled) say(`code-server exited early (${code})`);
    return -2;
  });
  const code = await Promise.race([exitCode, timeout, serverDied]);
  settled = true;
  return code;
}

/** The counts the suite wrote to its result file, or undefined when it wrote none. */
function readSuiteResult(resultFile: string): SuiteResult | undefined {
  if (existsSync(resultFile)) return JSON.parse(readFileSync(resultFile, 'utf8')) as SuiteResult;
  return undefined;
}

/** Prints the last 40 lines of code-server's log (secrets masked), for a run that failed or did not report. */
function printCodeServerLogTail(dataDir: string, secrets: string[]): void {
  const log = path.join(dataDir, 'code-server.log');
  if (existsSync(log))
    process.stdout.write(
      `--- code-server log (tail) ---\n${maskSecrets(readFileSync(log, 'utf8').split('\n').slice(-40).join('\n'), secrets)}\n`,
    );
}

/** Appends the counts to $EDITOR_SUMMARY_FILE and prints them; a missing result counts as one failure. */
function recordSummary(result: SuiteResult | undefined): void {
  const summary = result ?? { passed: 0, failed: 1, skipped: 0 };
  if (!result) say('the suite did not report a result: counted as one failure');
  if (process.env.EDITOR_SUMMARY_FILE)
    appendFileSync(process.env.EDITOR_SUMMARY_FILE, `${summary.passed} ${summary.failed} ${summary.skipped}\n`);
  console.log(
    `in-editor suite: ${summary.passed} passed, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ''}`,
  );
}

/** Builds, starts the emulator and code-server, runs the suite in the workbench and records its counts. */
async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  if (options.compileOnly) {
    say(`compiled ${await buildEverything(options)}`);
    return 0;
  }
  ensureRuntime();
  const suiteIndex = await buildEverything(options);
  const folders = prepareRunFolders();
  const emulator = await emulatorForSuite(folders.dataDir);
  const credentials = emulatorDemoCredentials();
  const secrets = [credentials.secretKey];
  const server = await startSuiteCodeServer(folders, emulator.url, credentials, options.grep);
  say(`code-server ${server.url} (pgid ${server.proc.pgid}), ready after ${secondsSince(started)} s`);

  const context = await launchBrowser(folders.dataDir);
  const page = context.pages()[0] ?? (await context.newPage());
  const { exitCode } = await listenToExtensionHost(page, secrets);
  await openSuiteWorkbench(page, server, folders.workspace, suiteIndex);
  const code = await waitForSuite(exitCode, server, options.timeoutSeconds);
  say(`suite settled with ${code} after ${secondsSince(started)} s in total`);

  const result = readSuiteResult(folders.resultFile);
  if (code !== 0 || !result) printCodeServerLogTail(folders.dataDir, secrets);
  recordSummary(result);
  const ok = code === 0 && result !== undefined && result.failed === 0;
  keepDataDir = !ok;
  return ok ? 0 : 1;
}

main()
  .then(async (code) => {
    await cleanup.runAll();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await cleanup.runAll();
    if (process.env.EDITOR_SUMMARY_FILE) appendFileSync(process.env.EDITOR_SUMMARY_FILE, '0 1 0\n');
    process.exit(1);
  });
